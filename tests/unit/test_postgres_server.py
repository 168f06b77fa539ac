"""The tests' throwaway PostgreSQL server never outlives its test run: a real process that started two
servers is SIGKILLed; the one with its watchdog is stopped at once, the one without (as if the watchdog had
been killed too) by the next run's `clear_dead_servers`, which spares the servers of live runs."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.postgres import PostgresServer, clear_dead_servers

REPO = Path(__file__).resolve().parents[2]

# A test run of its own: two servers, their folders and postmasters' pids printed, then it waits to be killed.
_RUN = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from tests.postgres import PostgresServer
    watched, unwatched = PostgresServer(Path(sys.argv[1])), PostgresServer(Path(sys.argv[1]), watchdog=False)
    watched.start()
    unwatched.start()
    def postmaster(server):
        return int((server.data / "postmaster.pid").read_text().split()[0])
    print(json.dumps({
        "watched": [str(watched.root), postmaster(watched), watched.watchdog.pid],
        "unwatched": [str(unwatched.root), postmaster(unwatched)],
    }), flush=True)
    sys.stdin.read()
    """
)


def _ended(pid: int, timeout: float = 60.0) -> bool:
    """Wait for process `pid` (not a child of ours) to exit: its pidfd turns readable then."""
    try:
        pidfd = os.pidfd_open(pid)
    except ProcessLookupError:
        return True
    try:
        watch = select.poll()
        watch.register(pidfd, select.POLLIN)
        return bool(watch.poll(timeout * 1000))
    finally:
        os.close(pidfd)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_killed_runs_servers_are_stopped_and_live_runs_keep_theirs(
    postgres_server: PostgresServer,
) -> None:
    run = subprocess.Popen(
        [sys.executable, "-c", _RUN, str(postgres_server.bindir)],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert run.stdout is not None
    started = json.loads(run.stdout.readline())
    watched_root, watched_postmaster, watchdog = started["watched"]
    unwatched_root, unwatched_postmaster = started["unwatched"]
    # While the run lives, the next run leaves its servers alone (and this session's own).
    assert clear_dead_servers(postgres_server.bindir) == []
    assert _alive(watched_postmaster) and _alive(unwatched_postmaster)

    run.send_signal(signal.SIGKILL)
    run.wait()

    assert _ended(watched_postmaster), "the watchdog did not stop the killed run's server"
    assert _ended(watchdog)
    assert not Path(watched_root).exists()
    assert _alive(unwatched_postmaster)  # no watchdog: left behind, until the next run starts

    assert clear_dead_servers(postgres_server.bindir) == [Path(unwatched_root)]
    assert _ended(unwatched_postmaster)
    assert not Path(unwatched_root).exists()
    assert postgres_server.root.exists() and _alive(
        int((postgres_server.data / "postmaster.pid").read_text().split()[0])
    )
