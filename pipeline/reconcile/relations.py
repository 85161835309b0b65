"""How metrics and areas relate, read from the data files beside this module.

metric_relations.csv: which metric is the change, share or daily rate of which count, and which
count is part of which (under 1 <= aged 4 and under <= aged 10 and under <= offences).
area_sums.csv: which areas make up which total (Wales = its four forces; the UK = its nations...).
`forces:<nation>` stands for every police force area whose `nation` in areas.csv is that nation.

Adding a metric or an area grouping means adding a row there, not code.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from pipeline.reference import Reference

HERE = Path(__file__).resolve().parent
METRIC_RELATIONS = HERE / "metric_relations.csv"
AREA_SUMS = HERE / "area_sums.csv"
RELATION_KINDS = ("change", "share", "per_day", "subset")


@dataclass(frozen=True)
class AreaSum:
    total: str
    parts: tuple[str, ...]
    meaning: str


@dataclass(frozen=True)
class Relations:
    change: dict[str, str]  # change metric -> the count it is the change of
    share: dict[str, tuple[str, str]]  # share metric -> (count, total)
    per_day: dict[str, str]  # rate metric -> the count it is the daily average of
    within: dict[str, str]  # metric -> the metric it is a subset of
    area_sums: tuple[AreaSum, ...]

    def change_metric_of(self, count: str) -> str | None:
        return next((change for change, of in self.change.items() if of == count), None)

    def totals_above(self, metric: str) -> list[str]:
        """The metrics that contain `metric`, nearest first: under_1 -> aged_4, aged_10, offences."""
        chain, current = [], metric
        while current in self.within and self.within[current] not in chain:
            current = self.within[current]
            chain.append(current)
        return chain


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def load_relations(reference: Reference) -> Relations:
    """The relations, checked against the reference tables (a typo there is a bug, so it raises)."""
    metrics = set(reference.metric_units)
    change, share, per_day, within = {}, {}, {}, {}
    for row in _rows(METRIC_RELATIONS):
        named = [row["metric"], row["count"], row["total"]]
        unknown = [m for m in named if m and m not in metrics]
        if row["relation"] not in RELATION_KINDS or unknown:
            raise ValueError(f"{METRIC_RELATIONS.name}: bad row {row} (unknown relation or metric {unknown})")
        if row["relation"] == "change":
            change[row["metric"]] = row["count"]
        elif row["relation"] == "share":
            share[row["metric"]] = (row["count"], row["total"])
        elif row["relation"] == "per_day":
            per_day[row["metric"]] = row["count"]
        else:
            within[row["metric"]] = row["total"]
    areas = reference.areas
    sums = []
    for row in _rows(AREA_SUMS):
        parts: list[str] = []
        for part in row["parts"].split(";"):
            if part.startswith("forces:"):
                nation = part.removeprefix("forces:")
                forces = areas[(areas["area_type"] == "police_force_area") & (areas["nation"] == nation)]
                parts.extend(sorted(forces["area_id"]))
            else:
                parts.append(part)
        unknown = [a for a in [row["total"], *parts] if a not in reference.area_ids]
        if unknown or not parts:
            raise ValueError(f"{AREA_SUMS.name}: bad row {row} (unknown areas {unknown})")
        sums.append(AreaSum(row["total"], tuple(parts), row["meaning"]))
    return Relations(change, share, per_day, within, tuple(sums))
