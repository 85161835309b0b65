"""What differs between a published release folder and a freshly built one, in words a maintainer
can act on: which files, and for the tables how many rows were added, removed or changed."""

from __future__ import annotations

import csv
from pathlib import Path

from pipeline.release.tables import TABLES_BY_NAME


def _files(folder: Path) -> dict[str, Path]:
    return {path.name: path for path in sorted(folder.iterdir()) if path.is_file()}


def _rows(path: Path) -> tuple[list[str], list[list[str]]]:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return (rows[0], rows[1:]) if rows else ([], [])


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def table_difference(name: str, published: Path, built: Path) -> str:
    """'observations.csv: 2 rows added, 1 row changed' (rows matched by the table's key)."""
    old_header, old_rows = _rows(published)
    new_header, new_rows = _rows(built)
    if old_header != new_header:
        return f"{name}.csv: columns differ (published: {','.join(old_header)}; built now: {','.join(new_header)})"
    spec = TABLES_BY_NAME[name]
    positions = [new_header.index(c) for c in spec.key] if spec.key and all(c in new_header for c in spec.key) else None

    def keyed(rows: list[list[str]]) -> dict[tuple, list[str]]:
        return {tuple(row[i] for i in positions) if positions else tuple(row): row for row in rows}

    old, new = keyed(old_rows), keyed(new_rows)
    added = len(new.keys() - old.keys())
    removed = len(old.keys() - new.keys())
    changed = sum(1 for key in old.keys() & new.keys() if old[key] != new[key])
    parts = [f"{_plural(count, 'row')} {what}" for count, what in ((added, "added"), (removed, "removed"), (changed, "changed")) if count]
    if not parts:
        parts = ["same rows, different bytes"]
    return f"{name}.csv: " + ", ".join(parts) + f" ({len(old_rows)} published, {len(new_rows)} built now)"


def describe_differences(published: Path, built: Path) -> list[str]:
    """One line per difference; [] when every file is byte-identical."""
    old, new = _files(published), _files(built)
    lines, other = [], []
    for name in sorted(old.keys() - new.keys()):
        lines.append(f"{name}: in the published release but not built now")
    for name in sorted(new.keys() - old.keys()):
        lines.append(f"{name}: built now but not in the published release")
    for name in sorted(old.keys() & new.keys()):
        if old[name].read_bytes() == new[name].read_bytes():
            continue
        stem, _, suffix = name.rpartition(".")
        if suffix == "csv" and stem in TABLES_BY_NAME:
            lines.append(table_difference(stem, old[name], new[name]))
        else:
            other.append(name)
    if other:
        lines.append("also different: " + ", ".join(other))
    return lines
