"""`mcfwatch batch resolve`: name resolution with blocking on Spark, pairs written as Parquet.

The units compared are name entries: every (type, name key) the extraction found, with every name and
alias it was found with and its mention count; the entry's id is the content id the store gives an
entity first stored under that name. Blocking is resolve/index.py's, computed as joins (candidate_pairs):
index rows, rare keys, votes, the top 20 candidates of each entry; each candidate pair is scored by the
single-process resolver's Matcher (features.py, as pandas UDFs). Pairs at the merging threshold are
written; grouping them into merges needs the store's entity ids, so `mcfwatch load --resolved` does it
(resolve_pairs.py). On the shipped samples this gives exactly the merges of `mcfwatch resolve`
(tests/batch); scoring every pair that shares any key instead found two more (one right, one wrong).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mcfwatch.batch import features, rows
from mcfwatch.batch.extract import _write_manifest, prepare_output, read_manifest
from mcfwatch.batch.session import spark_errors, spark_session
from mcfwatch.resolve.index import COMMON_POSTINGS
from mcfwatch.resolve.merge import MERGE_THRESHOLD, ORG_TYPES

CANDIDATES = 20  # plan_merges: index.candidates(..., limit=20)

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession


@dataclass(slots=True)
class ResolveReport:
    entries: int
    candidate_pairs: int
    pairs: int


def name_entries(spark: SparkSession, extractions: Path) -> DataFrame:
    """One row per (type, name key): id, type, name (as first read), names (sorted), mentions."""
    from pyspark.sql import functions as F
    from pyspark.sql.pandas.functions import pandas_udf

    ent_id = pandas_udf(features.entity_ids, "string")  # type: ignore[call-overload]
    ents = (
        spark.read.parquet(str(extractions))
        .select("file_no", "item_no", F.posexplode("entities").alias("pos", "e"))
        .select("file_no", "item_no", "pos", F.col("e.name").alias("name"), F.col("e.type").alias("type"),
                F.array_union(F.array(F.col("e.name")), F.col("e.aliases")).alias("names"),
                F.size("e.mentions").alias("mentions"))
        .withColumn("id", ent_id("name", "type"))
    )
    return ents.groupBy("id").agg(
        F.first("type").alias("type"),
        F.min_by("name", F.struct("file_no", "item_no", "pos")).alias("name"),
        F.array_sort(F.array_distinct(F.flatten(F.collect_list("names")))).alias("names"),
        F.sum("mentions").cast("int").alias("mentions"),
    )


def candidate_pairs(entries: DataFrame) -> DataFrame:
    """(a, b), a < b: the pairs plan_merges scores. As NameIndex.candidates: each entry looks up the keys of its
    name (the rare ones, those in at most COMMON_POSTINGS index rows, when it has any), every index row sharing
    one gets 1/sqrt(rows under the key) per shared key, an entry ranks by its best row, the top CANDIDATES
    (itself included) are its candidates, and a pair is kept from its first entry in id order, types compatible."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F
    from pyspark.sql.pandas.functions import pandas_udf

    records = pandas_udf(features.index_records_column, "array<array<string>>")  # type: ignore[call-overload]
    query = pandas_udf(features.query_keys_column, "array<string>")  # type: ignore[call-overload]
    postings = (entries.select("id", "type", F.posexplode(records("name", "names")).alias("rec", "keys"))
                .select("id", "type", "rec", F.explode("keys").alias("key")))
    sizes = postings.groupBy("key").agg(F.count("*").alias("n"))
    used = (entries.select(F.col("id").alias("q"), F.col("type").alias("q_type"),
                           F.explode(query("name")).alias("key"))
            .join(sizes, "key")
            .withColumn("rare", F.col("n") <= COMMON_POSTINGS)
            .withColumn("any_rare", F.max("rare").over(Window.partitionBy("q")))
            .where(F.col("rare") | ~F.col("any_rare"))
            .select("q", "q_type", "key", (1.0 / F.sqrt("n")).alias("w")))
    votes = (used.join(postings, "key")
             .groupBy("q", "q_type", "id", "type", "rec").agg(F.sum("w").alias("vote"))
             .groupBy("q", "q_type", "id", "type").agg(F.max("vote").alias("vote")))
    ranked = votes.withColumn("rank", F.row_number().over(
        Window.partitionBy("q").orderBy(F.col("vote").desc(), F.col("id"))))
    orgs = list(ORG_TYPES)
    return ranked.where((F.col("rank") <= CANDIDATES) & (F.col("id") > F.col("q"))).where(
        (F.col("q_type") == F.col("type")) | (F.col("q_type").isin(orgs) & F.col("type").isin(orgs))
    ).select(F.col("q").alias("a_id"), F.col("id").alias("b_id")).distinct()


def batch_resolve(
    input_dir: Path, output: Path, master: str = "local[2]", threshold: float = MERGE_THRESHOLD,
    spark: SparkSession | None = None,
) -> ResolveReport:
    """Score the blocked pairs of name entries of a `batch extract` output; write those that match."""
    from pyspark.sql import functions as F
    from pyspark.sql.pandas.functions import pandas_udf

    read_manifest(input_dir, "extract")
    prepare_output(output)
    spark = spark or spark_session(master)
    with spark_errors(f"batch resolve into {output}"):
        score = pandas_udf(features.compare_column,  # type: ignore[call-overload]
                           "struct<score:double,relation:string,features:string>")
        entries = name_entries(spark, input_dir / rows.EXTRACTIONS).persist()
        pairs = candidate_pairs(entries).persist()
        side = entries.select("id", "name", "type", "names", "mentions")
        scored = (
            pairs.join(side.toDF(*[f"a_{c}" for c in side.columns]), "a_id")
            .join(side.toDF(*[f"b_{c}" for c in side.columns]), "b_id")
            .withColumn("c", score("a_names", "b_names"))
            .where((F.col("c.score") >= threshold) & (F.col("c.relation") == "same"))
            .select("a_id", "a_name", "a_type", "a_names", "a_mentions", "b_id", "b_name", "b_type", "b_names",
                    "b_mentions", F.col("c.score").alias("score"), F.col("c.features").alias("features"))
        )
        scored.orderBy("a_id", "b_id").write.mode("overwrite").parquet(str(output / rows.PAIRS))
        report = ResolveReport(entries.count(), pairs.count(), spark.read.parquet(str(output / rows.PAIRS)).count())
        pairs.unpersist()
        entries.unpersist()
    _write_manifest(output, {"kind": "resolve", "input": str(input_dir), "master": master, "method": "mcfwatch-udf",
                             "threshold": threshold, "entries": report.entries,
                             "candidate_pairs": report.candidate_pairs, "pairs": report.pairs})
    return report
