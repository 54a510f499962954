"""One local Spark session for every batch test (a JVM start costs seconds). Skipped, with the reason, only
where Java or pyspark is missing and CI is not set; on CI a missing Spark fails the run."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from mcfwatch.batch.session import java_available


def _missing() -> str | None:
    try:
        import pyarrow  # noqa: F401
        import pyspark  # noqa: F401
    except ImportError as exc:
        return f"the spark extra is not installed ({exc.name}): pip install 'mcfwatch[spark]'"
    if not java_available():
        return "no Java runtime: apt-get install default-jre-headless"
    return None


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    reason = _missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the Spark tests: {reason}")
        pytest.skip(reason)
    from mcfwatch.batch.session import spark_session

    session = spark_session("local[2]", "mcfwatch-tests")
    yield session
    session.stop()
