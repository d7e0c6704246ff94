"""Pictures for kids' pages: an image file's bytes -> a small web image (Pillow).

``prepare(data, mime)`` returns the picture at most ``MAX_WIDTH`` px wide: a JPEG
that is small enough is kept byte for byte, anything else (larger JPEGs, PNG, GIF,
WebP, TIFF) is re-encoded as WebP (its transparency kept). SVG and files Pillow
cannot read are refused (None): an SVG can carry script, and the pages never show
a broken picture. The same bytes in always give the same bytes out, and
``digest`` (SHA-256 of the result) is what the store deduplicates on.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

MAX_WIDTH = 640
MAX_PIXELS = 50_000_000  # larger is a decompression bomb, not a photo
WEBP_QUALITY = 80
EXTENSIONS = {"image/jpeg": "jpg", "image/webp": "webp"}


@dataclass(frozen=True)
class Picture:
    data: bytes
    mime: str  # image/jpeg or image/webp
    width: int
    height: int

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.mime]


def prepare(data: bytes, mime: str = "") -> Picture | None:
    """The picture for a page, or None when it cannot or must not be shown."""
    if "svg" in mime or data[:5] in (b"<?xml", b"<svg ") or not data:
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img: Image.Image = Image.open(io.BytesIO(data))
            if img.width * img.height > MAX_PIXELS:
                return None
            img.load()
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombWarning,
            Image.DecompressionBombError):
        return None
    if img.format == "JPEG" and img.width <= MAX_WIDTH and img.mode in ("RGB", "L"):
        return Picture(data, "image/jpeg", img.width, img.height)
    if img.width > MAX_WIDTH:
        height = max(1, round(img.height * MAX_WIDTH / img.width))
        img = img.resize((MAX_WIDTH, height), Image.Resampling.LANCZOS)
    has_alpha = img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info)
    img = img.convert("RGBA" if has_alpha else "RGB")
    out = io.BytesIO()
    img.save(out, "WEBP", quality=WEBP_QUALITY, method=4)
    return Picture(out.getvalue(), "image/webp", img.width, img.height)
