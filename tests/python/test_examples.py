"""Runs examples/spark_quotes.py and examples/dask_quotes.py on a small
generated corpus and checks their Parquet output against extract_many.

Skipped (with the reason) when pyspark / a Java runtime / dask / pyarrow are
not installed: `pip install pyspark "dask[dataframe]" pyarrow` to run them.
"""

import importlib.util
import json
import os
import shutil
import subprocess
import sys

import pytest

import whosaid
from helpers import ROOT, TEXTS

EXAMPLES = ROOT / "examples"

GAZ = "ada-lovelace\tPERSON\tAda Lovelace\tCountess of Lovelace\t\tf\n"


def corpus():
    """(id, text) pairs: the hand-written texts, some user-gazetteer
    articles, a None text and non-ASCII ids."""
    texts = TEXTS * 3 + [
        f'"The engine might compose music {i}," Ada Lovelace wrote. \u201cYes,\u201d she said.' for i in range(20)
    ]
    rows = [(f"doc-{i}-\u00e9", t) for i, t in enumerate(texts)]
    return rows


def expected(rows, extractor):
    docs = extractor.extract_many([t for _, t in rows])
    out = []
    for (doc_id, _), doc in zip(rows, docs):
        for q in doc["quotes"]:
            sp = q["speaker"] or {}
            out.append(
                {
                    "id": doc_id,
                    "quote_start": q["start"],
                    "quote_end": q["end"],
                    "quote": q["text"],
                    "kind": q["kind"],
                    "confidence": q["confidence"],
                    "speaker": sp.get("text"),
                    "speaker_start": sp.get("start"),
                    "speaker_end": sp.get("end"),
                    "speaker_canonical": sp.get("canonical"),
                    "speaker_entity_id": sp.get("entity_id"),
                    "speaker_label": sp.get("label"),
                    "cue": q["cue"]["text"] if q["cue"] else None,
                }
            )
    return sorted(out, key=key)


def key(r):
    return (r["id"], r["quote_start"], r["quote_end"], r["kind"])


def read_parquet(path):
    import pyarrow.parquet as pq

    return sorted(pq.read_table(str(path)).to_pylist(), key=key)


def need(*modules):
    missing = [m for m in modules if importlib.util.find_spec(m.split(".")[0]) is None]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed (pip install pyspark 'dask[dataframe]' pyarrow)")


def write_inputs(tmp_path, rows):
    jsonl = tmp_path / "articles.jsonl"
    with jsonl.open("w", encoding="utf-8") as f:
        for doc_id, text in rows:
            f.write(json.dumps({"id": doc_id, "text": text, "extra": 1}) + "\n")
        f.write(json.dumps({"id": "no-text", "text": None}) + "\n")
    gaz = tmp_path / "mine.tsv"
    gaz.write_text(GAZ, encoding="utf-8")
    return jsonl, gaz


def run_example(script, *args, timeout=600):
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    r = subprocess.run(
        [sys.executable, str(EXAMPLES / script), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )
    assert r.returncode == 0, r.stderr[-5000:]
    return r


def test_spark_example(tmp_path):
    need("pyspark", "pyarrow", "pandas")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("no Java runtime (java -version) for PySpark")
    rows = corpus()
    jsonl, gaz = write_inputs(tmp_path, rows)
    out = tmp_path / "quotes.parquet"
    r = run_example("spark_quotes.py", jsonl, out, "--gazetteer", gaz, "--partitions", 3)
    assert f"{len(rows) + 1} articles" in r.stderr
    want = expected(rows, whosaid.Extractor(gazetteers=[gaz]))
    assert any(w["speaker_entity_id"] == "ada-lovelace" for w in want)
    assert read_parquet(out) == want


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_dask_example(tmp_path, fmt):
    need("dask.dataframe", "pyarrow", "pandas")
    rows = corpus()
    jsonl, gaz = write_inputs(tmp_path, rows)
    src = jsonl
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        src = tmp_path / "articles.parquet"
        pq.write_table(pa.table({"id": [i for i, _ in rows], "text": [t for _, t in rows]}), str(src))
    out = tmp_path / "quotes.parquet"
    run_example("dask_quotes.py", src, out, "--gazetteer", gaz, "--blocksize", "2KB")
    want = expected(rows, whosaid.Extractor(gazetteers=[gaz]))
    assert read_parquet(out) == want
