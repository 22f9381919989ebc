"""The pages every kind of item shares: assign, follow, link, supervise by scope, and the
follow-up requests. An area's item page includes ``casework/_item_panel.html`` with
``item_panel_context``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.views.decorators.http import require_POST

from phoihop.access.grants import has_permission_anywhere
from phoihop.access.policy import can
from phoihop.casework import forms, selectors, services
from phoihop.casework.models import TrackedItem
from phoihop.casework.registry import item_kinds
from phoihop.core.actions import attempt, form_errors, kept, submit
from phoihop.notifications.services import notifications_read_on_open
from phoihop.organizations.selectors import organizations_where


def item_get(viewer, kind_code: str, public_id) -> TrackedItem:
    """One visible item of a registered kind, through the area's own selector (404 else)."""
    kind = item_kinds.get(kind_code)
    if kind is None or kind.get is None:
        raise Http404
    return kind.get(viewer, public_id)


def item_panel_context(request, item: TrackedItem) -> dict:
    """What ``casework/_item_panel.html`` shows on an item's page: history, links, follow-ups,
    the assignment form, following, and the follow-up form for a supervising body (each form
    just refused comes back with what was typed and why: ``core.actions.kept``)."""
    user = request.user
    kind = item_kinds.for_model(type(item))
    may_assign = item.is_open and can(user, "assign", item)
    # Opening the item reads the viewer's notices that point to it (a new copy arrived, an
    # assignment, a follow-up), however the page was reached.
    notifications_read_on_open(viewer=user, url=item.get_absolute_url())
    return {
        "item": item,
        "item_kind": kind,
        "steps": selectors.step_list(item=item),
        "links": selectors.link_list(viewer=user, item=item),
        "follow_ups": selectors.follow_up_list(viewer=user, item=item),
        "following": selectors.is_following(viewer=user, item=item),
        "may_follow": can(user, "view", item),
        # The follow-up form goes to who may send one: a body supervising the item, never
        # the item's own body (``supervise`` also covers a council's own steps on its agenda).
        "may_supervise": item.is_open
        and can(user, "supervise", item)
        and bool(services.supervising_bodies(user, item)),
        "assign_form": kept(
            request, forms.AssignForm, choices=selectors.assignee_choices(item=item)
        )
        if may_assign
        else None,
        "follow_up_form": kept(request, forms.FollowUpForm),
        "follow_up_period": services.follow_up_period(english=get_language() == "en"),
        "follow_up_answer_form": kept(request, forms.AnswerForm),
    }


@login_required
@require_POST
def item_assign(request, kind, public_id):
    item = item_get(request.user, kind, public_id)
    form = forms.AssignForm(request.POST, choices=selectors.assignee_choices(item=item))
    submit(
        request,
        form,
        lambda d: services.item_assign(
            actor=request.user, item=item, assignee=d["assignee"], note=d["note"]
        ),
        "Đã giao việc; người được giao đã nhận thông báo.",
    )
    return redirect(item)


@login_required
@require_POST
def item_follow(request, kind, public_id):
    item = item_get(request.user, kind, public_id)
    if request.POST.get("follow") == "0":
        services.item_unfollow(actor=request.user, item=item)
        messages.success(request, "Đã thôi theo dõi.")
    elif attempt(request, lambda: services.item_follow(actor=request.user, item=item)):
        messages.success(request, "Đã theo dõi: bạn sẽ nhận thông báo khi việc có tiến triển.")
    return redirect(item)


@login_required
@require_POST
def item_follow_up(request, kind, public_id):
    item = item_get(request.user, kind, public_id)
    submit(
        request,
        forms.FollowUpForm(request.POST),
        lambda d: services.follow_up_send(
            actor=request.user,
            item=item,
            content=d["content"],
            on=timezone.localdate(),
            idempotency_key=d["idempotency_key"],
        ),
        "Đã gửi đề nghị xem xét, giải quyết.",
    )
    return redirect(item)


@login_required
def follow_up_detail(request, public_id):
    follow_up = selectors.follow_up_get(viewer=request.user, public_id=public_id)
    context = item_panel_context(request, follow_up)
    context |= {
        "follow_up": follow_up,
        "followed": follow_up.item,
        "may_answer": follow_up.is_open and can(request.user, "answer", follow_up),
    }
    return render(request, "casework/follow_up.html", context)


@login_required
@require_POST
def follow_up_answer(request, public_id):
    follow_up = selectors.follow_up_get(viewer=request.user, public_id=public_id)
    submit(
        request,
        forms.AnswerForm(request.POST),
        lambda d: services.follow_up_answer(
            actor=request.user, follow_up=follow_up, answer=d["answer"], on=timezone.localdate()
        ),
        "Đã trả lời đề nghị.",
    )
    return redirect(follow_up)


def _may_see_assignments(user) -> bool:
    return has_permission_anywhere(
        user, "casework.add_supervisionassignment"
    ) or has_permission_anywhere(user, "casework.view_supervisionassignment")


@login_required
def supervision_assignments(request):
    """A supervising body's mandates by scope: listed for both bodies, recorded by the
    supervising body's administrators."""
    user = request.user
    may_add = has_permission_anywhere(user, "casework.add_supervisionassignment")
    if not _may_see_assignments(user):
        raise Http404
    form = None
    if may_add:
        form = forms.SupervisionAssignmentForm(
            request.POST or None,
            supervisors=organizations_where(user, "casework.add_supervisionassignment"),
            organizations=organizations_where(user, None),
        )
        if request.method == "POST":
            if not form.is_valid():
                messages.error(request, "Dữ liệu chưa hợp lệ: " + form_errors(form))
            elif attempt(
                request,
                lambda: services.supervision_assign(
                    actor=user,
                    supervisor=form.cleaned_data["supervisor"],
                    organization=form.cleaned_data["organization"],
                    item_kinds_codes=form.cleaned_data["item_kinds_codes"],
                    include_subtree=form.cleaned_data["include_subtree"],
                    fields=form.cleaned_data["scope_fields"],
                    starts_on=form.cleaned_data["starts_on"],
                    ends_on=form.cleaned_data["ends_on"],
                    basis=form.cleaned_data["basis"],
                ),
            ):
                messages.success(request, "Đã ghi nhận phân công giám sát.")
                return redirect("casework:supervision_assignments")
    return render(
        request,
        "casework/supervision_assignments.html",
        {
            "assignments": selectors.supervision_assignment_list(viewer=user),
            "form": form,
            "kinds": {kind.code: kind.label for kind in item_kinds.values()},
        },
    )


@login_required
@require_POST
def supervision_revoke(request, pk):
    assignment = selectors.supervision_assignment_get(viewer=request.user, pk=pk)
    if attempt(
        request, lambda: services.supervision_revoke(actor=request.user, assignment=assignment)
    ):
        messages.success(request, "Đã thu hồi phân công giám sát.")
    return redirect("casework:supervision_assignments")


@login_required
@require_POST
def handover_refuse(request, public_id):
    """The receiving body refuses an item sent to it, with a reason."""
    handover = selectors.handover_get(viewer=request.user, public_id=public_id)
    reason = request.POST.get("reason", "")
    if attempt(
        request,
        lambda: services.handover_refuse(
            actor=request.user, handover=handover, reason=reason, on=timezone.localdate()
        ),
    ):
        messages.success(request, "Đã từ chối và trả lại cơ quan chuyển.")
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("web:home")


@login_required
def supervision_overview(request):
    """A supervising body's overdue and long-running items, of every kind it supervises."""
    kinds = [k for k in item_kinds.values() if k.supervise_permission]
    if not any(has_permission_anywhere(request.user, k.supervise_permission) for k in kinds):
        raise Http404
    today = timezone.localdate()
    return render(
        request,
        "casework/supervision_overview.html",
        {
            "sections": selectors.supervision_overview(viewer=request.user, today=today),
            "long_days": selectors.LONG_RUNNING_DAYS,
            "today": today,
            "may_see_assignments": _may_see_assignments(request.user),
        },
    )
