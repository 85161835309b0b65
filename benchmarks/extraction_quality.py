"""Extraction quality on the hand-annotated corpus: precision, recall and F1, misses, false claims.

    python -m benchmarks.extraction_quality [--corpus DIR] [--show-all]

Runs pipeline.extract.extract_claims on every corpus article (with the manifest's published
date), scores the claims whose status is "ok" against gold.csv (benchmarks/scoring.py) and
prints the scores per metric and overall, then every miss and every false claim by article.
Exit code 0 whatever the scores; 2 if the corpus itself is malformed (the bad rows are printed).
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.corpus import DEFAULT_CORPUS, Article, load_corpus
from benchmarks.scoring import Fact, Score, score, tolerances_for_units
from pipeline.extract import extract_claims
from pipeline.problems import format_report
from pipeline.reference import Reference


@dataclass
class ArticleRun:
    article: Article
    scored: list[Fact] = field(default_factory=list)  # status "ok"
    needs_review: list[Fact] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    crash: str | None = None  # the extractor must never raise; if it does, the corpus run goes on


def run_extractor(article: Article) -> ArticleRun:
    run = ArticleRun(article)
    try:
        extraction = extract_claims(article.text, article.published)
    except Exception:  # noqa: BLE001 - a crash is reported as a finding, not a harness failure
        run.crash = traceback.format_exc(limit=3)
        return run
    run.notes = list(extraction.notes)
    for claim in extraction.claims:
        fact = Fact(article.article_id, claim.area_id, claim.period, claim.metric, float(claim.value),
                    claim.qualifier, evidence=claim.evidence, rule=claim.rule)
        (run.scored if claim.status == "ok" else run.needs_review).append(fact)
    return run


def _fmt(x: float | None) -> str:
    return "  n/a" if x is None else f"{x:5.3f}"


def _value(x: float) -> str:
    return f"{x:g}" if abs(x) < 1e6 else f"{x:.0f}"


def _describe(fact: Fact) -> str:
    return f"{fact.area_id} {fact.period} {fact.metric} {fact.qualifier} = {_value(fact.value)}"


def report(result: Score, runs: list[ArticleRun], corpus_dir: Path, show_all: bool) -> str:
    lines: list[str] = []
    n_review = sum(len(r.needs_review) for r in runs)
    crashes = [r for r in runs if r.crash]
    lines.append(f"Extraction quality on {corpus_dir}: {len(runs)} articles, {result.overall.n_gold} gold facts")
    lines.append("Scored: distinct status-ok claims, matched on (article, area, period, metric, qualifier)")
    lines.append("and value within tolerance (counts equal; percent and per-day 0.01; proportion 0.0001).")
    lines.append("")
    header = f"{'metric':<38} {'gold':>5} {'found':>6} {'correct':>8} {'precision':>10} {'recall':>7} {'F1':>6}"
    lines.append(header)
    lines.append("-" * len(header))
    for name, s in list(result.by_metric.items()) + [("OVERALL", result.overall)]:
        lines.append(f"{name:<38} {s.n_gold:>5} {s.n_predicted:>6} {s.true_positives:>8} "
                     f"{_fmt(s.precision):>10} {_fmt(s.recall):>7} {_fmt(s.f1):>6}")
    lines.append("")
    lines.append(f"needs_review claims (not scored): {n_review}")
    lines.append(f"articles where the extractor raised: {len(crashes)}")
    lines.append(f"misses: {len(result.missed)}   false claims: {len(result.false)}")

    missed, false, matched = defaultdict(list), defaultdict(list), defaultdict(list)
    for fact in result.missed:
        missed[fact.article_id].append(fact)
    for fact in result.false:
        false[fact.article_id].append(fact)
    for gold, found in result.matched:
        matched[gold.article_id].append(found)

    lines.append("")
    lines.append("By article" + (" (all)" if show_all else " (misses and false claims)") + ":")
    for run in runs:
        aid = run.article.article_id
        if not (show_all or missed[aid] or false[aid] or run.crash):
            continue
        published = run.article.published.isoformat() if run.article.published else "no date"
        lines.append(f"\n== {aid} ({published}; {run.article.style})")
        if run.crash:
            lines.append("  RAISED " + run.crash.strip().replace("\n", "\n         "))
        for fact in missed[aid]:
            lines.append(f"  MISS   {_describe(fact)}")
        for fact in false[aid]:
            lines.append(f"  FALSE  {_describe(fact)}   [rule {fact.rule or '?'}]")
            lines.append(f"         evidence: {' '.join(fact.evidence.split())}")
        if show_all:
            for fact in matched[aid]:
                lines.append(f"  OK     {_describe(fact)}   [rule {fact.rule or '?'}]")
            for fact in run.needs_review:
                lines.append(f"  REVIEW {_describe(fact)}   [rule {fact.rule or '?'}]")
                lines.append(f"         evidence: {' '.join(fact.evidence.split())}")
            for note in run.notes:
                lines.append(f"  note: {note}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus folder (default tests/corpus)")
    parser.add_argument("--show-all", action="store_true",
                        help="also list correct claims, needs_review claims and the extractor's notes for every article")
    args = parser.parse_args(argv)

    reference = Reference.load()
    corpus, problems = load_corpus(args.corpus, reference)
    if problems:
        print(f"The corpus at {args.corpus} is malformed:", file=sys.stderr)
        print(format_report(problems), file=sys.stderr)
        return 2

    runs = [run_extractor(article) for article in corpus.articles]
    tolerances = tolerances_for_units(reference.metric_units)
    result = score(corpus.gold, [f for r in runs for f in r.scored], tolerances, metrics=list(reference.metric_units))
    print(report(result, runs, args.corpus, args.show_all))
    return 0


if __name__ == "__main__":
    sys.exit(main())
