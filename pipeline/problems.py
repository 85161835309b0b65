"""Problems found in inputs, reported the same way everywhere: file, row, column, value, reason.

Every reader returns its problems instead of raising, so one bad file never hides the others and
never crashes a run. Errors exclude the input they concern and block the release; warnings are
reported and the input is used.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    severity: str  # ERROR or WARNING
    file: str  # relative to data/raw/ where possible
    reason: str
    row: int | None = None  # 1-based line in the file, the header being line 1
    column: str | None = None
    value: str | None = None

    def location(self) -> str:
        parts = [self.file]
        if self.row is not None:
            parts.append(str(self.row))
        if self.column:
            parts.append(self.column)
        return ":".join(parts)

    def __str__(self) -> str:
        shown = "" if self.value is None else f" (value {self.value!r})"
        return f"{self.severity}: {self.location()}: {self.reason}{shown}"


def error(file: str, reason: str, **where) -> Problem:
    return Problem(ERROR, file, reason, **where)


def warning(file: str, reason: str, **where) -> Problem:
    return Problem(WARNING, file, reason, **where)


def left_out(file: str, what: str = "file", applied: str = "") -> Problem:
    """The error that closes the report on an input excluded whole because of its errors (half a
    table would publish half its figures). Worded to read right wherever format_report sorts it."""
    return error(file, f"this {what} is left out of the run because of the errors reported for it{applied}; fix them and rerun")


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == ERROR]


def format_report(problems: Iterable[Problem]) -> str:
    """One line per problem, errors first, in file and row order."""
    ordered = sorted(
        problems,
        key=lambda p: (p.severity != ERROR, p.file, p.row or 0, p.column or "", p.reason),
    )
    return "\n".join(str(p) for p in ordered)
