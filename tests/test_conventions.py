"""Conventions the whole package keeps, checked so a new module cannot forget them.

- Imports sit at the top of a module: a function-level import is how a cycle hides from the
  import contracts (``lint-imports``).
- Every ``# type: ignore`` names its error code and says why, after it, in a comment.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import debrief

PACKAGE = Path(debrief.__file__).parent
SOURCES = sorted(p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts)
IGNORE = re.compile(r"#\s*type:\s*ignore(?P<codes>\[[^\]]*\])?(?P<rest>.*)$")


def test_no_import_inside_a_function() -> None:
    found = []
    for path in SOURCES:
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                found += [
                    f"{path.relative_to(PACKAGE.parent)}:{inner.lineno}"
                    for inner in ast.walk(node)
                    if isinstance(inner, ast.Import | ast.ImportFrom)
                ]
    assert not found, f"import at the top of the module instead: {found}"


def test_every_type_ignore_has_a_code_and_a_reason() -> None:
    bare = []
    for path in SOURCES:
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            match = IGNORE.search(line)
            if match and (not match["codes"] or "#" not in match["rest"]):
                bare.append(f"{path.relative_to(PACKAGE.parent)}:{number}")
    assert not bare, f"say which error and why: {bare}"
