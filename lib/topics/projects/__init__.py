"""The project list and everything known about one project."""
