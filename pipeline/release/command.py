"""`python -m pipeline release`: materialise every asset in one Dagster run, then say what happened.

The run goes through the Dagster instance that DAGSTER_HOME names (the repo root under `make`,
whose dagster.yaml keeps run history and asset values in .dagster/), so it shows in `make dev`
like any other run. The summary lists rows per table, every warning and error (one line each,
naming the file), failed checks, and where the release is or why none was written.

Exit status: 0 when the release was written or already exists identically, 1 otherwise.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import dagster as dg

from pipeline import problems as P
from pipeline.paths import DEFAULT_ROOT, ProjectPaths
from pipeline.release.publish import IDENTICAL, PublishOutcome

JOB = "all_assets"
READER_ASSETS = ["article_claims", "compilation_claims", "foi_claims"]
# Dagster's own console log is silenced below this level; the full log is in the UI (make dev).
CONSOLE_LOG_LEVEL = "CRITICAL"


@dataclass
class RunSummary:
    run_id: str
    success: bool
    rows: dict[str, int] = field(default_factory=dict)
    problems: list[P.Problem] = field(default_factory=list)
    failed_checks: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # step: reason
    quality: dict[str, int] = field(default_factory=dict)  # quality report rows by result
    outcome: PublishOutcome | None = None

    @property
    def exit_code(self) -> int:
        return 0 if self.success and self.outcome is not None else 1


def _output(result: dg.ExecuteInProcessResult, node: str):
    try:
        return result.output_for_node(node) if result.is_node_success(node) else None
    except Exception:  # a value that cannot be loaded is reported as a failed step instead
        return None


def _failure_reason(event: dg.DagsterEvent) -> str:
    data = event.step_failure_data
    if data.user_failure_data is not None and data.user_failure_data.description:
        return data.user_failure_data.description
    error = data.error
    if error is None:
        return "failed"
    cause = error.cause.message.strip() if error.cause is not None else ""
    return f"{error.message.strip()}{(' caused by ' + cause) if cause else ''}"


def summarise(result: dg.ExecuteInProcessResult) -> RunSummary:
    summary = RunSummary(run_id=result.run_id, success=result.success)
    claims = _output(result, "claims")
    if claims is not None:
        summary.problems.extend(claims.problems)
        summary.rows.update(claims=len(claims.claims), sources=len(claims.sources))
    else:  # claims did not run: report what each reader found
        for node in READER_ASSETS:
            batch = _output(result, node)
            if batch is not None:
                summary.problems.extend(batch.problems)
    reconciled = _output(result, "observations")
    if reconciled is not None:
        summary.problems.extend(reconciled.problems)
        summary.rows.update(observations=len(reconciled.observations), quality=len(reconciled.quality))
        summary.quality = {str(k): int(v) for k, v in reconciled.quality["result"].value_counts().items()}
    for node in ("areas", "metrics"):
        frame = _output(result, node)
        if frame is not None:
            summary.rows[node] = len(frame)
    summary.outcome = _output(result, "release")
    if summary.outcome is not None:
        summary.rows = dict(summary.outcome.rows)
    for evaluation in result.get_asset_check_evaluations():
        if not evaluation.passed:
            first_line = (evaluation.description or "failed").splitlines()[0].rstrip(":")
            summary.failed_checks.append(f"{evaluation.check_name} on {evaluation.asset_key.to_user_string()}: {first_line}")
    for event in result.get_step_failure_events():
        error = event.step_failure_data.error
        if error is not None and error.cls_name == "DagsterAssetCheckFailedError":
            continue  # listed under failed checks
        summary.failures.append(f"{event.step_key}: {_failure_reason(event)}")
    return summary


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def render(summary: RunSummary, root: Path) -> str:
    lines = [f"Dagster run {summary.run_id} ({'succeeded' if summary.success else 'failed'})"]
    order = ["observations", "claims", "sources", "areas", "metrics", "quality"]
    if summary.rows:
        lines.append("rows: " + ", ".join(f"{name} {summary.rows[name]}" for name in order if name in summary.rows))
    if summary.quality:
        counts = ", ".join(f"{summary.quality[r]} {r}" for r in ("ok", "warning", "error") if r in summary.quality)
        lines.append(f"quality report: {sum(summary.quality.values())} checks ({counts}); see quality.csv")
    found = P.errors(summary.problems)
    warnings = [p for p in summary.problems if p.severity != P.ERROR]
    if warnings:
        lines.append(f"{len(warnings)} warning(s):")
        lines += [f"  {line}" for line in P.format_report(warnings).splitlines()]
    if found:
        lines.append(f"{len(found)} error(s):")
        lines += [f"  {line}" for line in P.format_report(found).splitlines()]
    if summary.failed_checks:
        lines.append("failed checks:")
        lines += [f"  {line}" for line in summary.failed_checks]
    if summary.outcome is not None:
        outcome = summary.outcome
        if outcome.status == IDENTICAL:
            lines.append(f"release {outcome.version} already exists at {_shown(outcome.path, root)} and is identical; nothing to do")
        else:
            lines.append(f"release {outcome.version} written to {_shown(outcome.path, root)}")
    else:
        reasons = list(summary.failures)
        if summary.failed_checks:
            reasons.insert(0, "a blocking check failed (see above), so the release step did not run")
        if not reasons:
            reasons = ["the release step did not run"]
        lines.append("no release written:")
        for reason in reasons:
            first, *rest = reason.splitlines()
            lines.append(f"  {first}")
            lines += [f"    {line}" for line in rest]
    return "\n".join(lines)


def load_definitions() -> dg.Definitions:
    from pipeline.definitions import defs

    return defs()


def execute(paths: ProjectPaths, instance: dg.DagsterInstance) -> dg.ExecuteInProcessResult:
    """One run of every asset and check, reading and writing under `paths`, recorded in `instance`."""
    from pipeline.defs.resources import ProjectPathsResource

    job = load_definitions().resolve_job_def(JOB)
    return job.execute_in_process(
        instance=instance,
        resources={"paths": ProjectPathsResource(root=str(paths.root))},
        run_config={"loggers": {"console": {"config": {"log_level": CONSOLE_LOG_LEVEL}}}},
        raise_on_error=False,
        tags={"started_by": "python -m pipeline release"},
    )


def release(paths: ProjectPaths, instance: dg.DagsterInstance, out: TextIO) -> int:
    summary = summarise(execute(paths, instance))
    print(render(summary, paths.root), file=out, flush=True)
    return summary.exit_code


def run() -> int:
    """The command: the instance DAGSTER_HOME names (default: the repo root), the repo's data."""
    home = Path(os.environ.setdefault("DAGSTER_HOME", str(DEFAULT_ROOT))).resolve()
    # dagster.yaml names its storage folders relative to DAGSTER_HOME's folder, and Dagster
    # resolves them from the working directory: run from there.
    os.chdir(home)
    with dg.DagsterInstance.get() as instance:
        return release(ProjectPaths.default(), instance, sys.stdout)
