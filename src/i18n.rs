//! One string table per language (sv, nb, en). (Being written.)
