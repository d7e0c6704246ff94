"""Template coverage: how many template uses in a source kidpedia handles, and which it does not.

``count_page`` walks every template of one page (in running text and inside infobox
parameters) and asks ``templates.classify`` what becomes of it. A template is
*handled* when kidpedia knows what a reader sees of it: a handler, a rule from
``rules/templates.yaml``, an infobox, a magic word, or a deliberate drop. What a
dropped template holds (a citation's parameters) is never shown, so it is not
walked. References, comments and tables (not shown yet) are removed first, as the parser does.

``kidpedia templates SOURCE [--top N]`` prints ``Coverage.top()``: the most
frequent unhandled templates, so rules can grow from what real dumps contain.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import mwparserfromhell
from mwparserfromhell.nodes import Template
from mwparserfromhell.wikicode import Wikicode

from kidpedia.model import RawPage
from kidpedia.wikitext.parse import drop_tables, preclean
from kidpedia.wikitext.templates import classify, template_name


@dataclass
class Coverage:
    """Counts of template uses over the pages seen so far."""

    pages: int = 0
    uses: int = 0
    handled: int = 0
    by_kind: Counter[str] = field(default_factory=Counter)
    unhandled: Counter[str] = field(default_factory=Counter)
    unhandled_in_infobox: Counter[str] = field(default_factory=Counter)
    pages_using: Counter[str] = field(default_factory=Counter)

    @property
    def share(self) -> float:
        """Handled uses / all uses (1.0 when there were none)."""
        return self.handled / self.uses if self.uses else 1.0

    def top(self, n: int = 20) -> list[tuple[str, int, int, int]]:
        """(name, uses, uses inside infoboxes, pages using it) of the n most used unhandled templates."""
        return [
            (name, count, self.unhandled_in_infobox[name], self.pages_using[name])
            for name, count in self.unhandled.most_common(n)
        ]


def is_handled(name: str) -> bool:
    return classify(name) != "unknown"


def count_page(page: RawPage, cov: Coverage) -> None:
    """Add one article page's template uses to ``cov`` (redirects and other namespaces are skipped)."""
    if page.ns != 0 or page.redirect:
        return
    cov.pages += 1
    seen: set[str] = set()
    _walk(mwparserfromhell.parse(drop_tables(preclean(page.text))), cov, seen, in_infobox=False)
    for name in seen:
        cov.pages_using[name] += 1


def measure(pages: Iterable[RawPage], cov: Coverage | None = None) -> Coverage:
    """Count the templates of ``pages`` into ``cov`` (a new Coverage when None): a reader
    that fails part way has still counted the pages before the fault."""
    cov = Coverage() if cov is None else cov
    for page in pages:
        count_page(page, cov)
    return cov


def report_lines(cov: Coverage, top: int) -> list[str]:
    """The text report: totals, then the most used unhandled templates."""
    lines = [
        f"{cov.pages:,} articles, {cov.uses:,} template uses, {cov.handled:,} handled ({cov.share:.1%})",
        "",
        f"{'uses':>7} {'in infobox':>10} {'pages':>6}  template (unhandled)",
    ]
    for name, uses, in_box, pages in cov.top(top):
        lines.append(f"{uses:>7,} {in_box:>10,} {pages:>6,}  {name}")
    return lines


def _walk(code: Wikicode, cov: Coverage, seen: set[str], in_infobox: bool) -> None:
    for node in code.nodes:
        if isinstance(node, Template):
            _count(node, cov, seen, in_infobox)
        else:  # templates inside tags, links and headings
            for child in node.__children__():
                _walk(child, cov, seen, in_infobox)


def _count(tpl: Template, cov: Coverage, seen: set[str], in_infobox: bool) -> None:
    name = template_name(tpl)
    if not name:
        return
    kind = classify(name)
    cov.uses += 1
    cov.by_kind[kind] += 1
    if kind == "unknown":
        cov.unhandled[name] += 1
        seen.add(name)
        if in_infobox:
            cov.unhandled_in_infobox[name] += 1
    else:
        cov.handled += 1
    if kind == "drop":
        return  # a dropped template's parameters never reach a reader
    inner = in_infobox or kind == "infobox"
    for p in tpl.params:
        _walk(p.value, cov, seen, inner)
