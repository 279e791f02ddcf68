"""Who pays for what: funders, programmes and grants per project."""
