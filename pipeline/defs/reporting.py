"""Problems found in the inputs, shown where a maintainer looks: the run's log (one line each,
naming the file) and the asset's metadata."""

import dagster as dg

from pipeline import problems as P


def log_problems(context: dg.AssetExecutionContext, problems: list[P.Problem]) -> None:
    for problem in problems:
        if problem.severity == P.ERROR:
            context.log.error(str(problem))
        else:
            context.log.warning(str(problem))


def problems_metadata(problems: list[P.Problem]) -> dict:
    found = P.errors(problems)
    report = P.format_report(problems)
    return {
        "errors": len(found),
        "warnings": len(problems) - len(found),
        "problems": dg.MetadataValue.md(f"```\n{report}\n```" if report else "_none_"),
    }
