"""Name resolution on Spark: Splink 5 (SparkAPI, Fellegi-Sunter trained by EM) against mcfwatch's own name
features as pandas UDFs (`mcfwatch batch resolve`), both scored against the single-process resolver's merges
(`mcfwatch resolve`, the baseline, timed in the same run) on the same extraction output.

Quality: pairwise precision, recall and F1 over the stored entities that end up in one canonical entity,
against the single-process fold. Time: wall seconds of each resolution step (Spark session already started;
each method's own set-up included: the Matcher's lists for mcfwatch, EM training for Splink).

    pip install splink==5.0.0          # not a dependency of mcfwatch: only this comparison uses it
    python benchmarks/resolve_compare.py                     # the shipped samples, extracted on Spark first
    python benchmarks/resolve_compare.py --input out/        # an existing `mcfwatch batch extract` output
"""

from __future__ import annotations

import argparse
import itertools
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from mcfwatch.batch import rows
from mcfwatch.batch.load import load
from mcfwatch.batch.resolve import batch_resolve, name_entries
from mcfwatch.batch.resolve_pairs import read_pairs, record_merges
from mcfwatch.resolve.merge import resolve_store
from mcfwatch.store import Store


def session() -> Any:
    """A local[2] session with Splink's similarity-function jar (Jaro-Winkler) on the class path."""
    from splink.backends.spark import similarity_jar_location

    from mcfwatch.batch.session import spark_session

    spark = spark_session("local[2]", "resolve-compare", {"spark.jars": str(similarity_jar_location())})
    spark.sparkContext.setCheckpointDir(tempfile.mkdtemp(prefix="splink-checkpoints-"))  # Splink checkpoints
    return spark


def unresolved_store(out: Path, path: Path) -> Store:
    store = Store(path)
    load(out, store, resolve=False)
    return store


def same_pairs(store: Store) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for loser, root in store.fold().root.items():
        groups.setdefault(root, {root}).add(loser)
    return {frozenset(p) for g in groups.values() for p in itertools.combinations(sorted(g), 2)}


def score(found: set[frozenset[str]], gold: set[frozenset[str]]) -> str:
    tp = len(found & gold)
    p = tp / len(found) if found else 1.0
    r = tp / len(gold) if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"pairs {len(found):5d}  precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}"


def splink_pairs(spark: Any, out: Path, threshold: float) -> list[dict[str, Any]]:
    """Splink's matches between name entries, in the shape `batch resolve` writes (for record_merges)."""
    import splink.comparison_library as cl
    from pyspark.sql import functions as F
    from splink import Linker, SettingsCreator, block_on
    from splink.backends.spark import SparkAPI

    from mcfwatch.resolve.names import parse

    def english(name: str) -> str:  # mcfwatch's reading of the name in English words: Splink's best chance
        n = parse(name)
        return " ".join(n.readings[0]) if n.readings else n.key

    eng = F.udf(english, "string")
    entries = name_entries(spark, out / rows.EXTRACTIONS).select(
        F.col("id").alias("unique_id"), "name", "type", "names", "mentions").withColumn("english", eng("name"))
    entries = entries.withColumn("first_word", F.split("english", " ").getItem(0)).withColumn(
        "kind", F.when(F.col("type").isin("Company", "Organization", "University", "PublicBody", "MilitaryUnit"),
                       "org").otherwise(F.col("type"))).persist()
    settings = SettingsCreator(
        link_type="dedupe_only",
        comparisons=[cl.JaroWinklerAtThresholds("english", [0.95, 0.88, 0.8]), cl.ExactMatch("kind")],
        blocking_rules_to_generate_predictions=[block_on("first_word", "kind")],
    )
    db_api = SparkAPI(spark_session=spark)
    linker = Linker(db_api.register(entries), settings, log_level=None)
    linker.training.estimate_probability_two_random_records_match([block_on("english", "kind")], recall=0.7)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("first_word"))
    pred = linker.inference.predict(threshold_match_probability=threshold).as_spark_dataframe()
    side = entries.select("unique_id", "name", "type")
    found = (pred.select("unique_id_l", "unique_id_r", "match_probability")
             .join(side.toDF("unique_id_l", "a_name", "a_type"), "unique_id_l")
             .join(side.toDF("unique_id_r", "b_name", "b_type"), "unique_id_r").collect())
    print(f"Splink predicted {len(found)} pairs at p >= {threshold}"
          f"{f' (highest p {max(r[2] for r in found):.3f})' if found else ''}", flush=True)
    return [{"a_name": r["a_name"], "a_type": r["a_type"], "b_name": r["b_name"], "b_type": r["b_type"],
             "score": float(r["match_probability"]), "features": "{\"splink\": {}}"} for r in found]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", type=Path, help="a `mcfwatch batch extract` output (default: the samples)")
    ap.add_argument("--splink-thresholds", default="0.5,0.8,0.9,0.99",
                    help="Splink match probabilities to merge at (one training, scored at each)")
    ap.add_argument("--skip-udf", action="store_true", help="leave out `batch resolve` (Splink and the baseline only)")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="mcfwatch-resolve-compare-"))
    spark = session()
    out = args.input
    if out is None:
        from mcfwatch.batch.extract import batch_extract
        from mcfwatch.data import sample_path

        out = work / "out"
        batch_extract([sample_path()], out, spark=spark)
    base = unresolved_store(out, work / "base.db")
    for name in ("single", "udf"):
        shutil.copy(work / "base.db", work / f"{name}.db")

    print(f"{base.counts()['entities']} stored entities from {base.counts()['documents']} documents ({out})")
    t = time.perf_counter()
    single = Store(work / "single.db")
    resolve_store(single)
    gold = same_pairs(single)
    print(f"single-process resolver (baseline)   {time.perf_counter() - t:7.1f} s  {score(gold, gold)}", flush=True)

    if not args.skip_udf:
        t = time.perf_counter()
        batch_resolve(out, work / "pairs", spark=spark)
        udf = Store(work / "udf.db")
        record_merges(udf, read_pairs(work / "pairs"))
        print(f"mcfwatch features as pandas UDFs     {time.perf_counter() - t:7.1f} s  "
              f"{score(same_pairs(udf), gold)}", flush=True)

    thresholds = sorted(float(x) for x in args.splink_thresholds.split(","))
    t = time.perf_counter()
    predicted = splink_pairs(spark, out, thresholds[0])
    seconds = time.perf_counter() - t
    for threshold in thresholds:
        shutil.copy(work / "base.db", work / f"splink-{threshold}.db")
        sp = Store(work / f"splink-{threshold}.db")
        record_merges(sp, [p for p in predicted if p["score"] >= threshold])
        print(f"Splink 5 on Spark (p >= {threshold:<4})       {seconds:7.1f} s  {score(same_pairs(sp), gold)}",
              flush=True)
    spark.stop()


if __name__ == "__main__":
    main()
