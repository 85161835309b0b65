"""The hand-annotated test corpus (tests/corpus/): reading and validating it.

Layout (see tests/corpus/README.md):
    articles/<article_id>.txt   the article text, UTF-8
    manifest.csv                article_id,published,style,covers
    gold.csv                    article_id,area_id,period,metric,value,qualifier
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from benchmarks.scoring import Fact
from pipeline.financial_year import parse_financial_year
from pipeline.paths import DEFAULT_ROOT
from pipeline.problems import Problem, error
from pipeline.reference import Reference

DEFAULT_CORPUS = DEFAULT_ROOT / "tests" / "corpus"
MANIFEST_COLUMNS = ["article_id", "published", "style", "covers"]
GOLD_COLUMNS = ["article_id", "area_id", "period", "metric", "value", "qualifier"]
QUALIFIERS = frozenset({"exact", "approximately", "more_than", "at_least", "fewer_than", "at_most"})


@dataclass(frozen=True)
class Article:
    article_id: str
    published: date | None
    style: str
    covers: str
    text: str


@dataclass(frozen=True)
class Corpus:
    articles: list[Article]
    gold: list[Fact]


def _read_csv(path: Path, columns: list[str], problems: list[Problem]) -> list[tuple[int, dict]]:
    """(line number, row) for every row, or nothing (with a problem) if the header is wrong."""
    if not path.is_file():
        problems.append(error(str(path), "file is missing"))
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != columns:
            problems.append(error(str(path), f"header must be {','.join(columns)}", row=1,
                                  value=",".join(reader.fieldnames or [])))
            return []
        return [(number, row) for number, row in enumerate(reader, start=2)]


def load_corpus(folder: Path, reference: Reference) -> tuple[Corpus, list[Problem]]:
    """The corpus, and every problem that makes it unfit to score against (empty if none)."""
    problems: list[Problem] = []
    manifest_path, gold_path = folder / "manifest.csv", folder / "gold.csv"
    articles: list[Article] = []
    seen: set[str] = set()
    for line, row in _read_csv(manifest_path, MANIFEST_COLUMNS, problems):
        where = {"row": line}
        article_id = (row["article_id"] or "").strip()
        if not article_id or article_id in seen:
            problems.append(error(str(manifest_path), "article_id is empty or repeated", column="article_id",
                                  value=article_id, **where))
            continue
        seen.add(article_id)
        published: date | None = None
        if (row["published"] or "").strip():
            try:
                published = date.fromisoformat(row["published"].strip())
            except ValueError:
                problems.append(error(str(manifest_path), "published must be an ISO date or empty",
                                      column="published", value=row["published"], **where))
                continue
        text_path = folder / "articles" / f"{article_id}.txt"
        if not text_path.is_file():
            problems.append(error(str(manifest_path), f"no article text at {text_path}", column="article_id",
                                  value=article_id, **where))
            continue
        text = text_path.read_text(encoding="utf-8")
        articles.append(Article(article_id, published, row["style"] or "", row["covers"] or "", text))

    articles_dir = folder / "articles"
    if articles_dir.is_dir():
        for path in sorted(articles_dir.glob("*.txt")):
            if path.stem not in seen:
                problems.append(error(str(path), "article has no row in manifest.csv"))

    gold: list[Fact] = []
    for line, row in _read_csv(gold_path, GOLD_COLUMNS, problems):
        fact = _gold_fact(row, line, str(gold_path), seen, reference, problems)
        if fact is not None:
            gold.append(fact)
    return Corpus(articles=articles, gold=gold), problems


def _gold_fact(row: dict, line: int, file: str, article_ids: set[str], reference: Reference,
               problems: list[Problem]) -> Fact | None:
    found = len(problems)

    def bad(column: str, reason: str) -> None:
        problems.append(error(file, reason, row=line, column=column, value=row.get(column)))

    if row["article_id"] not in article_ids:
        bad("article_id", "article_id is not in manifest.csv")
    if row["area_id"] not in reference.area_ids:
        bad("area_id", "unknown area_id (see data/reference/areas.csv)")
    if parse_financial_year(row["period"]) != row["period"]:
        bad("period", "period must be a financial year written YYYY/YY")
    unit = reference.metric_units.get(row["metric"])
    if unit is None:
        bad("metric", "unknown metric (see data/reference/metrics.csv)")
    if row["qualifier"] not in QUALIFIERS:
        bad("qualifier", f"qualifier must be one of {', '.join(sorted(QUALIFIERS))}")
    try:
        value = float(row["value"])
        if not math.isfinite(value) or (unit is not None and not reference.in_range(unit, value)):
            bad("value", f"value out of range for unit {unit}")
    except (TypeError, ValueError):
        bad("value", "value is not a number")
    if len(problems) > found:
        return None
    return Fact(row["article_id"], row["area_id"], row["period"], row["metric"], value, row["qualifier"])
