"""The type stubs (python/whosaid/__init__.pyi) match the runtime objects,
and the installed package is marked typed (py.typed)."""

import ast
import inspect
from pathlib import Path

import pytest

import whosaid
from helpers import ROOT

STUB = ROOT / "python" / "whosaid" / "__init__.pyi"


def stub_tree():
    return ast.parse(STUB.read_text(encoding="utf-8"))


def stub_class(tree, name):
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == name:
            return node
    raise AssertionError(f"class {name} not in the stub")


def stub_params(fn):
    """(name, kind, default) of a stub function's parameters, without self."""
    a = fn.args
    out = []
    positional = a.posonlyargs + a.args
    defaults = [None] * (len(positional) - len(a.defaults)) + list(a.defaults)
    for i, (arg, d) in enumerate(zip(positional, defaults)):
        kind = "POSITIONAL_ONLY" if i < len(a.posonlyargs) else "POSITIONAL_OR_KEYWORD"
        out.append((arg.arg, kind, ast.literal_eval(d) if d is not None else inspect.Parameter.empty))
    for arg, d in zip(a.kwonlyargs, a.kw_defaults):
        out.append((arg.arg, "KEYWORD_ONLY", ast.literal_eval(d) if d is not None else inspect.Parameter.empty))
    return out[1:] if out and out[0][0] in ("self", "cls") else out


def runtime_params(obj):
    sig = inspect.signature(obj)
    return [(p.name, p.kind.name, p.default) for p in sig.parameters.values() if p.name != "self"]


def test_stub_files_are_installed():
    pkg = Path(whosaid.__file__).parent
    assert (pkg / "py.typed").is_file()
    assert (pkg / "__init__.pyi").is_file()


def test_all_names_match():
    tree = stub_tree()
    stub_all = None
    names = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "__all__" for t in node.targets):
            stub_all = ast.literal_eval(node.value)
        elif isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign):
            names.add(node.target.id)
    assert stub_all == whosaid.__all__
    for name in whosaid.__all__:
        assert hasattr(whosaid, name)
        assert name in names, f"{name} is not declared in the stub"


@pytest.mark.parametrize("method", ["__new__", "extract", "extract_many"])
def test_extractor_signatures(method):
    fn = next(
        n for n in stub_class(stub_tree(), "Extractor").body if isinstance(n, ast.FunctionDef) and n.name == method
    )
    runtime = whosaid.Extractor if method == "__new__" else getattr(whosaid.Extractor, method)
    assert stub_params(fn) == runtime_params(runtime)


def test_every_public_method_is_in_the_stub():
    stubbed = {n.name for n in stub_class(stub_tree(), "Extractor").body if isinstance(n, ast.FunctionDef)}
    runtime = {n for n in dir(whosaid.Extractor) if not n.startswith("_")}
    assert runtime <= stubbed
    for dunder in ("__new__", "__len__", "__reduce__", "__copy__", "__deepcopy__"):
        assert hasattr(whosaid.Extractor, dunder) and dunder in stubbed


def test_gazetteer_error_in_stub():
    cls = stub_class(stub_tree(), "GazetteerError")
    assert [b.id for b in cls.bases] == ["ValueError"]
    assert issubclass(whosaid.GazetteerError, ValueError)


TYPED_DICTS = ["Span", "Entity", "Speaker", "Quote", "Document"]


def stub_typed_dict_keys(tree, name):
    """(required, optional) keys of a TypedDict of the stub, bases included."""
    cls = stub_class(tree, name)
    total = not any(k.arg == "total" and k.value.value is False for k in cls.keywords)
    own = {n.target.id for n in cls.body if isinstance(n, ast.AnnAssign)}
    required, optional = (own, set()) if total else (set(), own)
    for base in cls.bases:
        if base.id != "TypedDict":
            r, o = stub_typed_dict_keys(tree, base.id)
            required, optional = required | r, optional | o
    return required, optional


@pytest.mark.parametrize("name", TYPED_DICTS)
def test_typed_dicts_match_runtime(name):
    runtime = getattr(whosaid, name)
    assert stub_typed_dict_keys(stub_tree(), name) == (runtime.__required_keys__, runtime.__optional_keys__)


def conforms(value, td):
    keys = set(value)
    assert td.__required_keys__ <= keys, (td.__name__, keys)
    assert keys <= td.__required_keys__ | td.__optional_keys__, (td.__name__, keys)


def test_documents_conform_to_the_typed_dicts(ex, texts):
    for doc in ex.extract_many(texts, sentences=True):
        conforms(doc, whosaid.Document)
        for e in doc["entities"]:
            conforms(e, whosaid.Entity)
        for q in doc["quotes"]:
            conforms(q, whosaid.Quote)
            if q["speaker"] is not None:
                conforms(q["speaker"], whosaid.Speaker)
            if q["cue"] is not None:
                conforms(q["cue"], whosaid.Span)
        for s in doc["sentences"]:
            conforms(s, whosaid.Span)


def test_stubtest(tmp_path):
    """mypy's stubtest compares the stub with the runtime objects (run when
    mypy is installed)."""
    pytest.importorskip("mypy", reason="mypy is not installed (pip install mypy) for stubtest")
    import subprocess
    import sys

    r = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "whosaid"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,  # mypy's cache goes there, not into the repository
    )
    assert r.returncode == 0, r.stdout + r.stderr


def test_docstrings_present():
    for obj in (whosaid, whosaid.Extractor, whosaid.Extractor.extract, whosaid.Extractor.extract_many):
        assert obj.__doc__ and len(obj.__doc__) > 40
