"""Allow ``python -m dispatches``."""
import sys

from .cli import main

sys.exit(main())
