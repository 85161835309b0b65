"""Area mentions: force names and aliases, nations, and words that refer back to an area.

Names come from data/reference/ (areas.csv and aliases.csv) plus lexicon/area_phrases.csv
("Welsh", "Scottish"); lexicon/non_areas.csv lists places that are not areas of ours (regions,
cities, counties inside a force area) so a figure about them is never given to a nearby area.
Proper names match only where written with a capital letter ("the Met", not "they met").
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.extract.lexicon import AreaEntry, Lexicon, phrase_key
from pipeline.extract.matching import finditer_words


@dataclass(frozen=True)
class AreaMention:
    start: int
    end: int
    kind: str  # "area", "non_area", "local" (the force, the county, here), "region", "national"
    area_id: str | None


def find_areas(text: str, low: str, lexicon: Lexicon) -> list[AreaMention]:
    """Area mentions in `text`, matched in `low` (its lower-cased copy)."""
    found = []
    for m in finditer_words(lexicon.area_regex, low):
        matched = text[m.start():m.end()]
        entry: AreaEntry | None = lexicon.areas.get(phrase_key(matched))
        if entry is None:
            continue
        if entry.proper and not any(c.isupper() for c in matched):
            continue
        found.append(AreaMention(m.start(), m.end(), entry.kind, entry.area_id))
    return found
