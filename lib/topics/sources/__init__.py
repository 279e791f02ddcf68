"""The reports and what the data took from each."""
