"""`python -m pipeline release`: build every asset through Dagster and publish. Not built yet."""

from __future__ import annotations


def run() -> int:
    print("error: `release` is not built yet", flush=True)
    return 2
