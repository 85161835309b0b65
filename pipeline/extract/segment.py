"""Paragraphs and sentences, as character spans of the raw text (offsets are never shifted).

A paragraph is a run of non-blank lines; a sentence never crosses a line break, so a bullet list
or a table of years is read line by line. Sentences end at . ! ? followed by a space and a
capital, digit or quote, except after common abbreviations and initials.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "det", "supt", "insp", "sgt", "con", "pc", "dc", "ds", "di", "dci", "dsupt",
    "st", "no", "nos", "vs", "v", "etc", "eg", "ie", "e.g", "i.e", "approx", "gov", "govt", "col", "gen",
    "lt", "capt", "cllr", "prof", "rev", "hon", "inc", "ltd", "co", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "chief", "asst", "ch", "op",
}
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9£])")
# Line ends may be \n, \r\n or a lone \r: the text is read exactly as published.
_LINE_END = r"(?:\r\n|\r(?!\n)|\n)"  # "\r\n" is one line end, not two
_PARAGRAPH_BREAK = re.compile(rf"{_LINE_END}[^\S\r\n]*{_LINE_END}\s*")
_LINE = re.compile(r"[^\r\n]+")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int  # index of the paragraph the sentence is in


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at `dot` ends an abbreviation, an initial or the number of a list
    item ("1. Metropolitan Police - 4,012") rather than a sentence."""
    line_start = max(text.rfind("\n", 0, dot), text.rfind("\r", 0, dot)) + 1
    if text[line_start:dot].strip().isdigit():
        return True
    word = re.search(r"([A-Za-z.]+)$", text[max(0, dot - 12):dot])
    if not word:
        return False
    token = word.group(1).lower().strip(".")
    if len(token) == 1:  # an initial: "J. Smith"
        return True
    return token in _ABBREVIATIONS


def sentences(text: str) -> list[Sentence]:
    result: list[Sentence] = []
    paragraph = 0
    position = 0
    for brk in list(_PARAGRAPH_BREAK.finditer(text)) + [None]:
        block_end = brk.start() if brk else len(text)
        for line in _LINE.finditer(text, position, block_end):
            start = line.start()
            for end_mark in _END.finditer(text, line.start(), line.end()):
                if text[end_mark.start()] == "." and _is_abbreviation(text, end_mark.start()):
                    continue
                _add(text, start, end_mark.end(), paragraph, result)
                start = end_mark.end()
            _add(text, start, line.end(), paragraph, result)
        paragraph += 1
        position = brk.end() if brk else len(text)
    return result


def _add(text: str, start: int, end: int, paragraph: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, paragraph))
