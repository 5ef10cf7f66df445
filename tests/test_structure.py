"""The house rules of the layout: dependencies point one way, no import cycles, small
modules and functions. Read from the source with `ast`, so a violation names its place."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.support import ROOT

PACKAGES = ("extractors", "schemas", "flows", "warehouse")
# What each package may import of ours (flows -> extractors, schemas, warehouse; extractors
# and warehouse -> schemas; schemas -> nothing).
ALLOWED = {
    "schemas": {"schemas"},
    "extractors": {"extractors", "schemas"},
    "warehouse": {"warehouse", "schemas"},
    "flows": {"flows", "extractors", "schemas", "warehouse"},
}
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def _modules() -> dict[str, Path]:
    return {f"{pkg}.{p.stem}": p for pkg in PACKAGES for p in sorted((ROOT / pkg).glob("*.py")) if p.stem != "__init__"}


def _imports(path: Path) -> set[str]:
    """Every first-party module this file imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        found.update(n for n in names if n.split(".")[0] in PACKAGES)
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: {m for m in _imports(path) if m in modules and m != name} for name, path in modules.items()}


def test_dependencies_point_one_way():
    wrong = [
        f"{name} imports {target}"
        for name, path in _modules().items()
        for target in _imports(path)
        if target.split(".")[0] not in ALLOWED[name.split(".")[0]]
    ]
    assert wrong == []


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each import cycle found by a depth-first walk, as the path that closes it."""
    state: dict[str, int] = {}  # 1: on the stack, 2: done
    cycles: list[list[str]] = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append(stack[stack.index(nxt) :] + [nxt])
            elif nxt not in state:
                visit(nxt, stack + [nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return cycles


def test_no_import_cycle():
    assert find_cycles(_graph()) == []


@pytest.mark.parametrize("name", sorted(_modules()))
def test_modules_and_functions_stay_small(name):
    path = _modules()[name]
    source = path.read_text(encoding="utf-8")
    assert len(source.splitlines()) <= MAX_MODULE_LINES, f"{name} has {len(source.splitlines())} lines"
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(ast.parse(source))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert long == [], f"{name}: {long}"


def test_the_checks_can_fail(tmp_path):
    """Neither check is vacuous: a cycle and a backwards import are seen."""
    a, b = tmp_path / "a.py", tmp_path / "b.py"
    a.write_text("from extractors.b import x\n")
    b.write_text("def f():\n    import extractors.a\n    from flows import cli\n")
    graph = {"extractors.a": _imports(a) & {"extractors.b"}, "extractors.b": _imports(b) & {"extractors.a"}}
    assert find_cycles(graph) == [["extractors.a", "extractors.b", "extractors.a"]]
    assert "flows" in {m.split(".")[0] for m in _imports(b)}
