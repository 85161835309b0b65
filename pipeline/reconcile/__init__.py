"""Claims -> observations, derived values and the quality report.

`reconcile(claims, sources, reference)` is the stage's one entry point. In order:
1. observations.py merges the usable claims of each (area, period, metric) and, where sources
   disagree, applies the conflict policy (policy.py);
2. checks.py runs the arithmetic checks (one function each) on the published values and on
   each source's own figures;
3. derive.py adds derived values from reported ones (never from derived ones);
4. quality.py turns the findings into quality.csv rows, the claims' `check` column and, for
   impossible data, error Problems that block the release.
The README section "How values are chosen: conflicts, derived values and checks" is the
user-facing description of the same rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from pipeline import problems as P
from pipeline.financial_year import PERIOD_PATTERN
from pipeline.reconcile.checks import check_values_in_range, run_checks
from pipeline.reconcile.derive import derive
from pipeline.reconcile.observations import KEY, build_observations
from pipeline.reconcile.quality import blocking_problems, claim_checks, quality_frame, source_paths
from pipeline.reconcile.relations import load_relations
from pipeline.reference import Reference


@dataclass
class Reconciled:
    observations: pd.DataFrame  # schemas.Observations columns
    claims: pd.DataFrame  # the input claims with `used` and `check` set
    quality: pd.DataFrame  # schemas.Quality columns
    problems: list[P.Problem] = field(default_factory=list)  # errors = impossible data: block the release


def _unusable(claims: pd.DataFrame, sources: pd.DataFrame, reference: Reference) -> tuple[pd.Series, list[P.Problem]]:
    """Claims whose key or unit the reference tables do not know: they are kept out of
    observations (and reported as errors) rather than crashing the stage."""
    paths = source_paths(sources)
    known_area = claims["area_id"].isin(reference.area_ids)
    known_metric = claims["metric"].isin(list(reference.metric_units))
    right_unit = claims["unit"] == claims["metric"].map(reference.metric_units)
    good_period = claims["period"].astype(str).str.fullmatch(PERIOD_PATTERN.strip("^$"))
    bad = ~(known_area & known_metric & right_unit & good_period)
    problems = [
        P.error(paths.get(row.source_id, str(row.source_id)), f"claim {row.claim_id} cannot be reconciled: area {row.area_id!r}, period "
                f"{row.period!r}, metric {row.metric!r} with unit {row.unit!r} are not all known to the reference tables")
        for row in claims[bad].itertuples(index=False)
    ]
    return bad, problems


def reconcile(claims: pd.DataFrame, sources: pd.DataFrame, reference: Reference) -> Reconciled:
    relations = load_relations(reference)
    claims = claims.copy()
    claims["value"] = pd.to_numeric(claims["value"], errors="coerce").astype(float)
    claims["used"] = False
    claims["check"] = "unchecked"
    bad, problems = _unusable(claims, sources, reference)
    # Impossible values (a negative count) are errors and never candidates for publication.
    findings = check_values_in_range(claims[~bad], reference)
    bad |= claims["claim_id"].isin({c for f in findings for c in f.blamed})
    workable = claims[~bad]

    merged = build_observations(workable, sources, reference)
    claims["used"] = claims["claim_id"].isin(merged.used)
    workable = claims[~bad]
    findings += merged.findings + run_checks(workable, merged.observations, relations)
    derived, derive_findings = derive(merged.observations, workable, reference, relations)
    findings += derive_findings

    observations = pd.concat([merged.observations, derived], ignore_index=True) if not derived.empty else merged.observations
    observations = observations.sort_values(KEY, kind="stable").reset_index(drop=True)
    claims["check"] = claim_checks(claims["claim_id"], findings)
    problems += blocking_problems(findings, claims, sources)
    return Reconciled(observations, claims, quality_frame(findings), problems)
