//! The plain-text summary for the medical record. (Being written.)
