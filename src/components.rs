//! The Yew components. (Being written.)
