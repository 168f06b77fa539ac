"""`python -m bot` runs the same command line as `briefbot`."""

from bot.cli import main

raise SystemExit(main())
