"""The public site's writes: a citizen's letter, sent without an account."""

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta
from uuid import UUID

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from phoihop.accounts.services import system_actor
from phoihop.audit.services import audit_record
from phoihop.letters.services import Sender, letter_register
from phoihop.organizations.models import Organization
from phoihop.public.conf import setting
from phoihop.public.models import Submission

# No 0/O, 1/I/L: the code and the token are read aloud on the phone and typed on a keypad.
_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def _random(length: int) -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(length))


def token_hash(token: str) -> str:
    """A keyed hash of an access token; only this is stored."""
    normalized = token.replace("-", "").replace(" ", "").upper()
    return hmac.new(settings.SECRET_KEY.encode(), normalized.encode(), hashlib.sha256).hexdigest()


def new_token() -> str:
    """``ABCD-EFGH-JKMN-PQRS``: 16 characters of a 31-letter alphabet, about 79 bits."""
    raw = _random(16)
    return "-".join(raw[i : i + 4] for i in range(0, 16, 4))


def _receipt_fernet(idempotency_key: UUID) -> Fernet:
    """A key only the holder of the form's idempotency key (with the server) can rebuild."""
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"receipt:{idempotency_key}".encode(), hashlib.sha256
    ).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def _new_tracking_code(year: int) -> str:
    for _ in range(10):
        code = f"{year}-{_random(6)}"
        if not Submission.objects.filter(tracking_code=code).exists():
            return code
    raise RuntimeError("no free tracking code")  # 31**6 codes a year: never in practice


@dataclass(frozen=True)
class Receipt:
    """What the citizen keeps. ``token`` is None when the submit repeated an earlier one."""

    submission: Submission
    token: str | None


@transaction.atomic(durable=True)
def public_letter_submit(
    *, organization: Organization, idempotency_key: UUID, sender: Sender, content: str
) -> Receipt:
    """Register a letter sent through the public site and issue its tracking credentials.

    The system account registers it (channel ``online``); the sender's identity goes to the
    identity vault through the letters service. A second call with the same
    *idempotency_key* (a double click, a resent form) returns the first submission and no token.

    Raises:
        LetterInputError: from the letters service (e.g. empty content).
        IntegrityError: a concurrent call with the same key committed first; retry the read.

    Records: ``public.letter.submitted`` (tracking code; never the identity nor the token), and
    the letters service's ``letter.registered``, ``identity.stored``, ``deadline.started``.
    """
    existing = Submission.objects.filter(idempotency_key=idempotency_key).first()
    if existing is not None:
        return Receipt(existing, None)
    _forget_old_sealed_tokens()
    actor = system_actor()
    today = timezone.localdate()
    letter = letter_register(
        actor=actor,
        organization=organization,
        channel="online",
        received_on=today,
        content=content,
        sender=sender,
        idempotency_key=str(idempotency_key),
    )
    token = new_token()
    submission = Submission(
        tracking_code=_new_tracking_code(today.year),
        token_hash=token_hash(token),
        sealed_token=_receipt_fernet(idempotency_key).encrypt(token.encode()),
        idempotency_key=idempotency_key,
        letter_public_id=letter.public_id,
        organization=organization,
    )
    submission.full_clean()
    submission.save()
    audit_record(
        actor=actor,
        event="public.letter.submitted",
        target=submission,
        related=letter,
        data={"tracking_code": submission.tracking_code},
    )
    return Receipt(submission, token)


def _forget_old_sealed_tokens() -> None:
    """Erase the sealed tokens of submissions past the retry window (on every new submit)."""
    limit = timezone.now() - timedelta(seconds=setting("RECEIPT_SECONDS"))
    Submission.objects.filter(created_at__lt=limit).exclude(sealed_token=b"").update(
        sealed_token=b""
    )


@transaction.atomic
def public_receipt_reclaim(*, idempotency_key: UUID) -> Receipt | None:
    """The receipt of an earlier submit of the same form, with its token shown again.

    A citizen whose answer was lost (a dropped connection, a time-out, a server restarted) sends
    the form again with the same idempotency key; that key is the proof of holding the form, so
    the token sealed under it is opened and returned — again on every retry until a receipt page
    showing it has been served (``public_receipt_shown``; decision 0109): an answer lost on the
    way must not use the token up. Only within the receipt window (``RECEIPT_SECONDS``); past
    it, sealed tokens are erased and a retry gets the receipt without a token. None if no
    submission has this key.

    Records: ``public.receipt.reshown`` (tracking code) each time the token is shown again.
    """
    submission = (
        Submission.objects.select_for_update().filter(idempotency_key=idempotency_key).first()
    )
    if submission is None:
        return None
    sealed = bytes(submission.sealed_token or b"")
    window = timedelta(seconds=setting("RECEIPT_SECONDS"))
    if sealed and submission.created_at < timezone.now() - window:
        sealed = b""  # too late: the token is no longer shown again
        submission.sealed_token = b""
        submission.save(update_fields=["sealed_token", "updated_at"])
    if not sealed:
        return Receipt(submission, None)
    try:
        token = _receipt_fernet(idempotency_key).decrypt(sealed).decode()
    except InvalidToken:  # SECRET_KEY changed since: the token cannot be shown again
        submission.sealed_token = b""
        submission.save(update_fields=["sealed_token", "updated_at"])
        return Receipt(submission, None)
    audit_record(
        actor=system_actor(),
        event="public.receipt.reshown",
        target=submission,
        data={"tracking_code": submission.tracking_code},
    )
    return Receipt(submission, token)


def public_receipt_shown(*, tracking_code: str) -> None:
    """A receipt page with the token has been served: erase the token's sealed copy.

    From now on the token lives only in the citizen's hands (and, for the receipt window, in
    the session that saw it); a later retry of the form gets the receipt without it.
    """
    Submission.objects.filter(tracking_code=tracking_code).exclude(sealed_token=b"").update(
        sealed_token=b"", updated_at=timezone.now()
    )
