//! Abbreviations and sentence starters used by the sentence splitter.
