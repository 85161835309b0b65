"""Dagster definitions, autoloaded by pipeline/definitions.py: thin assets over the plain functions
of pipeline.ingest, pipeline.reconcile and pipeline.release, plus checks, resources and automation."""
