"""Findings of the checks -> the quality report, the claims' `check` column, and blocking problems.

Every check (and every conflict between sources) yields Findings. One Finding is one row of
quality.csv and says which claims it concerns:
- `claim_ids`: every claim whose figure was compared; on `ok` they are all marked checked-ok;
- `blamed`: the claims a failure points at (the stated change, share or rate, the total of a
  sum, both sides of a subset, the losing side of a conflict); on `warning` or `error` they are
  marked `mismatch`.
A claim's `check` is `mismatch` if any finding blames it, else `ok` if any finding compared it,
else `unchecked`. A finding with result `error` (impossible data) becomes a Problem that blocks
the release.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from pipeline import problems as P
from pipeline.ingest.common import frame
from pipeline.schemas import Quality, columns

QUALITY_COLUMNS = columns(Quality)
OK, WARNING, ERROR = "ok", "warning", "error"


@dataclass(frozen=True)
class Finding:
    check: str
    area_id: str | None
    period: str | None
    metric: str | None
    values: str  # the figures compared, `name=value` joined by "; "
    expected: str  # what the check expected and the tolerance it allowed
    result: str  # OK, WARNING or ERROR
    sources: tuple[str, ...]
    detail: str
    claim_ids: tuple[str, ...] = ()
    blamed: tuple[str, ...] = ()

    @property
    def identity(self) -> tuple:
        """Two findings with the same identity compare the same figures."""
        return (self.check, self.area_id, self.period, self.metric, self.values)


def quality_frame(findings: list[Finding]) -> pd.DataFrame:
    rows = [
        {"check": f.check, "area_id": f.area_id, "period": f.period, "metric": f.metric, "values": f.values,
         "expected": f.expected, "result": f.result, "sources": ";".join(sorted(set(f.sources))) or None,
         "detail": f.detail}
        for f in findings
    ]
    table = frame(rows, QUALITY_COLUMNS)
    if table.empty:
        return table
    order = ["area_id", "period", "metric", "check", "values", "result"]
    return table.sort_values(order, na_position="first", kind="stable").reset_index(drop=True)


def claim_checks(claim_ids: pd.Series, findings: list[Finding]) -> pd.Series:
    """The `check` column for these claims."""
    mismatched = {c for f in findings if f.result != OK for c in f.blamed}
    checked = {c for f in findings if f.result == OK for c in f.claim_ids}
    return claim_ids.map(lambda c: "mismatch" if c in mismatched else "ok" if c in checked else "unchecked")


def source_paths(sources: pd.DataFrame) -> dict[str, str]:
    """source_id -> its raw file relative to data/raw/, for messages a maintainer can follow."""
    if sources.empty:
        return {}
    return {s: p for s, p in zip(sources["source_id"], sources["path"]) if isinstance(p, str) and p}


def blocking_problems(findings: list[Finding], claims: pd.DataFrame, sources: pd.DataFrame) -> list[P.Problem]:
    """One error Problem per `error` finding, naming the figures, sources and claims to fix.

    The file is the raw file of the first blamed claim's source, so the report points at what a
    maintainer opens; the reason names every value, source and claim (with its locator).
    """
    paths = source_paths(sources)
    located = dict(zip(claims["claim_id"], zip(claims["source_id"], claims["locator"])))
    problems = []
    for f in findings:
        if f.result != ERROR:
            continue
        blamed = [c for c in f.blamed if c in located]
        where = [f"{c} at {located[c][1]}" for c in blamed]
        first_source = located[blamed[0]][0] if blamed else (f.sources[0] if f.sources else None)
        file = paths.get(first_source) or first_source or "claims"
        reason = (
            f"impossible data for {f.area_id} {f.period} {f.metric} ({f.check}): {f.detail.removeprefix('impossible: ')}; "
            f"values {f.values}; sources {'; '.join(sorted(set(f.sources)))}; "
            f"claims {'; '.join(where) or 'none'}. Correct or reject the wrong claim (data/raw/review/)."
        )
        problems.append(P.error(file, reason))
    return problems
