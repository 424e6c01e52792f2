"""Text layer: paragraphs, sentences, tokens, morphology."""
