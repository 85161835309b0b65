"""Scoring extracted claims against hand-written gold claims: pure functions, no I/O.

A fact is (article_id, area_id, period, metric, qualifier) plus a value. An extracted fact
matches a gold fact when every key field is equal and the values differ by no more than the
metric's tolerance (half the last digit the reading rules round to, see TOLERANCE_BY_UNIT).
Each side is first reduced to distinct facts, so a figure stated (or extracted) twice counts
once; matching is one-to-one. A qualifier that differs makes the extracted fact a false claim
and leaves the gold fact a miss: "more than 300" read as exactly 300 is a wrong number.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Mapping

# Values are compared within these absolute tolerances, by the metric's unit. The reading rules
# round proportions to 4 decimals and per-day rates to 2 ("every seven minutes" is 205.71), and
# "rose by a third" is 33.33: a reader who keeps more digits must still match. Counts must be
# equal. The small epsilon absorbs floating-point representation (0.3333 vs 1/3 rounded).
TOLERANCE_BY_UNIT: dict[str, float] = {
    "count": 1e-6,
    "percent": 0.01 + 1e-9,
    "proportion": 0.0001 + 1e-9,
    "per_day": 0.01 + 1e-9,
}
DEFAULT_TOLERANCE = 1e-6


@dataclass(frozen=True)
class Fact:
    article_id: str
    area_id: str
    period: str
    metric: str
    value: float
    qualifier: str
    # Where an extracted fact came from, for the report; empty for gold facts. Not compared.
    evidence: str = field(default="", compare=False)
    rule: str = field(default="", compare=False)

    @property
    def key(self) -> tuple[str, str, str, str, str]:
        return (self.article_id, self.area_id, self.period, self.metric, self.qualifier)


@dataclass(frozen=True)
class MetricScore:
    true_positives: int
    n_predicted: int
    n_gold: int

    @property
    def precision(self) -> float | None:
        return self.true_positives / self.n_predicted if self.n_predicted else None

    @property
    def recall(self) -> float | None:
        return self.true_positives / self.n_gold if self.n_gold else None

    @property
    def f1(self) -> float | None:
        # 2TP / (2TP + FP + FN): the harmonic mean of precision and recall where both exist,
        # and still defined (0) when nothing was extracted.
        total = self.n_predicted + self.n_gold
        return 2 * self.true_positives / total if total else None


@dataclass(frozen=True)
class Score:
    matched: list[tuple[Fact, Fact]]  # (gold, extracted)
    missed: list[Fact]  # gold facts nothing matched
    false: list[Fact]  # extracted facts that matched no gold fact
    by_metric: dict[str, MetricScore]
    overall: MetricScore


def distinct(facts: Iterable[Fact], tolerances: Mapping[str, float]) -> list[Fact]:
    """The facts with duplicates removed: same key and a value within the metric's tolerance.

    The first of each group is kept, so an extracted fact keeps its first evidence sentence.
    """
    kept: dict[tuple, list[Fact]] = defaultdict(list)
    out: list[Fact] = []
    for fact in facts:
        tol = tolerances.get(fact.metric, DEFAULT_TOLERANCE)
        same_key = kept[fact.key]
        if any(abs(other.value - fact.value) <= tol for other in same_key):
            continue
        same_key.append(fact)
        out.append(fact)
    return out


def score(
    gold: Iterable[Fact],
    extracted: Iterable[Fact],
    tolerances: Mapping[str, float],
    metrics: Iterable[str] = (),
) -> Score:
    """Match extracted facts to gold facts one-to-one and count, per metric and overall.

    `tolerances` maps metric -> absolute value tolerance (see tolerances_for_units); `metrics`
    lists metrics to report even where neither side has a fact.
    """
    gold_facts = distinct(gold, tolerances)
    extracted_facts = distinct(extracted, tolerances)

    unmatched_gold: dict[tuple, list[Fact]] = defaultdict(list)
    for fact in gold_facts:
        unmatched_gold[fact.key].append(fact)

    matched: list[tuple[Fact, Fact]] = []
    false: list[Fact] = []
    for fact in extracted_facts:
        tol = tolerances.get(fact.metric, DEFAULT_TOLERANCE)
        candidates = unmatched_gold[fact.key]
        best = min(
            (g for g in candidates if abs(g.value - fact.value) <= tol),
            key=lambda g: abs(g.value - fact.value),
            default=None,
        )
        if best is None:
            false.append(fact)
        else:
            candidates.remove(best)
            matched.append((best, fact))
    still_unmatched = {id(fact) for facts in unmatched_gold.values() for fact in facts}
    missed = [fact for fact in gold_facts if id(fact) in still_unmatched]

    names = list(dict.fromkeys([*metrics, *(f.metric for f in gold_facts), *(f.metric for f in extracted_facts)]))
    by_metric = {
        name: MetricScore(
            true_positives=sum(1 for g, _ in matched if g.metric == name),
            n_predicted=sum(1 for f in extracted_facts if f.metric == name),
            n_gold=sum(1 for f in gold_facts if f.metric == name),
        )
        for name in names
    }
    overall = MetricScore(len(matched), len(extracted_facts), len(gold_facts))
    return Score(matched=matched, missed=missed, false=false, by_metric=by_metric, overall=overall)


def tolerances_for_units(metric_units: Mapping[str, str]) -> dict[str, float]:
    """metric -> tolerance, from metric -> unit (as in data/reference/metrics.csv)."""
    return {metric: TOLERANCE_BY_UNIT.get(unit, DEFAULT_TOLERANCE) for metric, unit in metric_units.items()}
