"""Every entry of rules/templates.yaml works on its own test case.

A ``handlers`` entry carries its case (wikitext -> the text a reader sees, and the
link over it when there is one) and every alias it lists must reach that handler;
a ``handler_prefixes`` entry likewise. The plain lists are tested by their rule:
a ``drop`` name shows nothing, a ``first_param`` name shows its first parameter,
a ``text`` name shows its fixed text.
"""

from __future__ import annotations

import re
from dataclasses import replace

import mwparserfromhell
import pytest

from kidpedia.wikitext.handlers import REGISTRY
from kidpedia.wikitext.handlers.data import template_rules
from kidpedia.wikitext.inline import LITERAL_LT, rich
from kidpedia.wikitext.templates import classify, handler_for, new_context

DATA = template_rules()
REVISION = "2023-06-01T00:00:00Z"  # the test page's revision: ages are counted to this day


def _render(wikitext: str):  # type: ignore[no-untyped-def]
    ctx = new_context(title="Test page", timestamp=REVISION)
    return rich(mwparserfromhell.parse(wikitext), ctx), ctx


def _check(case: dict) -> None:
    text, _ = _render(case["wikitext"])
    text = replace(text, text=text.text.replace(LITERAL_LT, "<"))  # a "<" written as text (guard.guard does this)
    if "expect_pattern" in case:
        assert re.fullmatch(case["expect_pattern"], text.text), text.text
    else:
        assert text.text == case["expect"]
    if "link" in case:
        assert [(s.start, s.end, s.target) for s in text.links] == [(0, len(text.text), case["link"])]
    else:
        assert not text.links


@pytest.mark.parametrize("key", sorted(DATA["handlers"]))
def test_handler_entry(key: str) -> None:
    entry = DATA["handlers"][key]
    assert key in REGISTRY, f"{key}: no such handler in handlers.REGISTRY"
    _check(entry["test"])
    for name in entry["names"]:
        assert name == name.lower().strip(), f"{name!r}: names are written normalised"
        assert handler_for(name) is REGISTRY[key], name


@pytest.mark.parametrize("prefix", sorted(DATA["handler_prefixes"]))
def test_handler_prefix_entry(prefix: str) -> None:
    entry = DATA["handler_prefixes"][prefix]
    assert handler_for(prefix + "xx") is REGISTRY[entry["handler"]]
    _check(entry["test"])


def test_every_handler_is_named_by_the_rules() -> None:
    used = set(DATA["handlers"]) | {e["handler"] for e in DATA["handler_prefixes"].values()}
    assert set(REGISTRY) == used


@pytest.mark.parametrize("name", sorted({str(n).lower() for n in DATA["drop"]}))
def test_drop_entry(name: str) -> None:
    assert classify(name) == "drop", f"{name!r} is rendered by an earlier rule: remove it here"
    text, ctx = _render(f"Before {{{{{name}|Hidden words}}}} after.")
    assert text.text == "Before after."
    assert ctx.stats["templates_dropped"] == 1 and not ctx.unknown_templates


@pytest.mark.parametrize("name", sorted({str(n).lower() for n in DATA["first_param"]}))
def test_first_param_entry(name: str) -> None:
    assert classify(name) == "first_param", f"{name!r} is rendered by an earlier rule: remove it here"
    text, _ = _render(f"{{{{{name}|Shown words}}}}")
    assert text.text == "Shown words"


@pytest.mark.parametrize("name", sorted(str(k).lower() for k in DATA["text"]))
def test_text_entry(name: str) -> None:
    assert classify(name) == "text", f"{name!r} is rendered by an earlier rule: remove it here"
    text, _ = _render(f"a{{{{{name}}}}}b")
    fixed = str(DATA["text"][name])
    assert text.text == re.sub(r"\s+", " ", f"a{fixed}b").strip()


@pytest.mark.parametrize("name", sorted({str(n).lower() for n in DATA["disambiguation"]}))
def test_disambiguation_entry(name: str) -> None:
    assert classify(name) == "disambiguation", f"{name!r} is rendered by an earlier rule: remove it here"
    text, ctx = _render(f"Ada may refer to: {{{{{name}}}}}")
    assert text.text == "Ada may refer to:" and ctx.stats["disambiguation"] == 1


@pytest.mark.parametrize("prefix", DATA["holes"])
def test_hole_entry(prefix: str) -> None:
    name = {"ipac": "ipac-en", "ipa-": "ipa-en"}.get(prefix, prefix)
    assert classify(name) == "drop", name
    text, _ = _render("'''A''' (named {{" + name + "|eɪ}}, plural As) is a letter.")
    assert text.text == "A (plural As) is a letter."
