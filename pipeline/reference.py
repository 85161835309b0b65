"""Reference tables: areas (with GSS codes), area aliases, the metric vocabulary and units.

They are data files under data/reference/; this module only reads them and answers questions
such as "which area is 'Avon & Somerset Police'?" or "what unit does this metric use?".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd

from pipeline.paths import ProjectPaths

AREA_COLUMNS = ["area_id", "area_name", "area_type", "nation", "area_code"]
METRIC_COLUMNS = ["metric", "unit", "title", "description"]


def normalise_name(name: str) -> str:
    """The form names are compared in: case-folded, '&' as 'and', punctuation as spaces.

    "Avon & Somerset Police", "avon and somerset police" and "Avon-and-Somerset Police" all
    normalise to "avon and somerset police"; "London, City of" to "london city of".
    """
    text = name.casefold().replace("&", " and ").replace("’", "'")
    text = re.sub(r"'s\b", "s", text)
    text = re.sub(r"[^\w]+", " ", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class Reference:
    """The reference tables, loaded once per run."""

    areas: pd.DataFrame  # AREA_COLUMNS
    aliases: pd.DataFrame  # area_id, alias
    metrics: pd.DataFrame  # METRIC_COLUMNS
    units: pd.DataFrame  # unit, minimum, maximum, description

    @classmethod
    def load(cls, paths: ProjectPaths | None = None) -> "Reference":
        folder = (paths or ProjectPaths.default()).reference
        return cls.from_folder(folder)

    @classmethod
    def from_folder(cls, folder: Path) -> "Reference":
        read = lambda name: pd.read_csv(folder / name, dtype=str, keep_default_na=False)  # noqa: E731
        areas = read("areas.csv").rename(columns={"gss_code": "area_code"})
        return cls(
            areas=areas[AREA_COLUMNS].copy(),
            aliases=read("aliases.csv")[["area_id", "alias"]],
            metrics=read("metrics.csv")[METRIC_COLUMNS],
            units=read("units.csv"),
        )

    @cached_property
    def area_ids(self) -> frozenset[str]:
        return frozenset(self.areas["area_id"])

    @cached_property
    def metric_units(self) -> dict[str, str]:
        return dict(zip(self.metrics["metric"], self.metrics["unit"]))

    @cached_property
    def unit_ranges(self) -> dict[str, tuple[float | None, float | None]]:
        """unit -> (minimum, maximum), None where unbounded."""

        def bound(text: str) -> float | None:
            return float(text) if text.strip() else None

        return {
            row.unit: (bound(row.minimum), bound(row.maximum))
            for row in self.units.itertuples(index=False)
        }

    @cached_property
    def area_names(self) -> dict[str, str]:
        """Every known name of every area, normalised -> area_id.

        Names are: the area_id itself ("avon-and-somerset"), the canonical name, and every alias.
        """
        names: dict[str, str] = {}
        for row in self.areas.itertuples(index=False):
            names[normalise_name(row.area_id)] = row.area_id
            names[normalise_name(row.area_name)] = row.area_id
        for row in self.aliases.itertuples(index=False):
            names[normalise_name(row.alias)] = row.area_id
        return names

    def resolve_area(self, name: object) -> str | None:
        """The area_id a name refers to, or None when no area is known by that name."""
        if not isinstance(name, str) or not name.strip():
            return None
        return self.area_names.get(normalise_name(name))

    def in_range(self, unit: str, value: float) -> bool:
        low, high = self.unit_ranges[unit]
        return (low is None or value >= low) and (high is None or value <= high)

    def describe_range(self, unit: str) -> str:
        """A unit's range in words: "at least 0", "from 0 to 1", "at most 10" or "any value"."""
        low, high = self.unit_ranges[unit]
        if low is None and high is None:
            return "any value"
        if high is None:
            return f"at least {low:g}"
        if low is None:
            return f"at most {high:g}"
        return f"from {low:g} to {high:g}"
