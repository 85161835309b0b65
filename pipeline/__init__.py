"""Builds the tidy open dataset of child sexual offences recorded by UK police forces.

Stages, one package each: ingest (raw files -> claims per source), extract (article text ->
claims), reconcile (claims -> observations), release (tables -> a versioned data package).
`pipeline.defs` wires them into Dagster assets.
"""
