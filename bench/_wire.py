"""When each HTTP request really reached the stand-in: the kernel's time for its first bytes on the loopback.

The stand-in stamps a request when its handler starts, on its own event loop: a loop held up (by its own
work, or by a machine too busy to run it) stamps the requests queued meanwhile late, together, and a
second of arrivals then looks busier than it was. The kernel stamps a packet when it passes the loopback
device, that is when the sending process's write reached it, whatever either process's loop was doing.
So this reads every IPv4 packet on ``lo`` from a packet socket (Linux, root or CAP_NET_RAW) with the
kernel's receive time (SO_TIMESTAMPNS) and keeps those whose TCP payload starts an HTTP request: one per
request, discord.py writing a request's line and headers in one segment.

Run as ``python bench/_wire.py OUT.json``: prints ``{"ready": true, "offset": realtime - monotonic}`` once
listening, captures until stdin closes (or SIGTERM), then writes ``[[monotonic seconds, destination port,
method, path], ...]`` to OUT.json and prints ``{"captured": n, "packets": m}``. ``start_wire`` does that.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import select
import signal
import socket
import struct
import sys
import threading
import time
from pathlib import Path
from typing import Any

ETH_P_IP = 0x0800
SCRIPT = Path(__file__).resolve()
SO_TIMESTAMPNS = 35  # Linux; its control message type is the same number
SO_RCVBUFFORCE = 33  # Linux: a receive buffer past rmem_max (root)
PACKET_HOST = 0  # addressed to this host: on ``lo`` each packet is also seen once as PACKET_OUTGOING
METHODS = (b"GET ", b"POST ", b"PUT ", b"PATCH ", b"DELETE ")
RECEIVE_BUFFER = 64 << 20  # bytes the kernel keeps for this socket while the process is not reading


def capture(out: Path, stop: threading.Event) -> tuple[int, int]:
    sock = socket.socket(socket.AF_PACKET, socket.SOCK_DGRAM, socket.htons(ETH_P_IP))
    sock.setsockopt(socket.SOL_SOCKET, SO_RCVBUFFORCE, RECEIVE_BUFFER)
    sock.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)
    sock.bind(("lo", ETH_P_IP))
    offset = time.time() - time.monotonic()
    print(json.dumps({"ready": True, "offset": offset}), flush=True)
    seen: list[list[Any]] = []
    packets = 0
    ancillary = socket.CMSG_SPACE(16)
    while not stop.is_set():
        readable, _, _ = select.select([sock], [], [], 0.2)
        if not readable:
            continue
        data, controls, _, address = sock.recvmsg(65535, ancillary)
        packets += 1
        if address[2] != PACKET_HOST or len(data) < 40 or data[9] != socket.IPPROTO_TCP:
            continue
        header = (data[0] & 0x0F) * 4
        payload = header + (data[header + 12] >> 4) * 4
        if not data.startswith(METHODS, payload):
            continue
        stamp = None
        for level, kind, value in controls:
            if level == socket.SOL_SOCKET and kind == SO_TIMESTAMPNS:
                seconds, nanoseconds = struct.unpack("qq", value[:16])
                stamp = seconds + nanoseconds / 1e9
        if stamp is None:
            continue
        port = struct.unpack("!H", data[header + 2 : header + 4])[0]
        line = data[payload : data.find(b"\r\n", payload)].decode("latin-1").split(" ")
        if len(line) >= 2:
            seen.append([stamp - offset, port, line[0], line[1]])
    sock.close()
    out.write_text(json.dumps(seen))
    return len(seen), packets


def main(out: str) -> None:
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())

    def wait_for_end_of_input() -> None:
        sys.stdin.read()
        stop.set()

    threading.Thread(target=wait_for_end_of_input, daemon=True).start()
    with contextlib.suppress(OSError):
        os.setpriority(os.PRIO_PROCESS, 0, -10)
    captured, packets = capture(Path(out), stop)
    print(json.dumps({"captured": captured, "packets": packets}), flush=True)


class Wire:
    """A running capture (``start_wire``); ``stop`` returns its arrivals, or None when it could not run."""

    def __init__(self, process: asyncio.subprocess.Process | None, out: Path, why_not: str | None) -> None:
        self.process = process
        self.out = out
        self.why_not = why_not
        self.summary: dict[str, Any] = {}  # {"captured": requests, "packets": packets read}

    async def stop(self) -> list[list[Any]] | None:
        if self.process is None:
            return None
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.close()
        try:
            line = await asyncio.wait_for(self.process.stdout.readline(), 60)
            await asyncio.wait_for(self.process.wait(), 10)
        except TimeoutError:
            self.process.kill()
            self.why_not = "the capture did not finish"
            return None
        if not line or not self.out.exists():
            self.why_not = "the capture ended without its recordings"
            return None
        self.summary = json.loads(line)
        arrivals: list[list[Any]] = json.loads(await asyncio.to_thread(self.out.read_text))
        return arrivals


async def start_wire(out: Path) -> Wire:
    """Starts the capture in a process of its own; a Wire that measures nothing (and says why) when this
    machine does not allow it (not Linux, not root)."""
    try:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            str(SCRIPT),
            str(out),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
    except OSError as exc:
        return Wire(None, out, f"cannot start the capture: {exc}")
    assert process.stdout is not None and process.stderr is not None
    line = await process.stdout.readline()
    if not line.startswith(b'{"ready"'):
        await process.wait()
        error = (await process.stderr.read()).decode(errors="replace").strip().splitlines()
        return Wire(None, out, f"no packet capture on this machine: {error[-1] if error else 'no answer'}")
    return Wire(process, out, None)


if __name__ == "__main__":
    main(sys.argv[1])
