"""The hand-annotated corpora are well formed, and the quality benchmark runs on them and on bad corpora.

Six corpora share the format (tests/corpus/README.md): tests/corpus/, which the extractor is tuned
on, and tests/corpus_heldout/, tests/corpus_final/, tests/corpus_blind/, tests/corpus_blind2/ and
tests/corpus_blind3/, which it was not at first, so that their first scores measured unseen coverage.
The blind corpora were written without reading the others or the extractor; tests/corpus_blind3/ is
kept untouched, for one honest measure.
"""

from __future__ import annotations

import csv
import re
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from benchmarks import extraction_quality
from benchmarks.corpus import DEFAULT_CORPUS, load_corpus

HELDOUT_CORPUS = DEFAULT_CORPUS.parent / "corpus_heldout"
FINAL_CORPUS = DEFAULT_CORPUS.parent / "corpus_final"
BLIND_CORPUS = DEFAULT_CORPUS.parent / "corpus_blind"
BLIND2_CORPUS = DEFAULT_CORPUS.parent / "corpus_blind2"
BLIND3_CORPUS = DEFAULT_CORPUS.parent / "corpus_blind3"


@dataclass(frozen=True)
class CorpusSpec:
    folder: Path
    min_articles: int
    min_gold: int


CORPORA = [
    CorpusSpec(DEFAULT_CORPUS, min_articles=50, min_gold=250),
    CorpusSpec(HELDOUT_CORPUS, min_articles=30, min_gold=150),
    CorpusSpec(FINAL_CORPUS, min_articles=30, min_gold=150),
    CorpusSpec(BLIND_CORPUS, min_articles=30, min_gold=150),
    CorpusSpec(BLIND2_CORPUS, min_articles=30, min_gold=150),
    CorpusSpec(BLIND3_CORPUS, min_articles=30, min_gold=150),
]


@pytest.fixture(params=CORPORA, ids=lambda spec: spec.folder.name)
def corpus_spec(request) -> CorpusSpec:
    return request.param


def test_the_corpus_loads_without_problems(reference, corpus_spec):
    corpus, problems = load_corpus(corpus_spec.folder, reference)
    assert problems == []
    assert len(corpus.articles) >= corpus_spec.min_articles
    assert len(corpus.gold) >= corpus_spec.min_gold


def test_every_metric_and_every_kind_of_area_has_gold_claims(reference, corpus_spec):
    corpus, _ = load_corpus(corpus_spec.folder, reference)
    assert {f.metric for f in corpus.gold} == set(reference.metric_units)
    area_types = dict(zip(reference.areas["area_id"], reference.areas["area_type"]))
    assert {area_types[f.area_id] for f in corpus.gold} == set(area_types.values())
    assert {"england", "wales", "scotland", "northern-ireland", "england-and-wales", "uk"} <= {f.area_id for f in corpus.gold}


def test_every_force_has_gold_claims_in_the_tuning_corpus(reference):
    # The held-out corpora cover the forces they chose (see their READMEs); only the tuning corpus must cover all 46.
    corpus, _ = load_corpus(DEFAULT_CORPUS, reference)
    forces = set(reference.areas.loc[reference.areas["area_type"].isin(["police_force_area", "police_force"]), "area_id"])
    assert forces <= {f.area_id for f in corpus.gold}


def test_gold_rows_are_distinct_facts(corpus_spec):
    with (corpus_spec.folder / "gold.csv").open(encoding="utf-8", newline="") as handle:
        rows = [tuple(row.values()) for row in csv.DictReader(handle)]
    assert [row for row, n in Counter(rows).items() if n > 1] == []


# A financial year written out: "2016/17", "2016-17", "2016 to 2017", "the year to March".
NAMED_YEAR = re.compile(r"\b(?:19|20)?\d\d\s*[/-]\s*(?:19|20)?\d\d\b|\byear to March\b|\b(?:19|20)\d\d to (?:19|20)\d\d\b")


def test_articles_without_a_period_have_no_gold_rows(reference, corpus_spec):
    # An article with no published date and no named financial year states no period-dependent claim.
    corpus, _ = load_corpus(corpus_spec.folder, reference)
    with_gold = {f.article_id for f in corpus.gold}
    undated = [a for a in corpus.articles if a.published is None]
    assert [a.article_id for a in undated if not NAMED_YEAR.search(a.text) and a.article_id in with_gold] == []
    assert any(not NAMED_YEAR.search(a.text) for a in undated)  # the corpus has such articles
    assert any(a.article_id in with_gold for a in undated)  # and undated ones that name their year


def _paragraphs(folder: Path) -> set[str]:
    """Every paragraph of 60 characters or more of the corpus's articles, whitespace normalised."""
    paragraphs = set()
    for path in (folder / "articles").glob("*.txt"):
        for line in path.read_text(encoding="utf-8").splitlines():
            normal = " ".join(line.split()).lower()
            if len(normal) >= 60:
                paragraphs.add(normal)
    return paragraphs


@pytest.mark.parametrize("held_out, others", [
    (HELDOUT_CORPUS, [DEFAULT_CORPUS]),
    (FINAL_CORPUS, [DEFAULT_CORPUS, HELDOUT_CORPUS]),
    (BLIND_CORPUS, [DEFAULT_CORPUS, HELDOUT_CORPUS, FINAL_CORPUS]),
    (BLIND2_CORPUS, [DEFAULT_CORPUS, HELDOUT_CORPUS, FINAL_CORPUS, BLIND_CORPUS]),
    (BLIND3_CORPUS, [DEFAULT_CORPUS, HELDOUT_CORPUS, FINAL_CORPUS, BLIND_CORPUS, BLIND2_CORPUS]),
], ids=["corpus_heldout", "corpus_final", "corpus_blind", "corpus_blind2", "corpus_blind3"])
def test_a_held_out_corpus_shares_no_paragraph_with_the_corpora_before_it(held_out, others):
    # A held-out article copied into tests/corpus/ (say, to fix a miss) would no longer be held out.
    paragraphs = _paragraphs(held_out)
    assert paragraphs
    for other in others:
        assert _paragraphs(other) & paragraphs == set()


def test_the_quality_benchmark_scores_the_corpus_and_exits_0(capsys, corpus_spec):
    assert extraction_quality.main(["--corpus", str(corpus_spec.folder)]) == 0
    out = capsys.readouterr().out
    assert f"Extraction quality on {corpus_spec.folder}:" in out
    assert "OVERALL" in out and "precision" in out and "recall" in out
    assert "needs_review claims (not scored)" in out


@pytest.mark.parametrize(
    "column, bad, message",
    [
        ("area_id", "atlantis", "unknown area_id"),
        ("metric", "offences_per_week", "unknown metric"),
        ("period", "2016/18", "financial year"),
        ("period", "2016-17", "financial year"),
        ("value", "lots", "not a number"),
        ("qualifier", "roughly", "qualifier"),
    ],
)
def test_a_malformed_gold_row_exits_2_naming_the_row(tmp_path, capsys, column, bad, message):
    corpus = tmp_path / "corpus"
    shutil.copytree(DEFAULT_CORPUS, corpus)
    gold = corpus / "gold.csv"
    with gold.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows[4][column] = bad
    with gold.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    assert extraction_quality.main(["--corpus", str(corpus)]) == 2
    err = capsys.readouterr().err
    assert f"gold.csv:6:{column}" in err and message in err and bad in err


def test_a_manifest_row_without_its_article_exits_2(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    shutil.copytree(DEFAULT_CORPUS, corpus)
    with (corpus / "manifest.csv").open("a", encoding="utf-8") as handle:
        handle.write("zz_missing,2020-01-01,news brief,nothing\n")
    assert extraction_quality.main(["--corpus", str(corpus)]) == 2
    assert "zz_missing" in capsys.readouterr().err


def test_the_report_lists_misses_and_false_claims_with_their_evidence(tmp_path, capsys, monkeypatch):
    from pipeline.extract import ExtractedClaim, Extraction

    corpus = tmp_path / "corpus"
    (corpus / "articles").mkdir(parents=True)
    text = "MORE than 300 offences were recorded by Gwent Police in 2016/17.\n\nThere were 314 recorded cases.\n"
    (corpus / "articles" / "t1.txt").write_text(text, encoding="utf-8")
    (corpus / "manifest.csv").write_text("article_id,published,style,covers\nt1,2017-10-01,brief,test\n")
    (corpus / "gold.csv").write_text(
        "article_id,area_id,period,metric,value,qualifier\n"
        "t1,gwent,2016/17,offences,300,more_than\n"
        "t1,gwent,2016/17,offences,314,exact\n"
    )
    seen = {}

    def fake_extract(text, published=None):
        seen["published"] = published
        return Extraction(claims=[
            ExtractedClaim("gwent", "2016/17", "offences", 314, "exact", 70, 73, "There were 314 recorded cases.", "count"),
            ExtractedClaim("gwent", "2016/17", "offences", 300, "exact", 9, 12,
                           "MORE than 300 offences were recorded by Gwent Police in 2016/17.", "count-no-hedge"),
            ExtractedClaim("wales", "2016/17", "offences", 314, "exact", 70, 73, "There were 314 recorded cases.",
                           "guess", status="needs_review"),
        ], notes=["a note"])

    monkeypatch.setattr(extraction_quality, "extract_claims", fake_extract)
    assert extraction_quality.main(["--corpus", str(corpus), "--show-all"]) == 0
    out = capsys.readouterr().out
    assert str(seen["published"]) == "2017-10-01"
    assert "MISS   gwent 2016/17 offences more_than = 300" in out
    assert "FALSE  gwent 2016/17 offences exact = 300   [rule count-no-hedge]" in out
    assert "evidence: MORE than 300 offences were recorded by Gwent Police in 2016/17." in out
    assert "OK     gwent 2016/17 offences exact = 314" in out
    assert "REVIEW wales 2016/17 offences exact = 314" in out
    assert "needs_review claims (not scored): 1" in out
    assert "note: a note" in out
    overall = next(line for line in out.splitlines() if line.startswith("OVERALL"))
    assert overall.split()[1:4] == ["2", "2", "1"]  # gold, found, correct
