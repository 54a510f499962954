"""The SparkSession of a batch command: local mode on one machine, or a cluster URL.

pyspark is an optional extra and needs a Java runtime; either missing is a one-line error naming the fix.
On a cluster, every executor needs mcfwatch installed with the same version (the executors import it).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from mcfwatch.errors import McfwatchError, MissingExtraError

if TYPE_CHECKING:
    from pyspark.sql import SparkSession


class BatchError(McfwatchError):
    """A batch job cannot start or its input is not what it needs. Stop and fix the named problem."""


# Spark's own log lines below ERROR are noise for a command-line user; errors still reach stderr.
_LOG4J = """rootLogger.level = error
rootLogger.appenderRef.stderr.ref = stderr
appender.console.type = Console
appender.console.name = stderr
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = spark: %p %c{1}: %m%n
"""


def _log_config() -> str:
    path = Path(tempfile.gettempdir()) / "mcfwatch-spark-log4j2.properties"
    if not path.exists() or path.read_text(encoding="utf-8") != _LOG4J:
        path.write_text(_LOG4J, encoding="utf-8")
    return f"file:{path}"


def java_available() -> bool:
    home = os.environ.get("JAVA_HOME")
    return bool(home and os.access(os.path.join(home, "bin", "java"), os.X_OK)) or shutil.which("java") is not None


def spark_session(master: str = "local[2]", app: str = "mcfwatch", conf: dict[str, str] | None = None) -> SparkSession:
    """A SparkSession on ``master`` (``local[N]`` or ``spark://host:port``), quiet and without its web UI;
    ``conf`` adds Spark settings (such as ``spark.jars``)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise MissingExtraError("spark", "pyspark") from None
    if not java_available():
        raise BatchError("Spark needs a Java runtime (17 or later): apt-get install default-jre-headless, "
                         "or set JAVA_HOME")
    # Executors run this interpreter (with mcfwatch installed), not whatever `python3` is on the PATH.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    if master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # local mode never listens beyond loopback
    builder = SparkSession.builder
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    try:
        spark = (
            builder.master(master).appName(app)
            .config("spark.driver.extraJavaOptions", f"-Dlog4j2.configurationFile={_log_config()}")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.shuffle.partitions", "8")
            .config("spark.python.worker.reuse", "true")
            .config("spark.sql.execution.arrow.pyspark.enabled", "true")
            .getOrCreate()
        )
    except Exception as exc:  # the JVM did not start or the master is unreachable
        raise BatchError(f"cannot start Spark on {master} ({str(exc).splitlines()[0] if str(exc) else exc!r})") from None
    spark.sparkContext.setLogLevel("ERROR")
    return spark


@contextmanager
def spark_errors(what: str) -> Iterator[None]:
    """A failed Spark job is one line naming the job and the error's last line, not a JVM stack trace."""
    try:
        yield
    except McfwatchError:
        raise
    except Exception as exc:
        from py4j.protocol import Py4JError
        from pyspark.errors import PySparkException

        if not isinstance(exc, PySparkException | Py4JError):
            raise
        lines = [ln.strip() for ln in str(exc).splitlines() if ln.strip()]
        raise BatchError(f"{what}: Spark job failed ({lines[-1] if lines else type(exc).__name__})") from None
