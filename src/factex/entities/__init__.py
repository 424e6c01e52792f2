"""Entity layer: NER, boundary repair, normalisation and clustering."""
