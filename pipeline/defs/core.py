"""Observations (one row per area x period x metric) and the dimension tables areas and metrics."""

import dagster as dg
import pandas as pd

from pipeline.defs.frames import table_metadata, validate_frame
from pipeline.defs.reporting import log_problems, problems_metadata
from pipeline.defs.resources import ProjectPathsResource
from pipeline.ingest.common import Ingested
from pipeline.reconcile import Reconciled, reconcile
from pipeline.reference import Reference
from pipeline.schemas import Areas, Claims, Metrics, Observations, Quality


def blank_as_null(frame: pd.DataFrame) -> pd.DataFrame:
    """Reference CSVs are read as text, so a missing code is ''; published tables hold null."""
    return frame.mask(frame.eq(""), None)


@dg.asset(group_name="core", kinds={"pandas"})
def areas(paths: ProjectPathsResource) -> dg.Output[pd.DataFrame]:
    """Areas with their ONS GSS codes, from data/reference/areas.csv."""
    frame = validate_frame(Areas, blank_as_null(Reference.load(paths.paths()).areas), "data/reference/areas.csv")
    return dg.Output(frame, metadata=table_metadata(Areas, frame))


@dg.asset(group_name="core", kinds={"pandas"})
def metrics(paths: ProjectPathsResource) -> dg.Output[pd.DataFrame]:
    """The metric vocabulary with units, from data/reference/metrics.csv."""
    frame = validate_frame(Metrics, blank_as_null(Reference.load(paths.paths()).metrics), "data/reference/metrics.csv")
    return dg.Output(frame, metadata=table_metadata(Metrics, frame))


@dg.asset(group_name="core", kinds={"pandas"})
def observations(context: dg.AssetExecutionContext, paths: ProjectPathsResource, claims: Ingested) -> dg.Output[Reconciled]:
    """Claims reconciled into one observation per (area_id, period, metric), with the quality report.

    Also holds the claims with `used` and `check` set, as they are published.
    """
    result = reconcile(claims.claims, claims.sources, Reference.load(paths.paths()))
    reconciled = Reconciled(
        observations=validate_frame(Observations, result.observations, "observations"),
        claims=validate_frame(Claims, result.claims, "reconciled claims"),
        quality=validate_frame(Quality, result.quality, "quality report"),
        problems=list(result.problems),
    )
    log_problems(context, reconciled.problems)
    quality_results = reconciled.quality["result"].value_counts()
    return dg.Output(
        reconciled,
        metadata={
            **table_metadata(Observations, reconciled.observations),
            "claims_used": int(reconciled.claims["used"].sum()),
            "quality_checks": len(reconciled.quality),
            "quality_warnings": int(quality_results.get("warning", 0)),
            "quality_errors": int(quality_results.get("error", 0)),
            "quality_preview": table_metadata(Quality, reconciled.quality)["preview"],
            **problems_metadata(reconciled.problems),
        },
    )
