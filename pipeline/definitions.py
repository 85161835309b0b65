"""The Dagster code location: `dagster dev -m pipeline.definitions` (make dev) and
`dagster asset materialize --select '*' -m pipeline.definitions` load it.

Everything under pipeline/defs/ is discovered automatically (assets, checks, resources, the job,
schedule and sensor), so adding a definition means adding it there, nothing here.
"""

from pathlib import Path

import dagster as dg


@dg.definitions
def defs() -> dg.Definitions:
    return dg.Definitions.merge(
        dg.load_from_defs_folder(path_within_project=Path(__file__).parent),
        # One process per run: the steps are small and sequential, and starting a Python process
        # per step (the default executor) costs more than all the work together.
        dg.Definitions(executor=dg.in_process_executor),
    )
