//! number recognizer.
