"""`python -m lib.cli`: the command line without its installed `dashboard-data` script."""

import sys

from lib.cli import main

sys.exit(main())
