"""`python -m pipeline extract`: print the claims read from article files. Not built yet."""

from __future__ import annotations


def run(paths: list[str], output_format: str) -> int:
    print("error: `extract` is not built yet", flush=True)
    return 2
