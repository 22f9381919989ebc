"""Staff pages of citizen reception: schedules and the reception register."""

import uuid
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.forms.utils import ErrorDict
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from phoihop.access.grants import has_permission_anywhere
from phoihop.access.policy import can
from phoihop.casework.views import item_panel_context
from phoihop.core.actions import form_errors, kept, submit
from phoihop.core.downloads import XLSX, file_response
from phoihop.core.errors import ApplicationError
from phoihop.deadlines.selectors import deadline_item_list
from phoihop.identity.views import identity_reveal_page
from phoihop.organizations.selectors import organizations_where
from phoihop.reception import services
from phoihop.reception.forms import (
    ROW_PREFIXES,
    CitizenFormSet,
    ItemFormSet,
    RegisterPeriodForm,
    ScheduleForm,
    VisitAnswerForm,
    VisitForm,
)
from phoihop.reception.models import Visit
from phoihop.reception.register import visit_register_xlsx
from phoihop.reception.selectors import (
    reception_days,
    schedule_frequency_shortfalls,
    schedule_list,
    visit_citizen_identity_get,
    visit_citizen_list,
    visit_get,
    visit_letters,
    visit_list,
    visit_slip,
)

UPCOMING_DAYS = 62


def _require_anywhere(user, permission: str) -> None:
    if not has_permission_anywhere(user, permission):
        raise Http404


@login_required
def schedule_list_view(request):
    _require_anywhere(request.user, "reception.view_schedule")
    today = timezone.localdate()
    schedules = list(schedule_list(viewer=request.user))
    end = today + timedelta(days=UPCOMING_DAYS)
    return render(
        request,
        "reception/schedule_list.html",
        {
            "schedules": schedules,
            "days": reception_days(schedules, start=today, end=end),
            "shortfalls": schedule_frequency_shortfalls(viewer=request.user, start=today, end=end),
            "can_add": has_permission_anywhere(request.user, "reception.add_schedule"),
            "can_view_visits": has_permission_anywhere(request.user, "reception.view_visit"),
        },
    )


@login_required
def schedule_create_view(request):
    _require_anywhere(request.user, "reception.add_schedule")
    organizations = organizations_where(request.user, "reception.add_schedule")
    form = ScheduleForm(request.POST or None, organizations=organizations)
    if request.method == "POST" and form.is_valid():
        try:
            services.schedule_create(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect("reception:schedule_list")
    return render(request, "reception/schedule_form.html", {"form": form})


@login_required
def visit_list_view(request):
    _require_anywhere(request.user, "reception.view_visit")
    status = request.GET.get("trang_thai") or None
    today = timezone.localdate()
    period = RegisterPeriodForm(
        request.GET if "start" in request.GET else None,
        initial={"start": today.replace(day=1), "end": today},
        organizations=organizations_where(request.user, "reception.view_visit"),
    )
    visits = visit_list(viewer=request.user, status=status)
    if period.is_bound and not period.is_valid():
        messages.error(request, "Kỳ xuất sổ chưa hợp lệ: " + form_errors(period))
    elif request.GET.get("format") == "xlsx":
        data = period.cleaned_data if period.is_bound else period.initial
        start, end, organization = data["start"], data["end"], data.get("organization")
        chosen = visits.filter(visited_on__gte=start, visited_on__lte=end)
        if organization is not None:
            chosen = chosen.filter(organization=organization)
        chosen = chosen.prefetch_related("citizens__identity", "items").order_by(
            "visited_on", "id"
        )[:5000]
        unit = organization.name if organization else "Các cơ quan trong phạm vi được xem"
        body = visit_register_xlsx(
            viewer=request.user, visits=chosen, start=start, end=end, unit=unit
        )
        name = f"Sổ tiếp công dân {start:%d-%m-%Y} đến {end:%d-%m-%Y}.xlsx"
        response = file_response(body, name, XLSX)
        response["Cache-Control"] = "no-store"
        return response
    page = Paginator(visits, 30).get_page(request.GET.get("page"))
    return render(
        request,
        "reception/visit_list.html",
        {
            "page": page,
            "status": status,
            "statuses": Visit.Status.choices,
            "period": period,
            "can_add": has_permission_anywhere(request.user, "reception.add_visit"),
        },
    )


def _citizens(formset) -> list[services.CitizenInput]:
    return [
        services.CitizenInput(**form.cleaned_data)
        for form in formset
        if form.cleaned_data and any(form.cleaned_data.values())
    ]


def _items(formset) -> list[services.ItemInput]:
    return [
        services.ItemInput(
            content=form.cleaned_data["content"].strip(),
            documents=tuple(
                line.strip() for line in form.cleaned_data["documents"].splitlines() if line.strip()
            ),
        )
        for form in formset
        if form.cleaned_data and form.cleaned_data.get("content", "").strip()
    ]


def _quiet(*forms_and_sets) -> None:
    """Show a re-rendered form without errors (a row was added, nothing was submitted yet)."""
    for item in forms_and_sets:
        if hasattr(item, "forms"):
            item._errors, item._non_form_errors = [], item.error_class()
            _quiet(*item.forms)
        else:
            item._errors = ErrorDict()


@login_required
def visit_create_view(request):
    _require_anywhere(request.user, "reception.add_visit")
    organizations = organizations_where(request.user, "reception.add_visit")
    data = request.POST.copy() if request.method == "POST" else None
    adding = data is not None and data.get("them") in ROW_PREFIXES
    if adding:
        # One more empty row of citizens or contents: with htmx only that section is swapped
        # in; without script the whole form comes back with what was typed kept.
        prefix = data["them"]
        total = f"{prefix}-TOTAL_FORMS"
        data[total] = str(min(int(data.get(total) or 0) + 1, ROW_PREFIXES[prefix]))
    form = VisitForm(
        data,
        organizations=organizations,
        initial={"visited_on": timezone.localdate(), "idempotency_key": uuid.uuid4()},
    )
    citizens = CitizenFormSet(data, prefix="cong_dan")
    items = ItemFormSet(data, prefix="noi_dung")
    if adding:
        _quiet(form, citizens, items)
    elif data is not None and form.is_valid() and citizens.is_valid() and items.is_valid():
        typed = _citizens(citizens)
        fields = dict(form.cleaned_data)
        key = fields.pop("idempotency_key", None)
        try:
            visit = services.visit_register(
                actor=request.user,
                received_by=request.user,
                citizens=typed,
                items=_items(items),
                idempotency_key=str(key) if key else "",
                **fields,
            )
        except ApplicationError as exc:
            form.add_error(None, exc.message)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            # The officer who typed the names sees them once, on this answer only: it is not
            # stored, cached or shown again (the register keeps pseudonyms; decision 0149).
            messages.success(request, f"Đã vào sổ lượt tiếp {visit.reference}.")
            response = render(
                request,
                "reception/visit_saved.html",
                {"visit": visit, "typed": list(zip(visit.citizens.all(), typed, strict=False))},
            )
            response["Cache-Control"] = "no-store"
            return response
    return render(
        request,
        "reception/visit_form.html",
        {"form": form, "citizens": citizens, "items": items},
    )


@login_required
def visit_detail_view(request, public_id):
    visit = visit_get(viewer=request.user, public_id=public_id)
    answer_form = None
    if visit.is_open and can(request.user, "change", visit):
        answer_form = kept(request, VisitAnswerForm, initial={"answered_on": timezone.localdate()})
    return render(
        request,
        "reception/visit_detail.html",
        {
            "visit": visit,
            "deadlines": deadline_item_list(target=visit),
            "letters": visit_letters(viewer=request.user, visit=visit),
            "citizens": visit_citizen_list(viewer=request.user, visit=visit),
            "answer_form": answer_form,
            **item_panel_context(request, visit),
        },
    )


@login_required
def visit_citizen_identity_view(request, public_id, position):
    """A citizen's identity, for cleared officers only, after stating a purpose (audited)."""
    visit = visit_get(viewer=request.user, public_id=public_id)
    entry = visit_citizen_identity_get(viewer=request.user, visit=visit, position=position)
    return identity_reveal_page(
        request,
        entry.identity,
        subject=f"{entry.citizen.pseudonym}, lượt tiếp {visit.reference}",
        back_url=visit.get_absolute_url(),
    )


@login_required
@require_POST
def visit_answer_view(request, public_id):
    visit = visit_get(viewer=request.user, public_id=public_id)
    submit(
        request,
        VisitAnswerForm(request.POST),
        lambda d: services.visit_answer(actor=request.user, visit=visit, **d),
        "Đã ghi nhận việc trả lời công dân.",
    )
    return redirect(visit.get_absolute_url())


@login_required
def visit_slip_view(request, public_id):
    """The receipt and appointment slip handed to the citizen (printable). It goes to the
    citizen, so the representative's name is printed for the officer who received the visit
    or an officer cleared to read identities (audited); for others a blank line to fill."""
    visit = visit_get(viewer=request.user, public_id=public_id)
    slip = visit_slip(viewer=request.user, visit=visit)
    response = render(request, "reception/visit_slip.html", {"visit": visit, "slip": slip})
    response["Cache-Control"] = "no-store"
    return response
