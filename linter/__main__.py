"""`python -m linter` is the `factlint` command."""
import sys

from .console import main

sys.exit(main())
