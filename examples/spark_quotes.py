#!/usr/bin/env python3
"""Extract attributed quotes from a news corpus with PySpark, into Parquet.

    python examples/spark_quotes.py INPUT OUTPUT [--gazetteer PATH]...
        [--no-default-gazetteers] [--partitions N] [--master local[*]]

INPUT is JSON Lines (one ``{"id": ..., "text": ...}`` per line, as the example
binary's ``--jsonl`` reads) or Parquet (columns ``id`` and ``text``): a file,
a folder or a glob, anything ``spark.read`` takes. OUTPUT is a Parquet folder
with one row per quote:

    id, quote_start, quote_end, quote, kind, confidence,
    speaker, speaker_start, speaker_end, speaker_canonical, speaker_entity_id,
    speaker_label, cue

(offsets are code points into the article text; the speaker columns are null
for quotes without a speaker). Articles without a text give no rows; in JSON
Lines a non-string id or text is read as its JSON text.

How the extractor gets to the executors: it is built once on the driver
(reading the gazetteer files there), broadcast, and unpickled once per Python
worker process. The pickle carries the gazetteers' contents, so the workers
need the ``whosaid`` wheel installed but none of the gazetteer files. Inside a
partition, articles go to ``Extractor.extract_many`` in batches, with one
thread: Spark already runs one task per core.

Requires ``pip install pyspark`` and a Java runtime (17 or later).
"""

import argparse
import os
import sys
import time

import whosaid

BATCH = 256

OUTPUT_FIELDS = [
    ("id", "string"),
    ("quote_start", "int"),
    ("quote_end", "int"),
    ("quote", "string"),
    ("kind", "string"),
    ("confidence", "double"),
    ("speaker", "string"),
    ("speaker_start", "int"),
    ("speaker_end", "int"),
    ("speaker_canonical", "string"),
    ("speaker_entity_id", "string"),
    ("speaker_label", "string"),
    ("cue", "string"),
]


def quote_rows(doc_id, doc):
    """One output row (a tuple in OUTPUT_FIELDS order) per quote of doc."""
    for q in doc["quotes"]:
        sp = q["speaker"] or {}
        cue = q["cue"]
        yield (
            doc_id,
            q["start"],
            q["end"],
            q["text"],
            q["kind"],
            q["confidence"],
            sp.get("text"),
            sp.get("start"),
            sp.get("end"),
            sp.get("canonical"),
            sp.get("entity_id"),
            sp.get("label"),
            cue["text"] if cue else None,
        )


def extract_partition(extractor, rows, batch=BATCH):
    """Extracts the quotes of an iterator of (id, text) rows, batch by batch."""
    ids, texts = [], []

    def flush():
        for doc_id, doc in zip(ids, extractor.extract_many(texts, threads=1)):
            yield from quote_rows(doc_id, doc)
        ids.clear()
        texts.clear()

    for doc_id, text in rows:
        if not isinstance(text, str):
            continue
        ids.append(None if doc_id is None else str(doc_id))
        texts.append(text)
        if len(texts) == batch:
            yield from flush()
    if texts:
        yield from flush()


def read_articles(spark, path):
    """The (id, text) DataFrame of a JSON Lines or Parquet input."""
    from pyspark.sql import functions as F

    if path.rstrip("/").endswith(".parquet") or _is_parquet_dir(path):
        df = spark.read.parquet(path)
        if "id" not in df.columns:
            df = df.withColumn("id", F.monotonically_increasing_id())
        return df.select(F.col("id").cast("string").alias("id"), F.col("text").cast("string").alias("text"))
    # An explicit schema spares the schema-inference pass over the input; a
    # numeric id is read as its JSON text.
    return spark.read.schema("id string, text string").json(path)


def _is_parquet_dir(path):
    return os.path.isdir(path) and any(n.endswith(".parquet") for n in os.listdir(path))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", help="JSON Lines or Parquet articles (id, text)")
    ap.add_argument("output", help="Parquet folder to write the quotes to (replaced)")
    ap.add_argument("--gazetteer", action="append", default=[], help="gazetteer file or folder (repeatable)")
    ap.add_argument("--no-default-gazetteers", action="store_true")
    ap.add_argument("--partitions", type=int, default=None, help="repartition the input into N partitions")
    ap.add_argument("--master", default=os.environ.get("SPARK_MASTER", "local[*]"))
    args = ap.parse_args(argv)

    # Build on the driver: a bad gazetteer fails here, before any job starts.
    extractor = whosaid.Extractor(gazetteers=args.gazetteer, default_gazetteers=not args.no_default_gazetteers)

    from pyspark.sql import SparkSession

    # Local mode: the workers run the driver's Python (where whosaid is
    # installed) unless PYSPARK_PYTHON says otherwise.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (
        SparkSession.builder.master(args.master)
        .appName("whosaid-quotes")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    try:
        start = time.perf_counter()
        articles = read_articles(spark, args.input)
        if args.partitions:
            articles = articles.repartition(args.partitions)
        shared = spark.sparkContext.broadcast(extractor)
        n_articles = spark.sparkContext.accumulator(0)

        def run(rows):
            extractor = shared.value  # unpickled once per worker process

            def pairs():
                for row in rows:
                    n_articles.add(1)
                    yield row.id, row.text

            return extract_partition(extractor, pairs())

        quotes = articles.rdd.mapPartitions(run)
        schema = ", ".join(f"{name} {kind}" for name, kind in OUTPUT_FIELDS)
        spark.createDataFrame(quotes, schema=schema).write.mode("overwrite").parquet(args.output)
        elapsed = time.perf_counter() - start
        print(
            f"{n_articles.value} articles in {elapsed:.1f} s "
            f"({n_articles.value / max(elapsed, 1e-9):.0f} articles/s) -> {args.output}",
            file=sys.stderr,
        )
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
