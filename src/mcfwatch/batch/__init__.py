"""The Spark batch path: extract a corpus on Spark into Parquet, resolve names on Spark, load into a store.

`extract.py` and `resolve.py` are the Spark jobs (pyspark imported inside them only), `worker.py` and
`features.py` what their executors run, `rows.py` the Parquet layout, `load.py` and `resolve_pairs.py`
the way back into a store through the Store seam (pyarrow, no Spark).
"""
