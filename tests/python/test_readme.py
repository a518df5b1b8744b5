"""Runs the ```python blocks of README.md, in order, in one namespace (as a
reader would type them), in a temporary folder. A block whose first line is
``# not run`` is skipped. Skipped as a whole when the README has none."""

import os
import re

import pytest

from helpers import ROOT

README = ROOT / "README.md"
FENCE = re.compile(r"^```python[^\n]*\n(.*?)^```", re.S | re.M)


def python_blocks(path=README):
    """The ```python blocks of a Markdown file, as (line number, code)."""
    if not path.is_file():
        return []
    text = path.read_text(encoding="utf-8")
    return [(text.count("\n", 0, m.start()) + 1, m.group(1)) for m in FENCE.finditer(text)]


BLOCKS = python_blocks()
NAMESPACE = {"__name__": "__readme__"}


@pytest.mark.skipif(not BLOCKS, reason="README.md has no ```python block")
@pytest.mark.parametrize("line, code", BLOCKS, ids=[f"README.md:{n}" for n, _ in BLOCKS] or None)
def test_readme_block(line, code, tmp_path_factory):
    if code.lstrip().startswith("# not run"):
        pytest.skip("marked '# not run'")
    cwd = os.getcwd()
    os.chdir(NAMESPACE.setdefault("__tmp__", tmp_path_factory.mktemp("readme")))
    try:
        exec(compile(code, f"README.md:{line}", "exec"), NAMESPACE)
    finally:
        os.chdir(cwd)


def test_block_extraction(tmp_path):
    md = tmp_path / "x.md"
    md.write_text("text\n```python\nx = 1\n```\n```sh\nls\n```\n```python title\ny = x\n```\n", encoding="utf-8")
    assert python_blocks(md) == [(2, "x = 1\n"), (8, "y = x\n")]
