"""Pickling carries the gazetteer contents; unpickled extractors give the
same results, even where the gazetteer files no longer exist."""

import pickle
import subprocess
import sys
import textwrap
import warnings

import pytest

import whosaid
from helpers import TEXTS

GAZ = (
    "# id\tlabel\tcanonical\taliases\n"
    "ada-lovelace\tPERSON\tAda Lovelace\tCountess of Lovelace\t\tf\n"
    "acme\tORG\tAcme Corporation\t=Acme\n"
)
ADA = ['"The engine might compose music," Ada Lovelace wrote. Acme said no.']


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_round_trip_default(ex, protocol):
    again = pickle.loads(pickle.dumps(ex, protocol=protocol))
    assert type(again) is whosaid.Extractor
    assert again is not ex
    assert len(again) == len(ex)
    assert again.extract_many(TEXTS) == ex.extract_many(TEXTS)


def test_pickle_names_the_public_module(ex):
    data = pickle.dumps(ex, protocol=0)
    # Protocol 0 writes the callable's module and name as text.
    assert b"whosaid._whosaid" in data and b"_from_config" in data
    assert whosaid.Extractor.__module__ == "whosaid"
    assert whosaid.GazetteerError.__module__ == "whosaid"


def test_user_gazetteer_deleted_before_unpickling(tmp_path, ex):
    g = tmp_path / "mine.tsv"
    g.write_text(GAZ, encoding="utf-8")
    mine = whosaid.Extractor(gazetteers=[g], default_gazetteers=False)
    want = mine.extract_many(ADA + TEXTS)
    assert want[0]["entities"], "the user gazetteer should match"
    data = pickle.dumps(mine)
    assert b"Countess of Lovelace" in data  # contents, not the path
    g.unlink()
    again = pickle.loads(data)
    assert again.extract_many(ADA + TEXTS) == want
    assert len(again) == len(mine) == 2
    # And twice over.
    assert pickle.loads(pickle.dumps(again)).extract_many(ADA) == want[:1]


def test_unpickle_in_another_process(tmp_path):
    g = tmp_path / "mine.tsv"
    g.write_text(GAZ, encoding="utf-8")
    mine = whosaid.Extractor(gazetteers=[str(g)])
    want = mine.extract_many(ADA + TEXTS)
    pkl = tmp_path / "ex.pkl"
    pkl.write_bytes(pickle.dumps(mine))
    g.unlink()
    code = textwrap.dedent(
        f"""
        import json, pickle, sys
        ex = pickle.loads(open({str(pkl)!r}, "rb").read())
        texts = json.loads(sys.stdin.read())
        print(json.dumps(ex.extract_many(texts)))
        """
    )
    import json

    r = subprocess.run(
        [sys.executable, "-c", code],
        input=json.dumps(ADA + TEXTS),
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == json.loads(json.dumps(want))


def test_version_mismatch_warns(tmp_path):
    g = tmp_path / "warn.tsv"
    g.write_text(f"w-{tmp_path.name}\tPERSON\tWanda Warning\n", encoding="utf-8")
    ex = whosaid.Extractor(gazetteers=[g], default_gazetteers=False)
    fn, (config, version) = ex.__reduce__()
    assert version == whosaid.__version__
    with pytest.warns(UserWarning, match="pickled by whosaid 0.0.0-old"):
        again = fn(config, "0.0.0-old")
    assert again.extract("Wanda Warning spoke.") == ex.extract("Wanda Warning spoke.")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fn(config, version)


def test_unpickling_reuses_recent_extractors(tmp_path):
    # Dask and Spark unpickle the same extractor for every task: the last
    # descriptions seen are rebuilt only once per process.
    exs = []
    for i in range(3):
        g = tmp_path / f"g{i}.tsv"
        g.write_text(f"p{i}\tPERSON\tPerson Number{i}\n", encoding="utf-8")
        exs.append(whosaid.Extractor(gazetteers=[g], default_gazetteers=False))
    data = [pickle.dumps(e) for e in exs]
    a, b = pickle.loads(data[0]), pickle.loads(data[0])
    assert a is b and a is not exs[0]
    c = pickle.loads(data[1])
    assert c is not a and pickle.loads(data[1]) is c
    assert pickle.loads(data[0]) is a  # still among the last two
    pickle.loads(data[2])
    pickle.loads(data[1])
    fresh = pickle.loads(data[0])  # pushed out: rebuilt
    assert fresh is not a
    assert fresh.extract("Person Number0 spoke.") == a.extract("Person Number0 spoke.")


def test_bad_pickle_state_raises_value_error(ex):
    fn, _ = ex.__reduce__()
    with pytest.raises(ValueError, match="not a whosaid extractor description"):
        fn("{not json")
    with pytest.raises(ValueError):
        fn('{"default_gazetteers": false, "gazetteers": [{"name": "x.tsv", "text": "a\\tNOPE\\tA\\n"}]}')
