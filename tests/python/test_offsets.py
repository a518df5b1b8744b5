"""Offsets are code points into the Python string: text[start:end] == text."""

import random

import pytest

import whosaid
from helpers import TEXTS, spans

UNICODE_TEXTS = [
    # Emoji (astral plane: 4 UTF-8 bytes, 1 code point, 2 UTF-16 units).
    "\U0001f600 \u201cWe are ready \U0001f680,\u201d Joe Biden said. \U0001f44d\U0001f3fd",
    # Accented names, precomposed and with combining marks.
    "Andr\u00e9s Manuel L\u00f3pez Obrador said: \u201cNo.\u201d Then Lo\u0301pez Obrador left.",
    "Zoe\u0301 Dupont said \u00ab\u00a0c'est fini\u00a0\u00bb, and \u201cAdie\u0301u,\u201d she added.",
    # CJK before and inside quotes; full-width marks.
    "\u5317\u4eac\u3002\u201c\u4f60\u597d\uff0c\u4e16\u754c\u201d\uff0cJulian Assange said. "
    "\u300c\u3053\u3093\u306b\u3061\u306f\u300dJoe Biden said.",
    # Mixed scripts, Arabic and Cyrillic, zero-width joiner family emoji.
    "\u0645\u0631\u062d\u0628\u0627 \u041f\u0440\u0438\u0432\u0435\u0442 \U0001f468\u200d\U0001f469\u200d\U0001f467 "
    '"Publishing is not a crime," Julian Assange said.',
    # A leading byte-order mark.
    "\ufeff\u201cStill fine,\u201d Joe Biden said. \u00c9mile said he agreed.",
    "\ufeff",
]


def check(text, doc):
    n = 0
    for s in spans(doc):
        assert 0 <= s["start"] <= s["end"] <= len(text), s
        assert text[s["start"] : s["end"]] == s["text"], s
        n += 1
    return n


@pytest.mark.parametrize("text", UNICODE_TEXTS + TEXTS)
def test_spans_index_the_python_string(ex, text):
    check(text, ex.extract(text, sentences=True))


def test_corpus_spans(ex, texts):
    total = 0
    for t, d in zip(texts, ex.extract_many(texts, sentences=True)):
        total += check(t, d)
    assert total > 0


def test_astral_and_combining_offsets_exact():
    ex = whosaid.Extractor(default_gazetteers=False)
    t = "\U0001f600\u0301x\u5317"
    doc = ex.extract(t + " One sentence.", sentences=True)
    s = doc["sentences"][0]
    assert (s["start"], s["end"]) == (0, len(t) + len(" One sentence."))
    assert s["text"] == t + " One sentence."


@pytest.mark.parametrize("pad", range(60, 70))
def test_spans_ending_at_the_end_of_the_text(pad):
    # Non-ASCII text whose UTF-8 length is around a multiple of 64 bytes,
    # with a sentence ending at the very end (the offset converter works in
    # 64-byte blocks).
    ex = whosaid.Extractor(default_gazetteers=False)
    t = "\u00e9" + "a" * pad + "."
    doc = ex.extract(t, sentences=True)
    assert doc["sentences"] == [{"start": 0, "end": len(t), "text": t}]


def test_bom_is_skipped_but_offsets_index_the_string(ex):
    t = "\ufeffBiden spoke. \u201cYes,\u201d he said."
    doc = ex.extract(t, sentences=True)
    assert doc["sentences"][0]["start"] == 1
    assert doc["sentences"][0]["text"] == "Biden spoke."
    check(t, doc)
    # Apart from the shift, the same result as without the mark.
    plain = ex.extract(t[1:], sentences=True)

    def shifted(d, k):
        if isinstance(d, dict):
            return {key: (v + k if key in ("start", "end") else shifted(v, k)) for key, v in d.items()}
        if isinstance(d, list):
            return [shifted(x, k) for x in d]
        return d

    assert shifted(plain, 1) == doc


def test_random_unicode_soup(ex):
    rng = random.Random(7)
    alphabet = (
        list("abc XYZ.,;:!?\"'\n") + ["\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb"]
        + ["\u00e9", "e\u0301", "\U0001f600", "\u5317", "\u0645", "\u200d", "\ufeff"]
        + [" said ", " Joe Biden ", " Assange ", " according to "]
    )
    soup = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 200))) for _ in range(300)]
    for t, d in zip(soup, ex.extract_many(soup, sentences=True)):
        check(t, d)
