"""Record schemas for JSONL/JSON/Parquet: the default model and user-configured ones.

``record_schema`` in the config selects the schema each record is validated
against (violations become S501 findings naming the field path):

* unset or ``"default"``: :func:`default_record_model` — ``id`` (string or
  integer), ``text`` (string, required), optional ``title``, ``date``,
  ``source``, ``url``; other fields are allowed;
* ``"path/to/file.py:Model"`` or ``"package.module:Model"``: a pydantic model
  (a suite's ``schemas/news.py:NewsRecord``; relative paths resolve against the
  config's folder);
* ``"path/to/schema.toml"``: a table of fields, e.g.::

      extra = "allow"                 # or "forbid": unknown fields are violations
      [fields.title]
      type = "str"                    # str int float bool date datetime list dict any
      required = true                 # default false
      min_length = 1                  # str/list: optional min_length, max_length
      [fields.date]
      type = "date"
      formats = ["%Y-%m-%d", "%Y年%m月%d日"]   # strptime formats (default: ISO 8601)
      nullable = true                 # null allowed (default: true unless required)
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import re
import sys
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, create_model

from zhqa.schemas.document import RecordProblem

DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d")
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://\S+$")
RecordValidator = Callable[[dict[str, Any]], list[RecordProblem]]


def parse_date(value: Any, formats: Sequence[str] = ()) -> Any:
    """``value`` if it is a date/datetime or a string in one of ``formats`` (default: ISO or DATE_FORMATS)."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"expected a date string, got {type(value).__name__}")
    s = value.strip()
    if not formats:
        try:
            return dt.datetime.fromisoformat(s) if s else _raise()
        except ValueError:
            pass
    for fmt in formats or DATE_FORMATS:
        try:
            return dt.datetime.strptime(s, fmt)
        except ValueError:
            continue
    shown = ", ".join(formats) if formats else "ISO 8601 or " + ", ".join(DATE_FORMATS)
    raise ValueError(f"{value!r} is not a date ({shown})")


def _raise() -> Any:
    raise ValueError("empty date")


def _url(value: str) -> str:
    if not _URL.match(value):
        raise ValueError(f"{value[:60]!r} is not an absolute URL")
    return value


def _date_type(formats: Sequence[str] = ()) -> Any:
    return Annotated[Any, AfterValidator(lambda v: parse_date(v, tuple(formats)) and v)]


class Record(BaseModel):
    """The default record: ``id``, ``text`` and the optional fields news corpora carry."""

    model_config = ConfigDict(extra="allow", strict=True)

    id: str | int | None = None
    text: str
    title: str | None = None
    date: _date_type() | None = None  # type: ignore[valid-type]
    source: str | None = None
    url: Annotated[str, AfterValidator(_url)] | None = None


def default_record_model(text_field: str = "text", id_field: str = "id") -> type[BaseModel]:
    """:class:`Record`, with the text and id fields renamed when the config renames them."""
    if (text_field, id_field) == ("text", "id"):
        return Record
    return create_model(  # type: ignore[no-any-return,call-overload]
        "Record",
        __base__=Record,
        text=(str | None, Field(default=None)),
        id=(str | int | None, Field(default=None)),
        **{
            "record_text_": (str, Field(alias=text_field)),
            "record_id_": (str | int | None, Field(default=None, alias=id_field)),
        },
    )


_TYPES: dict[str, Any] = {
    "str": str,
    "int": int,
    "float": float | int,
    "bool": bool,
    "list": list,
    "dict": dict,
    "any": Any,
    "url": Annotated[str, AfterValidator(_url)],
}


def model_from_table(table: dict[str, Any]) -> type[BaseModel]:
    """A pydantic model from a TOML table ``{extra, fields: {name: {type, required, …}}}``."""
    fields: dict[str, Any] = {}
    for i, (name, spec) in enumerate((table.get("fields") or {}).items()):
        spec = dict(spec)
        kind = spec.pop("type", "any")
        required = bool(spec.pop("required", False))
        nullable = bool(spec.pop("nullable", not required))
        formats = spec.pop("formats", [])
        if kind in ("date", "datetime"):
            typ = _date_type(formats)
        elif kind in _TYPES:
            typ = _TYPES[kind]
        else:
            raise ValueError(
                f"record_schema: fields.{name}.type {kind!r} is not one of date, {', '.join(_TYPES)}"
            )
        limits = {k: spec.pop(k) for k in ("min_length", "max_length", "ge", "le") if k in spec}
        if spec:
            raise ValueError(f"record_schema: fields.{name}: unknown key {sorted(spec)[0]!r}")
        if nullable:
            typ = typ | None
        default = ... if required else None
        fields[f"f{i}_"] = (typ, Field(default, alias=name, **limits))
    extra = table.get("extra", "allow")
    if extra not in ("allow", "forbid", "ignore"):
        raise ValueError("record_schema: extra must be 'allow', 'forbid' or 'ignore'")
    config = ConfigDict(extra=extra, strict=True, populate_by_name=False)
    return create_model("TableRecord", __config__=config, **fields)  # type: ignore[no-any-return,call-overload]


def load_record_model(
    spec: str | None,
    root: Path | None = None,
    text_field: str = "text",
    id_field: str = "id",
    loader: Callable[[str], type[BaseModel]] | None = None,
) -> type[BaseModel]:
    """The model ``record_schema = spec`` names (see the module docs); raises ValueError with the reason.

    ``loader`` resolves ``"file.py:Model"`` references (the CLI passes the suite loader).
    """
    if not spec or spec == "default":
        return default_record_model(text_field, id_field)
    base = root or Path.cwd()
    if spec.endswith(".toml"):
        import tomllib

        path = Path(spec) if Path(spec).is_absolute() else base / spec
        try:
            return model_from_table(tomllib.loads(path.read_text(encoding="utf-8")))
        except (OSError, tomllib.TOMLDecodeError) as e:
            raise ValueError(f"record_schema: cannot read {spec}: {e}") from None
    if loader is not None:
        return loader(spec)
    where, _, name = spec.rpartition(":")
    if not where or not name:
        raise ValueError(
            f"record_schema {spec!r}: use 'file.py:Model', 'package.module:Model' or 'file.toml'"
        )
    module = _load_module(where, base)
    model = getattr(module, name, None)
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        raise ValueError(f"record_schema {spec!r}: {name} is not a pydantic model")
    return model


def _load_module(where: str, base: Path) -> Any:
    if where.endswith(".py"):
        path = Path(where) if Path(where).is_absolute() else base / where
        key = f"zhqa_record_schema_{abs(hash(str(path.resolve())))}"
        if key in sys.modules:
            return sys.modules[key]
        spec = importlib.util.spec_from_file_location(key, path)
        if spec is None or spec.loader is None or not path.is_file():
            raise ValueError(f"record_schema: no file {path}")
        module = importlib.util.module_from_spec(spec)
        sys.modules[key] = module
        spec.loader.exec_module(module)
        return module
    try:
        return importlib.import_module(where)
    except ImportError as e:
        raise ValueError(f"record_schema: cannot import {where}: {e}") from None


def _path(loc: Sequence[Any], model: type[BaseModel], record: Any) -> str:
    """The field path of an error, following the record (union member tags are dropped)."""
    out = ""
    obj = record
    for i, part in enumerate(loc):
        if isinstance(part, int) and isinstance(obj, list) and 0 <= part < len(obj):
            out += f"[{part}]"
            obj = obj[part]
            continue
        name = str(part)
        if not out and name in model.model_fields:
            name = model.model_fields[name].alias or name
        if out and not (isinstance(obj, dict) and (name in obj or i == len(loc) - 1)):
            break
        out += ("." if out else "") + name
        obj = obj.get(name) if isinstance(obj, dict) else None
    return out or "$"


def make_validator(model: type[BaseModel]) -> RecordValidator:
    """``record -> [RecordProblem]``: one problem per failing field, named by its path."""

    def validate(record: dict[str, Any]) -> list[RecordProblem]:
        try:
            model.model_validate(record)
        except ValidationError as e:
            seen: dict[str, RecordProblem] = {}
            for err in e.errors(include_url=False):
                path = _path(err["loc"], model, record)
                seen.setdefault(path, RecordProblem(field=path, message=_message(err)))
            return list(seen.values())
        return []

    return validate


def _message(err: Any) -> str:
    if err["type"] == "missing":
        return "field required"
    if err["type"] == "extra_forbidden":
        return "field not allowed by the record schema"
    msg = str(err["msg"]).removeprefix("Value error, ")
    got = err.get("input")
    if err["type"].endswith("_type"):
        return f"{msg}, got {'null' if got is None else type(got).__name__}"
    return msg


@lru_cache(maxsize=8)
def cached_validator(spec: str | None, root: str, text_field: str, id_field: str) -> RecordValidator:
    return make_validator(load_record_model(spec, Path(root), text_field, id_field))


def validator_for(config: Any, loader: Callable[[str], type[BaseModel]] | None = None) -> RecordValidator:
    """The record validator a :class:`~zhqa.schemas.config.SuiteConfig` asks for (``record_schema``)."""
    model = load_record_model(config.record_schema, config.root, config.text_field, config.id_field, loader)
    return make_validator(model)
