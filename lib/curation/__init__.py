"""The curators' tools: the command line, the offline gazetteer and writers of our format."""
