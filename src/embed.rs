//! The `<blincyto-checker>` bridge. (Being written.)
