"""What a reader never sees, one case per family (format fixtures written for this test)."""

from __future__ import annotations

import pytest

from kidpedia.html.clean import strip_junk
from kidpedia.html.parse import document

CASES = {
    "reference": '<sup class="mw-ref reference"><a href="#cite_note-1">[1]</a></sup>',
    "old reference": '<sup id="cite_ref-1"><a href="#cite_note-1">[1]</a></sup>',
    "hatnote": '<div role="note" class="hatnote">For other uses, see JUNK.</div>',
    "navbox": '<table class="navbox"><tr><td>JUNK</td></tr></table>',
    "maintenance box": '<table class="box-Unreferenced ambox"><tr><td>JUNK</td></tr></table>',
    "edit link": '<span class="mw-editsection">[edit JUNK]</span>',
    "coordinates": '<span id="coordinates">JUNK 48°N</span>',
    "hidden": '<span style="display:none">JUNK</span>',
    "short description": '<div class="shortdescription">JUNK</div>',
    "style": "<style>.JUNK{}</style>",
    "kiwix footer": "<div><div>This article is issued from Wikipedia JUNK</div></div>",
    "sister project": '<div class="sistersitebox">JUNK</div>',
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_junk_goes_and_the_text_around_it_stays(name: str) -> None:
    doc = document(f"<html><body><p>Before {CASES[name]}after.</p></body></html>")
    assert strip_junk(doc.find("body")) >= 1
    text = "".join(doc.find("body").itertext())
    assert "JUNK" not in text and "[1]" not in text
    assert "Before" in text and "after." in text
