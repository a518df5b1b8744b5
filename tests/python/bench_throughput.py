#!/usr/bin/env python3
"""Throughput of the Python bindings against the Rust example binary.

    python tests/python/bench_throughput.py [CORPUS.jsonl] [--binary PATH]
        [--spark] [--dask] [--repeat N]

Not a test (pytest does not collect it). Prints, for the corpus (default:
shared/data/corpus/news.jsonl beside the repository):

- building the default Extractor, and pickling / unpickling it;
- Python ``extract_many`` at threads=1 and threads=2 (docs/s, MB/s), and a
  loop of ``extract`` calls;
- the example binary ``--jsonl --threads 1`` / ``2`` on the same input
  (release build: ``cargo build --release --example whosaid``), output to
  /dev/null;
- with --spark / --dask, the examples/spark_quotes.py and dask_quotes.py runs
  on the corpus (articles/s, start-up included).

Run it on a quiet machine; each figure is the best of --repeat runs.
"""

import argparse
import json
import os
import pickle
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import whosaid

ROOT = Path(__file__).resolve().parents[2]


def default_corpus():
    for base in (ROOT.parent / "shared", Path("/work/shared")):
        p = base / "data" / "corpus" / "news.jsonl"
        if p.is_file():
            return p
    return None


def cpu():
    """CPU seconds used so far by this process (all threads) and its
    finished children."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def best(fn, repeat):
    """(wall seconds, CPU seconds) of the fastest of repeat runs: the machine
    may be shared, so CPU time is printed too."""
    runs = []
    for _ in range(repeat):
        t, c = time.perf_counter(), cpu()
        fn()
        runs.append((time.perf_counter() - t, cpu() - c))
    return min(runs)


def line(label, timing, docs, mb):
    wall, cpu_s = timing
    print(
        f"{label:<44} {wall:7.2f} s {docs / wall:8.0f} docs/s {mb / wall:6.2f} MB/s"
        f"   (CPU {cpu_s:6.2f} s, {docs / max(cpu_s, 1e-9):6.0f} docs per CPU-s)",
        flush=True,
    )


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=default_corpus())
    ap.add_argument("--binary", type=Path, default=None, help="the example binary (default: target/release)")
    ap.add_argument("--spark", action="store_true", help="also time examples/spark_quotes.py")
    ap.add_argument("--dask", action="store_true", help="also time examples/dask_quotes.py")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    if args.corpus is None or not args.corpus.is_file():
        sys.exit("no corpus: give the path of news.jsonl")

    with args.corpus.open(encoding="utf-8") as f:
        texts = [json.loads(x)["text"] for x in f if x.strip()]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"whosaid {whosaid.__version__}, {len(texts)} docs, {mb:.1f} MB, {os.cpu_count()} cores")

    t = time.perf_counter()
    ex = whosaid.Extractor()
    print(f"{'Extractor() (default gazetteers)':<44} {time.perf_counter() - t:8.3f} s, {len(ex)} entries")
    data = pickle.dumps(ex)
    t = time.perf_counter()
    pickle.loads(data)
    print(f"{'unpickle (rebuild)':<44} {time.perf_counter() - t:8.3f} s, pickle {len(data)} bytes")

    ex.extract_many(texts[:200])  # warm up
    for threads in (1, 2):
        s = best(lambda: ex.extract_many(texts, threads=threads), args.repeat)
        line(f"python extract_many(threads={threads})", s, len(texts), mb)
    s = best(lambda: [ex.extract(t) for t in texts], 1)
    line("python [extract(t) for t in texts]", s, len(texts), mb)

    binary = args.binary or ROOT / "target" / "release" / "examples" / "whosaid"
    if not binary.is_file():
        print(f"(no binary at {binary}: cargo build --release --example whosaid)")
    else:
        for threads in (1, 2):

            def run():
                with args.corpus.open("rb") as inp, open(os.devnull, "wb") as out:
                    subprocess.run(
                        [str(binary), "--jsonl", "--threads", str(threads)],
                        stdin=inp,
                        stdout=out,
                        stderr=subprocess.DEVNULL,
                        check=False,
                    )

            s = best(run, args.repeat)
            line(f"binary --jsonl --threads {threads}", s, len(texts), mb)

    for flag, script, extra in (
        (args.spark, "spark_quotes.py", []),
        (args.dask, "dask_quotes.py", []),
    ):
        if not flag:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            t = time.perf_counter()
            r = subprocess.run(
                [sys.executable, str(ROOT / "examples" / script), str(args.corpus), str(Path(tmp) / "out.parquet"), *extra],
                capture_output=True,
                text=True,
                env=dict(os.environ, PYSPARK_PYTHON=sys.executable),
            )
            wall = time.perf_counter() - t
            m = re.search(r"(\d+) articles in ([\d.]+) s", r.stderr)
            if r.returncode != 0 or not m:
                print(f"{script} failed:\n{r.stderr[-3000:]}")
                continue
            n, s = int(m.group(1)), float(m.group(2))
            print(
                f"{script + ' (job only)':<44} {s:7.2f} s {n / s:8.0f} docs/s {mb / s:6.2f} MB/s"
                f"   ({wall:.0f} s wall with start-up)",
                flush=True,
            )


if __name__ == "__main__":
    main()
