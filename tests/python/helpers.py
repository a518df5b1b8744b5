"""Helpers shared by the Python binding tests (imported by conftest.py).

Run with ``pytest tests/python`` after ``pip install .`` (or ``maturin
develop``). The example binary, used to compare the module's dicts with the
JSON the crate writes, is found through ``$WHOSAID_BIN``, else built with
``cargo build --release --example whosaid`` (skipped with a message when that
is impossible).
"""

import json
import os
import shutil
import subprocess
from pathlib import Path


ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"

# Small news-style texts: quotes of every kind, several speakers, straight and
# curly marks, multi-paragraph quotes, non-ASCII text before and inside spans.
TEXTS = [
    '"Publishing is not a crime," Julian Assange said on Monday.',
    "President Joe Biden said the economy was strong. \u201cWe will win,\u201d he told reporters.",
    "\u00a1Ol\u00e9! Andr\u00e9s Manuel L\u00f3pez Obrador said he had sent a letter to Biden.\n\n"
    "\u201cI left a letter to the president about Assange,\u201d L\u00f3pez Obrador said.",
    "The media outlets said the 1917 Espionage Act \"has never been used to prosecute a "
    'publisher or broadcaster."',
    '"It was a long year.\n\n"We learned a lot," the spokeswoman said, according to Reuters.',
    "\U0001f600\U0001f600 Emoji first. \u201cCaf\u00e9s are closing,\u201d said Marie Dupont, "
    "the mayor.",
    "\u6771\u4eac\u3067\u3001\u300c\u4eca\u65e5\u306f\u6674\u308c\u300d\u3068\u5f7c\u306f"
    "\u8a00\u3063\u305f\u3002 Then Angela Merkel said: \"Wir schaffen das.\"",
    "Zoe\u0301 said that the cafe\u0301 would reopen. \u201cNa\u0308ive plans,\u201d Zoe\u0301 added.",
    "No quotation here at all, just a sentence.",
    "",
    "   \n\n  ",
    "According to Amnesty International, the charges \u201cthreaten press freedom\u201d.",
    '"Unclosed quote never ends and the speaker is nowhere',
    "\ufeffA byte-order mark first. \u201cStill fine,\u201d Joe Biden said.",
]


def seed_articles():
    out = []
    if FIXTURES.is_dir():
        for p in sorted(FIXTURES.rglob("*.txt")):
            try:
                out.append(p.read_text(encoding="utf-8"))
            except (UnicodeDecodeError, OSError):
                pass
    return out


def corpus_sample(n):
    """The first n articles of shared/data/corpus/news.jsonl, when present."""
    for base in (ROOT.parent / "shared", Path("/work/shared")):
        p = base / "data" / "corpus" / "news.jsonl"
        if p.is_file():
            out = []
            with p.open(encoding="utf-8") as f:
                for line in f:
                    out.append(json.loads(line)["text"])
                    if len(out) == n:
                        break
            return out
    return []


def find_binary():
    env = os.environ.get("WHOSAID_BIN")
    if env:
        return Path(env), None
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    if not target.is_absolute():
        target = ROOT / target
    candidates = [target / "release" / "examples" / "whosaid", target / "debug" / "examples" / "whosaid"]
    why = "cargo is not installed"
    if shutil.which("cargo"):
        # Always ask cargo: a stale binary would compare against old code.
        r = subprocess.run(
            ["cargo", "build", "--quiet", "--release", "--example", "whosaid"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=1800,
        )
        if r.returncode == 0:
            return candidates[0], None
        why = "cargo build --release --example whosaid failed:\n" + r.stderr[-2000:]
    for c in candidates:
        if c.is_file():
            return c, None
    return None, why


def run_binary(binary, texts, *args):
    """Runs the example binary in --jsonl mode on texts, returning one dict
    per text (in order, with "id" removed)."""
    lines = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts))
    r = subprocess.run(
        [str(binary), "--jsonl", *args],
        input=lines.encode("utf-8"),
        capture_output=True,
        timeout=600,
    )
    assert r.returncode == 0, r.stderr.decode("utf-8", "replace")
    docs = [json.loads(line) for line in r.stdout.decode("utf-8").splitlines() if line.strip()]
    assert [d["id"] for d in docs] == list(range(len(texts)))
    for d in docs:
        del d["id"]
    return docs


def spans(doc):
    """Every span dict of a document (entities, quotes, speakers, cues,
    sentences)."""
    for e in doc["entities"]:
        yield e
    for q in doc["quotes"]:
        yield q
        if q["speaker"] is not None:
            yield q["speaker"]
        if q["cue"] is not None:
            yield q["cue"]
    for s in doc.get("sentences", []):
        yield s
