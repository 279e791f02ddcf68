"""The compiled snapshot of a validated data folder: built once per data version into one
DuckDB file, opened by the app and the command line instead of parsing the YAML again.
It sits between `lib.load` (which reads and validates the folder) and `lib.query`; its atomic
writes (`atomic.py`) serve every package above that writes a file."""
