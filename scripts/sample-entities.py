#!/usr/bin/env python3
"""Draws a seeded random sample of entity matches for judging precision by hand.

Usage:
    python3 scripts/sample-entities.py CORPUS PRED [--seed S] [--n 200] [--width 80]
    python3 scripts/sample-entities.py CORPUS PRED --count

CORPUS is the JSONL the binary read (one {"id", "text"} object a line) and
PRED the binary's JSONL output for it
(`whosaid --jsonl < CORPUS > PRED`). Every entity of every document is one
match; the sample is drawn uniformly over all of them, without replacement,
with Python's `random.Random(seed)`, so a seed always draws the same sample
from the same output.

Each sampled match is printed on one line:

    INDEX<TAB>LABEL<TAB>ENTITY_ID<TAB>CANONICAL<TAB>DOC_ID<TAB>CONTEXT

where CONTEXT is about WIDTH characters either side of the match with the
match itself in [brackets] and line breaks shown as a space. Judge each line
by reading CONTEXT: does the bracketed span name that very entity, with the
right label?

`--count` prints the number of matches per label and in total, for checking
that a precision change did not throw away recall.
"""

import argparse
import collections
import json
import random
import sys


def read_jsonl(path):
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            line = line.strip()
            if line:
                yield json.loads(line)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("pred")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--width", type=int, default=80)
    ap.add_argument("--count", action="store_true", help="only count matches")
    args = ap.parse_args()

    texts = {}
    for doc in read_jsonl(args.corpus):
        texts[doc["id"]] = doc["text"]

    matches = []  # (doc id, entity)
    for doc in read_jsonl(args.pred):
        for ent in doc.get("entities", []):
            matches.append((doc["id"], ent))

    if args.count:
        by_label = collections.Counter(e["label"] for _, e in matches)
        for label, n in sorted(by_label.items()):
            print(f"{label}\t{n}")
        print(f"total\t{len(matches)}")
        return

    if not matches:
        sys.exit("no entity matches in " + args.pred)
    rng = random.Random(args.seed)
    picked = rng.sample(range(len(matches)), min(args.n, len(matches)))
    print(f"# seed={args.seed} n={len(picked)} of {len(matches)} matches")
    for i, k in enumerate(picked):
        doc_id, ent = matches[k]
        text = texts[doc_id]
        s, e = ent["start"], ent["end"]
        if text[s:e] != ent["text"]:
            sys.exit(f"offset mismatch in {doc_id}: {ent}")
        left = text[max(0, s - args.width) : s]
        right = text[e : e + args.width]
        ctx = f"{left}[{text[s:e]}]{right}".replace("\n", " ")
        print(
            f"{i}\t{ent['label']}\t{ent['entity_id']}\t{ent['canonical']}\t{doc_id}\t{ctx}"
        )


if __name__ == "__main__":
    main()
