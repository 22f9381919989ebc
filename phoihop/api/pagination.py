"""Paging for every API list: a bounded ``limit`` and ``offset``.

Without a ceiling, ``?limit=99999999999999999999`` reached the database as a LIMIT that does not
fit in 64 bits and failed with a server error. Both values are clamped instead of refused, as
DRF does for ``limit`` above ``max_limit``: a client asking for too much gets the most allowed.
"""

from rest_framework.pagination import LimitOffsetPagination

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
