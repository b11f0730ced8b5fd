"""The `factlint` console command: `linter.cli.main`, with Ctrl-C quiet even while it starts.

Importing the linter takes a moment; a Ctrl-C then would print a traceback, as Python does for any
KeyboardInterrupt it does not catch. Until `cli.main` takes over (it catches KeyboardInterrupt), an
interrupt ends the process at once with one line and exit code 130.
"""
import os
import signal
import sys


def _interrupted_while_starting(signum, frame):
    sys.stderr.write("factlint: interrupted\n")
    os._exit(130)


def main() -> int:
    signal.signal(signal.SIGINT, _interrupted_while_starting)
    from .cli import main as run
    signal.signal(signal.SIGINT, signal.default_int_handler)
    return run()
