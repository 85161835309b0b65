"""Area mentions: force names and aliases, nations, and words that refer back to an area.

Names come from data/reference/ (areas.csv and aliases.csv) plus lexicon/area_phrases.csv
("Welsh", "Scottish"); lexicon/non_areas.csv lists places that are not areas of ours (regions,
cities, counties inside a force area) so a figure about them is never given to a nearby area.
Proper names match only where written with a capital letter ("the Met", not "they met").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.lexicon import AreaEntry, Lexicon, phrase_key
from pipeline.extract.matching import match_at, starts_near, word_positions


@dataclass(frozen=True)
class AreaMention:
    start: int
    end: int
    kind: str  # "area", "non_area", "local" (the force, the county, here), "region", "national"
    area_id: str | None


_CAPITAL = re.compile(r"[A-Z]")


def find_areas(text: str, low: str, lexicon: Lexicon) -> list[AreaMention]:
    """Area mentions in `text`, matched in `low` (its lower-cased copy).

    Proper names are tried only where a word starts with a capital letter (or at a "the" just
    before one, for "the Met"); words that refer back ("the force", "here") only around their
    distinctive word.
    """
    starts = []
    for m in _CAPITAL.finditer(text):
        i = m.start()
        if i and (text[i - 1].isalnum() or text[i - 1] in "'’"):
            continue
        if i >= 4 and low[i - 4:i] == "the ":
            starts.append(i - 4)
        starts.append(i)
    anaphors = lexicon.anaphor_anchors
    starts.extend(starts_near(low, word_positions(low, anaphors), reach=16))
    found = []
    for m in match_at(lexicon.area_regex, low, sorted(set(starts))):
        matched = text[m.start():m.end()]
        entry: AreaEntry | None = lexicon.areas.get(phrase_key(matched))
        if entry is None:
            continue
        if entry.proper and not any(c.isupper() for c in matched):
            continue
        found.append(AreaMention(m.start(), m.end(), entry.kind, entry.area_id))
    return found
