"""The curators' tools: the offline gazetteer, places.yaml entries, and writers of our format."""
