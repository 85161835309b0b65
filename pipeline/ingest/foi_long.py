"""The long FOI template: data/raw/foi/<source_id>.csv with `area,period,metric,value,qualifier,note`.

One figure per row, typed by a person from the force's response. Cells are read by
pipeline.ingest.values exactly as the curated compilation's are. `value` is a plain number, or
empty with a note saying why the force gave none ("suppressed: <5", "not recorded"); a marker
such as `*` or `<5` typed in `value` is read as suppressed too. Never a zero for a missing figure.
"""

from __future__ import annotations

from pathlib import Path

from pipeline import problems as P
from pipeline.ingest import foi_cells, values
from pipeline.ingest.common import read_csv_rows
from pipeline.ingest.foi_figures import Figure
from pipeline.reference import Reference

COLUMNS = ["area", "period", "metric", "value"]
OPTIONAL = ["qualifier", "note"]
RULE = "foi_long"


def read_long_table(path: Path, shown: str, reference: Reference, source_area: str | None) -> tuple[list[Figure], list[P.Problem]]:
    rows, problems = read_csv_rows(path, shown, required=COLUMNS, optional=OPTIONAL)
    defaults = foi_cells.vocabulary()
    markers = foi_cells.Markers(defaults.suppressed_markers, (), None)
    figures = []
    for line, cells in rows:
        cells = {name: cells.get(name, "") for name in COLUMNS + OPTIONAL}
        found: list[P.Problem] = []

        def parsed(column: str, parse):
            if not cells[column]:
                found.append(P.error(shown, f"{column} is empty", row=line, column=column))
                return None
            result, reason = parse(cells[column])
            if reason:
                found.append(P.error(shown, reason, row=line, column=column, value=cells[column]))
            return result

        area_id = parsed("area", lambda text: values.parse_area(reference, text))
        period = parsed("period", values.parse_period)
        metric = parsed("metric", lambda text: values.parse_metric(reference, text))
        qualifier, reason = values.parse_qualifier(cells["qualifier"])
        if reason:
            found.append(P.error(shown, reason, row=line, column="qualifier", value=cells["qualifier"]))
        value, status, note, reason = _value(cells["value"], cells["note"], markers)
        if reason:
            found.append(P.error(shown, reason, row=line, column="value", value=cells["value"] or None))
        if found:
            problems.extend(found)
            continue
        if source_area and area_id != source_area:
            problems.append(P.warning(shown, f"area {area_id} differs from the area of this source in sources.csv ({source_area}); check it is not a slip", row=line, column="area", value=cells["area"]))
        evidence = values.row_evidence(cells, qualifier)
        figures.append(
            Figure(
                area_id=area_id, period=period, metric=metric, value=value, status=status,
                evidence=evidence, locator=f"{shown}:{line}:value", rule=RULE,
                file=shown, row=line, column="value", cell=cells["value"], qualifier=qualifier, note=note,
            )
        )
    return figures, problems


def _value(text: str, note: str, markers: foi_cells.Markers) -> tuple[float | None, str, str | None, str | None]:
    """(value, status, note, reason) for the value cell and its row's note."""
    if not text:
        status = foi_cells.long_value_status(note) if note else None
        if status is None:
            return None, foi_cells.OK, None, "value is empty: give the number, or leave it empty with a note saying why (e.g. 'suppressed: <5', 'not recorded')"
        return None, status, note, None
    reading = foi_cells.read_cell(text, markers)
    if reading.status != foi_cells.OK:
        return None, reading.status, "; ".join(filter(None, [reading.note, note])), None
    value, reason = values.parse_number(text)  # the template holds plain numbers: no footnote marks, no %
    return value, foi_cells.OK, note or None, reason
