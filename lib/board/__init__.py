"""The board pack: an A4 PDF of the current view, and what presentation mode shows."""
