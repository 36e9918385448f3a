"""Fixtures of the GX tests: a local Spark session (skipped without pyspark or Java, unless
ZHQA_REQUIRE_SPARK is set)."""

from __future__ import annotations

import os
import sys

import pytest

from tests.spark.conftest import need_spark


@pytest.fixture(scope="session")
def spark_session():
    """A local[2] SparkSession bound to 127.0.0.1 (RECIPES.md §3)."""
    need_spark()  # skips, or fails under tox -e spark (ZHQA_REQUIRE_SPARK)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master("local[2]")
        .appName("zhqa-gx-tests")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    yield spark
    spark.stop()
