"""Thin views: parse with a form, read through selectors, write through services."""

from datetime import date
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from phoihop.access.grants import has_permission_anywhere
from phoihop.access.policy import allowed_in, can
from phoihop.casework.clocks import clocks_open
from phoihop.casework.selectors import handover_get, handover_inbox_list, handover_list
from phoihop.casework.views import item_panel_context
from phoihop.core.actions import attempt, form_errors, kept, submit
from phoihop.core.downloads import XLSX, file_response
from phoihop.core.pagination import window_page
from phoihop.deadlines.selectors import deadline_item_list
from phoihop.documents.views import docx_response
from phoihop.identity.views import identity_reveal_page
from phoihop.letters import forms, selectors, services
from phoihop.letters.models import Letter
from phoihop.letters.reports import period_report, period_report_summaries, period_report_xlsx
from phoihop.letters.statistics import (
    bar_chart_svg,
    letter_list_xlsx,
    letter_statistics,
    letter_statistics_xlsx,
)
from phoihop.organizations.selectors import organizations_where

# Letters per page of the register and the supervision list.
LIST_PAGE_SIZE = 30


@login_required
def letter_list(request):
    if not has_permission_anywhere(request.user, "letters.view_letter"):
        raise Http404
    form = forms.FilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    if form.is_bound and form.errors:
        messages.error(request, "Bộ lọc chưa hợp lệ: " + form_errors(form))
    today = timezone.localdate()
    found = selectors.letter_search(
        viewer=request.user,
        status=data.get("status") or None,
        kind=data.get("kind") or None,
        query=data.get("q") or "",
        overdue_on=today if data.get("overdue") else None,
        received_from=data.get("received_from"),
        received_to=data.get("received_to"),
        due_from=data.get("due_from"),
        due_to=data.get("due_to"),
    )
    qs = found.letters
    if request.GET.get("format") == "xlsx":
        return file_response(letter_list_xlsx(qs[:5000]), "Danh sách đơn.xlsx", XLSX)
    # No exact count: at volume it costs more than the page (docs/letters-benchmark.md).
    page = window_page(qs, request.GET.get("page"), per_page=LIST_PAGE_SIZE)
    return render(
        request,
        "letters/list.html",
        {
            "form": form,
            "page": page,
            "today": today,
            "any_word": found.any_word,
            "query": data.get("q") or "",
            "can_register": has_permission_anywhere(request.user, "letters.add_letter"),
            "can_search_senders": has_permission_anywhere(request.user, "identity.read_identity"),
        },
    )


@login_required
def sender_search(request):
    """Letters and visits of a sender found by full name, for an officer cleared to read
    identities; each search is audited (the name by its blind index only). Sent by POST so
    that the name stays out of addresses and server logs."""
    if not has_permission_anywhere(request.user, "identity.read_identity"):
        raise Http404
    form = forms.SenderSearchForm(request.POST or None)
    found = None
    if request.method == "POST" and form.is_valid():
        found = {}

        def call():
            found.update(
                selectors.sender_history(
                    viewer=request.user,
                    full_name=form.cleaned_data["full_name"],
                    purpose=form.cleaned_data["purpose"],
                )
            )

        if not attempt(request, call):
            found = None
    response = render(request, "letters/sender_search.html", {"form": form, "found": found})
    response["Cache-Control"] = "no-store"
    return response


@login_required
def letter_register(request):
    if not has_permission_anywhere(request.user, "letters.add_letter"):
        raise Http404
    form = forms.RegisterForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        scan = data.get("scan")
        documents = (
            [services.ReceivedDocument(scan.name, scan.content_type, scan.content)] if scan else []
        )
        result = {}

        def call():
            result["letter"] = services.letter_register(
                actor=request.user,
                organization=data["organization"],
                channel=data["channel"],
                received_on=data["received_on"],
                content=data["content"],
                sender=services.Sender(
                    full_name=data["full_name"],
                    address=data["address"],
                    phone=data["phone"],
                    email=data["email"],
                    id_number=data["id_number"],
                    count=data["sender_count"],
                ),
                documents=documents,
                has_signature=data["has_signature"],
                idempotency_key=data["idempotency_key"],
            )

        if attempt(request, call):
            messages.success(request, f"Đã vào sổ {result['letter']}.")
            return redirect(result["letter"])
    return render(request, "letters/register.html", {"form": form})


def _detail_context(request, letter):
    user = request.user
    actions = {a: can(user, a, letter) for a in ("triage", "resolve", "decide", "supervise")}
    triaging = actions["triage"] and letter.status == Letter.Status.RECEIVED
    competence = selectors.letter_competence_suggestion(letter=letter) if triaging else None
    documents = list(selectors.letter_document_list(letter=letter))
    return {
        "letter": letter,
        "deadlines": deadline_item_list(target=letter),
        "documents": documents,
        **item_panel_context(request, letter),
        # The history links a step's document only when it is the letter's own (the download
        # serves those); a step may carry the source letter's or a follow-up's document.
        "document_pks": {d.pk for d in documents},
        "duplicates": selectors.letter_duplicate_candidates(viewer=user, letter=letter)
        if actions["triage"] and letter.is_open
        else [],
        "can": actions,
        "can_read_identity": letter.sender_id is not None and can(user, "read", letter.sender),
        "can_edit_documents": allowed_in(user, "documents.view_document", letter.organization),
        "today": timezone.localdate(),
        "competence": competence,
        "classify_form": kept(
            request,
            forms.ClassifyForm,
            auto_id="id_classify_%s",
            initial={
                "has_signature": letter.has_signature,
                "has_name_address": letter.has_name_address,
                "kind": competence.kind if competence else None,
                "field": competence.field if competence else "",
                "level": competence.level if competence else "",
            },
        ),
        "split_form": kept(request, forms.SplitForm, auto_id="id_split_%s"),
        "outcome_form": kept(
            request,
            forms.OutcomeForm,
            auto_id="id_outcome_%s",
            initial={"to_organization": competence.organization if competence else None},
        ),
        "accept_form": kept(request, forms.AcceptForm, auto_id="id_accept_%s"),
        "reclassify_form": kept(
            request,
            forms.ReclassifyForm,
            auto_id="id_reclassify_%s",
            initial={"kind": letter.kind, "instance": letter.instance},
        ),
        "step_form": kept(
            request,
            forms.StepForm,
            auto_id="id_step_%s",
            letter=letter,
            suspended=_suspended(letter) if letter.status == Letter.Status.ACCEPTED else False,
            may_decide=actions["decide"],
        ),
    }


@login_required
def letter_detail(request, public_id):
    letter = selectors.letter_get(viewer=request.user, public_id=public_id)
    return render(request, "letters/detail.html", _detail_context(request, letter))


def _post(request, public_id, form_class, call):
    """Validate *form_class*, then run ``call(letter, data)``; back to the letter either way
    (a refused form comes back there with what was typed)."""
    letter = selectors.letter_get(viewer=request.user, public_id=public_id)
    form = form_class(request.POST)
    submit(request, form, lambda data: call(letter, data, form), "Đã ghi nhận.")
    return redirect(letter)


@login_required
@require_POST
def letter_classify(request, public_id):
    return _post(
        request,
        public_id,
        forms.ClassifyForm,
        lambda letter, d, f: services.letter_classify(actor=request.user, letter=letter, **d),
    )


@login_required
@require_POST
def letter_split(request, public_id):
    return _post(
        request,
        public_id,
        forms.SplitForm,
        lambda letter, d, f: services.letter_split(
            actor=request.user, letter=letter, parts=f.parts()
        ),
    )


@login_required
@require_POST
def letter_outcome(request, public_id):
    def call(letter, d, f):
        common = {"actor": request.user, "letter": letter, "on": d["on"]}
        if d["outcome"] == "forward":
            services.letter_forward(**common, to_organization=d["to_organization"], note=d["note"])
        elif d["outcome"] == "guide":
            services.letter_guide(
                **common, note=d["note"], competent_organization=d["to_organization"]
            )
        elif d["outcome"] == "return":
            services.letter_return(**common, note=d["note"])
        elif d["outcome"] == "use_for_inspection":
            services.letter_use_for_inspection(**common, note=d["note"])
        elif d["outcome"] == "refuse":
            services.letter_refuse(**common, note=d["note"])
        else:
            services.letter_file_away(**common, note=d["note"])

    return _post(request, public_id, forms.OutcomeForm, call)


@login_required
@require_POST
def letter_accept(request, public_id):
    return _post(
        request,
        public_id,
        forms.AcceptForm,
        lambda letter, d, f: services.letter_accept(actor=request.user, letter=letter, **d),
    )


def _suspended(letter) -> bool:
    return clocks_open(letter).filter(status="suspended").exists()


COMPLEXITY = {
    "none": (False, False),
    "complex": (True, False),
    "especially_complex": (True, True),
}


@login_required
@require_POST
def letter_step(request, public_id):
    letter = selectors.letter_get(viewer=request.user, public_id=public_id)
    form = forms.StepForm(request.POST, letter=letter, suspended=_suspended(letter))

    @transaction.atomic
    def call(d):
        actor, on, note = request.user, d["on"], d["note"]
        complexity = d.get("complexity")
        if d["action"] == "extend" and complexity:
            is_complex, especially = COMPLEXITY[complexity]
            if (is_complex, especially) != (letter.is_complex, letter.is_especially_complex):
                services.letter_complexity_set(
                    actor=actor,
                    letter=letter,
                    is_complex=is_complex,
                    is_especially_complex=especially,
                    reason=note,
                    on=on,
                )
                letter.refresh_from_db()
            if letter.kind == Letter.Kind.COMPLAINT:
                return  # the longer period of a complex complaint is its extension
        services.letter_take_step(
            actor=actor,
            letter=letter,
            action=d["action"],
            on=on,
            note=note,
            days=d.get("days"),
            method=d.get("method", ""),
            coerced=d.get("coerced", False),
            signs_of_violation=d.get("signs_of_violation", False),
            withdrawing_count=d.get("withdrawing_count"),
            ground=d.get("ground", ""),
            verification_result=d.get("verification_result", ""),
            legal_basis=d.get("legal_basis", ""),
            conclusion=d.get("conclusion", ""),
        )

    submit(request, form, call, "Đã ghi nhận.")
    return redirect(letter)


@login_required
@require_POST
def letter_reclassify(request, public_id):
    return _post(
        request,
        public_id,
        forms.ReclassifyForm,
        lambda letter, d, f: services.letter_reclassify(actor=request.user, letter=letter, **d),
    )


@login_required
def letter_identity(request, public_id):
    """The sender's identity, for cleared officers only, after stating a purpose."""
    letter = selectors.letter_get(viewer=request.user, public_id=public_id)
    if letter.sender_id is None or not can(request.user, "read", letter.sender):
        raise Http404
    return identity_reveal_page(
        request, letter.sender, subject=str(letter), back_url=letter.get_absolute_url()
    )


@login_required
@require_POST
def letter_identity_mark(request, public_id):
    """Parts of the text an officer marks as identifying the sender (one per line)."""
    return _post(
        request,
        public_id,
        forms.IdentityMarkForm,
        lambda letter, d, f: services.letter_identity_mark(
            actor=request.user, letter=letter, spans=d["spans"].splitlines()
        ),
    )


@login_required
def letter_document(request, public_id, document_id):
    letter = selectors.letter_get(viewer=request.user, public_id=public_id)
    document = selectors.letter_document_list(letter=letter).filter(public_id=document_id).first()
    if document is None:
        raise Http404
    return docx_response(document, request.user)


@login_required
def forwarding_inbox(request):
    if not has_permission_anywhere(request.user, "letters.view_letter"):
        raise Http404
    return render(
        request,
        "letters/inbox.html",
        {
            "pending": handover_inbox_list(viewer=request.user, model=Letter),
            "recent": handover_list(viewer=request.user, model=Letter)[:30],
        },
    )


@login_required
@require_POST
def forwarding_acknowledge(request, public_id):
    forwarding = handover_get(viewer=request.user, public_id=public_id)
    result = {}

    def call():
        result["letter"] = services.forwarding_acknowledge(
            actor=request.user, forwarding=forwarding, on=timezone.localdate()
        )

    if attempt(request, call):
        messages.success(request, f"Đã nhận và vào sổ {result['letter']}.")
        return redirect(result["letter"])
    return redirect("letters:forwarding_inbox")


@login_required
def supervision(request):
    if not has_permission_anywhere(request.user, "letters.supervise_letter"):
        raise Http404
    today = timezone.localdate()
    page = window_page(
        selectors.letter_supervised_list(viewer=request.user, today=today).sections,
        request.GET.get("page"),
        per_page=LIST_PAGE_SIZE,
    )
    rows = list(page)
    due = selectors.letter_resolution_due_map(letters=rows)
    return render(
        request,
        "letters/supervision.html",
        {"page": page, "rows": [(letter, due.get(letter.pk)) for letter in rows], "today": today},
    )


def _period(request) -> tuple[forms.ReportPeriodForm, date, date, object]:
    """The period and body chosen (this year to date and every visible body by default)."""
    today = timezone.localdate()
    form = forms.ReportPeriodForm(
        request.GET or request.POST or None,
        initial={"start": today.replace(month=1, day=1), "end": today},
        organizations=organizations_where(request.user, "letters.export_letter"),
    )
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        return form, data["start"], data["end"], data.get("organization")
    return form, today.replace(month=1, day=1), today, None


@login_required
def statistics(request):
    if not has_permission_anywhere(request.user, "letters.export_letter"):
        raise Http404
    form, start, end, organization = _period(request)
    if form.is_bound and form.errors:
        messages.error(request, "Kỳ báo cáo chưa hợp lệ: " + form_errors(form))
    today = timezone.localdate()
    stats = letter_statistics(
        viewer=request.user, start=start, end=end, today=today, organization=organization
    )
    if request.GET.get("format") == "xlsx":
        return file_response(letter_statistics_xlsx(stats), "Thống kê đơn.xlsx", XLSX)
    unit = organization.name if organization else "Các cơ quan trong phạm vi được xem"
    report = period_report(
        viewer=request.user, start=start, end=end, organization=organization, unit=unit
    )
    if request.GET.get("format") == "tt02":
        name = f"Biểu tổng hợp {start:%d-%m-%Y} đến {end:%d-%m-%Y}.xlsx"
        return file_response(period_report_xlsx(report), name, XLSX)
    charts = [(b, bar_chart_svg(b, chart_id=f"chart-{i}")) for i, b in enumerate(stats.breakdowns)]
    tables = [
        (t, bar_chart_svg(t.chart(), chart_id=f"tt02-{i}")) for i, t in enumerate(report.tables)
    ]
    query = {"start": f"{start:%d/%m/%Y}", "end": f"{end:%d/%m/%Y}"}
    if organization:
        query["organization"] = str(organization.public_id)
    return render(
        request,
        "letters/statistics.html",
        {
            "form": form,
            "stats": stats,
            "charts": charts,
            "report": report,
            "tables": tables,
            "query": urlencode(query),
            "organization": organization,
            "report_organizations": organizations_where(request.user, "letters.export_letter"),
        },
    )


@login_required
@require_POST
def statistics_report(request):
    if not has_permission_anywhere(request.user, "letters.export_letter"):
        raise Http404
    form, start, end, organization = _period(request)
    if not form.is_valid() or organization is None:
        messages.error(request, "Chọn kỳ báo cáo và cơ quan ban hành hợp lệ.")
        return redirect("letters:statistics")
    today = timezone.localdate()
    stats = letter_statistics(
        viewer=request.user, start=start, end=end, today=today, organization=organization
    )
    report = period_report(
        viewer=request.user, start=start, end=end, organization=organization, unit=""
    )
    document = services.letter_report_issue(
        actor=request.user,
        organization=organization,
        stats=stats,
        on=today,
        summaries=period_report_summaries(report),
    )
    messages.success(
        request,
        "Đã lập dự thảo báo cáo; xem lại, sửa nếu cần, rồi cấp số khi ban hành. "
        "Dự thảo chưa dùng số văn bản.",
    )
    return redirect("documents:detail", public_id=document.public_id)
