"""The speed benchmark's generator and runner (no timing assertions: timings depend on the machine)."""

from __future__ import annotations

import re

from benchmarks import extraction_speed
from benchmarks.generate import generate_articles


def test_the_generator_is_deterministic_per_seed(reference):
    first = generate_articles(5, 1500, seed=7, reference=reference)
    assert first == generate_articles(5, 1500, seed=7, reference=reference)
    assert first != generate_articles(5, 1500, seed=8, reference=reference)


def test_generated_articles_are_about_the_requested_size_and_in_the_genre(reference):
    articles = generate_articles(40, 3000, seed=1, reference=reference)
    sizes = [len(text.encode()) for text, _ in articles]
    assert all(3000 <= size <= 3000 + 700 for size in sizes)  # whole paragraphs: may run one over
    text = "\n".join(text for text, _ in articles)
    assert "NSPCC" in text and "\n\n" in text
    assert re.search(r"\b20\d\d[/-]\d\d\b", text)  # financial years
    assert "Childline on 0800 1111" in text and "call police on 101" in text  # distractors are there too
    assert any(published is None for _, published in articles)
    assert any(published is not None for _, published in articles)


def test_the_speed_benchmark_runs_on_a_few_tiny_articles(capsys):
    code = extraction_speed.main(["--articles", "20", "--size", "400", "--linearity-bytes", "24000", "--repeat", "1"])
    out = capsys.readouterr().out
    assert code == 0
    assert "20 generated articles" in out
    assert "articles/second" in out and "MB/second" in out and "claims found" in out
    for size in ("1 KB", "3 KB", "6 KB", "12 KB"):
        assert size in out
    assert "slowest/fastest time per KB" in out
    assert re.search(r"Target: .*(met|NOT met).*(met|NOT met)", out)
