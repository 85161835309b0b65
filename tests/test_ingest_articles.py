"""Reading articles from data/raw/articles/: the text is the file, byte for byte."""

from __future__ import annotations

import hashlib

from conftest import add_article
from pipeline.ingest.articles import claims_from_articles, read_articles

CRLF_ARTICLE = (
    "Kent Police recorded 1,200 offences in 2016/17.\r\n\r\n"
    "Kent Police recorded 1,300 offences in 2017/18, up 8 per cent.\r\n"
).encode("utf-8")


def test_a_crlf_article_is_read_byte_for_byte_and_its_offsets_index_the_raw_file(project, reference):
    add_article(project, "crlf", CRLF_ARTICLE)
    articles, problems = read_articles(project)
    [article] = [a for a in articles if a.source_id == "crlf"]
    assert not [p for p in problems if p.file == "articles/crlf.txt"]
    assert article.text.encode("utf-8") == CRLF_ARTICLE, "line ends are kept: offsets count the \\r"
    assert article.sha256 == hashlib.sha256(CRLF_ARTICLE).hexdigest()
    claims = claims_from_articles([article], reference).claims
    later = claims[(claims["period"] == "2017/18") & (claims["metric"] == "offences")].iloc[0]
    start = CRLF_ARTICLE.decode("utf-8").index("1,300")
    assert (later["value"], later["locator"]) == (1300, f"{start}-{start + len('1,300')}")


def test_a_published_date_that_is_not_iso_names_its_cell_and_leaves_the_article_out(project):
    add_article(project, "late", b"Kent Police recorded 1,200 offences in 2016/17.\n", published="31/03/2017")
    articles, problems = read_articles(project)
    assert "late" not in {a.source_id for a in articles}
    shown = [str(p) for p in problems]
    line = len((project.articles / "sources.csv").read_text(encoding="utf-8").splitlines())
    assert f"error: articles/sources.csv:{line}:published: published is not an ISO date (YYYY-MM-DD) (value '31/03/2017')" in shown
