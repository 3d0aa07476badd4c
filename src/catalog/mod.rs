//! Official indicator catalogues as data. (Being written.)
