"""Finding a reviewer's quote in an article: where the number it names sits in the raw text.

A review decision that adds a claim quotes the number as written ("1,120", "one in 20", "every
eight minutes"). When that text occurs more than once, the reviewer quotes more words around it
and marks the number with square brackets: "Norfolk Police - [1,120]". The claim's offsets are
those of the number alone, so an added claim gets the same `<start>-<end>` an extractor reading
the same number would give it.

A number is only found where it stands on its own: "20" is not found inside "2020", nor "120"
inside "1,120".
"""

from __future__ import annotations

import re

OPEN, CLOSE = "[", "]"


def split_quote(quote: str) -> tuple[str, int, int] | str:
    """(the quote as written in the article, start and end of the number within it), or the reason
    the quote cannot be read."""
    if not quote:
        return "the quote is empty"
    n_open, n_close = quote.count(OPEN), quote.count(CLOSE)
    if n_open == 0 and n_close == 0:
        return quote, 0, len(quote)
    if n_open != 1 or n_close != 1 or quote.index(OPEN) > quote.index(CLOSE):
        return "mark the number with exactly one pair of square brackets, e.g. 'Norfolk Police - [1,120]'"
    start = quote.index(OPEN)
    end = quote.index(CLOSE) - 1
    plain = quote.replace(OPEN, "", 1).replace(CLOSE, "", 1)
    if not plain[start:end].strip():
        return "the square brackets are empty: put the number as written inside them"
    return plain, start, end


def stands_alone(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is not part of a longer word or number."""
    first, last = text[start], text[end - 1]
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if first.isalnum() and before.isalnum():
        return False
    if last.isalnum() and after.isalnum():
        return False
    # "1,120" seen from "120", or "2.5" seen from "5": a digit group separator inside a number
    if first.isdigit() and before in ",." and start >= 2 and text[start - 2].isdigit():
        return False
    if last.isdigit() and after in ",." and end + 1 < len(text) and text[end + 1].isdigit():
        return False
    return True


def find_all(text: str, plain: str, number_start: int, number_end: int) -> list[tuple[int, int]]:
    """The spans of the number in every place the quote occurs where the number stands alone."""
    spans, at = [], text.find(plain)
    while at != -1:
        span = (at + number_start, at + number_end)
        if stands_alone(text, *span):
            spans.append(span)
        at = text.find(plain, at + 1)
    return spans


def locate(text: str, quote: str) -> tuple[tuple[int, int] | None, str | None]:
    """The number's (start, end) in text, or None and why it cannot be placed."""
    split = split_quote(quote)
    if isinstance(split, str):
        return None, split
    plain, number_start, number_end = split
    spans = find_all(text, plain, number_start, number_end)
    if len(spans) == 1:
        return spans[0], None
    if spans:
        at = ", ".join(f"{s}-{e}" for s, e in spans[:5])
        return None, (
            f"the quote occurs {len(spans)} times (characters {at}): quote more words "
            "around the number and mark the number with square brackets, e.g. 'recorded [1,120] offences'"
        )
    if plain in text:
        return None, "the quote occurs only as part of a longer number or word (as '20' in '2020'): quote the whole number as written"
    if _fold(plain) and _fold(plain) in _fold(text):
        return None, "the quote is not found as written (it appears with different capitals, spacing or punctuation): copy it exactly from the article"
    return None, "the quote is not found: copy the number exactly as written (with its commas), or a passage containing it"


def _fold(text: str) -> str:
    """A loose form for the "did you mean" hint only: case-folded, typographic marks plain, spaces single."""
    text = text.casefold().translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "}))
    return re.sub(r"\s+", " ", text).strip()
