"""RULEBOOK "Examples to build against", plus dates the rulebook itself derives from a rule."""

from datetime import date

# (rule, start, flags, due) — flags are the command-line switches.
RULEBOOK_EXAMPLES = [
    ("KN-03", date(2026, 6, 8), (), date(2026, 6, 18)),
    ("KN-04", date(2026, 3, 20), (), date(2026, 4, 20)),
    ("KN-04", date(2026, 3, 20), ("--complex",), date(2026, 5, 4)),
    ("KN-01", date(2026, 1, 23), (), date(2026, 4, 23)),
    ("TC-01", date(2026, 2, 11), (), date(2026, 2, 27)),
    ("TC-08", date(2026, 6, 1), ("--especially-complex",), date(2026, 9, 3)),
    ("XL-01", date(2026, 4, 23), (), date(2026, 5, 12)),
    ("XL-01", date(2026, 1, 5), (), date(2026, 1, 16)),
    ("TX-04", date(2026, 5, 8), (), date(2026, 4, 24)),
]

# 2026 election milestones quoted in RULEBOOK §7 (election day Sun 15/03/2026, BC-01).
ELECTION_DAY_2026 = date(2026, 3, 15)
ELECTION_EXAMPLES = [
    ("BC-09", ELECTION_DAY_2026, (), date(2026, 2, 1)),
    ("BC-10", ELECTION_DAY_2026, (), date(2026, 1, 4)),
    ("BC-23", ELECTION_DAY_2026, (), date(2026, 3, 25)),
]


def flags_to_kwargs(flags: tuple[str, ...]) -> dict[str, bool]:
    return {flag.removeprefix("--").replace("-", "_"): True for flag in flags}
