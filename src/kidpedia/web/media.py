"""``/media/<name>``: the pictures stored with the articles (read from a ZIM at build time).

A picture is served by the file name the article uses; its bytes never change for a
name's digest, so browsers may keep it. Unknown names get the site's friendly 404.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from kidpedia.store import Store
from kidpedia.store import media as store_media

router = APIRouter(include_in_schema=False)


def media_url(name: str) -> str:
    return "/media/" + quote(name, safe="")


class SiteMedia:
    """The pictures a page may show on the site: those the store has, at /media/<name>."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def media_urls(self, names: Iterable[str]) -> dict[str, tuple[str, int, int]]:
        found = store_media.lookup(self.store, names)
        return {n: (media_url(n), m.width, m.height) for n, m in found.items()}


@router.api_route("/media/{name:path}", methods=["GET", "HEAD"])
def picture(request: Request, name: str) -> Response:
    found = store_media.read(request.app.state.site.store, name)
    if found is None:
        raise HTTPException(404, "no such picture")
    data, mime = found
    return Response(data, media_type=mime, headers={"Cache-Control": "public, max-age=86400"})
