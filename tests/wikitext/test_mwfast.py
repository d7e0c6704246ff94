"""``wikitext.mwfast``: mwparserfromhell builds the same trees with the fast
``parse_anything`` as with its own (on real pages: links, tags, templates, tables)."""

from __future__ import annotations

from pathlib import Path

import mwparserfromhell
from mwparserfromhell.nodes import Text, Wikilink

from kidpedia.wikitext import mwfast

DATA = Path(__file__).resolve().parent.parent / "data" / "wikitext"
PAGES = sorted(DATA.glob("*.txt"))


def _tree(text: str) -> str:
    code = mwparserfromhell.parse(text, skip_style_tags=True)
    return code.get_tree() + "\0" + repr([type(n).__name__ for n in code.ifilter(recursive=True)])


def test_installed_by_the_package() -> None:
    assert mwfast.installed()


def test_same_trees_as_mwparserfromhell_on_real_pages() -> None:
    assert len(PAGES) >= 10
    texts = [p.read_text("utf-8") for p in PAGES] + ["{| class=wikitable\n|-\n! a !! b\n|-\n| [[x|y]] || {{z|1=2}}\n|}"]
    fast = [_tree(t) for t in texts]
    mwfast.uninstall()
    try:
        assert not mwfast.installed()
        assert [_tree(t) for t in texts] == fast
    finally:
        mwfast.install()
    assert mwfast.installed()


def _attributes(value: object) -> object:
    """Every attribute of every node, parameter and list of a tree, nested, in order."""
    if isinstance(value, list | tuple):
        return [type(value).__name__, [_attributes(v) for v in value]]
    if hasattr(value, "__dict__"):
        return [type(value).__name__, [(k, _attributes(v)) for k, v in vars(value).items()]]
    return value


def test_fast_build_stores_what_the_constructors_store() -> None:
    """``mwfast.build`` makes each node with the same attributes, in the same order, as
    mwparserfromhell's builder through the nodes' constructors and setters."""
    texts = [p.read_text("utf-8") for p in PAGES] + [
        ("{{a|b=c|d}} [[x|y|z]] <span style='a'>b</span> &nbsp; &#123; [http://x y] {{{1|2}}} <!-- c -->"
         "\n* a\n** b\n# c\n; d : e\n----\n{|\n|+ cap\n|-\n! a !! b\n|-\n| c || d\n|}\n<br/>"),
        "[[File:x.jpg|thumb|a [[b]] c]]", "<ref>", "{{",
    ]
    fast = [_attributes(mwparserfromhell.parse(t, skip_style_tags=True)) for t in texts]
    mwfast.uninstall()
    try:
        assert [_attributes(mwparserfromhell.parse(t, skip_style_tags=True)) for t in texts] == fast
    finally:
        mwfast.install()


def test_other_values_go_to_the_original() -> None:
    """Strings, None and lists of nodes are parsed as mwparserfromhell always did."""
    link = Wikilink("Ada Lovelace", "Ada")
    assert str(link.title) == "Ada Lovelace" and isinstance(link.text.nodes[0], Text)
    link.title = None
    assert str(link.title) == ""
    assert str(mwfast.parse_anything(["a", Text("b"), 3])) == "ab3"
    code = mwfast.parse_anything("[[x]]")
    assert isinstance(code.nodes[0], Wikilink)


ATTRIBUTES = [
    '<div style = "a b" class=\'c d\' e f=g data-x="{{tpl|1}}" h= "i" >x</div>',
    "<span  title='it\"s'   lang=en>a</span><br clear=all/><ref name=\"a b\" />",
    ('{| class="wikitable sortable" style="x"\n|+ style="c" | Cap\n|- class="shadow" {{anchor|A}}\n'
     '! scope="col" | A !! rowspan=2 | B\n|-\n| align="right" | {{Nts|1}} || colspan="2" style="a:b" | [[c|d]]\n'
     '|align="center"| [[File:x.svg|50px]]\n| style="background: #EEC900|\n|}'),
    "<td =x>y</td><p a=>b</p><font color=red size=\"+1\">c</font>",
]


def test_fast_attributes_store_what_the_constructor_stores() -> None:
    """Tag attributes (quoted, unquoted, empty, padded, a template in a value): the same
    attributes, in the same order, as the builder's own ``_handle_attribute`` and ``Attribute``."""
    fast = [_attributes(mwparserfromhell.parse(t, skip_style_tags=True)) for t in ATTRIBUTES]
    assert any("Attribute" in repr(f) for f in fast)
    mwfast.uninstall()
    try:
        assert [_attributes(mwparserfromhell.parse(t, skip_style_tags=True)) for t in ATTRIBUTES] == fast
    finally:
        mwfast.install()
