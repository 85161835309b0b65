"""data/release.yaml: the version being built and the package's descriptive metadata.

The version is the only thing a maintainer changes to publish new content: a published version is
never overwritten (see publish.py), so changed data needs a new version here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

# Semantic versions only: the folder name is the version, and researchers pin it.
VERSION_PATTERN = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")
NAME_PATTERN = re.compile(r"^[a-z0-9._-]+$")


class ReleaseConfigError(ValueError):
    """data/release.yaml is missing or says something the release cannot be built from."""


@dataclass(frozen=True)
class ReleaseConfig:
    version: str
    name: str
    title: str
    description: str
    licenses: list[dict] = field(default_factory=list)


def load_release_config(path: Path) -> ReleaseConfig:
    shown = path.name if path.parent.name != "data" else f"data/{path.name}"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ReleaseConfigError(f"{shown} is missing: it gives the release's version, name, title, description and licenses") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ReleaseConfigError(f"{shown} cannot be read: {exc}") from None
    if not isinstance(data, dict):
        raise ReleaseConfigError(f"{shown} must be a mapping of version, name, title, description, licenses")
    missing = [key for key in ("version", "name", "title", "description", "licenses") if not data.get(key)]
    if missing:
        raise ReleaseConfigError(f"{shown}: missing {', '.join(missing)}")
    version = str(data["version"]).strip()
    if not VERSION_PATTERN.match(version):
        raise ReleaseConfigError(f"{shown}: version {version!r} is not a semantic version such as 1.0.0")
    name = str(data["name"]).strip()
    if not NAME_PATTERN.match(name):
        raise ReleaseConfigError(f"{shown}: name {name!r} may hold only lower-case letters, digits, '.', '-' and '_'")
    licenses = data["licenses"]
    if not isinstance(licenses, list) or not all(isinstance(item, dict) and item.get("name") for item in licenses):
        raise ReleaseConfigError(f"{shown}: licenses must be a list of entries with at least a name")
    return ReleaseConfig(
        version=version,
        name=name,
        title=str(data["title"]).strip(),
        description=" ".join(str(data["description"]).split()),
        licenses=[{key: str(value) for key, value in item.items()} for item in licenses],
    )
