"""Synthetic portfolios in our data format, for testing the dashboard at scale."""
