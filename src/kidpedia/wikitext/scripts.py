"""Superscripts, subscripts and simple formulas as plain Unicode text.

``superscript("2")`` is "²" and ``subscript("2")`` is "₂" (None when a character has
no Unicode form); ``math_text`` reads a ``<math>`` formula that is simple enough to
write as text (a variable, ``x^2``, ``E = mc^2``, ``\\alpha + \\beta``) and returns
None for one a reader cannot follow without it set as a formula (fractions, roots,
sums, matrices, ...).
"""

from __future__ import annotations

import re

_SUP = dict(zip("0123456789+-−=()ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿⁱ", strict=True))
_SUB = dict(zip("0123456789+-−=()aeoxhklmnpstijruv", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₒₓₕₖₗₘₙₚₛₜᵢⱼᵣᵤᵥ", strict=True))


def superscript(text: str) -> str | None:
    t = text.strip()
    return "".join(_SUP[c] for c in t) if t and all(c in _SUP for c in t) else None


def subscript(text: str) -> str | None:
    t = text.strip()
    return "".join(_SUB[c] for c in t) if t and all(c in _SUB for c in t) else None


# TeX commands a reader sees as one character.
_SYMBOLS = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε", "zeta": "ζ",
    "eta": "η", "theta": "θ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ",
    "sigma": "σ", "tau": "τ", "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
    "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Pi": "Π", "Sigma": "Σ", "Phi": "Φ",
    "Psi": "Ψ", "Omega": "Ω", "times": "×", "cdot": "·", "pm": "±", "mp": "∓", "le": "≤", "leq": "≤",
    "ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠", "approx": "≈", "infty": "∞", "to": "→",
    "rightarrow": "→", "circ": "°", "degree": "°", "ldots": "…", "dots": "…", "cdots": "⋯", "%": "%",
    ",": " ", ";": " ", "quad": " ", " ": " ", "!": "", "prime": "′", "div": "÷", "sim": "∼", "propto": "∝",
}
# Commands that only set a font: their argument is the text.
_FONTS = {"mathrm", "text", "textrm", "mathit", "mathbf", "rm", "it", "bf", "operatorname", "mbox", "textit", "mathsf"}
_TOKEN = re.compile(r"\\([A-Za-z]+|.)|([\^_])|(\{)|(\})|([^\\^_{}]+)")


def math_text(tex: str) -> str | None:
    """A simple formula as text, or None when it needs to be set as a formula."""
    src = tex.strip().rstrip(",.;").strip()
    if not src or len(src) > 80:
        return None
    try:
        text, rest = _group(_TOKEN.findall(src), 0)
    except ValueError:
        return None
    if rest is not None:
        return None
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s*([=+×<>≤≥≠≈±→])\s*", r" \1 ", text)
    return re.sub(r"\s+", " ", text).strip() or None


def _group(tokens: list[tuple[str, ...]], i: int, closing: bool = False) -> tuple[str, int | None]:
    """Read tokens from ``i`` to the end (or to the ``}`` that closes the group)."""
    out: list[str] = []
    while i < len(tokens):
        command, script, opening, close, plain = tokens[i]
        i += 1
        if close:
            if not closing:
                raise ValueError("unbalanced }")
            return "".join(out), i
        if opening:
            inner, j = _group(tokens, i, closing=True)
            if j is None:
                raise ValueError("unbalanced {")
            out.append(inner)
            i = j
        elif plain:
            out.append(plain)
        elif command:
            if command in _SYMBOLS:
                out.append(_SYMBOLS[command])
            elif command in _FONTS:
                continue  # the group that follows is read as text
            else:
                raise ValueError(f"\\{command}: not simple")
        elif script:
            arg, i = _argument(tokens, i)
            mapped = superscript(arg) if script == "^" else subscript(arg)
            if mapped is None:
                raise ValueError("no Unicode script for it")
            out.append(mapped)
    if closing:
        return "".join(out), None
    return "".join(out), None if not closing else i


def _argument(tokens: list[tuple[str, ...]], i: int) -> tuple[str, int]:
    """The argument of ^ or _: a group, or one character."""
    if i >= len(tokens):
        raise ValueError("nothing to raise")
    command, _script, opening, _close, plain = tokens[i]
    if opening:
        inner, j = _group(tokens, i + 1, closing=True)
        if j is None:
            raise ValueError("unbalanced {")
        return inner, j
    if plain:
        head = plain.lstrip()[:1]
        rest = plain.lstrip()[1:]
        if rest:
            tokens.insert(i + 1, ("", "", "", "", rest))
        return head, i + 1
    if command and command in _SYMBOLS:
        return _SYMBOLS[command], i + 1
    raise ValueError("unreadable script")


_CHEM_COUNT = re.compile(r"(?<=[A-Za-z)\]])(\d+)")


def chem_text(formula: str) -> str | None:
    """A simple chemical formula (``<chem>H2O</chem>``, ``Ge9^2-``) as text: counts lowered."""
    return math_text(_CHEM_COUNT.sub(lambda m: "_{" + m.group(1) + "}", formula.strip()))
