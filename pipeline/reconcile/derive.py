"""Derived values: figures the sources imply without stating them (value_kind `derived`).

The derivations (DATA_MODEL.md, "Reading an article"), each a plain function:
- `previous_year_counts`: last year's count from this year's count and its stated change,
  count(t-1) = count(t) / (1 + change / 100) ("1,483, up 43%" -> 2015/16 about 1,037);
- `counts_from_shares`: a count from a share and its total, count = share x total.

Rules:
- Inputs are reported observations with qualifier `exact` whose sources do not conflict
  unresolved (status `conflict`): never a derived value, never a fallback.
- A reported value always wins: nothing is derived for a key that has a reported observation,
  nor for one a source declared suppressed or not recorded (a force withholding a small number
  must not see it re-derived).
- The interval carries the stated input's rounding (rounding.derivation_interval: 43 stands
  for 42.5 to 43.5; a share also as "one in N"); the count input is exact. value_low/value_high
  are that interval widened outward to whole numbers, the value is its rounded midpoint, and the
  qualifier is `approximately`. The note gives the formula, the inputs and the interval.
- n_sources / source_ids are the distinct sources of the inputs; the status is `corroborated`
  when every input is stated by two or more sources, else `single_source`.
- Where two derivations give the same key, the narrower is published if they agree; if they
  disagree nothing is published for that key and the quality report says why.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from pipeline.financial_year import shift
from pipeline.ingest.common import frame
from pipeline.reconcile import rounding
from pipeline.reconcile.observations import OBSERVATION_COLUMNS, areas_by_id, observation_row
from pipeline.reconcile.quality import WARNING, Finding
from pipeline.reconcile.relations import Relations
from pipeline.reconcile.rounding import Interval, fmt
from pipeline.reference import Reference

Key = tuple[str, str, str]


@dataclass(frozen=True)
class Input:
    key: Key
    value: float
    unit: str
    sources: tuple[str, ...]  # the distinct sources stating it (observations.source_ids)


@dataclass(frozen=True)
class Derivation:
    key: Key
    interval: Interval  # where the true value lies, before widening to whole numbers
    inputs: tuple[Input, ...]
    formula: str  # the formula with its inputs, for the note


def _inputs(observations: pd.DataFrame) -> dict[Key, Input]:
    eligible = observations[
        (observations["value_kind"] == "reported")
        & (observations["qualifier"] == "exact")
        & (observations["status"] != "conflict")
    ]
    return {
        (r.area_id, r.period, r.metric): Input((r.area_id, r.period, r.metric), float(r.value), r.unit,
                                              tuple(str(r.source_ids).split(";")))
        for r in eligible.itertuples(index=False)
    }


def previous_year_counts(inputs: dict[Key, Input], relations: Relations) -> list[Derivation]:
    """count(t-1) = count(t) / (1 + change(t) / 100), for each stated change with its count."""
    found = []
    for (area_id, period, metric), change in sorted(inputs.items()):
        count_metric = relations.change.get(metric)
        count = inputs.get((area_id, period, count_metric)) if count_metric else None
        if count is None:
            continue
        stated = rounding.derivation_interval(change.value, change.unit)
        slowest, fastest = 1 + stated.low / 100, 1 + stated.high / 100
        if slowest <= 0:
            continue  # a fall of 100% or more leaves nothing to divide by
        previous = shift(period, -1)
        formula = (
            f"{count_metric} {previous} = {count_metric} {period} / (1 + {metric} {period} / 100) "
            f"= {fmt(count.value)} / (1 + {fmt(change.value)} / 100) = {fmt(count.value / (1 + change.value / 100))}; "
            f"the change as written ({fmt(change.value)}) stands for {stated.describe()}"
        )
        found.append(Derivation((area_id, previous, count_metric),
                                Interval(count.value / fastest, count.value / slowest), (count, change), formula))
    return found


def counts_from_shares(inputs: dict[Key, Input], relations: Relations) -> list[Derivation]:
    """count = share x total, for each stated share with its total."""
    found = []
    for (area_id, period, metric), share in sorted(inputs.items()):
        if metric not in relations.share:
            continue
        count_metric, total_metric = relations.share[metric]
        total = inputs.get((area_id, period, total_metric))
        if total is None:
            continue
        stated = rounding.derivation_interval(share.value, share.unit)
        formula = (
            f"{count_metric} {period} = {metric} x {total_metric} = {fmt(share.value)} x {fmt(total.value)} "
            f"= {fmt(share.value * total.value)}; the share as written ({fmt(share.value)}) stands for {stated.describe()}"
        )
        found.append(Derivation((area_id, period, count_metric),
                                Interval(stated.low * total.value, stated.high * total.value), (share, total), formula))
    return found


DERIVATIONS = (previous_year_counts, counts_from_shares)


def _fields(derivation: Derivation, unit: str, also: list[Derivation]) -> dict:
    eps = 1e-9
    low = max(0.0, math.floor(derivation.interval.low + eps))
    high = math.ceil(derivation.interval.high - eps)
    value = math.floor((derivation.interval.low + derivation.interval.high) / 2 + 0.5)
    sources = sorted({s for i in derivation.inputs for s in i.sources})
    note = (
        f"derived: {derivation.formula}; so between {fmt(derivation.interval.low)} and {fmt(derivation.interval.high)}, "
        f"published as {fmt(low)} to {fmt(high)} with the rounded midpoint {fmt(value)}; from reported values only"
    )
    if also:
        note += "; also derivable, agreeing: " + "; ".join(d.formula for d in also)
    return {
        "value": float(value), "value_low": float(low), "value_high": float(high), "unit": unit,
        "qualifier": "approximately", "value_kind": "derived", "n_sources": len(sources),
        "source_ids": ";".join(sources),
        "status": "corroborated" if all(len(i.sources) >= 2 for i in derivation.inputs) else "single_source",
        "note": note,
    }


def derive(observations: pd.DataFrame, claims: pd.DataFrame, reference: Reference, relations: Relations) -> tuple[pd.DataFrame, list[Finding]]:
    """(derived observations, findings about derivations that disagree)."""
    inputs = _inputs(observations)
    reported = set(zip(observations["area_id"], observations["period"], observations["metric"]))
    withheld = claims[claims["status"].isin(["suppressed", "not_recorded"])]
    withheld_keys = set(zip(withheld["area_id"], withheld["period"], withheld["metric"]))
    by_key: dict[Key, list[Derivation]] = {}
    for derivation_rule in DERIVATIONS:
        for d in derivation_rule(inputs, relations):
            if d.key not in reported and d.key not in withheld_keys:
                by_key.setdefault(d.key, []).append(d)
    areas = areas_by_id(reference)
    rows, findings = [], []
    for key, found in sorted(by_key.items()):
        agree = all(a.interval.overlaps(b.interval) for i, a in enumerate(found) for b in found[i + 1:])
        if not agree:
            findings.append(Finding(
                check="derivations_agree", area_id=key[0], period=key[1], metric=key[2],
                values="; ".join(f"{d.interval.describe()} from {d.formula.split(';')[0]}" for d in found),
                expected="derivations of one value agree", result=WARNING,
                sources=tuple(sorted({s for d in found for i in d.inputs for s in i.sources})),
                detail="the figures imply different values for this key, so none is derived",
            ))
            continue
        best = min(found, key=lambda d: d.interval.width)
        rows.append(observation_row(areas, *key, _fields(best, reference.metric_units[key[2]], [d for d in found if d is not best])))
    return frame(rows, OBSERVATION_COLUMNS), findings
