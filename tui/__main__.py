"""``python -m tui`` runs the ``board`` command."""

import sys

from tui.cli import main

sys.exit(main())
