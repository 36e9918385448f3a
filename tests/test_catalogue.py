"""Catalogue-wide rules: codes and names well formed, docs complete, fixability declared truly."""

from __future__ import annotations

import re

import pytest

from tests.test_examples import example_docs, hits_of
from zhqa.checks import CATALOGUE, Bad
from zhqa.checks._retired import RETIRED
from zhqa.checks.registry import FAMILIES, Good, check

CHECKS = [pytest.param(c, id=c.code) for c in CATALOGUE.values()]


@pytest.mark.parametrize("chk", CHECKS)
def test_code_name_family_pairing(chk):
    assert re.fullmatch(r"[A-Z]\d{3}", chk.code)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", chk.name)
    assert chk.code not in RETIRED
    if chk.code[:2] in FAMILIES:
        assert chk.family == FAMILIES[chk.code[:2]]


@pytest.mark.parametrize("chk", CHECKS)
def test_docs_have_required_sections(chk):
    assert (chk.summary and chk.summary[0].isupper()) or not chk.summary[0].isascii()
    sections = chk.sections()
    assert "Why is this bad?" in sections, f"{chk.code} docstring lacks '## Why is this bad?'"
    assert sections["Why is this bad?"]
    if chk.fix == "sometimes" or any(isinstance(e, Bad) and e.unsafe for e in chk.examples):
        assert "Fix safety" in sections, f"{chk.code} has unsafe fixes but no '## Fix safety'"


@pytest.mark.parametrize("chk", CHECKS)
def test_declared_fixability_is_true(chk):
    for ex in chk.examples:
        if not isinstance(ex, Bad):
            continue
        hits = hits_of(chk, ex, example_docs(ex))
        with_fix = [h for h in hits if h.fix is not None]
        if chk.fix == "always":
            assert len(with_fix) == len(hits), f"{chk.code} declares fix=always but a hit has no fix"
        elif chk.fix == "never":
            assert not with_fix, f"{chk.code} declares fix=never but offers a fix"


def test_every_family_module_is_registered():
    families = {c.family for c in CATALOGUE.values()}
    assert {"encoding", "duplication", "structure"} <= families


def test_registering_a_check_without_examples_fails():
    with pytest.raises(ValueError, match="Bad and one Good"):
        check(code="X990", name="no-examples", severity="error", examples=[Good("好")], family="structure")(
            lambda doc: ()
        )


def test_reusing_a_code_with_another_name_fails():
    with pytest.raises(ValueError, match="already registered"):
        check(code="E101", name="something-else", severity="error", examples=[Bad("x"), Good("y")])(
            lambda doc: ()
        )
