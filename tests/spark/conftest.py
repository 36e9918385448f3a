"""One local[2] Spark session per test run.

Without pyspark or Java the Spark tests skip, unless ``ZHQA_REQUIRE_SPARK`` is set
(``tox -e spark`` sets it): then they fail, so CI cannot pass with every Spark test
skipped.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from typing import Any

import pytest


def need_spark() -> None:
    """Skip (or fail, when ZHQA_REQUIRE_SPARK is set) unless pyspark and Java are there."""
    missing = []
    try:
        import pyspark  # noqa: F401
    except ImportError:
        missing.append("pyspark (pip install 'zhqa[spark]')")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        missing.append("Java (apt-get install openjdk-17-jre-headless)")
    if missing:
        why = "the Spark tests need " + " and ".join(missing)
        if os.environ.get("ZHQA_REQUIRE_SPARK"):
            pytest.fail(why + " (ZHQA_REQUIRE_SPARK is set)")
        pytest.skip(why)


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    need_spark()
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    from zhqa.engine.spark.session import local_conf

    builder = SparkSession.builder
    for key, value in local_conf("local[2]", "2g", partitions=4).items():
        builder = builder.config(key, value)
    # small input splits, so one JSONL file spans several partitions (line numbers across splits)
    builder = builder.config("spark.hadoop.mapreduce.input.fileinputformat.split.maxsize", str(256 * 1024))
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
