"""``bounds._unclosed_brackets``: the openers no closer matches, counted first (in C)
and looked for one by one only where a kind has more than MAX_UNCLOSED: the same cuts
as the stack walk over every bracket."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kidpedia.wikitext import bounds


def stack_walk(text: str) -> list[tuple[int, int]]:
    """The openers left open, found by walking every bracket (as before the count)."""
    stacks: dict[str, list[int]] = {"{{": [], "[[": []}
    for m in bounds._BRACKETS.finditer(text):
        token = m.group()
        if token in stacks:
            stacks[token].append(m.start())
        elif stacks[bounds._CLOSER_OF[token]]:
            stacks[bounds._CLOSER_OF[token]].pop()
    cuts: list[tuple[int, int]] = []
    for starts in stacks.values():
        if len(starts) > bounds.MAX_UNCLOSED:
            cuts += [(s, s + 2) for s in starts]
    return cuts


EDGES = ["", "{{a}}", "{{a|" * 17, "{{a|" * 16, "}}" * 30 + "{{" * 16, "}}" * 30 + "{{" * 17, "}}{{" * 17,
         "[[a]] ]] [[" * 20, "[[" * 17 + "]]", "[[" * 18 + "]]", "{{{" * 20, "{{[[" * 17 + "]]}}" * 17]


def test_edges() -> None:
    for text in EDGES:
        assert bounds._unclosed_brackets(text) == stack_walk(text), text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["{{", "}}", "[[", "]]", "{", "}", "a", " "]), max_size=120))
def test_any_brackets(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert bounds._unclosed_brackets(text) == stack_walk(text)


def test_count_is_the_stack_left() -> None:
    text = "}}" * 3 + "{{" * 5 + "}}" + "[[" * 2
    assert bounds._unclosed_count(bounds._BRACKETS.findall(text), "{{") == 4
    assert bounds._unclosed_count(bounds._BRACKETS.findall(text), "[[") == 2
