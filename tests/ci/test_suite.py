"""This repo as a suite project: its schema and checks load by path; bad references exit 2."""

from __future__ import annotations

import json

import pytest

from tests.conftest import ROOT, SEED
from zhqa.checks.registry import CATALOGUE
from zhqa.config import ConfigFileError, from_dict, load_config
from zhqa.plugins import load_model, load_plugins, load_schema
from zhqa.text.page import parse_page


@pytest.fixture(scope="module")
def suite():
    cfg = load_config(ROOT / "pyproject.toml")
    load_plugins(cfg)
    return cfg


def test_the_repo_config_names_its_schema_and_checks(suite):
    assert suite.plugins == ["checks"] and suite.schema_ == "schemas/news.py:NewsPage"
    model = load_schema(suite)
    assert model is not None and model.__name__ == "NewsPage"
    from zhqa.schemas.article import Page

    assert issubclass(model, Page), "the suite's page model extends zhqa.schemas"
    suite_checks = sorted(c for c in CATALOGUE if c.startswith("X9"))
    assert suite_checks[:3] == ["X901", "X902", "X903"]
    for code in suite_checks:
        assert "## Why is this bad?" in CATALOGUE[code].doc


def test_the_seed_page_fits_the_news_schema(suite):
    page = parse_page(SEED.read_text(encoding="utf-8"))
    assert load_schema(suite).model_validate(page.model_dump()).articles


def test_news_record_model():
    from pydantic import ValidationError

    model = load_model("schemas/news.py:NewsRecord", from_dict({}, root=ROOT))
    assert model.model_validate({"id": "a", "text": "正文。", "page": "第05版"})
    with pytest.raises(ValidationError, match="第05版"):
        model.model_validate({"id": "a", "text": "正文。", "page": "5"})


def test_house_style_checks_are_quiet_on_the_seed(zhqa_cli):
    r = zhqa_cli("check", str(SEED), "--select", "X9", "--format", "json", cwd=ROOT)
    data = json.loads(r.stdout)
    assert r.returncode == 0 and data["findings"] == [], data["findings"]


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('plugins = ["nowhere"]', "plugins: 'nowhere' not found"),
        ('plugins = ["broken.py"]', "plugins: cannot load"),
        ('schema = "schemas/missing.py:Page"', "schema: 'schemas/missing.py:Page': file"),
        ('schema = "news.py:Nope"', "schema: 'news.py:Nope': no Nope in news.py"),
        ('schema = "news.py:helper"', "is not a pydantic model"),
        ('schema = "news.py"', "must look like 'schemas/news.py:NewsPage'"),
        ('schema = "no_such_pkg.mod:Page"', "schema: cannot import no_such_pkg.mod"),
    ],
)
def test_bad_plugin_or_schema_reference_is_one_line_exit_2(zhqa_cli, tmp_path, toml, message):
    (tmp_path / "broken.py").write_text("raise RuntimeError('boom')\n", encoding="utf-8")
    (tmp_path / "news.py").write_text("def helper():\n    pass\n", encoding="utf-8")
    (tmp_path / "zhqa.toml").write_text(toml + "\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("正文。\n", encoding="utf-8")
    for cmd in (["check", "a.txt"], ["baseline", "a.txt"], ["list-checks"]):
        r = zhqa_cli(*cmd, cwd=tmp_path)
        err = r.stderr.decode()
        assert r.returncode == 2, (cmd, err)
        assert message in err and err.count("\n") == 1 and "Traceback" not in err, err


def test_load_model_errors_are_config_errors(tmp_path):
    with pytest.raises(ConfigFileError, match="must look like"):
        load_model(":Page", from_dict({}, root=tmp_path))


@pytest.mark.parametrize(
    "name",
    [
        "ntrex128-zh/ntrex128_zho-CN.jsonl",
        "cmrc2018/cmrc2018_wiki.jsonl",
        "ntrex128-zh/ntrex128_zho-TW.jsonl",
    ],
)
def test_house_style_checks_are_quiet_on_clean_corpora(suite, name):
    """Precision: no X9 finding on 123 + 1,104 + 123 clean articles (none carry bylines or captions wrongly)."""
    from tests.conftest import corpus_records
    from zhqa.checks.runner import Plan, run_document
    from zhqa.schemas import Document

    plan = Plan.build(suite, select=["X9"])
    docs = [Document.from_text(r["text"], id=str(r["id"])) for r in corpus_records(name)]
    found = [f for d in docs for f in run_document(plan, d).findings]
    assert len(docs) > 100 and found == []


def test_house_style_checks_on_web_news_find_wire_credits_and_bare_captions(suite):
    """SogouCA web news (not our paper): every X9 finding is a wire credit or a caption without credit."""
    from tests.conftest import corpus_records
    from zhqa.checks.runner import Plan, run_document
    from zhqa.schemas import Document

    plan = Plan.build(suite, select=["X9"])
    docs = [
        Document.from_text(r["text"], id=str(r["id"]))
        for r in corpus_records("defects-sogouca/sogouca_smarty_decoded.jsonl")
        if isinstance(r.get("text"), str)
    ]
    found = [(f.code, f.excerpt, f.message) for d in docs for f in run_document(plan, d).findings]
    assert found, "web news does carry wire credits and bare captions"
    for code, excerpt, message in found:
        wire = code in ("X901", "X903") and "新华社" in excerpt + message
        bare = code in ("X902", "X903") and "credit" in message and "摄" not in excerpt
        assert wire or bare, (code, excerpt, message)
