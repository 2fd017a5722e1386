//! date recognizer.
