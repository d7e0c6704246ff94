"""``inline.only_text`` reads a SmartList's one item with list's own ``__getitem__``:
the same node as ``nodes[0]`` for a SmartList, a slice of one (a ListProxy, whose items
live in its parent) and a plain list; ``code_text`` is ``str(code)`` for any code."""

from __future__ import annotations

import mwparserfromhell
from mwparserfromhell.nodes import Text as TextNode
from mwparserfromhell.smart_list import SmartList

from kidpedia.wikitext.inline import code_text, only_text


def reference(nodes: list) -> TextNode | None:
    return nodes[0] if len(nodes) == 1 and type(nodes[0]) is TextNode else None


def test_same_node_as_indexing() -> None:
    for source in ("plain", "[[a|b]]", "a[[b]]", "", "{{t}}", "<b>x</b>", "x&amp;y"):
        nodes = mwparserfromhell.parse(source).nodes
        assert only_text(nodes) is reference(nodes)
        for code in [mwparserfromhell.parse(source), *mwparserfromhell.parse(source).filter(recursive=True)]:
            assert code_text(mwparserfromhell.parse(str(code))) == str(code)
    parent = SmartList([TextNode("a"), TextNode("b"), TextNode("c")])
    proxy = parent[1:2]  # a ListProxy: its one item is the parent's second
    assert only_text(proxy) is parent[1]
    assert only_text(parent[0:2]) is None
    assert only_text([TextNode("x")]) is not None
