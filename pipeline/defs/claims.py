"""Claims per source type, then all claims with the reviewers' decisions applied.

Each reader excludes an input it cannot read and reports why (pipeline.problems). The problems
travel with the claims so that the `inputs_valid` check can stop the release while every other
input still flows through to claims and observations.
"""

import dagster as dg

from pipeline import problems as P
from pipeline.defs.frames import table_metadata, validate_frame
from pipeline.defs.reporting import log_problems, problems_metadata
from pipeline.defs.resources import ProjectPathsResource
from pipeline.ingest.articles import claims_from_articles, read_articles
from pipeline.ingest.common import Ingested
from pipeline.ingest.compilation import read_compilations
from pipeline.ingest.foi import read_foi
from pipeline.ingest.review import apply_review, decision_counts
from pipeline.paths import ProjectPaths
from pipeline.reference import Reference
from pipeline.release.tables import with_claim_counts
from pipeline.schemas import Claims, Sources


def validated_batch(batch: Ingested, what: str) -> Ingested:
    """The batch with its frames validated (and coerced) by the claims and sources models."""
    return Ingested(
        claims=validate_frame(Claims, batch.claims, f"{what}: claims"),
        sources=validate_frame(Sources, batch.sources, f"{what}: sources"),
        problems=list(batch.problems),
        texts=batch.texts,
    )


def batch_output(context: dg.AssetExecutionContext, batch: Ingested, what: str, logged: list[P.Problem], extra: dict | None = None) -> dg.Output[Ingested]:
    """Validate, log the problems this step found, and describe the batch as metadata (plus `extra`)."""
    batch = validated_batch(batch, what)
    log_problems(context, logged)
    return dg.Output(
        batch,
        metadata={
            **table_metadata(Claims, batch.claims),
            "sources": len(batch.sources),
            "sources_preview": table_metadata(Sources, batch.sources)["preview"],
            **problems_metadata(batch.problems),
            **(extra or {}),
        },
    )


def combine_claims(batches: list[Ingested], paths: ProjectPaths, reference: Reference) -> tuple[Ingested, list[P.Problem]]:
    """All claims and sources, the review decisions applied, n_claims counted; and the review's own problems."""
    combined = Ingested.combine(batches)
    claims, review_problems = apply_review(combined.claims, paths, reference, combined.texts)
    sources = with_claim_counts(combined.sources, claims)
    return Ingested(claims, sources, combined.problems + list(review_problems), combined.texts), list(review_problems)


@dg.asset(group_name="claims", deps=["raw_articles"], kinds={"python", "pandas"})
def article_claims(context: dg.AssetExecutionContext, paths: ProjectPathsResource) -> dg.Output[Ingested]:
    """Claims read from each news article by the extraction rules, with its evidence sentence and offsets."""
    project = paths.paths()
    articles, problems = read_articles(project)
    batch = claims_from_articles(articles, Reference.load(project))
    batch.problems = problems + batch.problems
    return batch_output(context, batch, "article claims", batch.problems)


@dg.asset(group_name="claims", deps=["raw_curated"], kinds={"python", "pandas"})
def compilation_claims(context: dg.AssetExecutionContext, paths: ProjectPathsResource) -> dg.Output[Ingested]:
    """Claims from the curated compilations: one per row, each distinct cited url a source."""
    project = paths.paths()
    batch = read_compilations(project, Reference.load(project))
    return batch_output(context, batch, "compilation claims", batch.problems)


@dg.asset(group_name="claims", deps=["raw_foi"], kinds={"python", "pandas"})
def foi_claims(context: dg.AssetExecutionContext, paths: ProjectPathsResource) -> dg.Output[Ingested]:
    """Claims from the FOI tables forces sent, with a file:row:column locator per cell."""
    project = paths.paths()
    batch = read_foi(project, Reference.load(project))
    return batch_output(context, batch, "FOI claims", batch.problems)


@dg.asset(group_name="claims", deps=["raw_review"], kinds={"python", "pandas"})
def claims(
    context: dg.AssetExecutionContext,
    paths: ProjectPathsResource,
    article_claims: Ingested,
    compilation_claims: Ingested,
    foi_claims: Ingested,
) -> dg.Output[Ingested]:
    """Every claim from every source, reviewers' decisions applied; the sources table with n_claims.

    Carries every reader's problems forward, so the release can be refused when any input had errors.
    """
    project = paths.paths()
    batch, review_problems = combine_claims([article_claims, compilation_claims, foi_claims], project, Reference.load(project))
    return batch_output(context, batch, "claims", review_problems, {"review_decisions": decision_counts(batch.claims)})
