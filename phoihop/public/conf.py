"""Public site settings (``PHOIHOP_PUBLIC`` in settings)."""

from django.conf import settings

DEFAULTS = {
    # (requests, seconds): letters one address may submit, and all addresses together.
    "SUBMIT_PER_IP": (5, 3600),
    "SUBMIT_GLOBAL": (200, 600),
    # Status look-ups one address may try: the secret token must not be guessable by brute force.
    "LOOKUP_PER_IP": (20, 600),
    # How long the receipt page may show the secret token again (same browser session).
    "RECEIPT_SECONDS": 1800,
    # E-mail subscriptions: requests one client address may make, and confirmation mails one
    # mailbox may be sent whoever asks (no mail-bombing an address from many machines); days a
    # confirmation link works; subscribers mailed per batch (a few queries each, decision 0252).
    # Links in the mails are built from PHOIHOP_SITE_URL (phoihop.core.links).
    "SUBSCRIBE_PER_IP": (10, 3600),
    "SUBSCRIBE_PER_EMAIL": (5, 86400),
    "SUBSCRIPTION_CONFIRM_DAYS": 7,
    "ANNOUNCEMENT_BATCH": 200,
}


def setting(name: str):
    return {**DEFAULTS, **getattr(settings, "PHOIHOP_PUBLIC", {})}[name]
