"""One local[2] Spark session per test run; the Spark tests skip without pyspark or Java."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    pytest.importorskip("pyspark")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("the Spark tests need Java (apt-get install openjdk-17-jre-headless)")
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
