"""IATI 2.03 activities: export of our data and lenient import of published files."""
