"""Public pages of law-making (no sign-in): the drafts open for comments, provision by
provision; a citizen comments after verifying an e-mail or a phone by a one-time code; what was
taken up and explained, once published (LP-05, LP-07)."""

from django.conf import settings
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from phoihop.core.errors import ApplicationError
from phoihop.lawmaking import forms, selectors, services
from phoihop.lawmaking.conf import setting
from phoihop.lawmaking.models import ContactVerification
from phoihop.public import ratelimit

SESSION_KEY = "lawmaking_verified"


def _verified(request) -> ContactVerification | None:
    public_id = request.session.get(SESSION_KEY)
    verification = (
        ContactVerification.objects.filter(public_id=public_id).first() if public_id else None
    )
    return verification if services.verification_valid(verification) else None


def _open_today(consultation) -> bool:
    today = timezone.localdate()
    return (
        consultation.is_public
        and consultation.status == "open"
        and consultation.opens_on <= today <= consultation.closes_on
    )


@require_GET
def home(request):
    return render(
        request,
        "lawmaking/public_home.html",
        {"consultations": selectors.public_consultations()[:50], "today": timezone.localdate()},
    )


@require_GET
def consultation(request, public_id):
    item = selectors.public_consultation_get(public_id)
    rows = selectors.report_rows(item) if item.published_at else []
    return render(
        request,
        "lawmaking/public_consultation.html",
        {
            "c": item,
            "rows": selectors.heat_map(item.draft, item.version) if item.is_public else [],
            "results": rows,
            "open": _open_today(item),
            "verified": _verified(request) is not None,
        },
    )


@require_http_methods(["GET", "POST"])
def provision(request, public_id, eid):
    item = selectors.public_consultation_get(public_id)
    if not item.is_public:
        raise Http404
    target = selectors.provision_get(item.version, eid)
    verification = _verified(request)
    form = forms.PublicCommentForm(request.POST or None)
    sent = request.GET.get("da_gui") == "1"
    if request.method == "POST" and verification is not None and form.is_valid():
        d = form.cleaned_data
        try:
            limit, window = setting("COMMENT_PER_CONTACT")
            ratelimit.hit(
                "lawmaking_comment", verification.contact_hash, limit=limit, window=window
            )
            services.public_comment_submit(
                consultation=item,
                provision=target,
                verification=verification,
                position=d["position"],
                text=d["text"],
                proposed_wording=d["proposed_wording"],
                commenter_name=d["commenter_name"],
                idempotency_key=d["idempotency_key"],
            )
        except ratelimit.RateLimited as exc:
            return ratelimit.too_many(request, exc)
        except ApplicationError as exc:
            form.add_error(None, exc.message)
        except IntegrityError:
            form.add_error(None, "Góp ý này đã được gửi.")
        else:
            return redirect(f"{request.path}?da_gui=1")
    return render(
        request,
        "lawmaking/public_provision.html",
        {
            "c": item,
            "p": target,
            "citation": selectors.citations(item.version).get(target.pk, target.label),
            "children": item.version.provisions.filter(parent=target),
            "form": form,
            "verified": verification is not None,
            "open": _open_today(item),
            "sent": sent,
        },
    )


@require_http_methods(["GET", "POST"])
def code_request(request, public_id):
    item = selectors.public_consultation_get(public_id)
    if not _open_today(item):
        raise Http404
    form = forms.CodeRequestForm(request.POST or None)
    after = request.GET.get("sau", "")
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            limit, window = setting("CODE_PER_IP")
            ratelimit.hit(
                "lawmaking_code",
                ratelimit.client_address(request) or "unknown",
                limit=limit,
                window=window,
            )
            normalized = services.contact_normalize(d["channel"], d["contact"])
            limit, window = setting("CODE_PER_CONTACT")
            counted = ratelimit.mailbox(normalized) if "@" in normalized else normalized
            ratelimit.hit("lawmaking_code_contact", counted, limit=limit, window=window)
            verification, code = services.verification_start(
                channel=d["channel"], contact=normalized
            )
        except ratelimit.RateLimited as exc:
            return ratelimit.too_many(request, exc)
        except ApplicationError as exc:
            form.add_error("contact", exc.message)
        else:
            if settings.PHOIHOP_DEMO:
                request.session["lawmaking_demo_code"] = code
            request.session["lawmaking_code_to"] = [
                str(verification.public_id),
                services.contact_masked(d["channel"], normalized),
            ]
            url = f"{request.path}{verification.public_id}/"
            return redirect(f"{url}?sau={after}" if after else url)
    return render(
        request, "lawmaking/public_verify.html", {"c": item, "form": form, "after": after}
    )


def _sent_to(request, verification) -> str:
    """Where this visitor's code went, masked (kept in their own session only)."""
    kept = request.session.get("lawmaking_code_to") or ["", ""]
    return kept[1] if kept[0] == str(verification) else ""


@require_http_methods(["GET", "POST"])
def code_confirm(request, public_id, verification):
    item = selectors.public_consultation_get(public_id)
    if not _open_today(item):
        raise Http404
    form = forms.CodeConfirmForm(request.POST or None)
    after = request.GET.get("sau", "")
    if request.method == "POST" and form.is_valid():
        try:
            done = services.verification_confirm(
                public_id=verification, code=form.cleaned_data["code"]
            )
        except ApplicationError as exc:
            form.add_error("code", exc.message)
        else:
            request.session.cycle_key()
            request.session[SESSION_KEY] = str(done.public_id)
            request.session.pop("lawmaking_demo_code", None)
            if after and item.version.provisions.filter(eid=after).exists():
                return redirect("lawmaking_public:provision", public_id=item.public_id, eid=after)
            return redirect("lawmaking_public:consultation", public_id=item.public_id)
    return render(
        request,
        "lawmaking/public_code.html",
        {
            "c": item,
            "form": form,
            "demo_code": request.session.get("lawmaking_demo_code")
            if settings.PHOIHOP_DEMO
            else None,
            "sent_to": _sent_to(request, verification),
            "after": after,
        },
    )
