"""Find and load the suite config: ``--config FILE``, else zhqa.toml or ``[tool.zhqa]`` upwards."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from zhqa.schemas.config import SuiteConfig


class ConfigFileError(ValueError):
    """The config cannot be used; the message names the file and the key."""


def _table(path: Path) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigFileError(f"{path}: cannot read ({e})") from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigFileError(f"{path}: invalid TOML ({e})") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        return tool.get("zhqa") if isinstance(tool, dict) else None
    return data.get("tool", {}).get("zhqa", data) if "tool" in data else data


def find_config(start: Path | None = None) -> Path | None:
    """The nearest zhqa.toml, or pyproject.toml with a [tool.zhqa] table, from ``start`` up."""
    here = (start or Path.cwd()).resolve()
    for folder in [here, *here.parents]:
        for name in ("zhqa.toml", "pyproject.toml"):
            cand = folder / name
            if cand.is_file() and (name == "zhqa.toml" or _table(cand) is not None):
                return cand
    return None


def from_dict(data: dict[str, Any], origin: str = "config", root: Path | None = None) -> SuiteConfig:
    try:
        cfg = SuiteConfig.model_validate(data)
    except ValidationError as e:
        err = e.errors()[0]
        key = ".".join(str(p) for p in err["loc"]) or "(top level)"
        msg = "unknown key" if err["type"] == "extra_forbidden" else err["msg"]
        raise ConfigFileError(f"{origin}: {key}: {msg}") from None
    cfg._root = root or Path.cwd()
    cfg._origin = origin
    return cfg


def load_config(path: str | Path | None = None, start: Path | None = None) -> SuiteConfig:
    """The config from ``path``, or the nearest one, or the defaults."""
    if path is not None:
        p = Path(path)
        if not p.is_file():
            raise ConfigFileError(f"{p}: config file not found")
    else:
        found = find_config(start)
        if found is None:
            return SuiteConfig()
        p = found
    table = _table(p) or {}
    where = f"{p} [tool.zhqa]" if p.name == "pyproject.toml" else str(p)
    return from_dict(table, where, p.resolve().parent)
