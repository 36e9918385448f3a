"""SuiteConfig: ``[tool.zhqa]`` in pyproject.toml, or a zhqa.toml, validated."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationInfo, field_validator

from zhqa.schemas.expectations import ExpectationsConfig
from zhqa.schemas.finding import Severity

_CODE_PREFIX = r"^[A-Z][0-9]{0,3}$"


class Limits(BaseModel):
    """Per-input limits; exceeding one is a clear error for that input, never an OOM."""

    model_config = ConfigDict(extra="forbid")

    max_document_chars: int = Field(default=10_000_000, gt=0)  # ~20x that in bytes while checked
    max_decompressed_bytes: int = Field(default=4 * 1024**3, gt=0)
    max_record_bytes: int = Field(default=256 * 1024**2, gt=0)
    max_json_bytes: int = Field(default=512 * 1024**2, gt=0)  # .json arrays are loaded whole
    max_findings_per_check: int = Field(default=10_000, gt=0)  # per document; the rest are counted in one


class SuiteConfig(BaseModel):
    """The suite's settings. Unknown keys are errors that name the key."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    select: list[str] | None = None
    ignore: list[str] = Field(default_factory=list)
    severity: dict[str, Severity] = Field(default_factory=dict)
    max_errors: int = Field(default=0, ge=0)
    max_warnings: int | None = Field(default=None, ge=0)
    max_count: dict[str, int] = Field(default_factory=dict)
    max_family: dict[str, int] = Field(default_factory=dict)
    promote_warnings: bool | list[str] = False  # true, or the codes/prefixes whose warnings become errors
    fail_on_input_error: bool = True
    script: Literal["simplified", "traditional", "any"] = "simplified"
    text_field: str = "text"
    id_field: str = "id"
    baseline: str | None = None
    paths: list[str] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)
    jobs: int | None = Field(default=None, ge=1)
    plugins: list[str] = Field(default_factory=list)
    schema_: str | None = Field(default=None, alias="schema")
    record_schema: str | None = None
    options: dict[str, dict[str, Any]] = Field(default_factory=dict)
    expectations: ExpectationsConfig = Field(default_factory=ExpectationsConfig)
    limits: Limits = Field(default_factory=Limits)

    _root: Path = PrivateAttr(default_factory=Path.cwd)
    _origin: str | None = PrivateAttr(default=None)

    @field_validator("select", "ignore", "promote_warnings")
    @classmethod
    def _codes(cls, v: Any) -> Any:
        import re

        for code in v if isinstance(v, list) else []:
            if not re.match(_CODE_PREFIX, code):
                raise ValueError(f"{code!r} is not a code or code prefix (like E, P2, D303)")
        return v

    @field_validator("max_count", "max_family")
    @classmethod
    def _caps(cls, v: dict[str, int], info: ValidationInfo) -> dict[str, int]:
        from typing import get_args

        from zhqa.schemas.finding import Family

        for key, cap in v.items():
            if cap < 0:
                raise ValueError(f"{key}: the maximum must be 0 or more, not {cap}")
            if info.field_name == "max_family" and key not in get_args(Family):
                raise ValueError(f"{key!r} is not a family ({', '.join(get_args(Family))})")
        return v

    @property
    def root(self) -> Path:
        """The folder relative paths in this config are resolved against."""
        return self._root

    @property
    def origin(self) -> str | None:
        """The file this config came from, if any."""
        return self._origin

    def resolve(self, path: str) -> Path:
        p = Path(path)
        return p if p.is_absolute() else self._root / p
