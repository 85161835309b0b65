"""Resources: where the pipeline reads and writes, so tests and the UI can point it elsewhere."""

import dagster as dg

from pipeline.paths import ProjectPaths


class ProjectPathsResource(dg.ConfigurableResource):
    """The project folder holding data/raw/, data/reference/, data/release.yaml and the releases.

    `root` empty means the default: $PIPELINE_ROOT, else the checkout that holds the code.
    """

    root: str = ""

    def paths(self) -> ProjectPaths:
        return ProjectPaths.under(self.root) if self.root else ProjectPaths.default()


@dg.definitions
def resources() -> dg.Definitions:
    return dg.Definitions(
        resources={
            "paths": ProjectPathsResource(),
            # Each asset's value is pickled under the instance's storage folder (.dagster/storage/
            # when DAGSTER_HOME is the repo root, see dagster.yaml). Bound explicitly so that
            # in-process runs (python -m pipeline release) keep their outputs too, instead of
            # Dagster's in-memory default for them.
            "io_manager": dg.FilesystemIOManager(),
        }
    )
