"""Settings of the deadlines module, with the rulebook's defaults (docs/decisions 0021, 0022).

PHOIHOP_DEADLINES = {
    "CULTURE_DAY_HOLIDAY": False,   # 24/11 as a day off (RULEBOOK NG-06)
    "DAY_TYPE_OVERRIDES": {},       # e.g. {"KN-03": "working"} (G-05)
    "NOTIFY_BEFORE_WORKING_DAYS": 3,  # reminder this many working days before the due date
    "PROVINCIAL_RULES_DIRS": [],    # more provinces' working rules (*.toml), as data/provincial/
}
"""

from django.conf import settings

DEFAULTS = {
    "CULTURE_DAY_HOLIDAY": False,
    "DAY_TYPE_OVERRIDES": {},
    "NOTIFY_BEFORE_WORKING_DAYS": 3,
    "PROVINCIAL_RULES_DIRS": [],
}


def setting(name: str):
    return {**DEFAULTS, **getattr(settings, "PHOIHOP_DEADLINES", {})}[name]


def calendar_toggles() -> frozenset[str]:
    return frozenset({"culture_day"}) if setting("CULTURE_DAY_HOLIDAY") else frozenset()
