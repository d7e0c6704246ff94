"""``wikitext.prose``: plain paragraphs read without mwparserfromhell give the nodes it
gives (once adjacent runs of text are joined), and ``_blocks`` the same paragraphs."""

from __future__ import annotations

from pathlib import Path

import mwparserfromhell
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mwparserfromhell.nodes import Text

from kidpedia.wikitext import parse, prose
from kidpedia.wikitext.templates import new_context

DATA = Path(__file__).resolve().parent.parent / "data" / "wikitext"
PAGES = sorted(DATA.glob("*.txt"))


def _attributes(value: object) -> object:
    if isinstance(value, list | tuple):
        return [_attributes(v) for v in value]
    if hasattr(value, "__dict__"):
        return [type(value).__name__, [(k, _attributes(v)) for k, v in vars(value).items()]]
    return value


def _joined(nodes: list) -> list:
    """Every attribute of every node, adjacent runs of text joined into one."""
    out: list = []
    for n in nodes:
        if type(n) is Text:
            if out and out[-1][0] == "Text":
                out[-1] = ("Text", out[-1][1] + n.value)
            else:
                out.append(("Text", n.value))
        else:
            out.append(_attributes(n))
    return out


def _same_nodes(body: str) -> None:
    fast = prose.body_nodes(body)
    if fast is not None:
        assert _joined(fast) == _joined(list(mwparserfromhell.parse(body, skip_style_tags=True).nodes)), body


def _bodies() -> list[str]:
    """The text of every section of the real test pages, as ``_section_blocks`` gives it to ``_blocks``."""
    out = []
    for page in PAGES:
        for chunk in parse.split_sections(parse.preclean(page.read_text("utf-8"))):
            out += [piece for piece, is_table in parse.split_tables(chunk.body) if not is_table]
    return out


def test_real_sections_make_the_same_nodes() -> None:
    bodies = _bodies()
    assert len(bodies) > 100
    plain = sum(1 for b in bodies if prose.body_units(b) is not None)
    assert plain > len(bodies) // 4  # the shortcut is taken
    for body in bodies:
        _same_nodes(body)


def _blocks_both_ways(body: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def run() -> tuple:
        ctx = new_context(lang="en", title="T", site=None, timestamp="2023-05-01T00:00:00Z")
        return parse._blocks(body, ctx), dict(ctx.stats), ctx.images, ctx.categories

    fast = run()
    with monkeypatch.context() as m:
        m.setattr(parse, "body_units", lambda body: None)
        assert run() == fast, body


def test_real_sections_make_the_same_paragraphs(monkeypatch: pytest.MonkeyPatch) -> None:
    for body in _bodies():
        _blocks_both_ways(body, monkeypatch)


EDGES = [
    "* a [[b|c]] d\n#e\n:f\n**g [[h]]\n\nplain [[x]]s '''bold''' ''it''",
    "*; a : b\n\n[[a]]",  # a term after a marker
    "a\n\n;term\n\nb",
    "{{a|\n\nb [[c]]\n\n}} d",  # a template across blank lines
    "<div>\n\na [[b]]\n\n</div>",  # a tag across blank lines
    "[[a|b\n\nc]] d",
    "x }} {{y\n\nplain\n\n}}",
    "{{a}}\n\nplain [[b|]] [[ c |d|e]]\n\n[http://x y]\n\nmailto:a@b\n\nMAILTO:a@b",
    "a &nbsp; b\n\n[[a#b]] [[#c]] [[d_e]]\n\n=x=\n\n----\n\n*\n\n#\n\n:",
    "[[a:b]]\n\n[[File:x.jpg|thumb|cap]]\n\nnews:x",
    "{|\n|a\n|}\n\nplain",
    "[x\n\nplain]\n\ny",
    "'''\n\n'''",
    "\n\n\n\na\n\n\n",
    # entities: known names, numbers (leading zeros, hex), and what the tokenizer reads as text
    "a&nbsp;b &amp; c&#0065;d&#x41;&#X41;&#0;&#x;&#;&;&foo;&AMP;&nbsp &&nbsp;&a&b; AT&T\n\n* x&ndash;y\n:&#91;z&#93;",
    "&#1114111;&#1114112;&#xZZ;&#12ab;&nbspx;&abcdefghijklmnopqrstuvwxyz;",
    # links with ":" (a category, a file with its caption, another wiki, a leading colon)
    "a [[Category:B|c]] [[File:x.jpg|thumb|a ''cap'' d]] [[:Category:E]] [[fr:F]] [[w:g|h]] [[a:]]",
    "[[Image:x.png]]\n\n[[File:y.svg|left|200px]]\n\n[[Category:A]]\n[[Category:B| ]]",
    "[[a|b&amp;c]] d&nbsp;e\n\n[[a&amp;b]] f",  # an "&" in a link: parsed
    "[[File:x|a [[b]] c]] &nbsp;",
    # templates in otherwise plain paragraphs (each parsed alone), and what keeps one parsed whole
    "a {{b}} c [[d]] {{e|f=[[g|h]]|i}}\n* {{j}}\n# k {{l|{{m}}}}\n\n''{{n}}'' {{o}}{{p}}&nbsp;{{q}}",
    "{{a\n|b=c\n|d=<ref>e</ref> http://f\n}} g\n\n{{#if:x|y|z}} w\n\n{{a|\n\nb}} c",
    "{{{a}}} b\n\n{{a\n\nb}} c\n\na}} {{b\n\nx {{a}}} y\n\n[[a|{{b}}]] c\n\n{{a [[b}} c]]",
    "{{a}}\n;b\n\n{{a}}\n=b=\n\n<b>{{a}}</b>\n\n{{a}}\n----\n\n{{a|}}}}",
    "{{a|b\n* c}}\n* d\n\n: {{e}} [[f]]\n\n{{}} {{|}} {{a|[[b]]}}}",
]


@pytest.mark.parametrize("body", EDGES)
def test_edges(body: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _same_nodes(body)
    _blocks_both_ways(body, monkeypatch)


_PIECES = ["[[", "]]", "|", "a", "b c", " ", "\n", "\n\n", "*", "#", ":", ";", "'", "''", "{{", "}}", "{", "}",
           "[", "]", "<", ">", "<br>", "&", "=", "----", "http://x", "mailto:", "x_y", "#s", "é", "日本",
           "&nbsp;", "&amp;", "&#65;", "&#x41;", "&#0;", "&foo;", "x", "0", "File:", "Category:", "fr:",
           "{{a}}", "{{b|c=d}}", "{{{", "}}}", "{{e|"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_any_text_makes_the_same_nodes(pieces: list[str]) -> None:
    _same_nodes("".join(pieces))


@pytest.mark.parametrize(
    "paragraph",
    ["a {{b}}", "a <b>c</b>", "[http://x y]", "see http://x", "//x", "mailto:a", "Tel:1",
     "a\n;b", ";b", "a\n=b=", "----", "a\n----", "[x]", "a ]", "*;x", "[[a|{{b}}]]", "[[a|<i>b</i>]]",
     "[[a\nb]]", "[[a|b&amp;c]]", "[[a&amp;b]]", "[[a|AT&T]]", "[[File:x|a [[b]] c]]"],
)
def test_not_plain(paragraph: str) -> None:
    assert not prose.is_plain(paragraph)


@pytest.mark.parametrize("paragraph", ["a b", "* a [[b|c]]\n#d\n:e", "[[a]] [[b|]] [[c|d|e]] ''x''", "a: b", "x = y",
                                       "a&nbsp;b", "AT&T", "[[a:b]]", "[[File:x.jpg|thumb|cap]] [[Category:y]]"])
def test_plain(paragraph: str) -> None:
    assert prose.is_plain(paragraph)


_ENTITY_PIECES = ["#", "x", "X", "0", "1", "9", "a", "f", "z", "Z", "nbsp", "amp", "ndash", ";", "&", " ", "é"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_ENTITY_PIECES), max_size=12))
def test_entities_as_the_tokenizer_reads_them(pieces: list[str]) -> None:
    """Text with "&" read as mwparserfromhell reads it: an entity node where it makes one."""
    body = "a &" + "".join(pieces) + " b"
    assert prose.is_plain(body)
    _same_nodes(body)


def test_entities_and_namespace_links_take_the_shortcut() -> None:
    """Paragraphs with entities or links with ":" are read without the parser (these
    went to it before): the real test pages hold such paragraphs."""
    paragraphs = [p for b in _bodies() for p in b.split("\n\n")]
    entities = [p for p in paragraphs if "&" in p and prose.is_plain(p)]
    namespaced = [p for p in paragraphs if prose.is_plain(p) and any(
        what == "nslink" for what, _, _ in prose.plain_tokens(p))]
    assert entities and namespaced
    assert any(what == "entity" for p in entities for what, _, _ in prose.plain_tokens(p))


@pytest.mark.parametrize(
    ("paragraph", "templates"),
    [("a {{b}} c", ["{{b}}"]), ("{{a|{{b}}}} [[c]] {{d}}", ["{{a|{{b}}}}", "{{d}}"]),
     ("* {{a|\nb}}\n# c", ["{{a|\nb}}"]), ("{{a|[[b|c]] http://d}}", ["{{a|[[b|c]] http://d}}"])],
)
def test_templated(paragraph: str, templates: list[str]) -> None:
    unit = prose.plain_unit(paragraph)
    assert isinstance(unit, prose.Templated)
    assert [str(t) for t in unit.templates] == templates
    assert unit.text.count(prose.HOLE) == len(templates)


@pytest.mark.parametrize(
    "paragraph",
    ["{{{a}}} b", "{{a b", "a}} {{b", "x {{a}}} y", "[[a|{{b}}]]", "{{a}}\n;b", "<b>{{a}}</b>", "a\x00 {{b}}",
     "{{a [[b}} c]]", "[http://x {{a}}]"],
)
def test_not_templated(paragraph: str) -> None:
    assert prose.plain_unit(paragraph) is None


def test_templated_paragraphs_take_the_shortcut() -> None:
    """Paragraphs plain but for their templates are read without the parser on the real
    test pages (they went to it before)."""
    paragraphs = [p for b in _bodies() for p in b.split("\n\n")]
    assert sum(isinstance(prose.plain_unit(p), prose.Templated) for p in paragraphs) > 20
