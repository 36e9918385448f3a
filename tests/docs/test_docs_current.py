"""docs/checks.md and docs/config.schema.json are generated and must be current (STYLE.md 3, 8)."""

from __future__ import annotations

import difflib
import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from tests.conftest import ROOT
from zhqa.checks.registry import FAMILIES
from zhqa.checks.runner import ConfigError, Plan
from zhqa.config import ConfigFileError, from_dict


def _assert_current(path: Path, fresh: str, regenerate: str) -> None:
    committed = path.read_text(encoding="utf-8") if path.is_file() else ""
    if committed != fresh:
        diff = difflib.unified_diff(
            committed.splitlines(), fresh.splitlines(), "committed", "generated", lineterm=""
        )
        shown = "\n".join(list(diff)[:40])
        pytest.fail(
            f"{path.relative_to(ROOT)} is stale; regenerate it with `{regenerate}`\n{shown}", pytrace=False
        )


def test_checks_page_is_current(gen_docs: ModuleType) -> None:
    _assert_current(gen_docs.CHECKS_MD, gen_docs.checks_markdown(), gen_docs.REGENERATE)


def test_config_schema_is_current(gen_docs: ModuleType) -> None:
    _assert_current(gen_docs.SCHEMA_JSON, gen_docs.schema_text(), gen_docs.REGENERATE)


def test_checks_page_has_a_section_per_builtin_check_with_its_docs(gen_docs: ModuleType) -> None:
    page = gen_docs.checks_markdown()
    checks = gen_docs.builtin_checks()
    assert checks and all(c.code[:2] in FAMILIES for c in checks), (
        "a suite or test check leaked into the page"
    )
    for chk in checks:
        head = f"## {chk.code} {chk.name}\n"
        assert page.count(head) == 1, f"{chk.code}: one section expected"
        section = page.split(head, 1)[1].split("\n## ", 1)[0]
        assert f"severity: {chk.severity.value} · fix: {chk.fix}" in section
        for title in chk.sections():
            assert f"### {title}\n" in section, f"{chk.code}: docstring section {title!r} missing"
        assert "### Example" in section and "### Not flagged" in section
        for name in chk.options_model.model_fields:
            assert f"| `{name}` |" in section, f"{chk.code}: option {name} undocumented"
        for ex in chk.examples:  # an example run with non-default settings says so
            for key in ex.options:
                assert f"`[tool.zhqa.options.{chk.code}] {key} = " in section, f"{chk.code}: {key} not shown"
            for key in ex.config:
                assert f"With `{key} = " in section, f"{chk.code}: example config {key} not shown"


def test_checks_page_examples_survive_invisible_characters(gen_docs: ModuleType) -> None:
    """A zero-width or control character in an example is shown escaped, never raw."""
    page = gen_docs.checks_markdown()
    assert not any(ch in page for ch in "\u200b\u200d\ufeff\x00\x1b"), "raw invisible character in the page"


@pytest.fixture(scope="module")
def validator(gen_docs: ModuleType) -> Draft202012Validator:
    schema = gen_docs.config_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def test_schema_accepts_this_repositorys_config(validator: Draft202012Validator) -> None:
    table = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["zhqa"]
    assert [e.message for e in validator.iter_errors(table)] == []


def test_schema_types_every_builtin_option(gen_docs: ModuleType) -> None:
    options = gen_docs.config_schema()["properties"]["options"]["properties"]
    expected = {c.code for c in gen_docs.builtin_checks() if c.options_model.model_fields}
    assert set(options) == expected


def _loader_accepts(data: dict[str, Any]) -> bool:
    try:
        Plan.build(from_dict(data))
    except (ConfigError, ConfigFileError):
        return False
    return True


@pytest.mark.parametrize(
    "data",
    [
        pytest.param({"select": ["E", "P2"], "max_count": {"P201": 10}}, id="gate-keys"),
        pytest.param({"options": {"D302": {"threshold": 0.9, "shingle": 4}}}, id="D302-options"),
        pytest.param({"options": {"E108": {"allow": ["臺灣啤酒"]}}, "script": "simplified"}, id="E108-allow"),
        pytest.param({"schema": "schemas/news.py:NewsPage"}, id="schema-alias"),
        pytest.param({"limits": {"max_document_chars": 1000}}, id="limits"),
        pytest.param({"options": {"D302": {"treshold": 0.9}}}, id="D302-misspelt-option"),
        pytest.param({"options": {"D302": {"threshold": "high"}}}, id="D302-wrong-type"),
        pytest.param({"options": {"S508": {"title_max": 1.5}}}, id="S508-float-for-int"),
        pytest.param({"selec": ["E"]}, id="unknown-key"),
        pytest.param({"max_errors": -1}, id="negative-cap"),
        pytest.param({"script": "cantonese"}, id="bad-script"),
        pytest.param({"limits": {"max_rows": 1}}, id="unknown-limit"),
    ],
)
def test_schema_agrees_with_the_config_loader(validator: Draft202012Validator, data: dict[str, Any]) -> None:
    """What the schema accepts, zhqa accepts, and the reverse: an editor's squiggles are true."""
    assert validator.is_valid(data) == _loader_accepts(data)
