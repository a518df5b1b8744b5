#!/usr/bin/env python3
"""Extract attributed quotes from a news corpus with Dask, into Parquet.

    python examples/dask_quotes.py INPUT OUTPUT [--gazetteer PATH]...
        [--no-default-gazetteers] [--blocksize 8MB] [--scheduler processes]

INPUT is JSON Lines (one ``{"id": ..., "text": ...}`` per line, as the example
binary's ``--jsonl`` reads; a file or a glob) or Parquet (columns ``id`` and
``text``). OUTPUT is a Parquet folder with one row per quote, the same columns
as ``spark_quotes.py`` writes:

    id, quote_start, quote_end, quote, kind, confidence,
    speaker, speaker_start, speaker_end, speaker_canonical, speaker_entity_id,
    speaker_label, cue

How the extractor gets to the workers: it is built once here (reading the
gazetteer files), and Dask pickles it with each task that uses it; unpickling
rebuilds it from the gazetteers' contents, so worker processes (or machines,
with dask.distributed) need the ``whosaid`` wheel but none of the gazetteer
files. Each partition is one ``Extractor.extract_many`` call with one thread,
since Dask already runs one task per core.

The default scheduler is "processes"; "threads" also scales, because
extraction releases the GIL.

Requires ``pip install "dask[dataframe]" pyarrow``.
"""

import argparse
import sys
import time

import whosaid

COLUMNS = {
    "id": "string",
    "quote_start": "int64",
    "quote_end": "int64",
    "quote": "string",
    "kind": "string",
    "confidence": "float64",
    "speaker": "string",
    "speaker_start": "Int64",
    "speaker_end": "Int64",
    "speaker_canonical": "string",
    "speaker_entity_id": "string",
    "speaker_label": "string",
    "cue": "string",
}


def quotes_of_partition(articles, extractor):
    """The quotes table of a pandas DataFrame of articles (id, text)."""
    import pandas as pd

    keep = [isinstance(t, str) for t in articles["text"].tolist()]
    articles = articles.loc[keep]
    docs = extractor.extract_many(articles["text"].tolist(), threads=1)
    rows = []
    for doc_id, doc in zip(articles["id"].tolist(), docs):
        for q in doc["quotes"]:
            sp = q["speaker"] or {}
            cue = q["cue"]
            rows.append(
                (
                    None if doc_id is None else str(doc_id),
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
            )
    return pd.DataFrame(rows, columns=list(COLUMNS)).astype(COLUMNS)


def read_articles(path, blocksize):
    import dask.dataframe as dd

    if path.rstrip("/").endswith(".parquet"):
        df = dd.read_parquet(path, columns=["id", "text"])
    else:
        df = dd.read_json(path, lines=True, blocksize=blocksize, dtype={"id": "string", "text": "object"})
    if "id" not in df.columns:
        df = df.assign(id=None)
    return df[["id", "text"]]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", help="JSON Lines or Parquet articles (id, text)")
    ap.add_argument("output", help="Parquet folder to write the quotes to")
    ap.add_argument("--gazetteer", action="append", default=[], help="gazetteer file or folder (repeatable)")
    ap.add_argument("--no-default-gazetteers", action="store_true")
    ap.add_argument("--blocksize", default="8MB", help="bytes of JSON Lines per partition")
    ap.add_argument("--scheduler", default="processes", choices=["processes", "threads", "synchronous"])
    args = ap.parse_args(argv)

    import dask

    extractor = whosaid.Extractor(gazetteers=args.gazetteer, default_gazetteers=not args.no_default_gazetteers)
    start = time.perf_counter()
    articles = read_articles(args.input, args.blocksize)
    empty = quotes_of_partition(articles._meta, extractor)  # the output's schema
    quotes = articles.map_partitions(quotes_of_partition, extractor, meta=empty)
    write = quotes.to_parquet(args.output, write_index=False, overwrite=True, compute=False)
    with dask.config.set(scheduler=args.scheduler):
        # One pass over the input: the count shares the graph's read tasks.
        _, n = dask.compute(write, articles.shape[0])
    elapsed = time.perf_counter() - start
    print(
        f"{n} articles in {elapsed:.1f} s ({n / max(elapsed, 1e-9):.0f} articles/s) -> {args.output}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
