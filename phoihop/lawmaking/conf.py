"""Law-making settings (``PHOIHOP_LAWMAKING`` in settings)."""

from django.conf import settings

DEFAULTS = {
    # Minimum comment window in days per draft kind (LP-08): the law read for the rulebook does
    # not confirm one, so none by default; a province sets e.g. {"provincial_resolution": 30}.
    "MIN_COMMENT_DAYS": {},
    # One-time codes on the public site.
    "CODE_SECONDS": 600,
    "CODE_ATTEMPTS": 5,
    "VERIFIED_SECONDS": 3600,
    # (requests, seconds): codes one address may ask for, and one contact may receive.
    "CODE_PER_IP": (10, 3600),
    "CODE_PER_CONTACT": (3, 900),
    # Comments one verified contact may send (a citizen comments on several provisions).
    "COMMENT_PER_CONTACT": (60, 3600),
    # Days after the critique is sent that the form suggests for the drafting body's answer
    # (LP-06T: the law read gives no number; the critique document sets the date).
    "CRITIQUE_ANSWER_DAYS": 15,
    # LP-11 (Luật 64/2025/QH15 Đ23 k1): proposals reach the NA Standing Committee before this
    # (month, day) of the term's first year; the current term and its first year.
    "LEGISLATIVE_PROPOSALS_BEFORE": (8, 1),
    "NA_TERM": ("XVI", 2026),
    # Largest draft file and campaign file accepted.
    "MAX_DOCX_BYTES": 10 * 1024 * 1024,
    "MAX_IMPORT_ROWS": 200_000,
}


def setting(name: str):
    return {**DEFAULTS, **getattr(settings, "PHOIHOP_LAWMAKING", {})}[name]
