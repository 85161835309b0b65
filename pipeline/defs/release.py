"""The release: data/processed/releases/<version>/, written only when every check in front of it passed.

`release` is downstream of claims and observations, whose blocking checks stop it in the same run;
it also refuses by itself when handed inputs with errors, so no other way of running it (a partial
selection, a run without checks) can publish incomplete or impossible data.
"""

import dagster as dg
import pandas as pd

from pipeline import problems as P
from pipeline.defs.checks import reconciliation_errors
from pipeline.defs.resources import ProjectPathsResource
from pipeline.ingest.common import Ingested
from pipeline.reconcile import Reconciled
from pipeline.release.config import ReleaseConfigError, load_release_config
from pipeline.release.publish import PublishOutcome, ReleaseError, publish


def refusal(claims: Ingested, observations: Reconciled) -> str | None:
    """Why the release must not be written with these inputs, or None."""
    blocking = P.errors(claims.problems) + reconciliation_errors(observations)
    if not blocking:
        return None
    return f"no release written: {len(blocking)} error(s) must be fixed first:\n" + P.format_report(blocking)


@dg.asset(group_name="release", kinds={"csv", "parquet"})
def release(
    context: dg.AssetExecutionContext,
    paths: ProjectPathsResource,
    claims: Ingested,
    observations: Reconciled,
    areas: pd.DataFrame,
    metrics: pd.DataFrame,
) -> dg.Output[PublishOutcome]:
    """The versioned release folder: every table as CSV and Parquet, datapackage.json, README.md, SHA256SUMS."""
    reason = refusal(claims, observations)
    if reason:
        raise dg.Failure(description=reason)
    project = paths.paths()
    try:
        config = load_release_config(project.release_config)
        tables = {
            "observations": observations.observations,
            "claims": observations.claims,
            "sources": claims.sources,  # n_claims already counted by the claims asset
            "areas": areas,
            "metrics": metrics,
            "quality": observations.quality,
        }
        outcome = publish(tables, config, project.releases)
    except (ReleaseConfigError, ReleaseError) as exc:
        raise dg.Failure(description=str(exc)) from None
    context.log.info(outcome.describe())
    return dg.Output(
        outcome,
        metadata={
            "version": outcome.version,
            "status": outcome.status,
            "path": dg.MetadataValue.path(str(outcome.path)),
            "rows": dg.MetadataValue.json(outcome.rows),
            "files": dg.MetadataValue.json(outcome.files),
        },
    )
