"""Claims -> observations: one row per (area_id, period, metric), conflicts decided by policy.py.

For each key, the usable claims (status ok, with a value) are grouped into statements: one per
distinct (value, qualifier), with the distinct sources that state it. Then:
- Candidates are the most precise statements (exact values if any, else approximate ones, else
  bounds), plus any less precise statement that agrees with none of them (a bound no exact value
  satisfies is a rival, not a footnote). Agreement is rounding.statement() intervals meeting.
- One candidate, or candidates that all agree (e.g. "up 14%" and "up 13.8%"): no conflict. The
  narrowest is published ("more than 300" and 314 -> 314, value_low/high empty as 314 was
  reported exactly); n_sources counts the distinct sources stating the published value exactly,
  so a bound or a hedge agreeing with it does not count as corroboration.
- Candidates that disagree: the conflict policy chooses (status conflict_resolved, the note says
  what else was said and why) or finds no basis (status conflict, fallback value, the note lists
  all). Claims disagreeing with the published value are blamed (check = mismatch); with no basis
  to choose, every candidate's claims are, the published one's included.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from pipeline.financial_year import period_bounds
from pipeline.ingest.common import frame
from pipeline.reconcile import policy, rounding
from pipeline.reconcile.quality import WARNING, Finding
from pipeline.reference import Reference
from pipeline.schemas import Observations, columns

OBSERVATION_COLUMNS = columns(Observations)
KEY = ["area_id", "period", "metric"]


@dataclass(frozen=True)
class Statement:
    value: float
    qualifier: str
    unit: str
    sources: tuple[str, ...]  # distinct, sorted
    claim_ids: tuple[str, ...]

    @property
    def interval(self) -> rounding.Interval:
        return rounding.statement(self.value, self.qualifier, self.unit)

    def agrees_with(self, other: "Statement") -> bool:
        return self.interval.overlaps(other.interval)


@dataclass
class Merged:
    observations: pd.DataFrame  # OBSERVATION_COLUMNS, reported values only
    used: set[str] = field(default_factory=set)  # claim_ids whose value is published
    findings: list[Finding] = field(default_factory=list)  # one `conflict` finding per disagreeing key


@dataclass(frozen=True)
class SourceFacts:
    """What the policy needs to know about each source."""

    foi: frozenset[str]
    published: dict[str, date]

    @classmethod
    def of(cls, claims: pd.DataFrame, sources: pd.DataFrame) -> "SourceFacts":
        foi = set(claims.loc[claims["source_type"] == "foi_table", "source_id"])
        published = {}
        if not sources.empty:
            foi |= set(sources.loc[sources["source_type"] == "foi_table", "source_id"])
            for source_id, text in zip(sources["source_id"], sources["published"]):
                try:
                    published[source_id] = date.fromisoformat(str(text)[:10])
                except ValueError:
                    pass  # unknown or unreadable dates are simply not known
        return cls(frozenset(foi), published)

    def latest(self, source_ids: tuple[str, ...]) -> date | None:
        known = [self.published[s] for s in source_ids if s in self.published]
        return max(known) if known else None


def usable(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims that may feed observations: status ok and a value."""
    return claims[(claims["status"] == "ok") & claims["value"].notna()]


def statements_by_key(claims: pd.DataFrame, *, per_source: bool = False) -> dict[tuple, list[Statement]]:
    """The usable claims as statements, per key (area_id, period, metric), or per (source_id, key)
    when `per_source`. Plain dicts: grouping thousands of tiny groups in pandas is far slower."""
    groups: dict[tuple, dict[tuple, tuple[list[str], set[str]]]] = {}
    fields = ["claim_id", "source_id", "area_id", "period", "metric", "value", "qualifier", "unit"]
    for claim_id, source_id, area_id, period, metric, value, qualifier, unit in usable(claims)[fields].itertuples(index=False, name=None):
        key = (area_id, period, metric)
        outer = (source_id, key) if per_source else key
        ids, sources = groups.setdefault(outer, {}).setdefault((float(value), qualifier, unit), ([], set()))
        ids.append(claim_id)
        sources.add(source_id)
    return {
        outer: [Statement(v, q, u, tuple(sorted(sources)), tuple(sorted(ids))) for (v, q, u), (ids, sources) in sorted(inner.items())]
        for outer, inner in sorted(groups.items())
    }


def candidates_of(statements: list[Statement]) -> list[Statement]:
    most_precise = min(policy.PRECISION[s.qualifier] for s in statements)
    top = [s for s in statements if policy.PRECISION[s.qualifier] == most_precise]
    rivals = [s for s in statements if policy.PRECISION[s.qualifier] > most_precise and not any(s.agrees_with(t) for t in top)]
    return top + rivals


def _as_candidate(statement: Statement, statements: list[Statement], facts: SourceFacts) -> policy.Candidate:
    foi_backed = any(
        s.agrees_with(statement) and any(src in facts.foi for src in s.sources) for s in statements
    )
    return policy.Candidate(statement.value, statement.qualifier, statement.sources, foi_backed, facts.latest(statement.sources))


def _narrowest(statements: list[Statement]) -> Statement:
    """The most informative of statements that agree: the narrowest interval; among bounds
    alone, the tightest lower bound (else the tightest upper bound)."""
    if all(s.qualifier in rounding.BOUNDS for s in statements):
        lower = [s for s in statements if s.qualifier in ("more_than", "at_least")]
        if lower:
            return max(lower, key=lambda s: (s.value, s.qualifier == "more_than", len(s.sources)))
        return min(statements, key=lambda s: (s.value, s.qualifier != "fewer_than", -len(s.sources)))
    return min(statements, key=lambda s: (s.interval.width, policy.PRECISION[s.qualifier], -len(s.sources), s.value))


def _limits(chosen: Statement, statements: list[Statement]) -> tuple[float | None, float | None]:
    """value_low / value_high: for a published bound, the interval every bound agreeing with it
    allows ("more than 300" and "fewer than 400": 300 and 400); empty for a plain value."""
    if chosen.qualifier not in rounding.BOUNDS:
        return None, None
    bounds = [s.interval for s in statements if s.qualifier in rounding.BOUNDS and s.agrees_with(chosen)]
    low, high = max(i.low for i in bounds), min(i.high for i in bounds)
    return (None if math.isinf(low) else low), (None if math.isinf(high) else high)


def merge_key(area_id: str, period: str, metric: str, statements: list[Statement], facts: SourceFacts) -> tuple[dict, Statement, Finding | None]:
    """(observation fields decided here, the published statement, a conflict finding or None)."""
    candidates = candidates_of(statements)
    conflicting = any(not a.agrees_with(b) for i, a in enumerate(candidates) for b in candidates[i + 1:])
    finding = None
    if not conflicting:
        chosen = _narrowest(candidates)
        status = "corroborated" if len(chosen.sources) >= 2 else "single_source"
        others = [s for s in statements if s is not chosen]
        note = None
        if others:
            note = "also stated, agreeing with it: " + "; ".join(_label(s) for s in others)
    else:
        as_candidates = [_as_candidate(s, statements, facts) for s in candidates]
        decision = policy.choose(as_candidates)
        chosen = candidates[as_candidates.index(decision.chosen)]
        disagreeing = [s for s in statements if not s.agrees_with(chosen)]
        if decision.resolved:
            status = "conflict_resolved"
            note = (
                f"sources disagree; published {_label(chosen)} because {decision.reason}; "
                f"also stated: {'; '.join(_label(s) for s in disagreeing)}"
            )
            blamed = [c for s in disagreeing for c in s.claim_ids]
        else:
            status = "conflict"
            note = (
                f"sources disagree and the conflict policy has no basis to choose; values stated: "
                f"{'; '.join(_label(s) for s in candidates)}; {decision.reason}"
            )
            blamed = [c for s in statements if s in candidates or s in disagreeing for c in s.claim_ids]
        finding = Finding(
            check="conflict", area_id=area_id, period=period, metric=metric,
            values="; ".join(f"{_label(s)}" for s in statements),
            expected="one value, or values that agree within their rounding and hedges",
            result=WARNING,
            sources=tuple(sorted({src for s in statements for src in s.sources})),
            detail=("resolved by the conflict policy: " if decision.resolved else "unresolved: ") + note,
            claim_ids=tuple(c for s in statements for c in s.claim_ids),
            blamed=tuple(sorted(set(blamed))),
        )
    low, high = _limits(chosen, statements)
    fields = {
        "value": chosen.value,
        "value_low": low,
        "value_high": high,
        "unit": chosen.unit,
        "qualifier": chosen.qualifier,
        "value_kind": "reported",
        "n_sources": len(chosen.sources),
        "source_ids": ";".join(chosen.sources),
        "status": status,
        "note": note,
    }
    return fields, chosen, finding


def _label(statement: Statement) -> str:
    words = policy.QUALIFIER_WORDS[statement.qualifier]
    return f"{words}{rounding.fmt(statement.value)} ({'; '.join(statement.sources)})"


def areas_by_id(reference: Reference) -> dict[str, dict]:
    return reference.areas.set_index("area_id").to_dict("index")


def observation_row(areas: dict[str, dict], area_id: str, period: str, metric: str, fields: dict) -> dict:
    """A full observations row: the area's names and codes (`areas` from areas_by_id), the
    period's dates, and the value fields decided by the caller."""
    area = areas[area_id]
    start, end = period_bounds(period)
    return {
        "area_id": area_id, "area_name": area["area_name"], "area_type": area["area_type"],
        "area_code": area["area_code"] or None, "period": period,
        "period_start": start.isoformat(), "period_end": end.isoformat(), "metric": metric,
        **fields,
    }


def build_observations(claims: pd.DataFrame, sources: pd.DataFrame, reference: Reference) -> Merged:
    """Observations from the usable claims (reported values only; derive.py adds derived ones)."""
    facts = SourceFacts.of(claims, sources)
    areas = areas_by_id(reference)
    rows, used, findings = [], set(), []
    for (area_id, period, metric), statements in statements_by_key(claims).items():
        fields, chosen, finding = merge_key(area_id, period, metric, statements, facts)
        rows.append(observation_row(areas, area_id, period, metric, fields))
        used.update(chosen.claim_ids)
        if finding:
            findings.append(finding)
    return Merged(frame(rows, OBSERVATION_COLUMNS), used, findings)
