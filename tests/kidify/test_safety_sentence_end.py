"""``safety_text._END`` opens with one character class (so its scan jumps between
candidate characters) and finds what the pattern as first written finds: the same
matches, spans and next letters on real pages' text, edge strings and any text."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from kidpedia.kidify import safety_text

AS_WRITTEN = re.compile(r"[.!?…]+[\"'”’»)\]]*\s+(?=[\"'“‘«(\[¿¡]?(?P<next>[^\W_]))|[。！？]+[」』）)”’]*\s*")
DATA = Path(__file__).resolve().parent.parent / "data" / "wikitext"
EDGES = [
    "", "A. B", "a.b", "End. Next", "Wow!! Yes", "What?! No", "So… then", "x.. y", "Done.) Then", "He said.\" She",
    "一。二", "一。。二", "（一）。」二", "A.\u00a0B", "e.g. This", "Mr. Smith", "x. 1", "x. «Y»", "x. ¿Y?", "x.\n(Y",
    "end.", "end. ", "。", "a . B", "x.\t_y", "x.' Y", "!\u3000X",
]
ALPHABET = ".!?…。！？\"'”’»)]」』）“‘«([¿¡ \n\t_aZ1Ωж"


def same(text: str) -> None:
    ours = [(m.span(), m.group("next")) for m in safety_text._END.finditer(text)]
    assert ours == [(m.span(), m.group("next")) for m in AS_WRITTEN.finditer(text)], text


def test_same_matches_on_edges_and_real_text() -> None:
    for text in EDGES:
        same(text)
    for path in sorted(DATA.glob("*.txt"))[:30]:
        same(path.read_text("utf-8"))


@given(st.text(alphabet=st.sampled_from(ALPHABET) | st.characters(), max_size=50))
def test_same_matches_on_any_text(text: str) -> None:
    same(text)
