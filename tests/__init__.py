"""The suite. Imported first (before tests/conftest.py), so that what it sets here holds for every module the run
imports and every process it starts.

Python may cache its bytecode during the run even where the environment says not to (PYTHONDONTWRITEBYTECODE,
set on the machines here): without the caches each worker compiled every module again and rewrote every test's
assertions at each run (12 s of CPU a worker to collect, 4 s with them), and each `briefbot run` a test starts
compiled the whole bot. The caches are `__pycache__` folders beside the sources, which git ignores.
"""

import os
import sys

sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # for the workers and the processes the tests start
