"""Pictures for pages (Pillow): real pictures from the Ray Charles ZIM, shrunk, re-encoded,
deduplicated; SVG and broken files refused."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from kidpedia.media import MAX_WIDTH, prepare
from kidpedia.sources.zim import ZimSource
from kidpedia.store import Store
from kidpedia.store import media as store_media

ZIM = Path(__file__).resolve().parent / "data" / "zim" / "wikipedia_en_ray_charles_2015-06.zim"


def _entries(mime: str) -> list[tuple[bytes, str]]:
    src = ZimSource(ZIM)
    out = []
    for i in range(src.archive.all_entry_count):
        e = src.archive._get_entry_by_id(i)
        if not e.is_redirect and e.get_item().mimetype == mime:
            out.append((bytes(e.get_item().content), mime))
    return out


def test_small_jpeg_kept_byte_for_byte_large_pictures_shrunk() -> None:
    jpegs = _entries("image/jpeg")
    pngs = _entries("image/png")
    assert len(jpegs) == 94 and len(pngs) == 93
    for data, mime in jpegs[:20] + pngs[:20]:
        pic = prepare(data, mime)
        assert pic is not None and pic.width <= MAX_WIDTH
        shown = Image.open(io.BytesIO(pic.data))
        assert shown.size == (pic.width, pic.height) and shown.format in ("JPEG", "WEBP")
        if mime == "image/jpeg" and Image.open(io.BytesIO(data)).width <= MAX_WIDTH and pic.mime == "image/jpeg":
            assert pic.data == data
    big = Image.new("RGB", (1600, 900), (200, 30, 30))
    buf = io.BytesIO()
    big.save(buf, "PNG")
    pic = prepare(buf.getvalue(), "image/png")
    assert pic is not None and (pic.width, pic.height, pic.mime) == (640, 360, "image/webp")
    assert prepare(buf.getvalue(), "image/png") == pic  # same bytes in, same bytes out


def test_svg_and_broken_files_are_refused() -> None:
    svgs = _entries("image/svg+xml")
    assert svgs and all(prepare(d, m) is None for d, m in svgs)
    assert prepare(b"\xff\xd8 not really a jpeg", "image/jpeg") is None
    assert prepare(b"", "image/png") is None


def test_store_deduplicates_by_content(tmp_path: Path) -> None:
    store = Store(tmp_path / "m.db", create=True)
    data, mime = _entries("image/jpeg")[0]
    pic = prepare(data, mime)
    assert pic is not None
    assert store_media.put(store, [("A.jpg", pic), ("B.jpg", pic)]) == 2
    assert len(list(store_media.blobs(store))) == 1
    found = store_media.lookup(store, ["A.jpg", "B.jpg", "C.jpg"])
    assert set(found) == {"A.jpg", "B.jpg"} and found["A.jpg"].digest == found["B.jpg"].digest
    assert store_media.read(store, "B.jpg") == (pic.data, "image/jpeg")
    assert store_media.read(store, "C.jpg") is None
