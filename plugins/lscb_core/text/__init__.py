"""Text as every check compares it: the one normaliser (normalise), the fold
of one character (characters) and clean text with case kept (cleaned)."""
