"""A process's identity: host, pid and a random suffix, one text that reads back."""

from __future__ import annotations

import os
import socket

from bot.process_identity import ProcessIdentity, current_identity, new_identity


def test_an_identity_names_the_host_and_the_pid_and_reads_back() -> None:
    identity = current_identity()
    assert identity.host == (socket.gethostname() or "localhost") and identity.pid == os.getpid()
    assert str(identity) == f"{identity.host}:{identity.pid}:{identity.suffix}"
    assert ProcessIdentity.parse(str(identity)) == identity
    assert current_identity() is identity  # one per process


def test_two_identities_of_one_process_differ_by_their_suffix() -> None:
    first, second = new_identity("worker-1"), new_identity("worker-1")
    assert (first.host, first.pid) == (second.host, second.pid) and first != second
    assert str(first) != str(second)


def test_text_that_is_no_identity_reads_as_none() -> None:
    for text in ("", "host", "host:pid:x", "host:12", ":12:ab", "host:12:", "a:1:b:c"):
        assert ProcessIdentity.parse(text) is None, text
