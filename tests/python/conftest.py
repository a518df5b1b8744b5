"""Fixtures for the Python binding tests: see helpers.py."""

import pytest

import whosaid
from helpers import TEXTS, corpus_sample, find_binary, seed_articles


@pytest.fixture(scope="session")
def ex():
    """The default extractor, built once."""
    return whosaid.Extractor()


@pytest.fixture(scope="session")
def texts():
    """Hand-written texts, the repository's fixture articles and, when the
    shared corpus is beside the repository, 200 of its articles."""
    return TEXTS + seed_articles() + corpus_sample(200)


@pytest.fixture(scope="session")
def binary():
    """Path of the example binary `whosaid` built from this checkout."""
    path, why = find_binary()
    if path is None or not path.is_file():
        pytest.skip(f"the example binary is not available ({why or path}); set WHOSAID_BIN")
    return path
