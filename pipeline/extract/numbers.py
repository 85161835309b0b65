"""Numbers as written: "1,483", "nine", "15 per cent", "one in 20", "a third", "every six hours".

Finds each with its span and value; what it counts is decided by the reader. A number that is not
a quantity (part of a phone number, a sum of money, a date, a time, a statute section, a code such
as "Covid-19", a "five-year" compound) is dropped here by looking at what surrounds it.

Everything matches the lower-cased text (see matching.py). Digits are found by one pattern that
starts with a digit; number words only around the places where a number word occurs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.lexicon import Lexicon, phrase_key, trie_pattern
from pipeline.extract.matching import match_at, starts_near, word_positions

COUNT, PERCENT, SHARE, RATE = "count", "percent", "share", "rate"

_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"

# What around a number shows it is not a quantity. Each is matched just before or just after it.
_NOT_QUANTITY_BEFORE = re.compile(
    rf"(?:[£$€#]\s?|[.,/\-]|\b{_MONTH}\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?"
    r"|\b(?:sections?|s\.|article|schedule|clause|chapter|paragraph|part|rule|regulation|no\.|number|act|order|regulations|bill|aged|age)\s*(?:of\s+)?)$"
)
_NOT_QUANTITY_AFTER = re.compile(
    rf"(?:\s?(?:m|bn|k|million|billion|thousand|pounds|pence|p)\b|(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?![a-z])"
    r"|(?:[.:]\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)|[a-z]?\s+of\s+the\s+\w+(?:\s+\w+)?\s+act\b"
    r"|-(?:years?|months?|weeks?|days?|hours?|minutes?|points?|strong|fold|times|page|step)\b|\s*-year-old)"
)
_PHONE = re.compile(r"(?:0\d{3,4}[ \-]?\d{3,4}(?:[ \-]?\d{3,4})?|116[ \-]?\d{3}|101|999|111|112)(?![\w,]|\.\d)")
_PHONE_CONTEXT = re.compile(r"\b(?:call|calling|dial|dialling|ring|ringing|phone|phoning|text|texting|contact|contacting|helpline|childline|number|on)\b[^.\n]{0,30}$")
_EMERGENCY = re.compile(r"\s+in\s+an\s+emergency")

_DIGIT_TOKEN = re.compile(r"\d[\d,.]*")  # a plain start, so the regex engine can skip to digits fast
_DIGIT_PATTERN = re.compile(
    rf"(?P<share>1\s+in\s+(?:every\s+)?(?P<share_n>\d{{1,3}}(?:,\d{{3}})*)\b)"
    rf"|(?P<pct>(?P<pct_n>{_DIGITS})\s*(?:%|per[\s-]?cent\b|percent\b|pc\b))"
    rf"|(?P<digits>{_DIGITS}(?![\w/%]|[.,]\d))"
)


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    value: float
    kind: str  # COUNT, PERCENT, SHARE (0-1) or RATE (per day)
    in_words: bool  # written in words ("nine", "one in five", "a third")
    year_like: bool = False  # a bare 4-digit number that could be a year (2016)
    fraction: bool = False  # "a third", "half": a share that may also be a change ("rose by a third")


@dataclass(frozen=True)
class _WordPatterns:
    pattern: re.Pattern
    anchors: tuple[str, ...]  # words at least one of which every match contains


_CACHE: dict[int, _WordPatterns] = {}


def _word_patterns(lexicon: Lexicon) -> _WordPatterns:
    cached = _CACHE.get(id(lexicon))
    if cached:
        return cached
    units = sorted((w for w, v in lexicon.number_words.items() if v < 20), key=len, reverse=True)
    tens = sorted((w for w, v in lexicon.number_words.items() if v >= 20), key=len, reverse=True)
    word = rf"(?:(?:{'|'.join(tens)})(?:[\s-](?:{'|'.join(units)}))?|{'|'.join(units)})"
    fractions = trie_pattern(list(lexicon.fractions))
    pattern = re.compile(
        rf"(?P<rate>every\s+(?:(?P<rate_n>\d+|{word})\s+)?(?P<rate_unit>seconds?|minutes?|hours?)\b)"
        rf"|(?P<share>one\s+in\s+(?:every\s+)?(?P<share_n>\d{{1,3}}(?:,\d{{3}})*|{word})\b)"
        rf"|(?P<fraction>{fractions}(?![\w-]))"
        rf"|(?P<pct>(?P<pct_n>{word})\s*(?:%|per[\s-]?cent\b|percent\b|pc\b))"
        rf"|(?P<word>{word}\b)"
    )
    fraction_words = {token for phrase in lexicon.fractions for token in phrase.split()} - {"a", "an", "one", "two", "three"}
    anchors = tuple(sorted(set(lexicon.number_words) | fraction_words | {"every"}))
    cached = _CACHE[id(lexicon)] = _WordPatterns(pattern, anchors)
    return cached


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
    for token in _DIGIT_TOKEN.finditer(low):
        start = token.start()
        if start and low[start - 1].isalnum():
            continue
        m = _DIGIT_PATTERN.match(low, start)
        if m is None:
            continue
        if _inside(phones, start) or _not_a_quantity(low, m.start(), m.end()):
            continue
        number = _read(m, lexicon)
        if number:
            found[start] = number
    words = _word_patterns(lexicon)
    for m in match_at(words.pattern, low, starts_near(low, word_positions(low, words.anchors), reach=6)):
        overlapping = [k for k, n in found.items() if n.start < m.end() and m.start() < n.end]
        if m["word"]:
            if overlapping or _not_a_quantity(low, m.start(), m.end()):
                continue
        number = _read(m, lexicon)
        if number:
            for k in overlapping:  # "one in 20", "every 20 minutes": the phrase, not the bare 20
                del found[k]
            found[m.start()] = number
    return [found[k] for k in sorted(found)]


def _not_a_quantity(low: str, start: int, end: int) -> bool:
    if _NOT_QUANTITY_BEFORE.search(low, max(0, start - 25), start):
        return True
    return bool(_NOT_QUANTITY_AFTER.match(low, end))


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


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    return any(start <= position < end for start, end in spans)


def _read(m: re.Match, lexicon: Lexicon) -> Number | None:
    start, end = m.span()
    groups = m.groupdict()
    if groups.get("rate"):
        n = _value(m["rate_n"], lexicon) if m["rate_n"] else 1.0
        if n <= 0:
            return None
        per_day = {"second": 86400.0, "minute": 1440.0, "hour": 24.0}[m["rate_unit"].rstrip("s")]
        return Number(start, end, round(per_day / n, 2), RATE, in_words=True)
    if groups.get("share"):
        n = _value(m["share_n"], lexicon)
        if n < 2:
            return None
        return Number(start, end, round(1 / n, 4), SHARE, in_words=True)
    if groups.get("fraction"):
        return Number(start, end, lexicon.fractions[phrase_key(m["fraction"])], SHARE, in_words=True, fraction=True)
    if groups.get("pct"):
        text = m["pct_n"]
        return Number(start, end, _value(text, lexicon), PERCENT, in_words=not text[0].isdigit())
    if groups.get("digits"):
        text = m["digits"]
        year_like = bool(re.fullmatch(r"(?:19|20)\d{2}", text))
        return Number(start, end, float(text.replace(",", "")), COUNT, in_words=False, year_like=year_like)
    return Number(start, end, float(word_value(m["word"], lexicon)), COUNT, in_words=True)
