"""Stops a test run's throwaway PostgreSQL server when the process that started it dies, however it dies.

Started by tests/postgres.py (PostgresServer.start) in a session of its own, so that a signal to the test
run's process group (Ctrl-C, `kill -- -PGID`) does not take it down with its owner. It is handed a pidfd of
its owner (inherited, not a pid it looks up, so a pid reused after the owner's death is never mistaken for
it) and blocks until that pidfd turns readable: the kernel's word that the owner has exited. Then it stops
the server (`pg_ctl stop -m immediate`, as the user the server runs as) and removes its folder.

When the owner stops the server itself (the session's end), it ends this watchdog first.

Standard library only, run as a script: `python postgres_watchdog.py PIDFD PG_CTL DATA ROOT [USER...]`.
"""

from __future__ import annotations

import select
import shutil
import subprocess
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    pidfd, pg_ctl, data, root, *as_user = argv
    watch = select.poll()
    watch.register(int(pidfd), select.POLLIN)
    while not watch.poll():  # readable once the owner has exited; poll() with no timeout blocks until then
        pass
    if (Path(data) / "postmaster.pid").exists():
        subprocess.run(
            [*as_user, pg_ctl, "-D", data, "-m", "immediate", "-w", "stop"],
            capture_output=True,
            check=False,
        )
    shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
