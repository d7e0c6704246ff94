"""A single wikitext file as a source: one page, its title from the name or --title."""

from __future__ import annotations

import bz2
import shutil
from pathlib import Path

import pytest
from dump_helpers import WIKITEXT

from kidpedia.errors import SourceError
from kidpedia.sources.dump import iter_pages, open_source
from kidpedia.sources.wikitext_file import title_from_filename


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("Anwar_Kamal_Khan.txt", "Anwar Kamal Khan"),
        ("Clint-Murchison-Sr..txt", "Clint-Murchison-Sr."),
        ("Alsea-(company).txt", "Alsea-(company)"),
        ("fowiki-Klaksvikar_kommuna.wikitext.txt", "fowiki-Klaksvikar kommuna.wikitext"),
        ("Albert_Einstein.wikitext.bz2", "Albert Einstein"),
        ("Aardvark", "Aardvark"),
    ],
)
def test_title_from_filename(name, title):
    assert title_from_filename(Path(name)) == title


def test_one_page_with_title_from_the_name():
    path = WIKITEXT / "Anwar_Kamal_Khan.txt"
    source = open_source(path)
    pages = list(source.pages())
    assert source.kind == "wikitext" and source.pages_read == 1
    assert len(pages) == 1
    page = pages[0]
    assert (page.title, page.ns, page.redirect, page.lang) == ("Anwar Kamal Khan", 0, None, "en")
    assert page.text == path.read_text("utf-8")
    assert source.bytes_read == source.total_bytes


def test_title_and_lang_given():
    [page] = iter_pages(WIKITEXT / "africaans.txt", title="Groot-Brittanje", lang="af")
    assert (page.title, page.lang) == ("Groot-Brittanje", "af")


def test_redirect_file():
    [page] = iter_pages(WIKITEXT / "redirect.txt")
    assert (page.title, page.redirect) == ("redirect", "Toronto")


def test_html_escaped_file_is_unescaped():
    raw = (WIKITEXT / "anarchism.txt").read_text("utf-8")
    assert "&lt;ref" in raw and "<" not in raw
    [page] = iter_pages(WIKITEXT / "anarchism.txt")
    assert "<ref>" in page.text and "&lt;" not in page.text
    assert page.text.startswith("{{Redirect2|Anarchist|")


def test_plain_file_with_entities_is_left_alone():
    [page] = iter_pages(WIKITEXT / "Bazooka.txt")
    assert page.text == (WIKITEXT / "Bazooka.txt").read_text("utf-8")


def test_compressed_wikitext_file(tmp_path):
    path = tmp_path / "Anwar_Kamal_Khan.txt.bz2"
    path.write_bytes(bz2.compress((WIKITEXT / "Anwar_Kamal_Khan.txt").read_bytes()))
    [page] = iter_pages(path)
    assert page.title == "Anwar Kamal Khan"
    assert page.text == (WIKITEXT / "Anwar_Kamal_Khan.txt").read_text("utf-8")


def test_skip_passes_the_page():
    source = open_source(WIKITEXT / "BBDO.txt", skip=1)
    assert list(source.pages()) == [] and source.pages_skipped == 1


def test_not_utf8(tmp_path):
    path = tmp_path / "Latin.txt"
    path.write_bytes((WIKITEXT / "BBDO.txt").read_bytes() + b"\xe9t\xe9")
    with pytest.raises(SourceError) as caught:
        list(iter_pages(path))
    assert "not UTF-8" in caught.value.one_line()


def test_unknown_extension_is_wikitext(tmp_path):
    path = tmp_path / "Wendy_Mogel.md"
    shutil.copy(WIKITEXT / "Wendy-Mogel.txt", path)
    [page] = iter_pages(path)
    assert page.title == "Wendy Mogel"
