"""Bad arguments raise TypeError/ValueError; a bad gazetteer raises a
ValueError naming file and line; nothing crashes the interpreter."""

import os
import pathlib

import pytest

import whosaid


class Path(os.PathLike):
    def __init__(self, p):
        self.p = p

    def __fspath__(self):
        return self.p


@pytest.mark.parametrize("bad", [5, None, b"bytes", 3.5, ["a list"], object()])
def test_extract_needs_a_str(ex, bad):
    with pytest.raises(TypeError):
        ex.extract(bad)


def test_extract_keyword_only_sentences(ex):
    with pytest.raises(TypeError):
        ex.extract("text", True)
    with pytest.raises(TypeError):
        ex.extract("text", sentences="yes")
    with pytest.raises(TypeError):
        ex.extract(text="a", nope=1)


def test_lone_surrogate_is_a_value_error(ex):
    with pytest.raises(ValueError):
        ex.extract("abc \ud800 def")
    with pytest.raises(ValueError, match=r"texts\[1\]"):
        ex.extract_many(["fine", "bad \udfff"])


@pytest.mark.parametrize("bad", ["a single str", b"bytes", 5, None.__class__, [1], ["ok", None]])
def test_extract_many_needs_iterable_of_str(ex, bad):
    with pytest.raises(TypeError):
        ex.extract_many(bad)


def test_extract_many_error_names_index(ex):
    with pytest.raises(TypeError, match=r"texts\[2\] must be a str, not int"):
        ex.extract_many(["a", "b", 3])


@pytest.mark.parametrize("threads", [-1, -100])
def test_negative_threads(ex, threads):
    with pytest.raises(ValueError, match="threads"):
        ex.extract_many(["a"], threads=threads)


@pytest.mark.parametrize("threads", ["2", 2.0, True, [2]])
def test_threads_must_be_int(ex, threads):
    with pytest.raises(TypeError, match="threads"):
        ex.extract_many(["a"], threads=threads)


def test_huge_threads_is_a_value_error_or_works(ex):
    with pytest.raises(ValueError):
        ex.extract_many(["a"], threads=2**80)
    assert ex.extract_many(["a", "b"], threads=10_000) == ex.extract_many(["a", "b"])


def test_generator_errors_propagate(ex):
    def gen():
        yield "fine"
        raise KeyError("from the generator")

    with pytest.raises(KeyError, match="from the generator"):
        ex.extract_many(gen())


@pytest.mark.parametrize("bad", ["mine.tsv", b"mine.tsv", pathlib.Path("mine.tsv"), 5, [5], [None], [b"x.tsv"]])
def test_gazetteers_type_errors(bad):
    with pytest.raises(TypeError, match="gazetteers"):
        whosaid.Extractor(gazetteers=bad)


@pytest.mark.parametrize("bad", [1, "yes", None])
def test_default_gazetteers_must_be_bool(bad):
    with pytest.raises(TypeError):
        whosaid.Extractor(default_gazetteers=bad)


def test_gazetteers_accept_pathlike_and_tuples(tmp_path):
    g = tmp_path / "g.tsv"
    g.write_text("acme\tORG\tAcme Corporation\t=Acme\n", encoding="utf-8")
    for arg in ([g], (str(g),), [Path(str(g))], iter([g]), []):
        ex = whosaid.Extractor(gazetteers=arg, default_gazetteers=False)
        assert len(ex) == (0 if arg == [] else 1)


def test_missing_file_is_a_value_error_naming_it(tmp_path):
    missing = tmp_path / "nope.tsv"
    with pytest.raises(ValueError) as info:
        whosaid.Extractor(gazetteers=[missing])
    assert str(missing) in str(info.value)
    assert isinstance(info.value, whosaid.GazetteerError)
    assert info.value.path == str(missing)
    assert info.value.line is None


@pytest.mark.parametrize(
    "body, line",
    [
        ("ok\tPERSON\tOk Person\nbad\tPERSONA\tSomeone\n", 2),
        ("# comment\n\nx\tPERSON\n", 3),
        ("a\tORG\tA Corp\na\tORG\tA Corp Again\n", 2),
    ],
)
def test_bad_gazetteer_names_file_and_line(tmp_path, body, line):
    g = tmp_path / "bad.tsv"
    g.write_text(body, encoding="utf-8")
    with pytest.raises(ValueError) as info:
        whosaid.Extractor(gazetteers=[g], default_gazetteers=False)
    err = info.value
    assert isinstance(err, whosaid.GazetteerError)
    assert str(err).startswith(f"{g}:{line}: "), str(err)
    assert (err.path, err.line) == (str(g), line)


def test_non_utf8_gazetteer(tmp_path):
    g = tmp_path / "latin1.tsv"
    g.write_bytes("ok\tPERSON\tOk\nl\u00f3pez\tPERSON\tL\u00f3pez\n".encode("latin-1"))
    with pytest.raises(ValueError, match=r"latin1\.tsv:2: "):
        whosaid.Extractor(gazetteers=[g], default_gazetteers=False)


def test_bad_file_in_folder(tmp_path):
    (tmp_path / "a.tsv").write_text("ok\tPERSON\tOk Person\n", encoding="utf-8")
    (tmp_path / "b.tsv").write_text("x\tNOPE\tX\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"b\.tsv:1: "):
        whosaid.Extractor(gazetteers=[tmp_path], default_gazetteers=False)


def test_gazetteer_error_pickles(tmp_path):
    import pickle

    g = tmp_path / "bad.tsv"
    g.write_text("x\tNOPE\tX\n", encoding="utf-8")
    with pytest.raises(whosaid.GazetteerError) as info:
        whosaid.Extractor(gazetteers=[g])
    again = pickle.loads(pickle.dumps(info.value))
    assert type(again) is whosaid.GazetteerError and str(again) == str(info.value)


def test_huge_and_odd_texts_do_not_crash(ex):
    odd = [
        "\x00" * 1000,
        '"' * 10_000,
        "\u201c" * 5000 + "\u201d" * 5000,
        "said " * 20_000,
        "\n" * 50_000,
        "a" * 1_000_000,
        "\U0010ffff\ufffd\u2028\u2029",
    ]
    for t in odd:
        ex.extract(t, sentences=True)
    ex.extract_many(odd, threads=2)
