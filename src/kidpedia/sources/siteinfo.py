"""A dump's ``<siteinfo>`` -> SiteInfo: its namespaces' local names, dbname and base.

Every MediaWiki dump starts with one. Its ``<namespaces>`` give the names this
edition uses for File, Category, Template, ... (``ファイル``, ``Αρχείο``, ``Файл``);
MediaWiki's canonical English names and aliases (``File``, ``Image``) are added,
since every edition accepts them too. The wikitext parser asks the SiteInfo what a
``[[prefix:...]]`` link is; a dump without ``<siteinfo>`` gives None, and the parser
falls back to the language tables in ``wikitext/rules/namespaces.yaml``.
"""

from __future__ import annotations

import re

from lxml import etree

from kidpedia.model import CANONICAL_NAMESPACES, SiteInfo

_SITEINFO = re.compile(rb"<siteinfo>.*?</siteinfo>", re.DOTALL)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)


def siteinfo_from_header(header: bytes | None) -> SiteInfo | None:
    """The SiteInfo in a dump's header bytes (everything before the first ``<page>``)."""
    m = _SITEINFO.search(header or b"")
    if not m:
        return None
    try:
        root = etree.fromstring(m.group(0), _PARSER)
    except etree.XMLSyntaxError:
        return None
    if root is None:
        return None
    fields = {etree.QName(child).localname: child for child in root if isinstance(child.tag, str)}

    def text(name: str) -> str:
        el = fields.get(name)
        return (el.text or "").strip() if el is not None else ""

    namespaces: list[tuple[int, str]] = []
    block = fields.get("namespaces")
    if block is not None:
        for ns in block:
            key = ns.get("key")
            if key is not None and key.lstrip("-").isdigit() and (ns.text or "").strip():
                namespaces.append((int(key), ns.text.strip()))
    local = set(namespaces)
    for key, names in CANONICAL_NAMESPACES.items():
        namespaces += [(key, n) for n in names if (key, n) not in local]
    return SiteInfo(text("dbname"), text("base"), text("sitename"), tuple(namespaces))
