//! TimeML / WikiWars evaluation of the tagger.
