"""What every reader of data/raw/ shares: the batch it returns, checksums and strict CSV reading."""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pipeline import problems as P
from pipeline.reference import Reference
from pipeline.schemas import Claims, Sources, columns

CLAIM_COLUMNS = columns(Claims)
SOURCE_COLUMNS = columns(Sources)

CLAIM_DEFAULTS = {"check": "unchecked", "used": False, "status": "ok", "note": None}


@dataclass
class Ingested:
    """What a reader produced from one kind of raw input."""

    claims: pd.DataFrame  # CLAIM_COLUMNS
    sources: pd.DataFrame  # SOURCE_COLUMNS (n_claims filled in when claims are final)
    problems: list[P.Problem] = field(default_factory=list)
    # The raw text of each article read, by source_id: review decisions quote it (ingest/review.py).
    texts: dict[str, str] = field(default_factory=dict)

    @classmethod
    def empty(cls, problems: list[P.Problem] | None = None) -> "Ingested":
        return cls(frame([], CLAIM_COLUMNS), frame([], SOURCE_COLUMNS), list(problems or []))

    @classmethod
    def combine(cls, batches: list["Ingested"]) -> "Ingested":
        return cls(
            claims=frame([row for b in batches for row in b.claims.to_dict("records")], CLAIM_COLUMNS),
            sources=frame([row for b in batches for row in b.sources.to_dict("records")], SOURCE_COLUMNS),
            problems=[p for b in batches for p in b.problems],
            texts={source_id: text for b in batches for source_id, text in b.texts.items()},
        )


def frame(rows: list[dict], column_names: list[str]) -> pd.DataFrame:
    """A frame with exactly these columns, in order, from row dicts (missing keys become null)."""
    if not rows:
        return pd.DataFrame({name: pd.Series(dtype=object) for name in column_names})
    return pd.DataFrame.from_records(rows, columns=column_names)


def claim_row(reference: Reference, **fields) -> dict:
    """A claims row with the defaults (check unchecked, not used, status ok) and the metric's unit."""
    row = {**CLAIM_DEFAULTS, **fields}
    row.setdefault("unit", reference.metric_units.get(row.get("metric"), ""))
    return {name: row.get(name) for name in CLAIM_COLUMNS}


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def read_text(path: Path, shown: str) -> tuple[str | None, list[P.Problem]]:
    """A contributor's text file (CSV, layout), a leading BOM dropped; or None with the reason."""
    try:
        return path.read_bytes().decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        return None, [P.error(shown, f"is not UTF-8 text (byte {exc.start}); save it as UTF-8")]
    except OSError as exc:
        return None, [P.error(shown, f"cannot be read: {exc.strerror}")]


def read_csv_rows(
    path: Path, shown_as: str, required: list[str], optional: list[str] = ()
) -> tuple[list[tuple[int, dict]], list[P.Problem]]:
    """Rows of a contributor CSV as (line number, {column: stripped text}), with problems.

    Line numbers are the file's (header = line 1), so messages point at what a maintainer sees.
    A file that is not UTF-8, lacks a required column, or has unexpected columns is one error and
    no rows: half-reading a table would publish half its figures.
    """
    text, problems = read_text(path, shown_as)
    if text is None:
        return [], problems
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None:
        return [], [P.error(shown_as, "is empty: expected a header row " + ",".join(required))]
    header = [name.strip() for name in header]
    missing = [name for name in required if name not in header]
    unknown = [name for name in header if name not in required and name not in optional]
    found = []
    if missing:
        found.append(P.error(shown_as, f"missing column(s) {', '.join(missing)}; expected {','.join(required)}", row=1))
    if unknown:
        found.append(P.error(shown_as, f"unexpected column(s) {', '.join(unknown)}", row=1))
    if found:
        return [], found
    rows = []
    for cells in reader:
        line_number = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            found.append(P.error(shown_as, f"has {len(cells)} cells where the header has {len(header)}", row=line_number))
            continue
        rows.append((line_number, {name: cell.strip() for name, cell in zip(header, cells)}))
    return rows, found
