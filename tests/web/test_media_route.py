"""Pictures on the site: /media/<name>, the Quick facts picture and figures with captions,
lazy-loaded with alt text; a wikitext build shows no picture (so never a broken one)."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from kidpedia.web.app import create_app


def test_ray_charles_page_shows_its_pictures(ray_charles_db: Path) -> None:
    client = TestClient(create_app(ray_charles_db))
    page = client.get("/wiki/Ray_Charles").text
    box = page[page.index('<aside class="quick-facts"'):page.index("</aside>")]
    img = re.search(r'<img src="(/media/[^"]+)" alt="Ray Charles in 1990" width="250" height="250" loading="lazy"', box)
    assert img, box[:600]
    assert '<div class="qf-caption">Ray Charles in 1990</div>' in box
    figures = re.findall(r'<figure class="figure"><img src="(/media/[^"]+)" alt="([^"]+)"[^>]*loading="lazy"[^>]*>'
                         r"<figcaption>([^<]+)</figcaption>", page)
    assert len(figures) >= 5
    early = page.index('id="Early_years_1930_45"') if 'id="Early_years_1930_45"' in page else page.index("Early years")
    assert page.index("Ray Charles statue in Greenville") > early
    for src in [img.group(1)] + [f[0] for f in figures]:
        r = client.get(src)
        assert r.status_code == 200 and r.headers["content-type"] in ("image/jpeg", "image/webp"), src
        assert len(r.content) > 500
    assert client.get("/media/No_such_picture.jpg").status_code == 404


def test_wikitext_build_shows_no_pictures(sample_db: Path) -> None:
    page = TestClient(create_app(sample_db)).get("/wiki/Albert_Einstein").text
    assert "/media/" not in page and '<figure class="figure"' not in page  # (a table is a figure too)
