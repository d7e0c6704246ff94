"""Language links by Wikidata id: articles of different language editions built into one
store that share a Wikidata id (an Enterprise record's ``main_entity``) are the same
topic, so each gets a language link to the others ("In German: Albert Einstein").
Only the groups that span several languages are read; links a page already has stay."""

from __future__ import annotations

import json
from collections import defaultdict

from kidpedia.store.db import Store


def link_editions(store: Store) -> int:
    """Add the missing language links between editions; returns how many were added."""
    conn = store._conn()
    rows = conn.execute(
        "SELECT json_extract(data, '$.wikidata') AS q, id, title, lang FROM articles"
        " WHERE q IN (SELECT json_extract(data, '$.wikidata') AS w FROM articles WHERE w IS NOT NULL"
        "             GROUP BY w HAVING count(DISTINCT lang) > 1)"
        " ORDER BY q, lang, title"
    ).fetchall()
    groups: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for q, aid, title, lang in rows:
        groups[q].append((aid, title, lang))
    added = 0
    with conn:
        for members in groups.values():
            for aid, _, lang in members:
                (data,) = conn.execute("SELECT data FROM articles WHERE id = ?", (aid,)).fetchone()
                article = json.loads(data)
                links = article.setdefault("language_links", [])
                have = {x["lang"] for x in links} | {lang}
                for _, other_title, other_lang in members:
                    if other_lang not in have:
                        links.append({"lang": other_lang, "title": other_title})
                        have.add(other_lang)
                        added += 1
                new = json.dumps(article, ensure_ascii=False, separators=(",", ":"))
                if new != data:
                    conn.execute("UPDATE articles SET data = ? WHERE id = ?", (new, aid))
    return added
