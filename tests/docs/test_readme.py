"""README.md stays true: its commands, flags, config keys, formats, families and links exist."""

from __future__ import annotations

import argparse
import configparser
import re
import shlex
import tomllib
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import ROOT
from zhqa.checks.registry import FAMILIES
from zhqa.cli import build_parser
from zhqa.reports import FORMATS
from zhqa.schemas.config import SuiteConfig

README = (ROOT / "README.md").read_text(encoding="utf-8")


@cache
def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def _long_flags(parser: argparse.ArgumentParser) -> set[str]:
    return {s for a in parser._actions for s in a.option_strings if s.startswith("--") and s != "--help"}


def _code_blocks(text: str) -> list[str]:
    return re.findall(r"^```[a-z]*\n(.*?)^```", text, flags=re.S | re.M)


def _zhqa_invocations(text: str) -> list[list[str]]:
    """Every `zhqa COMMAND …` in code blocks and inline code, split like a shell would."""
    found = []
    snippets = [line for block in _code_blocks(text) for line in block.splitlines()]
    snippets += re.findall(r"`(zhqa [^`]+)`", text)
    for snippet in snippets:
        for m in re.finditer(r"(?:^|[\s&;(])zhqa (.*)", snippet):
            words = shlex.split(m.group(1).split("#")[0].replace("\\|", "|"), posix=True)
            found.append(words)
    return found


def test_readme_names_every_command() -> None:
    for name in _subcommands():
        assert f"`zhqa {name}" in README, f"README: no usage line for zhqa {name}"


@pytest.mark.parametrize("command", sorted(_subcommands()))
def test_readme_documents_every_flag(command: str) -> None:
    missing = [f for f in sorted(_long_flags(_subcommands()[command])) if f not in README]
    assert not missing, f"README does not mention zhqa {command} {missing}"


def test_readme_commands_use_only_real_commands_and_flags() -> None:
    invocations = _zhqa_invocations(README)
    assert len(invocations) >= 20
    for words in invocations:
        command = words[0]
        assert command in _subcommands(), f"README runs unknown command: zhqa {' '.join(words)}"
        flags = {w.split("=")[0].split("/")[0] for w in words[1:] if w.startswith("--")}
        unknown = flags - _long_flags(_subcommands()[command])
        assert not unknown, f"README: zhqa {command} has no {sorted(unknown)}"


def test_readme_documents_every_config_key() -> None:
    for name, field in SuiteConfig.model_fields.items():
        key = field.alias or name
        assert f"| `{key}` |" in README, f"README configuration table lacks {key}"


def test_readme_documents_every_output_format_and_its_file() -> None:
    for fmt, (_, filename) in FORMATS.items():
        row = next((line for line in README.splitlines() if line.startswith(f"| `{fmt}`")), None)
        assert row is not None, f"README output formats table lacks {fmt}"
        assert "stdout" in row or filename in row, f"README: {fmt} is written to {filename}"


def test_readme_families_table_matches_the_registry(gen_docs: ModuleType) -> None:
    checks = gen_docs.builtin_checks()
    for family in FAMILIES.values():
        codes = [c.code for c in checks if c.family == family]
        row = next((line for line in README.splitlines() if line.startswith(f"| {family} |")), "")
        assert f"{codes[0]}–{codes[-1]}" in row, f"README families table: {family} is {codes[0]}–{codes[-1]}"


def _slug(heading: str) -> str:
    """GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    outside_code = re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)
    return {_slug(h) for h in re.findall(r"^#+ (.+)$", outside_code, flags=re.M)}


def test_readme_links_resolve() -> None:
    links = re.findall(r"\]\(([^)\s]+)\)", README)
    assert links
    for link in links:
        if re.match(r"[a-z]+://", link):
            continue
        target, _, anchor = link.partition("#")
        path = ROOT / target if target else ROOT / "README.md"
        assert path.exists(), f"README links to missing {target}"
        if anchor:
            assert anchor in _anchors(path), f"README links to missing anchor {link}"


def test_readme_setup_installs_extras_that_exist() -> None:
    setup = _code_blocks(README)[0]
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"
    ]
    for spec in re.findall(r"pip install -e '\.\[([a-z,]+)\]'", setup):
        assert set(spec.split(",")) <= set(extras), f"README installs unknown extras {spec}"
    assert "zhqa check seeds" in setup and (ROOT / "seeds").is_dir()
    assert "tox" in setup and (ROOT / "tox.ini").is_file()


def test_readme_names_every_tox_env() -> None:
    ini = configparser.ConfigParser(interpolation=None)
    ini.read(ROOT / "tox.ini", encoding="utf-8")
    envs = [s.removeprefix("testenv:") for s in ini.sections() if s.startswith("testenv:")]
    assert envs
    missing = [e for e in envs if f"`{e}`" not in README]
    assert not missing, f"README's tox envs lack {missing}"


def test_readme_config_examples_load_and_state_the_true_limit_defaults() -> None:
    from zhqa.config import from_dict
    from zhqa.schemas.config import Limits

    blocks = [
        tomllib.loads(b)["tool"]["zhqa"] for b in re.findall(r"^```toml\n(.*?)^```", README, re.S | re.M)
    ]
    assert blocks
    for table in blocks:
        from_dict(table)  # raises on an unknown key or a bad value
    assert from_dict(blocks[0]).limits == Limits(), "README's [tool.zhqa.limits] says 'the defaults'"
