"""Staff pages of supervision: the recommendations dashboard, programmes, plans (team, reports
before the visit, visits, the report and its recommendations), recommendations, questioning
and pledges. Thin: forms parse, services decide, selectors read."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from phoihop.access.grants import has_permission_anywhere
from phoihop.access.policy import can
from phoihop.casework.clocks import clocks_open
from phoihop.casework.views import item_panel_context
from phoihop.core.actions import attempt, form_errors, keep, kept, submit
from phoihop.core.downloads import XLSX, file_response
from phoihop.core.pagination import window_page
from phoihop.core.querysets import mark_openable
from phoihop.documents.charts import Breakdown, bar_chart_svg
from phoihop.documents.sheets import ListSheet, list_workbook
from phoihop.documents.views import docx_response
from phoihop.organizations.models import Organization
from phoihop.organizations.selectors import organizations_where
from phoihop.supervision import forms, selectors, services
from phoihop.supervision.models import Plan, Recommendation

LIST_PAGE_SIZE = 30
LIST_COUNT_CAP = 300  # "hơn 300": the dashboard has the exact totals


def _require_anywhere(user, *permissions: str) -> None:
    if not any(has_permission_anywhere(user, p) for p in permissions):
        raise Http404


def _bodies(plan):
    return Organization.objects.filter(pk__in=plan.bodies.values("organization"))


# ------------------------------------------------------------------ dashboard


@login_required
def home_view(request):
    _require_anywhere(request.user, "supervision.view_plan")
    today = timezone.localdate()
    board = selectors.recommendation_dashboard(viewer=request.user, today=today)
    return render(
        request,
        "supervision/home.html",
        {
            "board": board,
            "charts": _board_charts(board),
            "plans": selectors.plan_list(viewer=request.user)[:10],
            "ask_again": selectors.questions_to_ask_again(viewer=request.user)[:10],
            "today": today,
        },
    )


def _board_charts(board: selectors.Dashboard) -> dict[str, str]:
    """The dashboard's counts drawn as the shared bar charts: recommendations by status, the
    open ones by responsible body and by topic (decision 0258), the open ones by age."""
    breakdowns = {
        "status": Breakdown("Kiến nghị theo trạng thái", [(t, n) for _, t, n in board.by_status]),
        "body": Breakdown(
            "Kiến nghị còn mở theo cơ quan thực hiện", [(r[0], r[2]) for r in board.by_body]
        ),
        "topic": Breakdown(
            "Kiến nghị còn mở theo lĩnh vực, chuyên đề", [(r[0], r[2]) for r in board.by_topic]
        ),
        "age": Breakdown("Kiến nghị còn mở theo thời gian từ khi ban hành", board.by_age),
    }
    return {key: bar_chart_svg(b, chart_id=f"chart-{key}") for key, b in breakdowns.items()}


@login_required
def recommendation_list_view(request):
    _require_anywhere(request.user, "supervision.view_plan")
    status = request.GET.get("status", "")
    topic = request.GET.get("topic", "")
    overdue = request.GET.get("overdue") == "1"
    qs = selectors.recommendation_list(
        viewer=request.user, status=status, topic=topic, overdue=overdue
    ).order_by("due_by", "id")
    if request.GET.get("format") == "xlsx":
        return _xlsx(qs[:50000])
    # A page at a time, the total counted up to a cap (as the letter register does).
    page = window_page(
        qs, request.GET.get("page"), per_page=LIST_PAGE_SIZE, count_cap=LIST_COUNT_CAP
    )
    return render(
        request,
        "supervision/recommendation_list.html",
        {
            "page": page,
            "statuses": Recommendation.Status.choices,
            "status": status,
            "topic": topic,
            "overdue": overdue,
            "today": timezone.localdate(),
        },
    )


def _xlsx(qs) -> HttpResponse:
    sheet = ListSheet(
        "Kiến nghị",
        header=[
            "Số hiệu",
            "Cơ quan thực hiện",
            "Chủ thể giám sát",
            "Lĩnh vực",
            "Nội dung",
            "Hạn",
            "Trạng thái",
            "Kết quả",
        ],
        rows=(
            [
                rec.reference,
                rec.organization.name,
                rec.supervised_by.name,
                rec.topic,
                rec.content,
                rec.due_by,
                rec.get_status_display(),
                rec.get_result_display(),
            ]
            for rec in qs
        ),
    )
    return file_response(list_workbook([sheet]), "Kiến nghị sau giám sát.xlsx", XLSX)


# ------------------------------------------------------------------ programmes


@login_required
def programme_list_view(request):
    _require_anywhere(request.user, "supervision.view_programme")
    bodies = organizations_where(request.user, "supervision.add_programme")
    form = forms.ProgrammeForm(request.POST or None, organizations=bodies)
    if request.method == "POST":
        if not bodies.exists():
            raise Http404

        def create(d):
            topics = []
            if d["topic"] and d["topic_lead"]:
                topics = [services.TopicInput(d["topic"], d["topic_lead"], d["topic_period"])]
            return services.programme_create(
                actor=request.user,
                organization=d["organization"],
                kind=d["kind"],
                year=d["year"],
                title=d["title"],
                resolution=d["resolution"],
                adopted_on=d["adopted_on"],
                topics=topics,
            )

        if submit(request, form, create, "Đã lập chương trình giám sát."):
            return redirect("supervision:programme_list")
    return render(
        request,
        "supervision/programme_list.html",
        {
            "programmes": selectors.programme_list(viewer=request.user).prefetch_related(
                "topics__lead", "topics__plans"
            ),
            "form": form if bodies.exists() else None,
        },
    )


# ------------------------------------------------------------------ plans


@login_required
def plan_list_view(request):
    _require_anywhere(request.user, "supervision.view_plan")
    bodies = organizations_where(request.user, "supervision.add_plan")
    form = forms.PlanForm(request.POST or None, organizations=bodies)
    previous = None
    if request.GET.get("tai_giam_sat") or request.POST.get("previous"):
        previous = selectors.plan_get(
            viewer=request.user,
            public_id=request.GET.get("tai_giam_sat") or request.POST.get("previous"),
        )
        if request.method == "GET":
            form = forms.PlanForm(
                organizations=bodies,
                initial={
                    "organization": previous.organization,
                    "kind": previous.kind,
                    "title": f"Tái giám sát: {previous.title}",
                    "scope": f"Việc thực hiện kiến nghị sau giám sát {previous.reference}",
                    "bodies": _bodies(previous),
                },
            )
    if request.method == "POST":
        if not bodies.exists():
            raise Http404
        if form.is_valid():
            d = form.cleaned_data
            created = []
            if attempt(
                request,
                lambda: created.append(
                    services.plan_create(
                        actor=request.user,
                        organization=d["organization"],
                        title=d["title"],
                        scope=d["scope"],
                        starts_on=d["starts_on"],
                        ends_on=d["ends_on"],
                        bodies=list(d["bodies"]),
                        previous=previous,
                        kind=d["kind"] or Plan.Kind.THEMATIC,
                        idempotency_key=d["idempotency_key"],
                    )
                ),
            ):
                return redirect(created[0])
        else:
            from django.contrib import messages

            messages.error(request, "Dữ liệu chưa hợp lệ: " + form_errors(form))
    return render(
        request,
        "supervision/plan_list.html",
        {
            "plans": selectors.plan_list(viewer=request.user)[:200],
            "form": form if bodies.exists() else None,
            "previous": previous,
        },
    )


@login_required
def plan_detail_view(request, public_id):
    plan = selectors.plan_get(viewer=request.user, public_id=public_id)
    may_change = plan.is_open and can(request.user, "change", plan)
    bodies = _bodies(plan)
    open_plan = plan.status in ("preparing", "visiting")
    return render(
        request,
        "supervision/plan_detail.html",
        {
            "plan": plan,
            "bodies": bodies,
            "team": plan.team.select_related("organization"),
            "visits": selectors.plan_visits(plan=plan),
            "reports": selectors.plan_reports(viewer=request.user, plan=plan),
            "recommendations": selectors.plan_recommendations(viewer=request.user, plan=plan),
            "carried": selectors.carried_recommendations(viewer=request.user, plan=plan),
            "may_change": may_change and open_plan,
            "may_conclude": open_plan and can(request.user, "conclude", plan),
            "may_publish": plan.notice_document_id and can(request.user, "conclude", plan),
            "member_form": kept(request, forms.MemberForm, prefix="member"),
            "report_form": kept(request, forms.ReportRequestForm, bodies=bodies, prefix="report"),
            "visit_form": kept(request, forms.VisitForm, bodies=bodies, prefix="visit"),
            "conclude_form": kept(request, forms.ConcludeForm, prefix="conclude"),
            "rec_formset": kept(
                request, forms.RecommendationFormSet, prefix="rec", form_kwargs={"bodies": bodies}
            ),
            "today": timezone.localdate(),
            **item_panel_context(request, plan),
        },
    )


@login_required
@require_POST
def plan_member_add_view(request, public_id):
    plan = selectors.plan_get(viewer=request.user, public_id=public_id)
    form = forms.MemberForm(request.POST, prefix="member")

    def add(d):
        members = [
            services.MemberInput(m.name, m.organization, m.role, m.position)
            for m in plan.team.select_related("organization")
        ]
        members.append(services.MemberInput(d["name"], d["organization"], d["role"], d["position"]))
        return services.plan_team_set(
            actor=request.user, plan=plan, members=members, on=timezone.localdate()
        )

    submit(request, form, add, "Đã thêm thành viên đoàn giám sát.")
    return redirect(plan)


@login_required
@require_POST
def plan_report_request_view(request, public_id):
    plan = selectors.plan_get(viewer=request.user, public_id=public_id)
    form = forms.ReportRequestForm(request.POST, bodies=_bodies(plan), prefix="report")
    submit(
        request,
        form,
        lambda d: services.report_request(actor=request.user, plan=plan, **d),
        "Đã gửi đề nghị báo cáo; cơ quan chịu sự giám sát nhận nhắc hạn.",
    )
    return redirect(plan)


@login_required
@require_POST
def plan_visit_view(request, public_id):
    plan = selectors.plan_get(viewer=request.user, public_id=public_id)
    form = forms.VisitForm(request.POST, bodies=_bodies(plan), prefix="visit")
    submit(
        request,
        form,
        lambda d: services.visit_record(actor=request.user, plan=plan, **d),
        "Đã ghi buổi làm việc vào lịch và biên bản.",
    )
    return redirect(plan)


@login_required
@require_POST
def plan_conclude_view(request, public_id):
    plan = selectors.plan_get(viewer=request.user, public_id=public_id)
    form = forms.ConcludeForm(request.POST, prefix="conclude")
    formset = forms.RecommendationFormSet(
        request.POST, prefix="rec", form_kwargs={"bodies": _bodies(plan)}
    )
    if not formset.is_valid():
        from django.contrib import messages

        messages.error(request, "Kiến nghị chưa hợp lệ.")
        keep(request, form)
        keep(request, formset)
        return redirect(plan)
    rows = [
        services.RecommendationInput(r["organization"], r["content"], r["due_by"], r["topic"])
        for r in formset.cleaned_data
        if r and r.get("organization") and r.get("content") and r.get("due_by")
    ]
    if not submit(
        request,
        form,
        lambda d: services.plan_conclude(actor=request.user, plan=plan, recommendations=rows, **d),
        "Đã ban hành báo cáo kết quả, thông báo kết luận và các kiến nghị.",
    ):
        keep(request, formset)
    return redirect(plan)


@login_required
@require_POST
def plan_publish_view(request, public_id):
    plan = selectors.plan_get(viewer=request.user, public_id=public_id)
    if attempt(
        request,
        lambda: services.plan_publish(
            actor=request.user, plan=plan, published=request.POST.get("published") != "0"
        ),
    ):
        from django.contrib import messages

        messages.success(request, "Đã cập nhật việc công khai kết luận.")
    return redirect(plan)


@login_required
def plan_document_view(request, public_id, which):
    plan = selectors.plan_get(viewer=request.user, public_id=public_id)
    document = {"bao-cao": plan.report_document, "thong-bao": plan.notice_document}.get(which)
    if document is None:
        raise Http404
    return docx_response(document, request.user)


# ------------------------------------------------------------------ reports and recommendations


@login_required
def report_detail_view(request, public_id):
    report = selectors.report_get(viewer=request.user, public_id=public_id)
    may_receive = report.is_open and (
        can(request.user, "change", report) or can(request.user, "supervise", report)
    )
    if request.method == "POST":
        if not may_receive:
            raise Http404
        form = forms.ReportReceiveForm(request.POST)
        submit(
            request,
            form,
            lambda d: services.report_receive(actor=request.user, report=report, **d),
            "Đã ghi nhận báo cáo.",
        )
        return redirect(report)
    return render(
        request,
        "supervision/report_detail.html",
        {
            "report": report,
            "clocks": clocks_open(report),
            "receive_form": kept(request, forms.ReportReceiveForm) if may_receive else None,
            "today": timezone.localdate(),
            **item_panel_context(request, report),
        },
    )


RESPONSIBLE_STEPS = ("reply", "accept", "progress", "report_done")


@login_required
def recommendation_detail_view(request, public_id):
    rec = selectors.recommendation_get(viewer=request.user, public_id=public_id)
    return _recommendation_page(request, rec)


def _recommendation_page(request, rec: Recommendation, bound=None):
    """The recommendation and the steps the viewer may take; *bound* is the step form just
    refused, shown again with what was typed (the step's code is its ``step`` field)."""
    bound_step = bound.data.get("step") if bound is not None else None
    awaiting_reply = rec.plan.is_front and rec.replied_on is None
    kind_actions = {
        "open": ("reply", "accept", "progress") if awaiting_reply else ("accept", "progress"),
        "accepted": ("progress", "report_done"),
        "remedying": ("progress", "report_done"),
        "reported_done": ("verify",),
        "verified": ("close",),
    }.get(rec.status, ())
    responsible = can(request.user, "report", rec)
    supervising = can(request.user, "supervise", rec)
    reply_clock = clocks_open(rec, [services.FRONT_REPLY_RULE]).first() if awaiting_reply else None
    offered = [
        (
            code,
            label,
            bound if code == bound_step else _step_form(forms.RecommendationStepForm, code),
        )
        for code, label in forms.RecommendationStepForm.STEPS
        if code in kind_actions and (responsible if code in RESPONSIBLE_STEPS else supervising)
    ]
    return render(
        request,
        "supervision/recommendation_detail.html",
        {
            "rec": rec,
            "offered": offered,
            "overdue": rec.is_open and rec.due_on and rec.due_on < timezone.localdate(),
            "reply_clock": reply_clock,
            "reply_late": reply_clock is not None and reply_clock.due_on < timezone.localdate(),
            **item_panel_context(request, rec),
        },
    )


@login_required
@require_POST
def recommendation_step_view(request, public_id):
    rec = selectors.recommendation_get(viewer=request.user, public_id=public_id)
    step_code = request.POST.get("step", "")
    form = forms.RecommendationStepForm(request.POST, auto_id=f"%s-{step_code}")

    def step(d):
        return services.recommendation_step(actor=request.user, rec=rec, **d)

    if submit(request, form, step, "Đã cập nhật kiến nghị."):
        return redirect(rec)
    # Refused: the page again, the form keeping what was typed and chosen.
    return _recommendation_page(request, rec, bound=form)


# ------------------------------------------------------------------ questioning


@login_required
def sitting_list_view(request):
    _require_anywhere(request.user, "supervision.view_sitting")
    bodies = organizations_where(request.user, "supervision.add_sitting")
    form = forms.SittingForm(request.POST or None, organizations=bodies)
    if request.method == "POST":
        if not bodies.exists():
            raise Http404
        if submit(
            request,
            form,
            lambda d: services.sitting_create(actor=request.user, **d),
            "Đã tạo phiên chất vấn.",
        ):
            return redirect("supervision:sitting_list")
    return render(
        request,
        "supervision/sitting_list.html",
        {
            "sittings": selectors.sitting_list(viewer=request.user),
            "form": form if bodies.exists() else None,
        },
    )


@login_required
def sitting_detail_view(request, public_id):
    sitting = selectors.sitting_get(viewer=request.user, public_id=public_id)
    may_register = can(request.user, "change", sitting)
    if request.method == "POST":
        if not may_register:
            raise Http404
        form = forms.QuestionForm(request.POST)
        submit(
            request,
            form,
            lambda d: services.question_register(actor=request.user, sitting=sitting, **d),
            "Đã đăng ký câu hỏi chất vấn.",
        )
        return redirect(sitting)
    return render(
        request,
        "supervision/sitting_detail.html",
        {
            "sitting": sitting,
            "questions": selectors.sitting_questions(viewer=request.user, sitting=sitting),
            "form": kept(
                request, forms.QuestionForm, initial={"registered_on": timezone.localdate()}
            )
            if may_register
            else None,
        },
    )


@login_required
def question_detail_view(request, public_id):
    question = selectors.question_get(viewer=request.user, public_id=public_id)
    may_answer = question.status in ("registered", "written_pending") and (
        can(request.user, "answer", question) or can(request.user, "supervise", question)
    )
    supervising = can(request.user, "supervise", question)
    return render(
        request,
        "supervision/question_detail.html",
        {
            "question": question,
            "sitting": mark_openable(request.user, [question.sitting])[0],
            "pledges": selectors.question_pledges(viewer=request.user, question=question),
            "clocks": clocks_open(question),
            "answer_form": kept(request, forms.AnswerForm, initial={"on": timezone.localdate()})
            if may_answer
            else None,
            "may_to_writing": supervising and question.status == "registered",
            "assess_form": kept(request, forms.AssessForm, initial={"on": timezone.localdate()})
            if supervising and question.status == "answered"
            else None,
            **item_panel_context(request, question),
        },
    )


@login_required
@require_POST
def question_answer_view(request, public_id):
    question = selectors.question_get(viewer=request.user, public_id=public_id)
    form = forms.AnswerForm(request.POST)

    def answer(d):
        pledges = [
            services.PledgeInput(d[key], d[f"{key}_due_by"])
            for key in ("pledge", "pledge2")
            if d[key] and d[f"{key}_due_by"]
        ]
        return services.question_answer(
            actor=request.user,
            question=question,
            mode=d["mode"],
            answer=d["answer"],
            on=d["on"],
            pledges=pledges,
        )

    submit(request, form, answer, "Đã ghi nhận câu trả lời.")
    return redirect(question)


@login_required
@require_POST
def question_to_writing_view(request, public_id):
    question = selectors.question_get(viewer=request.user, public_id=public_id)
    if attempt(
        request,
        lambda: services.question_to_writing(
            actor=request.user, question=question, on=timezone.localdate()
        ),
    ):
        from django.contrib import messages

        messages.success(request, "Đã chuyển sang trả lời bằng văn bản.")
    return redirect(question)


@login_required
@require_POST
def question_assess_view(request, public_id):
    question = selectors.question_get(viewer=request.user, public_id=public_id)
    form = forms.AssessForm(request.POST)
    submit(
        request,
        form,
        lambda d: services.question_assess(actor=request.user, question=question, **d),
        "Đã ghi ý kiến của đại biểu.",
    )
    return redirect(question)


@login_required
def pledge_list_view(request):
    """The report on pledges to the next session: every pledge with its status."""
    _require_anywhere(request.user, "supervision.view_sitting")
    pledges = selectors.pledge_list(viewer=request.user).order_by("status", "due_by")
    return render(
        request,
        "supervision/pledge_list.html",
        {"pledges": pledges, "today": timezone.localdate()},
    )


def _step_form(form_class, code: str, request=None):
    """One step's form on an item page with several: ids suffixed by the step (``on-reply``);
    with *request*, the step's form just refused comes back with what was typed."""
    if request is not None:
        return kept(
            request,
            form_class,
            match={"step": code},
            initial={"on": timezone.localdate()},
            auto_id=f"%s-{code}",
        )
    return form_class(initial={"on": timezone.localdate()}, auto_id=f"%s-{code}")


@login_required
def pledge_detail_view(request, public_id):
    pledge = selectors.pledge_get(viewer=request.user, public_id=public_id)
    offered = []
    if pledge.status == "open" and can(request.user, "report", pledge):
        offered = [("progress", "Báo cáo tiến độ"), ("done", "Báo cáo đã thực hiện")]
    if pledge.status == "reported_done" and can(request.user, "supervise", pledge):
        offered = [
            ("assess_done", "Đánh giá: đã thực hiện"),
            ("assess_not_done", "Đánh giá: chưa thực hiện"),
        ]
    return render(
        request,
        "supervision/pledge_detail.html",
        {
            "pledge": pledge,
            "offered": [
                (code, label, _step_form(forms.PledgeStepForm, code, request))
                for code, label in offered
            ],
            "overdue": pledge.is_open and pledge.due_on and pledge.due_on < timezone.localdate(),
            **item_panel_context(request, pledge),
        },
    )


@login_required
@require_POST
def pledge_step_view(request, public_id):
    pledge = selectors.pledge_get(viewer=request.user, public_id=public_id)
    form = forms.PledgeStepForm(request.POST)

    def step(d):
        return services.pledge_step(actor=request.user, pledge=pledge, **d)

    submit(request, form, step, "Đã cập nhật lời hứa.")
    return redirect(pledge)


def public_conclusions_view(request):
    """Published conclusions of supervision and the status of their recommendations."""
    return render(
        request,
        "supervision/public_conclusions.html",
        {"plans": selectors.published_conclusions()[:50]},
    )
