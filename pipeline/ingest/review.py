"""Review decisions on claims: data/raw/review/decisions.csv. Not built yet."""

from __future__ import annotations

import pandas as pd

from pipeline import problems as P
from pipeline.paths import ProjectPaths
from pipeline.reference import Reference


def apply_review(claims: pd.DataFrame, paths: ProjectPaths, reference: Reference, texts: dict[str, str]) -> tuple[pd.DataFrame, list[P.Problem]]:
    """Claims with the reviewers' decisions applied. Not built yet: returns the claims unchanged."""
    return claims, []
