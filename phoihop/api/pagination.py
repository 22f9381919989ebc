"""Paging for every API list: a bounded ``limit`` and ``offset``.

Without a ceiling, ``?limit=99999999999999999999`` reached the database as a LIMIT that does not
fit in 64 bits and failed with a server error. Both values are clamped instead of refused, as
DRF does for ``limit`` above ``max_limit``: a client asking for too much gets the most allowed.
"""

from rest_framework.pagination import LimitOffsetPagination
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

MAX_LIMIT = 200
MAX_OFFSET = 10_000_000


def _bounded_int(value: object, *, default: int, ceiling: int) -> int:
    try:
        number = int(str(value))
    except (TypeError, ValueError):
        return default
    return min(max(number, 0), ceiling)


class BoundedLimitOffsetPagination(LimitOffsetPagination):
    """``limit`` at most ``MAX_LIMIT`` (a non-positive or invalid one means the default page);
    ``offset`` between 0 and ``MAX_OFFSET``."""

    default_limit = 50
    max_limit = MAX_LIMIT

    def get_limit(self, request):
        raw = request.query_params.get(self.limit_query_param)
        if raw is None:
            return self.default_limit
        limit = _bounded_int(raw, default=self.default_limit, ceiling=self.max_limit)
        return limit or self.default_limit

    def get_offset(self, request):
        raw = request.query_params.get(self.offset_query_param)
        return _bounded_int(raw, default=0, ceiling=MAX_OFFSET)


class UncountedLimitOffsetPagination(BoundedLimitOffsetPagination):
    """``limit`` and ``offset`` as above, without counting every row: one row more than the
    page is read to know whether a next page exists. The page has ``next``, ``previous`` and
    ``results``, and no ``count``. A view may also hand it a window it read itself
    (:meth:`paginate_window`)."""

    has_next = False

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.limit = self.get_limit(request)
        self.offset = self.get_offset(request)
        rows = list(queryset[self.offset : self.offset + self.limit + 1])
        return self.paginate_window(request, rows[: self.limit], has_next=len(rows) > self.limit)

    def paginate_window(self, request, rows: list, *, has_next: bool) -> list:
        """Page *rows*, read by the view at ``get_offset``/``get_limit``."""
        self.request = request
        self.limit = self.get_limit(request)
        self.offset = self.get_offset(request)
        self.has_next = has_next
        return rows

    def get_next_link(self):
        if not self.has_next:
            return None
        url = self.request.build_absolute_uri()
        url = replace_query_param(url, self.limit_query_param, self.limit)
        return replace_query_param(url, self.offset_query_param, self.offset + self.limit)

    def get_paginated_response(self, data):
        return Response(
            {"next": self.get_next_link(), "previous": self.get_previous_link(), "results": data}
        )

    def get_paginated_response_schema(self, schema):
        link = {"type": "string", "nullable": True, "format": "uri"}
        return {
            "type": "object",
            "required": ["next", "previous", "results"],
            "properties": {"next": link, "previous": link, "results": schema},
        }
