"""A "<" the page writes as text stays: a page on HTML names its tags.

``&lt;i&gt;``, ``<nowiki><br></nowiki>`` and ``{{tag|p}}`` are what a reader of the
page sees as "<i>", "<br>" and "<p>...</p>"; the guard, which removes stray tags that a
broken page leaves, must not take them for such (the vi pages "I" and "XHTML" lost them:
"Thẻ  là một thẻ HTML ..."). The sentences are the real ones from the May 2023 vi dump
(tests/data/dumps/viwiki-2023-truncated.xml.bz2, CC BY-SA); the others are hand-made
format fixtures.
"""

from __future__ import annotations

from kidpedia.model import Article, Text
from kidpedia.pipeline import process_page
from kidpedia.sources.redirects import raw_page
from kidpedia.web.render import LinkResolver, render_text
from kidpedia.wikitext.inline import LITERAL_LT

# vi "I" (its lead) and "XHTML" (section "Khác biệt với HTML"), as the dump has them
VI_I = "Thẻ <code>&lt;i&gt;</code> là một thẻ HTML để thể hiện (các) ký tự nghiêng (''italic'')."
VI_XHTML = (
    "Do XHTML kế thừa cú pháp của XML và mỗi trang XHTML đều là các ứng dụng XML cho nên XHTML có phân biệt chữ "
    "hoa chữ thường, điều không có ở HTML. Với HTML thì các thẻ như <code><nowiki><br></nowiki></code> và "
    "<code><nowiki><BR></nowiki></code> là hiểu là giống nhau nhưng một khi bạn đã xác định trang web của bạn là "
    "XHTML thì trình duyệt sẽ dịch hai thẻ này là khác nhau."
)


def _lead(text: str, lang: str = "en") -> list[str]:
    result = process_page(raw_page("Testpage", text, lang=lang))
    assert isinstance(result, Article), result
    return [t.text for t in result.lead]


def test_an_entity_written_tag_is_text() -> None:
    assert _lead(VI_I, "vi") == ["Thẻ <i> là một thẻ HTML để thể hiện (các) ký tự nghiêng (italic)."]


def test_a_nowiki_tag_is_text() -> None:
    (text,) = _lead(VI_XHTML, "vi")
    assert "các thẻ như <br> và <BR> là hiểu là giống nhau" in text


def test_the_tag_template() -> None:  # hand-made format fixture
    (text,) = _lead("The {{tag|br|s}} tag breaks a line; {{tag|p|o}} opens a paragraph and {{tag|p|c}} closes it. "
                    "A link is {{tag|a|attribs=href=\"page.html\"|content=a word}}; {{tag|i}} is italic.")
    assert text == ('The <br /> tag breaks a line; <p> opens a paragraph and </p> closes it. '
                    'A link is <a href="page.html">a word</a>; <i>...</i> is italic.')


def test_tags_pasted_from_html_go() -> None:
    # real: el "Γαλλία" (tests/data/dumps/elwiki-2023-truncated.xml.bz2): Wikipedia shows these tags as text
    sentence = ("Οι μεταγενέστεροι βασιλιάδες επέκτειναν την απευθείας κατοχή της {} τους, καταλαμβάνοντας πάνω "
                "από τη μισή σύγχρονη ηπειρωτική Γαλλία μέχρι τον 15ο αιώνα, συμπεριλαμβανομένου του μεγαλύτερου "
                "μέρους του βορρά, του κέντρου και της δυτικής Γαλλίας.")
    (text,) = _lead(sentence.format('<nowiki><i id="mwAiw">βασιλικής κυριαρχίας</i></nowiki>'), "el")
    assert text == sentence.format("βασιλικής κυριαρχίας")


def test_stray_tags_still_go() -> None:  # hand-made format fixture: a broken page's leftovers
    (text,) = _lead("The river is long.</span> It runs to the sea.</i> Fish <small>live</small> in it, <i>like &lt;i&gt;.")
    assert text == "The river is long. It runs to the sea. Fish live in it, like <i>."
    assert LITERAL_LT not in text


def test_shown_escaped() -> None:
    class NoStore:
        def exists(self, titles: set[str]) -> set[str]:
            return set()

        def redirect_targets(self, titles: set[str]) -> dict[str, str]:
            return {}

    html = str(render_text(Text("Thẻ <i> là một thẻ HTML."), LinkResolver(NoStore(), [])))  # type: ignore[arg-type]
    assert html == "Thẻ &lt;i&gt; là một thẻ HTML."
