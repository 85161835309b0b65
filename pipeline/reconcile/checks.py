"""Arithmetic checks: one plain function per check, each returning Findings (quality.py).

Most checks compare figures that belong together (a change and the two years' counts; a share
and its count and total; a subset and its total; the forces of a nation and the nation). They
run on *layers*: the published layer (the reported observations, i.e. what the release states)
and one layer per source (what that one publication states, a single revision of the figures).
A source's comparison that repeats the published one (same figures) is not reported twice.

Results:
- `error` (impossible data, blocks the release): a value outside its unit's range (a negative
  count, a share above 1, a fall of more than 100%) in any usable claim; a subset above its total
  among the published values (the release would state something impossible, whichever sources
  the two figures come from: revisions move totals by a few per cent, and none of our subsets
  comes near its total, so this means a misread figure, not a revision).
- `warning`: every other failure: a change, share or rate that does not match its counts; a
  subset above its total as stated by one source when the release does not publish that pair;
  parts not adding up to their total (forces' and nations' figures come from different
  publications and revisions); a bound or hedge contradicting the exact value; an implausible
  jump nobody states.
- `ok`: the figures agree within the tolerances of rounding.py.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import pandas as pd

from pipeline.financial_year import days_in, shift
from pipeline.reconcile import rounding
from pipeline.reconcile.observations import statements_by_key, usable
from pipeline.reconcile.policy import PRECISION, QUALIFIER_WORDS
from pipeline.reconcile.quality import ERROR, OK, WARNING, Finding
from pipeline.reconcile.relations import Relations
from pipeline.reconcile.rounding import BOUNDS, Interval, fmt
from pipeline.reference import Reference

JUMP_LIMIT_PCT = 60.0  # a year-on-year change beyond +-60% that no source states is implausible

Key = tuple[str, str, str]  # (area_id, period, metric)


@dataclass(frozen=True)
class Figure:
    area_id: str
    period: str
    metric: str
    value: float
    qualifier: str
    unit: str
    sources: tuple[str, ...]
    claim_ids: tuple[str, ...]

    @property
    def interval(self) -> Interval:
        return rounding.statement(self.value, self.qualifier, self.unit)

    @property
    def readings(self) -> list[rounding.Reading]:
        return rounding.check_readings(self.value, self.qualifier, self.unit)

    @property
    def is_bound(self) -> bool:
        return self.qualifier in BOUNDS

    def named(self, *, with_period: bool = True) -> str:
        where = f"{self.metric} {self.period}" if with_period else self.metric
        return f"{where}={QUALIFIER_WORDS[self.qualifier]}{fmt(self.value)}"


@dataclass(frozen=True)
class Layer:
    name: str  # "published" or a source_id
    figures: dict[Key, Figure]

    @property
    def published(self) -> bool:
        return self.name == "published"

    def get(self, area_id: str, period: str, metric: str) -> Figure | None:
        return self.figures.get((area_id, period, metric))

    def says(self) -> str:
        return "the published values" if self.published else "one publication's own figures"


def published_layer(observations: pd.DataFrame, claims: pd.DataFrame) -> Layer:
    """The reported observations as figures; their claims are the used ones."""
    used_ids: dict[Key, list[str]] = {}
    used = claims[claims["used"].astype(bool)]
    for claim_id, *key in used[["claim_id", "area_id", "period", "metric"]].itertuples(index=False, name=None):
        used_ids.setdefault(tuple(key), []).append(claim_id)
    figures = {}
    reported = observations[observations["value_kind"] == "reported"]
    for row in reported.itertuples(index=False):
        key = (row.area_id, row.period, row.metric)
        figures[key] = Figure(*key, float(row.value), row.qualifier, row.unit,
                              tuple(str(row.source_ids).split(";")), tuple(sorted(used_ids.get(key, ()))))
    return Layer("published", figures)


def source_layers(claims: pd.DataFrame) -> list[Layer]:
    """One layer per source: its own figure for each key it states. Where it states an exact
    value and a hedge, the exact one; where it states two different exact values, neither."""
    figures_of: dict[str, dict[Key, Figure]] = {}
    for (source_id, key), statements in statements_by_key(claims, per_source=True).items():
        best = min(PRECISION[s.qualifier] for s in statements)
        top = [s for s in statements if PRECISION[s.qualifier] == best]
        figures = figures_of.setdefault(source_id, {})
        if len(top) == 1:
            s = top[0]
            figures[key] = Figure(*key, s.value, s.qualifier, s.unit, (source_id,), s.claim_ids)
    return [Layer(str(source_id), figures) for source_id, figures in sorted(figures_of.items())]


def _sources(*figures: Figure) -> tuple[str, ...]:
    return tuple(sorted({s for f in figures for s in f.sources}))


def _claims(*figures: Figure) -> tuple[str, ...]:
    return tuple(sorted({c for f in figures for c in f.claim_ids}))


def _describe(computed: Interval) -> str:
    return fmt(computed.low) if computed.width == 0 else computed.describe()


def _ratio(top: Interval, bottom: Interval) -> Interval | None:
    """top / bottom for positive intervals (None when the bottom may be zero)."""
    if bottom.low <= 0 or math.isinf(top.high) or math.isinf(bottom.high):
        return None
    return Interval(top.low / bottom.high, top.high / bottom.low)


def _statistic_finding(check: str, subject: Figure, inputs: list[Figure], computed: Interval,
                       formula: str, layer: Layer) -> Finding:
    """A stated statistic (change, share, rate) against the value computed from its inputs."""
    readings = subject.readings
    matching = [r for r in readings if r.interval.overlaps(computed)]
    ok = bool(matching)
    if ok:
        detail = f"the stated {subject.metric} matches {layer.says()}"
        if readings[0] not in matching:
            detail += f" if read as {matching[0].label}"
    else:
        detail = f"the stated {subject.metric} does not match {layer.says()}"
    return Finding(
        check=check, area_id=subject.area_id, period=subject.period, metric=subject.metric,
        values="; ".join(f.named() for f in [subject, *inputs]),
        expected=f"{_describe(computed)} = {formula}; {fmt(subject.value)} as written allows {rounding.describe_readings(readings)}",
        result=OK if ok else WARNING, sources=_sources(subject, *inputs), detail=detail,
        claim_ids=_claims(subject, *inputs), blamed=subject.claim_ids,
    )


def check_change_vs_counts(layer: Layer, relations: Relations) -> list[Finding]:
    """A stated change against the two years' counts: (this year / last year - 1) x 100."""
    findings = []
    for (area_id, period, metric), change in sorted(layer.figures.items()):
        count_metric = relations.change.get(metric)
        if count_metric is None or change.is_bound:
            continue
        current = layer.get(area_id, period, count_metric)
        previous = layer.get(area_id, shift(period, -1), count_metric)
        if current is None or previous is None or current.is_bound or previous.is_bound:
            continue
        ratio = _ratio(current.interval, previous.interval)
        if ratio is None:
            continue
        computed = Interval((ratio.low - 1) * 100, (ratio.high - 1) * 100)
        formula = f"({fmt(current.value)} / {fmt(previous.value)} - 1) x 100"
        findings.append(_statistic_finding("change_vs_counts", change, [current, previous], computed, formula, layer))
    return findings


def check_share_vs_counts(layer: Layer, relations: Relations) -> list[Finding]:
    """A stated share against count / total for the same area and year."""
    findings = []
    for (area_id, period, metric), share in sorted(layer.figures.items()):
        if metric not in relations.share or share.is_bound:
            continue
        count_metric, total_metric = relations.share[metric]
        count = layer.get(area_id, period, count_metric)
        total = layer.get(area_id, period, total_metric)
        if count is None or total is None or count.is_bound or total.is_bound:
            continue
        computed = _ratio(count.interval, total.interval)
        if computed is None:
            continue
        formula = f"{fmt(count.value)} / {fmt(total.value)}"
        findings.append(_statistic_finding("share_vs_counts", share, [count, total], computed, formula, layer))
    return findings


def check_per_day_vs_total(layer: Layer, relations: Relations) -> list[Finding]:
    """A stated daily rate against the year's count / days in that financial year (365 or 366)."""
    findings = []
    for (area_id, period, metric), rate in sorted(layer.figures.items()):
        if metric not in relations.per_day or rate.is_bound:
            continue
        count = layer.get(area_id, period, relations.per_day[metric])
        if count is None or count.is_bound:
            continue
        days = days_in(period)
        computed = Interval(count.interval.low / days, count.interval.high / days)
        formula = f"{fmt(count.value)} / {days} days"
        findings.append(_statistic_finding("per_day_vs_total", rate, [count], computed, formula, layer))
    return findings


def check_subsets(layer: Layer, relations: Relations) -> list[Finding]:
    """under 1 <= aged 4 and under <= aged 10 and under <= offences; online <= offences.

    Each part is checked against the nearest containing total the layer has. Above it is
    impossible: `error` (runner downgrades it where the release does not publish the pair)."""
    findings = []
    for (area_id, period, metric), part in sorted(layer.figures.items()):
        total = next((t for m in relations.totals_above(metric) if (t := layer.get(area_id, period, m))), None)
        if total is None:
            continue
        possible = part.interval.overlaps(Interval(-math.inf, total.interval.high, high_open=total.interval.high_open))
        detail = (f"{part.metric} is within {total.metric} in {layer.says()}" if possible else
                  f"impossible: {part.metric} {fmt(part.value)} is above {total.metric} {fmt(total.value)} in {layer.says()}")
        findings.append(Finding(
            check="subset_le_total", area_id=area_id, period=period, metric=metric,
            values=f"{part.named(with_period=False)}; {total.named(with_period=False)}",
            expected=f"{metric} <= {total.metric}", result=OK if possible else ERROR,
            sources=_sources(part, total), detail=detail,
            claim_ids=_claims(part, total), blamed=tuple(dict.fromkeys(part.claim_ids + total.claim_ids)),
        ))
    return findings


def check_parts_vs_total(layer: Layer, relations: Relations) -> list[Finding]:
    """The forces of a nation vs the nation; the nations vs the UK; England and Wales vs its
    nations and its forces (area_sums.csv). With every part stated they must add up to the total
    (within the hedges of any hedged figure); with some missing, those stated must not exceed it."""
    findings = []
    for (area_id, period, metric), total in sorted(layer.figures.items()):
        if total.unit != "count":
            continue
        for area_sum in relations.area_sums:
            if area_sum.total != area_id:
                continue
            parts = [f for p in area_sum.parts if (f := layer.get(p, period, metric))]
            if not parts:
                continue
            complete = len(parts) == len(area_sum.parts)
            low = sum(f.interval.low for f in parts)
            high = sum(f.interval.high for f in parts)
            if complete:
                ok = Interval(low, high).overlaps(total.interval)
                expected = f"the parts add up to {area_id} ({area_sum.meaning})"
            else:
                ok = Interval(low, math.inf).overlaps(total.interval)
                expected = f"the {len(parts)} of {len(area_sum.parts)} parts stated add up to no more than {area_id} ({area_sum.meaning})"
            summed = fmt(low) if low == high else f"{fmt(low)} to {fmt(high)}"
            findings.append(Finding(
                check="parts_vs_total", area_id=area_id, period=period, metric=metric,
                values=f"{area_id}={QUALIFIER_WORDS[total.qualifier]}{fmt(total.value)}; sum of parts={summed} ("
                       + ", ".join(f"{f.area_id}={QUALIFIER_WORDS[f.qualifier]}{fmt(f.value)}" for f in parts) + ")",
                expected=expected, result=OK if ok else WARNING, sources=_sources(total, *parts),
                detail=(f"the parts agree with the total in {layer.says()}" if ok else
                        f"the parts ({summed}) do not {'add up to' if complete else 'fit within'} the total "
                        f"({fmt(total.value)}) in {layer.says()}; figures from different publications or revisions may explain it"),
                claim_ids=_claims(total, *parts), blamed=total.claim_ids,
            ))
    return findings


LAYERED_CHECKS = (check_change_vs_counts, check_share_vs_counts, check_per_day_vs_total, check_subsets, check_parts_vs_total)


def check_values_in_range(claims: pd.DataFrame, reference: Reference) -> list[Finding]:
    """A value outside its unit's range (a negative count, a share above 1) is impossible: error."""
    findings = []
    for row in usable(claims).itertuples(index=False):
        if row.unit not in reference.unit_ranges or reference.in_range(row.unit, float(row.value)):
            continue
        findings.append(Finding(
            check="value_in_range", area_id=row.area_id, period=row.period, metric=row.metric,
            values=f"{row.metric}={fmt(float(row.value))}", expected=f"a {row.unit} {reference.describe_range(row.unit)}",
            result=ERROR, sources=(row.source_id,),
            detail=f"impossible: {fmt(float(row.value))} is outside the range of a {row.unit} (claim {row.claim_id})",
            claim_ids=(row.claim_id,), blamed=(row.claim_id,),
        ))
    return findings


def check_bound_vs_exact(claims: pd.DataFrame, observations: pd.DataFrame) -> list[Finding]:
    """A bound or hedge ("more than 300", "nearly 14,000") vs the exact value for the same key
    (or, where a bound was published, each exact value stated against it)."""
    published = {
        (r.area_id, r.period, r.metric): (float(r.value), r.qualifier)
        for r in observations[observations["value_kind"] == "reported"].itertuples(index=False)
    }
    findings = []
    for key, statements in statements_by_key(claims).items():
        if len({s.qualifier for s in statements}) < 2 or key not in published:
            continue
        chosen = next(s for s in statements if (s.value, s.qualifier) == published[key])
        for other in statements:
            if other is chosen or (other.qualifier == "exact") == (chosen.qualifier == "exact"):
                continue
            hedged, exact = (other, chosen) if chosen.qualifier == "exact" else (chosen, other)
            agrees = hedged.interval.overlaps(exact.interval)
            findings.append(Finding(
                check="bound_vs_exact", area_id=key[0], period=key[1], metric=key[2],
                values=f"{QUALIFIER_WORDS[hedged.qualifier]}{fmt(hedged.value)} ({'; '.join(hedged.sources)}); "
                       f"{fmt(exact.value)} ({'; '.join(exact.sources)})",
                expected=f"{fmt(exact.value)} within {hedged.interval.describe()}",
                result=OK if agrees else WARNING, sources=tuple(sorted({*hedged.sources, *exact.sources})),
                detail="the hedged figure agrees with the exact one" if agrees else
                       "the hedged figure contradicts the exact one (see the conflict for this key)",
                claim_ids=tuple(sorted({*hedged.claim_ids, *exact.claim_ids})), blamed=other.claim_ids,
            ))
    return findings


def check_jumps(layer: Layer, claims: pd.DataFrame, relations: Relations) -> list[Finding]:
    """A year-on-year change of a published count beyond +-60% is a warning unless a source
    states a change that matches it (then the row is `ok`, for the record)."""
    stated: dict[Key, list[Figure]] = {}
    for row in usable(claims).itertuples(index=False):
        if row.metric in relations.change:
            stated.setdefault((row.area_id, row.period, row.metric), []).append(
                Figure(row.area_id, row.period, row.metric, float(row.value), row.qualifier, row.unit, (row.source_id,), (row.claim_id,)))
    findings = []
    for (area_id, period, metric), current in sorted(layer.figures.items()):
        previous = layer.get(area_id, shift(period, -1), metric)
        if current.unit != "count" or previous is None or previous.value <= 0 or current.is_bound or previous.is_bound:
            continue
        change = (current.value / previous.value - 1) * 100
        if abs(change) <= JUMP_LIMIT_PCT:
            continue
        change_metric = relations.change_metric_of(metric)
        backing = [f for f in stated.get((area_id, period, change_metric), []) if any(r.interval.contains(change) for r in f.readings)]
        findings.append(Finding(
            check="jump", area_id=area_id, period=period, metric=metric,
            values=f"{metric} {previous.period}={fmt(previous.value)}; {metric} {period}={fmt(current.value)}; change={fmt(change)}%",
            expected=f"a change within +-{fmt(JUMP_LIMIT_PCT)}%, or one a source states",
            result=OK if backing else WARNING, sources=_sources(current, previous, *backing),
            detail=(f"a {fmt(change)}% change, stated by {'; '.join(_sources(*backing))}" if backing else
                    f"an implausible {fmt(change)}% change that no source states: check both years' figures"),
        ))
    return findings


def _merge(first: Finding, second: Finding) -> Finding:
    """Two sources making the same comparison: one row naming both."""
    return replace(
        first,
        sources=tuple(sorted({*first.sources, *second.sources})),
        claim_ids=tuple(sorted({*first.claim_ids, *second.claim_ids})),
        blamed=tuple(dict.fromkeys(first.blamed + second.blamed)),  # keeps the order: the part before its total
    )


def run_checks(claims: pd.DataFrame, observations: pd.DataFrame, relations: Relations) -> list[Finding]:
    """Every check but check_values_in_range, which runs first (its claims never reach
    observations). `claims` must have `used` set (observations.build_observations)."""
    findings = check_bound_vs_exact(claims, observations)
    published = published_layer(observations, claims)
    compared: dict[tuple, Finding] = {}
    for check in LAYERED_CHECKS:
        for finding in check(published, relations):
            compared[finding.identity] = finding
    published_identities = set(compared)
    for layer in source_layers(claims):
        for check in LAYERED_CHECKS:
            for finding in check(layer, relations):
                if finding.identity in published_identities:
                    continue  # the source's figures are the published ones: already reported
                if finding.result == ERROR:
                    # The release does not publish this pair (else it would be the published
                    # comparison), so it is a warning about the source, not impossible output.
                    finding = replace(finding, result=WARNING, detail=finding.detail + "; the release does not publish this pair")
                known = compared.get(finding.identity)
                compared[finding.identity] = _merge(known, finding) if known else finding
    findings.extend(compared.values())
    findings.extend(check_jumps(published, claims, relations))
    return findings
