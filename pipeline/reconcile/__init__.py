"""Claims -> observations, derived values and the quality report.

`reconcile(claims, sources, reference)` is the stage's one entry point.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from pipeline import problems as P
from pipeline.ingest.common import frame
from pipeline.reconcile.observations import build_observations
from pipeline.reference import Reference
from pipeline.schemas import Quality, columns


@dataclass
class Reconciled:
    observations: pd.DataFrame  # schemas.Observations columns
    claims: pd.DataFrame  # the input claims with `used` and `check` set
    quality: pd.DataFrame  # schemas.Quality columns
    problems: list[P.Problem] = field(default_factory=list)  # errors = impossible data: block the release


def reconcile(claims: pd.DataFrame, sources: pd.DataFrame, reference: Reference) -> Reconciled:
    observations, claims = build_observations(claims, reference)
    return Reconciled(observations, claims, frame([], columns(Quality)), [])
