"""`python -m pipeline check`: validate raw inputs without building anything. Not built yet."""

from __future__ import annotations


def run(paths: list[str]) -> int:
    print("error: `check` is not built yet", flush=True)
    return 2
