"""The Spark tests fail instead of skipping when ZHQA_REQUIRE_SPARK is set (tox -e spark)."""

from __future__ import annotations

import shutil

import pytest

from tests.spark.conftest import need_spark


@pytest.fixture
def no_java(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.delenv("JAVA_HOME", raising=False)


def test_missing_java_skips_by_default(no_java: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ZHQA_REQUIRE_SPARK", raising=False)
    with pytest.raises(pytest.skip.Exception, match="Java"):
        need_spark()


def test_missing_java_fails_when_spark_is_required(no_java: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZHQA_REQUIRE_SPARK", "1")
    with pytest.raises(pytest.fail.Exception, match=r"Java.*ZHQA_REQUIRE_SPARK"):
        need_spark()
