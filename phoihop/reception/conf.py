"""Reception settings an administrator may change (``PHOIHOP_RECEPTION`` in settings)."""

from django.conf import settings

DEFAULTS = {
    # Minimum periodic reception days of an official, per legal basis: (days, "month" | "week").
    # TCD-01/TCD-02: the provincial chairman and heads of agencies, at least 1 day a month
    # (Luật Tiếp công dân 2013 Đ18 k2; NĐ 64/2014 Đ4 k2). TCD-03: the commune chairman, at least
    # 1 day a week (Luật TCD Đ15 k2 d). Luật 136/2025/QH15 may have changed that to 2 days a
    # month (TCD-09, draft wording, not verified): set "TCD-03": (2, "month") once confirmed.
    "MINIMUM_DAYS": {
        "TCD-01": (1, "month"),
        "TCD-02": (1, "month"),
        "TCD-03": (1, "week"),
    },
    # Answer the citizen within 10 working days of reception (Luật TCD Đ28 k1, rule XL-01).
    "ANSWER_RULE": "XL-01",
    # A visit of at least this many citizens with one content is a mass visit that appoints
    # representatives (Luật Khiếu nại Đ8 k4; NĐ 124/2020; RULEBOOK KN-15).
    "MASS_VISIT_SIZE": 5,
}


def setting(name: str):
    return {**DEFAULTS, **getattr(settings, "PHOIHOP_RECEPTION", {})}[name]
