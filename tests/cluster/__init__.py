"""Several `briefbot run` processes on one PostgreSQL database, one token and one stand-in."""
