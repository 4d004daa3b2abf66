"""transflow: Chinese news articles into English with a human in the loop, through gettext catalogs."""

import os
import signal
import sys

__version__ = "0.1.0"


def interrupted_while_starting(signum, frame) -> None:  # noqa: ARG001 - a signal handler's signature
    """Ctrl-C while the program is still importing: nothing has been written; one line, not a traceback."""
    os.write(2, b"transflow: error: interrupted while starting; nothing was written\n")
    os._exit(130)


# Started as the program (the console script, or `python -m transflow.cli`, whose package is imported while
# argv[0] is still "-m"), not imported by a test or a library user: quiet Ctrl-C until a command begins
# (transflow.shell then gives Python's handler back, and commands report interruptions themselves).
if os.path.basename(sys.argv[0] if sys.argv else "") == "transflow" or sys.argv[:1] == ["-m"]:
    signal.signal(signal.SIGINT, interrupted_while_starting)
