//! duration recognizer.
