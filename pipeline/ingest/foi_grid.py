"""A wide FOI table as a grid of cell texts addressed like a spreadsheet (row 7, column C).

CSV rows are numbered as a spreadsheet shows them (the record number, which is the line number
unless a quoted cell holds a line break); XLSX cells keep their sheet, row and column. Every cell
is text: numbers stored by Excel are written back as the plain number, and a percentage-formatted
cell as "9%", so one cell reader serves both formats.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from pipeline import problems as P
from pipeline.ingest.common import read_text


def column_letter(number: int) -> str:
    """1 -> A, 27 -> AA."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def column_number(letters: str) -> int | None:
    """A -> 1, AA -> 27; None when not column letters."""
    if not re.fullmatch(r"[A-Za-z]{1,3}", letters or ""):
        return None
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def parse_cell_ref(ref: str) -> tuple[int, int] | None:
    """"C7" -> (row 7, column 3); None when not a cell reference."""
    match = re.fullmatch(r"\s*([A-Za-z]{1,3})\s*(\d+)\s*", ref or "")
    if not match or int(match[2]) < 1:
        return None
    return int(match[2]), column_number(match[1])


@dataclass
class Grid:
    """The cells of one CSV file or one worksheet."""

    shown: str  # how problems and locators name it: foi/x.csv, or foi/x.xlsx#Sheet1
    cells: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, column) -> text, non-empty only
    unsaved_formulas: set[tuple[int, int]] = field(default_factory=set)  # formulas with no saved value

    def text(self, row: int, column: int) -> str:
        return self.cells.get((row, column), "")

    def locator(self, row: int, column: int) -> str:
        return f"{self.shown}:{row}:{column_letter(column)}"

    @property
    def last_row(self) -> int:
        return max((row for row, _ in self.cells), default=0)

    def last_column_in(self, row: int) -> int:
        return max((column for r, column in self.cells if r == row), default=0)


def read_csv_grid(path: Path, shown: str) -> tuple[Grid | None, list[P.Problem]]:
    text, problems = read_text(path, shown)
    if text is None:
        return None, problems
    grid = Grid(shown)
    for row_number, cells in enumerate(csv.reader(io.StringIO(text, newline="")), start=1):
        for column_number_, cell in enumerate(cells, start=1):
            if cell.strip():
                grid.cells[(row_number, column_number_)] = cell.strip()
    return grid, []


def _cell_text(value: object, number_format: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, (int, float)):
        if "%" in (number_format or ""):
            return f"{value * 100:g}%"
        return str(int(value)) if float(value).is_integer() else repr(float(value))
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return str(value).strip()


def read_xlsx_sheets(path: Path, shown: str, sheets: list[str | None]) -> tuple[dict[str | None, Grid], list[P.Problem]]:
    """The named worksheets (None: the first) as grids, with problems (missing sheet, unreadable file)."""
    import openpyxl  # imported here: only XLSX layouts need it

    try:
        values_book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        formula_book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many types for a damaged or non-XLSX file
        return {}, [P.error(shown, f"cannot be read as an XLSX workbook ({type(exc).__name__}: {exc})")]
    grids, problems = {}, []
    try:
        names = values_book.sheetnames
        for wanted in dict.fromkeys(sheets):
            name = names[0] if wanted is None else wanted
            if name not in names:
                problems.append(P.error(shown, f"has no sheet {wanted!r}; its sheets are {', '.join(names)}"))
                continue
            grid = Grid(f"{shown}#{name}")
            for value_row, formula_row in zip(values_book[name].iter_rows(), formula_book[name].iter_rows()):
                for cell, formula_cell in zip(value_row, formula_row):
                    if getattr(cell, "row", None) is None:  # an empty cell in read-only mode
                        continue
                    text = _cell_text(cell.value, cell.number_format)
                    if text:
                        grid.cells[(cell.row, cell.column)] = text
                    elif isinstance(formula_cell.value, str) and formula_cell.value.startswith("="):
                        grid.unsaved_formulas.add((cell.row, cell.column))
            grids[wanted] = grid
    finally:
        values_book.close()
        formula_book.close()
    return grids, problems
