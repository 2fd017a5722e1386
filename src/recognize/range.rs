//! range recognizer.
