"""The layers of ``kidpedia.wikitext`` and the one-place rules, read from the source with ast.

- no import cycle between the package's modules, and no import inside a function
  (an import hidden in a function is how a cycle used to be dodged);
- ``inline`` never imports ``templates`` (it receives the renderer), ``infobox``
  imports only ``params``, ``inline`` and ``handlers`` of the package;
- page processing (``pipeline.process_page``), redirect detection
  (``sources.redirects``) and title normalisation (``titles``) are each defined once,
  and the build, the CLI and the golden tests call the pipeline.
"""

from __future__ import annotations

import ast
from pathlib import Path

import kidpedia

ROOT = Path(kidpedia.__file__).resolve().parent
TESTS = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "wikitext"


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(tree: ast.AST, module: str, is_package: bool) -> list[tuple[str, bool]]:
    """(imported module, imported at module level?) for every import in ``tree``."""
    top = {id(n) for n in getattr(tree, "body", [])}
    out: list[tuple[str, bool]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.extend((a.name, id(node) in top) for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                pkg = module.split(".") if is_package else module.split(".")[:-1]
                pkg = pkg[: len(pkg) - node.level + 1]
                base = ".".join(pkg + ([base] if base else []))
            out.append((base, id(node) in top))
            out.extend((f"{base}.{a.name}", id(node) in top) for a in node.names)
    return out


def _graph() -> dict[str, set[str]]:
    """Module -> the package's modules it imports (an import of a submodule counts)."""
    files = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        tree = ast.parse(path.read_text("utf-8"))
        deps = {m for m, _ in _imports(tree, name, path.name == "__init__.py") if m in files and m != name}
        graph[name] = deps
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(n: str) -> list[str] | None:
        state[n] = 1
        stack.append(n)
        for d in sorted(graph.get(n, ())):
            if state.get(d) == 1:
                return stack[stack.index(d) :] + [d]
            if d not in state and (found := visit(d)):
                return found
        stack.pop()
        state[n] = 2
        return None

    for n in sorted(graph):
        if n not in state and (found := visit(n)):
            return found
    return None


def test_the_graph_is_read() -> None:
    graph = _graph()
    assert "kidpedia.wikitext.templates" in graph["kidpedia.wikitext.parse"]
    assert "kidpedia.wikitext.inline" in graph["kidpedia.wikitext.params"]
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_no_import_cycle_in_wikitext() -> None:
    assert _cycle(_graph()) is None


def test_no_function_local_import_of_kidpedia_in_wikitext() -> None:
    hidden = []
    for path in PACKAGE.rglob("*.py"):
        name = _module_name(path)
        for module, at_top in _imports(ast.parse(path.read_text("utf-8")), name, path.name == "__init__.py"):
            if not at_top and module.startswith("kidpedia"):
                hidden.append(f"{path.relative_to(ROOT)}: {module}")
    assert not hidden, hidden


def test_layers() -> None:
    graph = _graph()
    w = "kidpedia.wikitext."
    assert not any(d.startswith(w + "templates") for d in graph[w + "inline"])
    allowed = (w + "params", w + "inline", w + "handlers")
    assert all(d.startswith(allowed) for d in graph[w + "infobox"]), graph[w + "infobox"]
    for name, deps in graph.items():
        if name.startswith(w + "handlers"):
            assert not deps & {w + "templates", w + "infobox", w + "parse"}, (name, deps)


def _defined(name: str) -> list[str]:
    found = []
    for path in ROOT.rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        if any(isinstance(n, ast.FunctionDef) and n.name == name for n in ast.walk(tree)):
            found.append(str(path.relative_to(ROOT)))
    return found


def test_one_place_each() -> None:
    assert _defined("process_page") == ["pipeline.py"]
    assert _defined("normalise_title") == ["titles.py"]
    assert _defined("redirect_target") == ["sources/redirects.py"]
    redirect_words = [str(p.relative_to(ROOT)) for p in ROOT.rglob("*.py") if "WEITERLEITUNG" in p.read_text("utf-8")]
    assert redirect_words == ["sources/redirects.py"]


def test_build_cli_and_goldens_go_through_the_pipeline() -> None:
    for path in (ROOT / "build.py", ROOT / "cli.py", TESTS / "test_golden_pages.py"):
        text = path.read_text("utf-8")
        assert "from kidpedia.pipeline import" in text, path.name
        assert "parse_article" not in text, path.name
