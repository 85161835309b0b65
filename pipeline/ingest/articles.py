"""News articles: data/raw/articles/<source_id>.txt plus a row in data/raw/articles/sources.csv.

Reads the files exactly as published (UTF-8, newlines untouched, so character offsets point into
the raw file), checks them against sources.csv, and runs the extractor on each.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pipeline import problems as P
from pipeline.extract import extract_claims
from pipeline.ingest import values
from pipeline.ingest.common import CLAIM_COLUMNS, SOURCE_COLUMNS, Ingested, claim_row, frame, read_csv_rows
from pipeline.paths import ProjectPaths
from pipeline.reference import Reference

MANIFEST_COLUMNS = ["source_id", "title", "publisher", "published", "url"]


@dataclass(frozen=True)
class Article:
    source_id: str
    path: Path
    shown_as: str  # path relative to data/raw/
    text: str
    title: str | None = None
    publisher: str | None = None
    published: date | None = None
    url: str | None = None

    @property
    def sha256(self) -> str:
        """The raw file's checksum: the text is the file's bytes decoded as strict UTF-8, so
        encoding it again gives those bytes back without reading the file a second time."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def read_manifest(path: Path, shown: str) -> tuple[dict[str, dict], list[P.Problem]]:
    """sources.csv rows by source_id, with problems (bad dates, duplicate ids)."""
    if not path.exists():
        return {}, [P.error(shown, "is missing: every article needs a row source_id,title,publisher,published,url")]
    rows, problems = read_csv_rows(path, shown, required=MANIFEST_COLUMNS)
    manifest: dict[str, dict] = {}
    for line, cells in rows:
        source_id = cells["source_id"]
        if not source_id:
            problems.append(P.error(shown, "source_id is empty", row=line, column="source_id"))
            continue
        if source_id in manifest:
            problems.append(P.error(shown, f"duplicate source_id {source_id!r} (first on line {manifest[source_id]['line']})", row=line, column="source_id"))
            continue
        published = None
        if cells["published"]:
            published, reason = values.parse_date("published", cells["published"])
            if reason:
                problems.append(P.error(shown, reason, row=line, column="published", value=cells["published"]))
                continue
        manifest[source_id] = {**{k: (v or None) for k, v in cells.items()}, "published": published, "line": line}
    return manifest, problems


def read_article_file(path: Path, shown: str) -> tuple[str | None, list[P.Problem]]:
    """The text of one article, or None with the reason it cannot be used."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [P.error(shown, f"cannot be read: {exc.strerror}")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [P.error(shown, f"is not UTF-8 text (invalid byte at offset {exc.start}); save it as UTF-8")]
    if not text.strip():
        return None, [P.warning(shown, "is empty; it was skipped")]
    return text, []


def read_articles(paths: ProjectPaths) -> tuple[list[Article], list[P.Problem]]:
    folder = paths.articles
    manifest_path = folder / "sources.csv"
    manifest, problems = read_manifest(manifest_path, paths.relative_to_raw(manifest_path))
    files = {p.stem: p for p in sorted(folder.glob("*.txt"))} if folder.exists() else {}
    for source_id, row in manifest.items():
        if source_id not in files:
            problems.append(P.error(paths.relative_to_raw(manifest_path), f"names {source_id}.txt, which does not exist", row=row["line"], column="source_id", value=source_id))
    articles = []
    for source_id, path in files.items():
        shown = paths.relative_to_raw(path)
        if source_id not in manifest:
            problems.append(P.error(shown, "has no row in articles/sources.csv; add source_id,title,publisher,published,url (unknown fields empty)"))
            continue
        text, found = read_article_file(path, shown)
        problems.extend(found)
        if text is None:
            continue
        row = manifest[source_id]
        articles.append(Article(source_id, path, shown, text, row["title"], row["publisher"], row["published"], row["url"]))
    return articles, problems


def claims_from_articles(articles: list[Article], reference: Reference) -> Ingested:
    claims, sources, problems, texts = [], [], [], {}
    for article in articles:
        try:
            extraction = extract_claims(article.text, article.published)
        except Exception as exc:  # the extractor promises never to raise; if it does, this article is
            # left out and named (the error blocks the release) instead of crashing the whole run
            problems.append(P.error(article.shown_as, f"the extractor failed on this article ({type(exc).__name__}: {exc}); "
                                    "it is left out; this is a bug in pipeline/extract: report it with this file"))
            continue
        for note in extraction.notes:
            problems.append(P.warning(article.shown_as, note))
        if not extraction.claims:
            problems.append(P.warning(article.shown_as, "no claims were found in this article"))
        for claim in extraction.claims:
            claims.append(
                claim_row(
                    reference,
                    claim_id=f"{article.source_id}:{claim.start}-{claim.end}",
                    source_id=article.source_id,
                    source_type="article",
                    area_id=claim.area_id,
                    period=claim.period,
                    metric=claim.metric,
                    value=claim.value,
                    qualifier=claim.qualifier,
                    evidence=claim.evidence,
                    locator=f"{claim.start}-{claim.end}",
                    rule=claim.rule,
                    status=claim.status,
                    note=claim.note,
                )
            )
        sources.append(
            {"source_id": article.source_id, "source_type": "article", "title": article.title,
             "publisher": article.publisher, "published": article.published.isoformat() if article.published else None,
             "url": article.url, "sha256": article.sha256, "path": article.shown_as, "n_claims": 0}
        )
        texts[article.source_id] = article.text
    return Ingested(frame(claims, CLAIM_COLUMNS), frame(sources, SOURCE_COLUMNS), problems, texts)
