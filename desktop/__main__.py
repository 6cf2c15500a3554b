"""`python -m desktop` is the `jixiao` command."""

import sys

from desktop.cli import main

sys.exit(main())
