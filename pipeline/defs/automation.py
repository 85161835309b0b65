"""When the pipeline runs by itself: weekly, and whenever a file under data/raw/ is added or changed.

Every run is safe to repeat: an unchanged build confirms the published release and writes nothing,
and dagster.yaml allows one run at a time, so runs never race on data/processed/.
"""

import dagster as dg

from pipeline.defs.raw import fingerprint, inventory
from pipeline.defs.resources import ProjectPathsResource

all_assets = dg.define_asset_job(
    "all_assets",
    selection=dg.AssetSelection.all(),
    description="Every asset and check, from the raw inputs to the release.",
)

weekly_release = dg.ScheduleDefinition(
    name="weekly_release",
    cron_schedule="0 6 * * 1",  # Mondays 06:00: re-checks the release against the week's code and data
    execution_timezone="Europe/London",
    job=all_assets,
)


# Running by default: the point of the sensor is that a maintainer who drops a file into data/raw/
# gets a run without remembering to switch anything on. It only ever requests a run for a set of
# raw files it has not seen, and such a run is harmless (see above).
@dg.sensor(job=all_assets, minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.RUNNING)
def raw_files_changed(context: dg.SensorEvaluationContext, paths: ProjectPathsResource):
    """Requests a run when any file under data/raw/ is added, removed or changed (by content hash)."""
    raw = paths.paths().raw
    current = fingerprint(inventory(raw, raw))
    if current == context.cursor:
        return dg.SkipReason(f"data/raw/ unchanged (fingerprint {current[:12]})")
    return dg.SensorResult(run_requests=[dg.RunRequest(run_key=current)], cursor=current)
