"""What the filters select, and the figures, names and limits worked out from it."""
