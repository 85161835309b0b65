"""Validating an asset's frames with their pandera model, and describing them as asset metadata.

Validation runs inside the asset, lazily (every failure at once), and raises dg.Failure before the
asset returns, so an invalid frame is never stored or passed on. (A blocking check would not stop
the asset itself from being stored, only what is downstream.)
"""

import dagster as dg
import pandas as pd
import pandera.pandas as pa

from pipeline.schemas import describe_failures

PREVIEW_ROWS = 10
_COLUMN_TYPES = {"float64": "float", "int64": "int", "bool": "bool"}


def validate_frame(model: type[pa.DataFrameModel], frame: pd.DataFrame, what: str) -> pd.DataFrame:
    """The coerced frame, or dg.Failure listing every failure case (row, column, check, value)."""
    try:
        return model.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        lines = describe_failures(exc)
        raise dg.Failure(
            description=f"{what} does not match the {model.Config.name} schema ({len(exc.failure_cases)} failures):\n"
            + "\n".join(lines),
            metadata={"failure_cases": dg.MetadataValue.md("\n".join(f"- {line}" for line in lines))},
        ) from None


def column_schema(model: type[pa.DataFrameModel]) -> dg.TableSchema:
    schema = model.to_schema()
    return dg.TableSchema(
        columns=[
            dg.TableColumn(
                name=name,
                type=_COLUMN_TYPES.get(str(column.dtype), "string"),
                description=column.description,
                constraints=dg.TableColumnConstraints(nullable=column.nullable, unique=column.unique),
            )
            for name, column in schema.columns.items()
        ]
    )


def preview(frame: pd.DataFrame, rows: int = PREVIEW_ROWS) -> dg.MetadataValue:
    """The first rows as a markdown table, missing values blank."""
    if frame.empty:
        return dg.MetadataValue.md("_no rows_")
    shown = frame.head(rows)
    return dg.MetadataValue.md(shown.astype(object).where(shown.notna(), "").to_markdown(index=False))


def table_metadata(model: type[pa.DataFrameModel], frame: pd.DataFrame) -> dict:
    return {
        "dagster/row_count": len(frame),
        "dagster/column_schema": column_schema(model),
        "preview": preview(frame),
    }
