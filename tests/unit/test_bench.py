"""The benchmarks still import: they run by hand, not in CI, so a moved test helper would break them unseen."""

from __future__ import annotations

import importlib

import pytest

from tests.conftest import REPO

BENCH_MODULES = sorted(path.stem for path in (REPO / "bench").glob("*.py"))


def test_every_benchmark_is_found() -> None:
    assert {"fanout", "crash_trials", "interactions"} <= set(BENCH_MODULES)


@pytest.mark.parametrize("name", BENCH_MODULES)
def test_a_benchmark_module_imports(name: str) -> None:
    importlib.import_module(f"bench.{name}")
