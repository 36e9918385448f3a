"""Load a suite's own checks by path (``plugins = ["checks"]``), with the public decorator."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from pydantic import BaseModel

from zhqa.config import ConfigFileError
from zhqa.schemas.config import SuiteConfig
from zhqa.schemas.record import RecordValidator, validator_for

_LOADED: set[Path] = set()


def _import_file(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ConfigFileError(f"plugins: cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module


def _module_name(path: Path) -> str:
    return f"zhqa_suite_{path.parent.name}_{path.stem}".replace("-", "_").replace(".", "_")


def load_model(ref: str, config: SuiteConfig, key: str = "schema") -> type[BaseModel]:
    """The pydantic model a ``"path/to/file.py:Name"`` (or ``"package.module:Name"``) names."""
    where, sep, name = ref.rpartition(":")
    if not sep or not where or not name.isidentifier():
        raise ConfigFileError(f"{key}: {ref!r} must look like 'schemas/news.py:NewsPage'")
    if where.endswith(".py") or "/" in where or "\\" in where:
        path = config.resolve(where).resolve()
        if not path.is_file():
            raise ConfigFileError(f"{key}: {ref!r}: file {path} not found")
        module = sys.modules.get(_module_name(path))
        if module is None or getattr(module, "__file__", None) != str(path):
            try:
                module = _import_file(path, _module_name(path))
            except Exception as e:
                raise ConfigFileError(f"{key}: cannot load {path}: {type(e).__name__}: {e}") from None
    else:
        try:
            module = importlib.import_module(where)
        except Exception as e:
            raise ConfigFileError(f"{key}: cannot import {where}: {type(e).__name__}: {e}") from None
    model = getattr(module, name, None)
    if model is None:
        raise ConfigFileError(f"{key}: {ref!r}: no {name} in {where}")
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        raise ConfigFileError(f"{key}: {ref!r} is not a pydantic model")
    return model


def record_validator(config: SuiteConfig) -> RecordValidator:
    """The validator of the config's ``record_schema``; ``file.py:Model`` loads like the suite's schema."""
    return validator_for(config, loader=lambda ref: load_model(ref, config, "record_schema"))


_SCHEMAS: dict[tuple[str, Path], type[BaseModel]] = {}


def load_schema(config: SuiteConfig) -> type[BaseModel] | None:
    """The suite's page schema (``schema = "schemas/news.py:NewsPage"``), or None.

    Loaded once per reference and suite folder (a page check asks for it per document).
    """
    if not config.schema_:
        return None
    key = (config.schema_, config.resolve("."))
    model = _SCHEMAS.get(key)
    if model is None:
        model = _SCHEMAS[key] = load_model(config.schema_, config, "schema")
    return model


def load_plugins(config: SuiteConfig) -> None:
    """Import every plugin path of the config once; their decorators register the checks.

    The suite's ``schema`` reference is resolved too, so a bad one fails before any work.
    """
    load_schema(config)
    for entry in config.plugins:
        path = config.resolve(entry).resolve()
        if path in _LOADED:
            continue
        if path.is_dir():
            files = sorted(
                p for p in path.glob("*.py") if not p.name.startswith("_") or p.name == "__init__.py"
            )
        elif path.is_file():
            files = [path]
        elif path.with_suffix(".py").is_file():
            files = [path.with_suffix(".py")]
        else:
            raise ConfigFileError(f"plugins: {entry!r} not found (looked in {path})")
        for f in files:
            name = f"zhqa_suite_{path.name}_{f.stem}".replace("-", "_").replace(".", "_")
            try:
                _import_file(f, name)
            except ConfigFileError:
                raise
            except Exception as e:
                raise ConfigFileError(f"plugins: cannot load {f}: {type(e).__name__}: {e}") from None
        _LOADED.add(path)
