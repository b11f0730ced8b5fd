"""`python -m linter` is the `factlint` command."""
import sys

from .cli import main

sys.exit(main())
