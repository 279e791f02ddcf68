"""Projects and their events on a time axis, as precise as the reports."""
