"""``python -m bench``: the whole benchmark (bench/suite.py); same options as ``bench/run``."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from suite import main

main()
