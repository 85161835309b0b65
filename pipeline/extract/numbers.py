"""Numbers as written: "1,483", "nine", "15 per cent", "one in 20", "a third", "every six hours".

Finds each with its span and value; what it counts is decided by the reader. A number that is not
a quantity (part of a phone number, a sum of money, a date, a time, a statute section, a code such
as "Covid-19", a "five-year" compound) is dropped here by looking at what surrounds it.

Everything matches the lower-cased text (see matching.py). Digits are found by one pattern that
starts with a digit and judged by one pattern matched right after them; number words are matched
only where a number word occurs. This file runs for every number of every article, so it avoids
per-number work beyond that.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from pipeline.extract.lexicon import Lexicon, phrase_key, trie_pattern
from pipeline.extract.matching import match_at, starts_near, word_positions
from pipeline.extract.periods import MONTH, MONTH_WORDS

COUNT, PERCENT, SHARE, RATE = "count", "percent", "share", "rate"

# A word right before a number that makes it a reference, not a quantity: "section 67", "Act 2003".
_REFERENCE_WORDS = frozenset(
    "section sections s. article schedule clause chapter paragraph part rule regulation no. number "
    "act order regulations bill aged age".split()
)
_REFERENCE_ANCHORS = tuple(sorted(_REFERENCE_WORDS | MONTH_WORDS))
_NOT_BEFORE = frozenset(".,/£$€#-")

_NUMBER_START = re.compile(r"\d")
_DIGITS = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
# "a five-year high", "a 10-point plan": a number fused to a unit describes, it does not count
_COMPOUND = r"-(?:years?|months?|weeks?|days?|hours?|minutes?|points?|strong|fold|times|page|step)\b"
# What follows a number written in digits decides what it is.
_AFTER_DIGITS = re.compile(
    r"(?P<pct>\s*(?:%|per[\s-]?cent\b|percent\b|pc\b))"
    r"|(?P<share>\s+in\s+(?:every\s+)?(?P<share_n>\d{1,3}(?:,\d{3})*)\b)"
    r"|(?P<glued>[a-z0-9/%_]|[.,]\d)"  # 10am, 15A, 24/7, 2016/17: part of something else
    rf"|(?P<other>\s?(?:m|bn|k|million|billion|thousand|pounds|pence|p)\b|(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?![a-z])"
    r"|(?:[.:]\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)|\s+of\s+the\s+\w+(?:\s+\w+)?\s+act\b"
    rf"|{_COMPOUND})"
)
_COUNT_BEFORE = re.compile(r"(?:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty))(?:\s+[a-z-]+){0,4}\s+$")
_AFTER_WORD = re.compile(_COMPOUND)
_PHONE = re.compile(r"(?:0\d{3,4}[ \-]?\d{3,4}(?:[ \-]?\d{3,4})?|116[ \-]?\d{3}|101|999|111|112)(?![\w,]|\.\d)")
_PHONE_CONTEXT = re.compile(r"\b(?:call|calling|dial|dialling|ring|ringing|phone|phoning|text|texting|contact|contacting|helpline|childline|number|on)\b[^.\n]{0,30}$")
_EMERGENCY = re.compile(r"\s+in\s+an\s+emergency")


class Number(NamedTuple):
    start: int
    end: int
    value: float
    kind: str  # COUNT, PERCENT, SHARE (0-1) or RATE (per day)
    in_words: bool  # written in words ("nine", "one in five", "a third")
    year_like: bool = False  # a bare 4-digit number that could be a year (2016)
    fraction: bool = False  # "a third", "half": a share that may also be a change ("rose by a third")


class _WordPatterns(NamedTuple):
    pattern: re.Pattern
    anchors: tuple[str, ...]  # words at least one of which every match contains


# Built once per lexicon. Keyed by id() (a Lexicon holds dicts, so it is not hashable); holding the
# lexicon beside its patterns keeps it alive, so no other lexicon can be given its id and stale patterns.
_CACHE: dict[int, tuple[Lexicon, _WordPatterns]] = {}


def _word_patterns(lexicon: Lexicon) -> _WordPatterns:
    cached = _CACHE.get(id(lexicon))
    if cached and cached[0] is lexicon:
        return cached[1]
    units = sorted((w for w, v in lexicon.number_words.items() if v < 20), key=len, reverse=True)
    ones = sorted((w for w, v in lexicon.number_words.items() if 1 <= v <= 9), key=len, reverse=True)
    tens = sorted((w for w, v in lexicon.number_words.items() if v >= 20), key=len, reverse=True)
    # "twenty-one" is a number; "twenty twelve" is two words, not 32
    word = rf"(?:(?:{'|'.join(tens)})(?:[\s-](?:{'|'.join(ones)})\b)?|{'|'.join(units)})"
    fractions = trie_pattern(list(lexicon.fractions))
    pattern = re.compile(
        rf"(?P<rate>every\s+(?:(?P<rate_n>\d+|{word})\s+)?(?P<rate_unit>seconds?|minutes?|hours?)\b)"
        rf"|(?P<share>(?P<share_k>{word})\s+in\s+(?:every\s+)?(?P<share_n>\d{{1,3}}(?:,\d{{3}})*|{word})\b)"
        rf"|(?P<fraction>{fractions}(?![\w-]))"
        rf"|(?P<pct>(?P<pct_n>{word})\s*(?:%|per[\s-]?cent\b|percent\b|pc\b))"
        rf"|(?P<word>{word}\b)"
    )
    fraction_words = {token for phrase in lexicon.fractions for token in phrase.split()} - {"a", "an", "one", "two", "three"}
    anchors = tuple(sorted(set(lexicon.number_words) | fraction_words | {"every"}))
    patterns = _WordPatterns(pattern, anchors)
    _CACHE[id(lexicon)] = (lexicon, patterns)
    return patterns


def word_value(text: str, lexicon: Lexicon) -> int:
    return sum(lexicon.number_words[p] for p in re.split(r"[\s-]+", text.lower()))


def _value(text: str, lexicon: Lexicon) -> float:
    text = text.strip()
    if text[0].isdigit():
        return float(text.replace(",", ""))
    return float(word_value(text, lexicon))


def find_numbers(low: str, lexicon: Lexicon) -> list[Number]:
    """Every number in the lower-cased text that is a quantity, in order."""
    found: dict[int, Number] = {}
    phones = _phone_spans(low)
    references = _reference_ends(low)
    position = 0
    while True:
        digit = _NUMBER_START.search(low, position)
        if digit is None:
            break
        start = digit.start()
        written = _DIGITS.match(low, start)
        end = position = written.end()
        if start and (low[start - 1].isalnum() or low[start - 1] in _NOT_BEFORE):
            continue
        if phones and any(s <= start < e for s, e in phones):
            continue
        if _after_reference(low, start, references):
            references.add(end)  # "April 1, 2018": the day makes the year a date too
            continue
        after = _AFTER_DIGITS.match(low, end)
        kind = after.lastgroup if after else None
        if kind in ("glued", "other"):
            if kind == "glued":
                position = after.end()
            continue
        text = written.group()
        if len(text) > 15:
            continue  # no count, change or rate in this genre has more than 15 digits
        value = float(text.replace(",", ""))
        if kind == "pct":
            found[start] = Number(start, after.end(), value, PERCENT, False)
        elif kind == "share" and (text == "1" or value < _value(after["share_n"], lexicon) <= 100):
            n = _value(after["share_n"], lexicon)  # "1 in 20", "3 in 10"
            if n > value >= 1:
                found[start] = Number(start, after.end(), round(value / n, 4), SHARE, True)
        else:
            year_like = len(text) == 4 and text[:2] in ("19", "20")
            found[start] = Number(start, end, value, COUNT, False, year_like)
    _add_words(low, lexicon, found, references)
    return [found[k] for k in sorted(found)]


def _add_words(low: str, lexicon: Lexicon, found: dict[int, Number], references: set[int]) -> None:
    """Numbers in words; a phrase ("one in 20", "every 20 minutes") replaces a bare number in it."""
    words = _word_patterns(lexicon)
    starts = sorted(found)
    for m in match_at(words.pattern, low, starts_near(low, word_positions(low, words.anchors), reach=6)):
        m_start, m_end = m.span()
        i = bisect.bisect_left(starts, m_start)
        overlapping = [k for k in starts[i:i + 3] if k < m_end and k in found]
        if m["word"]:
            if overlapping or _AFTER_WORD.match(low, m_end) or _after_reference(low, m_start, references):
                continue
        if m["rate"] and not m["rate_n"] and _COUNT_BEFORE.search(low, max(0, m.start() - 25), m.start()):
            continue  # "more than nine every hour": the unit of the count before it, not a rate of its own
        number = _read_words(m, lexicon)
        if number:
            for k in overlapping:
                del found[k]
            found[m_start] = number


def _reference_ends(low: str) -> set[int]:
    """Where words that turn the next number into a reference end: "section 67", "March 31",
    "Act 2003", "aged 13"."""
    return {p + len(word) for word in _REFERENCE_ANCHORS for p in word_positions(low, (word,))}


def _after_reference(low: str, start: int, references: set[int]) -> bool:
    """Whether a reference word (or a date's day, "April 1,") ends just before `start`."""
    return (start - 1) in references or (start - 2) in references and low[start - 2] in ".," \
        or (start - 3) in references and low[start - 3] == ","


def _phone_spans(low: str) -> list[tuple[int, int]]:
    """Phone numbers: long numbers starting with 0 ("0800 1111"), and short codes (101, 999, 116
    123) where the words before them are about calling."""
    spans = []
    for m in _PHONE.finditer(low):
        start = m.start()
        if start and (low[start - 1].isalnum() or low[start - 1] in ",."):
            continue
        digits = re.sub(r"\D", "", m.group())
        if (digits.startswith("0") and len(digits) >= 7) or _PHONE_CONTEXT.search(low, max(0, start - 40), start) \
                or _EMERGENCY.match(low, m.end()):
            spans.append(m.span())
    return spans


def _read_words(m: re.Match, lexicon: Lexicon) -> Number | None:
    start, end = m.span()
    if m["rate"]:
        n = _value(m["rate_n"], lexicon) if m["rate_n"] else 1.0
        if n <= 0:
            return None
        per_day = {"second": 86400.0, "minute": 1440.0, "hour": 24.0}[m["rate_unit"].rstrip("s")]
        return Number(start, end, round(per_day / n, 2), RATE, True)
    if m["share"]:  # "one in five", "four in 10"
        k, n = word_value(m["share_k"], lexicon), _value(m["share_n"], lexicon)
        return Number(start, end, round(k / n, 4), SHARE, True) if n > k >= 1 else None
    if m["fraction"]:
        return Number(start, end, lexicon.fractions[phrase_key(m["fraction"])], SHARE, True, fraction=True)
    if m["pct"]:
        return Number(start, end, _value(m["pct_n"], lexicon), PERCENT, True)
    return Number(start, end, float(word_value(m["word"], lexicon)), COUNT, True)
