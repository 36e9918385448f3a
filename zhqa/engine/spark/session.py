"""The Spark session zhqa runs on: the active one (spark-submit, notebooks) or a local one.

Outside ``spark-submit`` a session is started with ``ZHQA_SPARK_MASTER`` (default
``local[*]``), ``ZHQA_SPARK_DRIVER_MEMORY`` (default ``4g``: the 1 GB default ran out
on MinHash over 20k documents) and, for local masters, everything bound to loopback.
"""

from __future__ import annotations

import os
import sys
from typing import Any

JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"


def local_conf(master: str, memory: str, partitions: int | None = None) -> dict[str, str]:
    """The settings of a session this process starts (local masters bind to 127.0.0.1)."""
    conf = {
        "spark.master": master,
        "spark.app.name": "zhqa",
        "spark.driver.memory": memory,
        "spark.driver.extraJavaOptions": JVM_OPTIONS,
        "spark.ui.enabled": "false",
        "spark.ui.showConsoleProgress": "false",
        "spark.python.worker.reuse": "true",
    }
    if partitions:
        conf["spark.sql.shuffle.partitions"] = str(partitions)
        conf["spark.default.parallelism"] = str(partitions)
    if master.startswith("local"):
        conf["spark.driver.bindAddress"] = "127.0.0.1"
        conf["spark.driver.host"] = "127.0.0.1"
    return conf


def get_session(master: str | None = None, memory: str | None = None, partitions: int | None = None) -> Any:
    """The active SparkSession, else a new one configured by :func:`local_conf`."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        from zhqa.io.errors import UsageError

        raise UsageError("--engine spark needs pyspark and Java: pip install 'zhqa[spark]'") from None
    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    master = master or os.environ.get("ZHQA_SPARK_MASTER") or "local[*]"
    if master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder
    if "PYSPARK_GATEWAY_PORT" not in os.environ:  # not under spark-submit: we start the JVM
        memory = memory or os.environ.get("ZHQA_SPARK_DRIVER_MEMORY") or "4g"
        for key, value in local_conf(master, memory, partitions).items():
            builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel(os.environ.get("ZHQA_SPARK_LOG_LEVEL", "ERROR"))
    return spark
