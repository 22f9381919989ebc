"""Reads from the search index: diacritic-insensitive full-text search with ranking.

One interface, two backends: SQLite FTS5 (bm25) and PostgreSQL full text (``simple``
configuration, ``ts_rank_cd``) with a pg_trgm fallback for misspelt words. Both search the
folded search keys written by :func:`phoihop.text.services.search_index_upsert`, so
"duong tinh 816", "DT816" and "đường tỉnh 816" all find "ĐT.816".

The index knows nothing of permissions: callers turn the returned object ids into objects
through their own ``restrict(viewer, "view")`` selectors.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import connection

from phoihop.text.models import SearchDocument
from phoihop.text.normalize import query_terms

SqlParam = str | int | float  # a value bound to a placeholder of the raw search queries

FTS_TABLE = "text_searchdocument_fts"
# Matches ranked per search at most (or *limit*, if larger). A common phrase matches a large
# share of the index; ranking all of it took seconds to a minute at 1,000,000 letters, so both
# backends rank the newest CANDIDATES matches only (docs/letters-benchmark.md).
CANDIDATES = 2000


@dataclass(frozen=True)
class SearchHit:
    """One search result: what it is, its title, and how well it matched (higher is better)."""

    kind: str
    object_id: str
    title: str
    score: float


def search(
    query: str, *, kinds: Sequence[str] | None = None, limit: int = 20, newest: bool = False
) -> list[SearchHit]:
    """Documents matching every term of *query*, best first (or newest first, unranked, with
    *newest*: what a register listed by date needs).

    Terms match whole words first; only when that finds fewer than *limit* documents does the
    last term also match as a prefix ("DT81" finds "dt816"). A prefix of a common syllable
    stands for thousands of index terms, which cost tens of milliseconds at a million
    documents, so it is never paid when whole words already fill the page. When no document
    has every term, documents with any term are returned, ranked. Only the newest
    ``max(limit, CANDIDATES)`` matches are ranked, so for a very common phrase an older
    document may be left out even if it would score higher.
    """
    return search_results(query, kinds=kinds, limit=limit, newest=newest).hits


@dataclass(frozen=True)
class SearchResults:
    """Hits, and whether they have every term or (the fallback) only some of them."""

    hits: list[SearchHit]
    any_term: bool = False


def search_results(
    query: str,
    *,
    kinds: Sequence[str] | None = None,
    limit: int = 20,
    newest: bool = False,
    fallback: bool = True,
) -> SearchResults:
    """:func:`search`, saying whether the fallback to documents with any term was used, so
    that a page can tell its reader (decision 0145). Without *fallback*, a query no document
    matches in full finds nothing (the fallback ranks thousands of partial matches, which a
    public page open to anyone need not pay for)."""
    terms = query_terms(query)
    if not terms or limit <= 0:
        return SearchResults([])
    run = _search_postgresql if connection.vendor == "postgresql" else _search_sqlite
    hits = run(terms, kinds, limit, every=True, prefix=False, newest=newest)
    if len(hits) < limit:
        hits = run(terms, kinds, limit, every=True, prefix=True, newest=newest)
    if fallback and not hits and len(terms) > 1:
        hits = run(terms, kinds, limit, every=False, prefix=True, newest=False)
        return SearchResults(hits, any_term=bool(hits))
    return SearchResults(hits)


def _kinds_clause(kinds: Sequence[str] | None, column: str) -> tuple[str, list[str]]:
    if not kinds:
        return "", []
    return f" AND {column} IN ({', '.join(['%s'] * len(kinds))})", list(kinds)


def _candidate_limit(limit: int) -> int:
    return max(limit, CANDIDATES)


def _hits(sql: str, params: Sequence[SqlParam]) -> list[SearchHit]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [SearchHit(*row) for row in cursor.fetchall()]


def _search_sqlite(
    terms: list[str],
    kinds: Sequence[str] | None,
    limit: int,
    *,
    every: bool,
    prefix: bool,
    newest: bool,
) -> list[SearchHit]:
    # Terms are [0-9a-z]+ after folding, so quoting them is enough to make a safe FTS5 query.
    quoted = [f'"{term}"' for term in terms]
    if prefix:
        quoted[-1] += "*"
    match = (" AND " if every else " OR ").join(quoted)
    kind_sql, kind_params = _kinds_clause(kinds, "d.kind")
    table = SearchDocument._meta.db_table
    if newest:  # FTS5 walks the doclists from the highest rowid and stops after *limit*
        sql = (
            f"SELECT d.kind, d.object_id, d.title, 0.0 FROM {FTS_TABLE} "  # noqa: S608
            f"JOIN {table} d ON d.id = {FTS_TABLE}.rowid WHERE {FTS_TABLE} MATCH %s{kind_sql} "
            f"ORDER BY {FTS_TABLE}.rowid DESC LIMIT %s"
        )
        params: list[SqlParam] = [match, *kind_params, limit]
    else:
        # bm25 only for the newest CANDIDATES matches: the scalar subquery walks the doclist
        # from the highest rowid and stops at the boundary, and FTS5 seeks to it through the
        # rowid constraint. Only placeholders and fixed identifiers are interpolated.
        newest_sql, newest_params = _kinds_clause(kinds, "nd.kind")
        sql = (
            f"SELECT d.kind, d.object_id, d.title, -bm25({FTS_TABLE}, 3.0, 1.0) AS score "  # noqa: S608
            f"FROM {FTS_TABLE} JOIN {table} d ON d.id = {FTS_TABLE}.rowid "
            f"WHERE {FTS_TABLE} MATCH %s{kind_sql} AND {FTS_TABLE}.rowid >= coalesce(("
            f"SELECT n.rowid FROM {FTS_TABLE} n JOIN {table} nd ON nd.id = n.rowid "
            f"WHERE n.{FTS_TABLE} MATCH %s{newest_sql} ORDER BY n.rowid DESC LIMIT 1 OFFSET %s"
            f"), 0) ORDER BY score DESC, d.id LIMIT %s"
        )
        params = [match, *kind_params, match, *newest_params, _candidate_limit(limit) - 1, limit]
    return _hits(sql, params)


def _search_postgresql(
    terms: list[str],
    kinds: Sequence[str] | None,
    limit: int,
    *,
    every: bool,
    prefix: bool,
    newest: bool,
) -> list[SearchHit]:
    last = f"{terms[-1]}:*" if prefix else terms[-1]
    tsquery = (" & " if every else " | ").join([*terms[:-1], last])
    folded = " ".join(terms)
    kind_sql, kind_params = _kinds_clause(kinds, "kind")
    table = SearchDocument._meta.db_table
    if newest:
        sql = (
            f"SELECT kind, object_id, title, 0.0 FROM {table} "  # noqa: S608
            f"WHERE search_vector @@ to_tsquery('simple', %s){kind_sql} ORDER BY id DESC LIMIT %s"
        )
        return _hits(sql, [tsquery, *kind_params, limit])
    candidates = _candidate_limit(limit)
    # Rank a bounded candidate set, never every match: the newest CANDIDATES documents that
    # match the stored, GIN-indexed ``search_vector`` (migration 0003), plus, when not every
    # term matched, up to CANDIDATES documents close by trigrams (misspellings), in whatever
    # order the trigram index yields them. Only placeholders and identifiers are interpolated.
    sources = [
        f"(SELECT id FROM {table} WHERE search_vector @@ to_tsquery('simple', %s)"  # noqa: S608
        f"{kind_sql} ORDER BY id DESC LIMIT %s)"
    ]
    params: list[SqlParam] = [tsquery, *kind_params, candidates]
    if not every:
        sources.append(
            f"(SELECT id FROM {table} "  # noqa: S608
            f"WHERE %s <%% (search_title || ' ' || search_body){kind_sql} LIMIT %s)"
        )
        params += [folded, *kind_params, candidates]
    # word_similarity (about 0.15 ms a letter) only scores the fallback, where it ranks near
    # misses; when every term matched, ts_rank_cd (title weighted A, cover density) decides.
    score = "ts_rank_cd(d.search_vector, to_tsquery('simple', %s))"
    score_params: list[SqlParam] = [tsquery]
    if not every:
        score += " + word_similarity(%s, d.search_title || ' ' || d.search_body)"
        score_params.append(folded)
    sql = (
        f"SELECT d.kind, d.object_id, d.title, {score} AS score "  # noqa: S608
        f"FROM {table} d WHERE d.id IN ({' UNION '.join(sources)}) "
        f"ORDER BY score DESC, d.id LIMIT %s"
    )
    return _hits(sql, [*score_params, *params, limit])
