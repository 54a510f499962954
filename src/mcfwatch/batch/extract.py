"""`mcfwatch batch extract`: read and extract a folder of documents on Spark, write Parquet.

Invariant: the output holds exactly what `mcfwatch ingest` would store for the same input, in the same
reading order (``file_no``, ``item_no``), and every input that ingest would report as failed is a row of
``failures`` with the same reason. Files are read where they are (every executor must see the input
path: local mode, or a shared file system on a cluster), documents are then spread evenly over the
partitions, and each executor extracts its partitions with one Extractor (worker.py).
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mcfwatch.batch import rows, worker
from mcfwatch.batch.session import BatchError, spark_errors, spark_session
from mcfwatch.ingest import Failure, walk

if TYPE_CHECKING:
    from pyspark.sql import SparkSession


@dataclass(slots=True)
class ExtractReport:
    documents: int = 0
    entities: int = 0
    relations: int = 0
    failures: list[Failure] = field(default_factory=list)


def prepare_output(output: Path) -> None:
    """An output folder is new, empty, or an earlier batch output (which is replaced)."""
    if output.exists() and not output.is_dir():
        raise BatchError(f"{output}: exists and is not a folder; choose a folder for the Parquet output")
    if output.is_dir() and any(output.iterdir()):
        if not (output / rows.MANIFEST).exists():
            raise BatchError(f"{output}: folder is not empty and holds no mcfwatch batch output; "
                             "choose an empty or new folder")
        shutil.rmtree(output)
    output.mkdir(parents=True, exist_ok=True)


def batch_extract(
    inputs: list[Path], output: Path, master: str = "local[2]", partitions: int | None = None,
    spark: SparkSession | None = None,
) -> ExtractReport:
    """Extract every document under inputs on Spark into output/extractions and output/failures (Parquet)."""
    prepare_output(output)
    entries = list(walk([Path(p) for p in inputs]))
    files = [(no, str(e.resolve())) for no, e in enumerate(entries) if isinstance(e, Path)]
    listed = [rows.failure_row(e.path, e.reason, no, 0) for no, e in enumerate(entries) if isinstance(e, Failure)]
    spark = spark or spark_session(master)
    with spark_errors(f"batch extract into {output}"):
        sc = spark.sparkContext
        parts = partitions or max(2, 2 * sc.defaultParallelism)
        read = sc.parallelize(files, max(1, min(len(files), parts))).mapPartitions(worker.read_files).cache()
        docs = read.filter(lambda kv: kv[0] == "doc").map(lambda kv: kv[1]).repartition(parts)
        extracted = spark.createDataFrame(
            docs.mapPartitions(worker.extract_partition), rows.EXTRACTION_DDL + ", failure string"
        ).persist()
        good = extracted.filter("failure IS NULL").drop("failure")
        good.orderBy("file_no", "item_no").write.mode("overwrite").parquet(str(output / rows.EXTRACTIONS))
        failed = [rows.failure_row(r["document"]["path"] or r["document"]["id"], r["failure"], r["file_no"], r["item_no"])
                  for r in extracted.filter("failure IS NOT NULL").select("file_no", "item_no", "document", "failure")
                  .collect()]
        failed += [kv[1] for kv in read.filter(lambda kv: kv[0] == "fail").collect()]
        failed = sorted(listed + failed, key=lambda r: (r["file_no"], r["item_no"]))
        spark.createDataFrame(failed, rows.FAILURE_DDL).coalesce(1).write.mode("overwrite").parquet(
            str(output / rows.FAILURES))
        counts = good.selectExpr("count(*) AS d", "coalesce(sum(size(entities)), 0) AS e",
                                 "coalesce(sum(size(relations)), 0) AS r").first()
        assert counts is not None  # an aggregate always has its one row
        extracted.unpersist()
        read.unpersist()
    report = ExtractReport(int(counts["d"]), int(counts["e"]), int(counts["r"]),
                           [Failure(r["path"], r["reason"]) for r in failed])
    _write_manifest(output, {"kind": "extract", "inputs": [str(p) for p in inputs], "master": master,
                             "documents": report.documents, "failures": len(failed)})
    return report


def _write_manifest(output: Path, info: dict[str, Any]) -> None:
    body = {"format_version": rows.FORMAT_VERSION, **info}
    (output / rows.MANIFEST).write_text(json.dumps(body, indent=2) + "\n", encoding="utf-8")


def read_manifest(folder: Path, kind: str) -> dict[str, Any]:
    """The manifest of a batch output of this kind, or a one-line error saying what the folder is not."""
    path = folder / rows.MANIFEST
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BatchError(f"{folder}: not an mcfwatch batch output (no {rows.MANIFEST}); "
                         f"run `mcfwatch batch {kind}` first") from None
    except (OSError, ValueError) as exc:
        raise BatchError(f"{path}: unreadable batch manifest ({exc})") from None
    if not isinstance(info, dict) or info.get("kind") != kind:
        raise BatchError(f"{folder}: not the output of `mcfwatch batch {kind}`")
    if info.get("format_version") != rows.FORMAT_VERSION:
        raise BatchError(f"{folder}: batch output format {info.get('format_version')}, this mcfwatch reads "
                         f"{rows.FORMAT_VERSION}; rerun `mcfwatch batch {kind}`")
    return info
