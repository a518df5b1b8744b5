"""The module's dicts equal the example binary's JSON on the same texts."""

import json

import pytest

import whosaid
from helpers import TEXTS, run_binary, spans

ENTITY_KEYS = ["start", "end", "text", "label", "canonical", "entity_id"]
QUOTE_KEYS = ["start", "end", "text", "kind", "speaker", "cue", "confidence", "rule"]


def no_bom(texts):
    # The binary's offsets start after a leading byte-order mark, the
    # module's index the Python string (see test_offsets.py).
    return [t for t in texts if not t.startswith("\ufeff")]


def test_version():
    assert isinstance(whosaid.__version__, str)
    assert whosaid.__version__.count(".") >= 2
    from whosaid import _whosaid

    assert _whosaid.__version__ == whosaid.__version__


def test_document_shape(ex, texts):
    for t in texts:
        doc = ex.extract(t)
        assert list(doc) == ["entities", "quotes"]
        for e in doc["entities"]:
            assert list(e)[:6] == ENTITY_KEYS
            assert set(e) <= set(ENTITY_KEYS) | {"external_id", "title"}
            assert e["label"] in {"PERSON", "OUTLET", "ORG", "LOC", "MISC"}
        for q in doc["quotes"]:
            assert list(q) == QUOTE_KEYS
            assert q["kind"] in {"direct", "partial", "indirect"}
            assert 0.0 <= q["confidence"] <= 1.0
            if q["speaker"] is not None:
                assert list(q["speaker"])[:3] == ["start", "end", "text"]
            if q["cue"] is not None:
                assert list(q["cue"]) == ["start", "end", "text"]
        assert [e["start"] for e in doc["entities"]] == sorted(e["start"] for e in doc["entities"])
        assert [q["start"] for q in doc["quotes"]] == sorted(q["start"] for q in doc["quotes"])


def test_sentences_keyword(ex):
    t = "First sentence. \u201cSecond,\u201d she said. Third one."
    doc = ex.extract(t, sentences=True)
    assert list(doc) == ["entities", "quotes", "sentences"]
    assert [s["text"] for s in doc["sentences"]] == [t[s["start"] : s["end"]] for s in doc["sentences"]]
    assert doc["sentences"][0]["text"] == "First sentence."
    assert "sentences" not in ex.extract(t)
    assert ex.extract(t, sentences=False) == ex.extract(t)


def test_extract_many_matches_extract(ex, texts):
    one = [ex.extract(t) for t in texts]
    for threads in (None, 0, 1, 2, 3, 64):
        assert ex.extract_many(texts, threads=threads) == one
    assert ex.extract_many(texts, 2, sentences=True) == [ex.extract(t, sentences=True) for t in texts]


def test_extract_many_accepts_iterables(ex):
    ts = TEXTS[:4]
    want = ex.extract_many(ts)
    assert ex.extract_many(tuple(ts)) == want
    assert ex.extract_many(t for t in ts) == want
    assert ex.extract_many(iter(ts), threads=1) == want
    assert ex.extract_many([]) == []


def test_extract_many_long_input_keeps_order(ex):
    # More than one internal chunk (2048 texts).
    ts = [f"Text number {i}. \u201cQuote {i},\u201d Joe Biden said." for i in range(5000)]
    docs = ex.extract_many(ts, threads=2)
    assert len(docs) == len(ts)
    for i in (0, 2047, 2048, 4999):
        assert docs[i] == ex.extract(ts[i])


def test_same_as_binary(ex, texts, binary):
    ts = no_bom(texts)
    want = run_binary(binary, ts, "--sentences")
    got = ex.extract_many(ts, sentences=True)
    for t, g, w in zip(ts, got, want):
        assert g == w, f"differs from the binary on {t[:80]!r}"
    # The same values through JSON, too (floats, key order).
    assert [json.loads(json.dumps(g)) for g in got] == want
    assert [list(g) for g in got] == [list(w) for w in want]


def test_same_as_binary_user_gazetteer(tmp_path, binary):
    g = tmp_path / "mine.tsv"
    g.write_text(
        "ada-lovelace\tPERSON\tAda Lovelace\tCountess of Lovelace\tQ7259\tf\n"
        "acme\tORG\tAcme Corporation\t=Acme\n",
        encoding="utf-8",
    )
    ts = [
        '"The engine might compose music," Ada Lovelace wrote. Lovelace was right, Acme said.',
        "The Countess of Lovelace said she would publish. \u201cSoon,\u201d she said.",
    ]
    ex = whosaid.Extractor(gazetteers=[g], default_gazetteers=False)
    want = run_binary(binary, ts, "--gazetteer", str(g), "--no-default-gazetteers")
    assert ex.extract_many(ts) == want
    assert ex.extract(ts[0])["entities"][0]["external_id"] == "Q7259"


@pytest.mark.parametrize("default", [True, False])
def test_user_gazetteer_folder(tmp_path, default):
    d = tmp_path / "gaz"
    d.mkdir()
    (d / "a.tsv").write_text("ada-lovelace\tPERSON\tAda Lovelace\n", encoding="utf-8")
    (d / "b.tsv").write_text("acme\tORG\tAcme Corporation\t=Acme\n", encoding="utf-8")
    (d / "ignored.txt").write_text("not a gazetteer", encoding="utf-8")
    ex = whosaid.Extractor(gazetteers=[str(d)], default_gazetteers=default)
    ids = [e["entity_id"] for e in ex.extract("Ada Lovelace met Acme.")["entities"]]
    assert ids == ["ada-lovelace", "acme"]
    if not default:
        assert len(ex) == 2
    assert len(whosaid.Extractor(default_gazetteers=False)) == 0


def test_repr_and_len(ex):
    assert "whosaid.Extractor(" in repr(ex)
    assert len(ex) == len(whosaid.Extractor())


def test_copy_is_identity(ex):
    import copy

    assert copy.copy(ex) is ex
    assert copy.deepcopy(ex) is ex


def test_module_docstring_example():
    import doctest

    result = doctest.testmod(whosaid, verbose=False)
    assert result.attempted > 0 and result.failed == 0
