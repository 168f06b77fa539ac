"""Who this process is: its host, its process id and a random suffix, as one short text.

Several `briefbot run` processes may share one database. What each holds there (the lease on a digest's send,
later its shards) is written under this identity, and each process logs it at start, so that an operator can
tell the processes apart in the log and in `briefbot status`. The suffix tells a process from an earlier one
that had the same process id (a restarted container often gets the same pid), so two processes never share an
identity.
"""

from __future__ import annotations

import os
import secrets
import socket
from dataclasses import dataclass

_SUFFIX_BYTES = 4  # 8 hex digits: two processes of one host and pid in a row collide once in 4 billion


@dataclass(frozen=True, slots=True)
class ProcessIdentity:
    """One process: `host:pid:suffix` as text (`str()`), read back by `parse`."""

    host: str
    pid: int
    suffix: str

    def __str__(self) -> str:
        return f"{self.host}:{self.pid}:{self.suffix}"

    @classmethod
    def parse(cls, text: str) -> ProcessIdentity | None:
        """The identity written as `text`, or None when `text` is not one (a host name has no colon)."""
        host, _, rest = text.partition(":")
        pid, _, suffix = rest.partition(":")
        if not host or not pid.isdigit() or not suffix or ":" in suffix:
            return None
        return cls(host, int(pid), suffix)


def new_identity(host: str | None = None) -> ProcessIdentity:
    """A fresh identity for this process (`host`: the machine's host name unless given)."""
    return ProcessIdentity(
        host or socket.gethostname() or "localhost", os.getpid(), secrets.token_hex(_SUFFIX_BYTES)
    )


_current: ProcessIdentity | None = None


def current_identity() -> ProcessIdentity:
    """This process's identity: made once, the same for the whole run (a fork gets its own)."""
    global _current  # one identity per process, made on first use
    if _current is None or _current.pid != os.getpid():
        _current = new_identity()
    return _current
