"""Starting the bot as a process of its own (`python -m bot run`), as every benchmark that does so starts it."""

from __future__ import annotations

import asyncio
import contextlib
import sys
from pathlib import Path


async def start_bot_process(
    workdir: Path, env: dict[str, str], *, log: Path | None = None
) -> asyncio.subprocess.Process:
    """`python -m bot run` in `workdir` (which holds no .env: `env` is the whole configuration), stdin closed;
    for every benchmark that runs the bot as a process of its own. Its output (both streams) goes into `log`;
    without one, its log (stderr) is piped to the caller and stdout discarded."""
    with contextlib.ExitStack() as files:
        out = files.enter_context(log.open("wb")) if log is not None else None
        return await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "run",
            cwd=workdir,
            env=env,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=out if out is not None else asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.STDOUT if out is not None else asyncio.subprocess.PIPE,
        )
