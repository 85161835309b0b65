"""Fast whole-word matching on a lower-cased copy of the text.

Python's regex engine can skip quickly to where a match may start only when a pattern begins with
a plain character; `\\b` or IGNORECASE at the start make it try every position, several times
slower. So the extractor matches lower-case patterns against a lower-cased copy of the text (same
length, so offsets are shared) and checks the word boundary at the start of each match here.
"""

from __future__ import annotations

import bisect
import re
from typing import Iterator


def lower(text: str) -> str:
    """The text in lower case, with exactly the same length (offsets stay valid)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _word_start(low: str, index: int) -> bool:
    return index == 0 or not (low[index - 1].isalnum() or low[index - 1] == "_")


def finditer_words(regex: re.Pattern, low: str, start: int = 0, end: int | None = None) -> Iterator[re.Match]:
    """Matches of `regex` that start at a word boundary (the pattern checks its own end)."""
    end = len(low) if end is None else end
    position = start
    while position < end:
        match = regex.search(low, position, end)
        if match is None:
            return
        if _word_start(low, match.start()):
            yield match
            position = max(match.end(), match.start() + 1)
        else:
            position = match.start() + 1


def word_positions(low: str, words) -> list[int]:
    """Start offsets of whole-word occurrences of any of `words` (found with str.find, which is
    far faster than a regex alternation over common letters)."""
    positions = []
    for word in words:
        i = low.find(word)
        while i != -1:
            after = i + len(word)
            if _word_start(low, i) and (after >= len(low) or not low[after].isalnum()):
                positions.append(i)
            i = low.find(word, i + 1)
    positions.sort()
    return positions


def windows(positions: list[int], before: int, after: int, length: int) -> list[tuple[int, int]]:
    """Merged spans [p - before, p + after) around positions, clipped to the text."""
    spans: list[tuple[int, int]] = []
    for p in positions:
        start, end = max(0, p - before), min(length, p + after)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((start, end))
    return spans


def finditer_in(regex: re.Pattern, low: str, spans: list[tuple[int, int]]) -> Iterator[re.Match]:
    """finditer_words over several spans."""
    for start, end in spans:
        yield from finditer_words(regex, low, start, end)


_WORD_START = re.compile(r"(?<![\w'’])\w")


def starts_near(low: str, anchors: list[int], reach: int) -> list[int]:
    """Word starts from `reach` characters before each anchor up to the anchor itself: where a
    phrase containing the anchor word can begin."""
    starts: set[int] = set()
    for anchor in anchors:
        starts.update(m.start() for m in _WORD_START.finditer(low, max(0, anchor - reach), anchor + 1))
    return sorted(starts)


def match_at(regex: re.Pattern, low: str, starts: list[int]) -> list[re.Match]:
    """Leftmost, non-overlapping matches of `regex` beginning at any of the sorted `starts`."""
    found = []
    taken_until = -1
    for start in starts:
        if start < taken_until:
            continue
        match = regex.match(low, start)
        if match and match.end() > start:
            found.append(match)
            taken_until = match.end()
    return found


def has_cue(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether one of the sorted spans lies wholly within [start, end)."""
    i = bisect.bisect_left(spans, (start, start))
    return i < len(spans) and spans[i][1] <= end
