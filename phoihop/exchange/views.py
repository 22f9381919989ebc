"""Staff pages of the exchange area: sending a document to other bodies, the incoming copy with
its registration, receipt and handling, the registers (and their XLSX), and periodic reports
with their charts, XLSX and draft document. Thin: forms parse, services decide, selectors read."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from phoihop.access.grants import has_permission_anywhere
from phoihop.access.policy import can
from phoihop.casework.clocks import clocks_open
from phoihop.casework.views import item_panel_context
from phoihop.core.actions import form_errors, kept, refusal, submit
from phoihop.core.downloads import XLSX, file_response
from phoihop.deadlines import engine
from phoihop.documents.charts import bar_chart_svg
from phoihop.documents.state_format import spelled_citation
from phoihop.exchange import exports, forms, reports, selectors, services
from phoihop.exchange.navigation import SEEN_WITH
from phoihop.organizations.selectors import organizations_where


def _require_anywhere(user, *permissions: str) -> None:
    if not any(has_permission_anywhere(user, p) for p in permissions):
        raise Http404


def _today():
    return timezone.localdate()


@login_required
def home_view(request):
    _require_anywhere(request.user, *SEEN_WITH)
    today = _today()
    return render(
        request,
        "exchange/home.html",
        {
            "waiting": selectors.incoming_open(viewer=request.user)[:50],
            "sent": selectors.dispatch_list(viewer=request.user)
            .filter(organization__in=organizations_where(request.user, "exchange.view_dispatch"))
            .prefetch_related("deliveries__organization")[:20],
            "reports": selectors.report_list(viewer=request.user)[:10],
            "may_send": organizations_where(request.user, "exchange.add_dispatch").exists(),
            "today": today,
        },
    )


@login_required
def dispatch_send_view(request):
    bodies = organizations_where(request.user, "exchange.add_dispatch")
    if not bodies.exists():
        raise Http404
    form = forms.DispatchForm(request.POST or None, request.FILES or None, organizations=bodies)
    sender = bodies.first()
    if request.method == "POST" and form.is_valid():
        sender = form.cleaned_data["organization"]
    partners = list(reports.partners(sender)) if sender else []
    if request.method == "POST":
        rows, errors = forms.recipient_rows(request.POST, partners)
        if not form.is_valid():
            messages.error(request, "Dữ liệu chưa hợp lệ: " + form_errors(form))
        elif errors:
            messages.error(request, " ".join(errors))
            form.add_error(None, " ".join(errors))
        else:
            d = form.cleaned_data
            done = {}
            refused = refusal(
                lambda: done.update(
                    dispatch=services.dispatch_send(
                        actor=request.user,
                        organization=d["organization"],
                        recipients=[services.RecipientInput(*r) for r in rows],
                        sent_on=d["sent_on"],
                        symbol=d["symbol"],
                        doc_type=d["doc_type"],
                        title=d["title"],
                        signed_on=d["signed_on"],
                        signer_name=d["signer_name"],
                        urgency=d["urgency"],
                        document=d["document"],
                        upload=d["file"],
                        idempotency_key=d["idempotency_key"],
                    )
                )
            )
            if refused:
                # The form comes back as typed, the reason beside it (the file is chosen again).
                messages.error(request, refused)
                form.add_error(None, refused)
            else:
                dispatch = done["dispatch"]
                messages.success(
                    request,
                    f"Đã vào sổ văn bản đi và gửi {dispatch.deliveries.count()} cơ quan."
                    + (" Văn bản phát hành muộn so với hạn." if dispatch.sent_late else ""),
                )
                return redirect(dispatch)
    chosen = {k: v for k, v in request.POST.items() if k.startswith(("to-", "due-"))}
    return render(
        request,
        "exchange/send.html",
        {
            "form": form,
            "partners": [
                (o, chosen.get(f"to-{o.pk}", ""), forms.due_input(o, chosen.get(f"due-{o.pk}", "")))
                for o in partners
            ],
            "purposes": forms.PURPOSES,
            "rule": engine.current_rules().get(services.REGISTER_RULE),
        },
    )


@login_required
def dispatch_detail_view(request, public_id):
    dispatch = selectors.dispatch_get(viewer=request.user, public_id=public_id)
    copies = selectors.delivery_list(viewer=request.user).filter(dispatch=dispatch)
    return render(
        request,
        "exchange/dispatch_detail.html",
        {
            "dispatch": dispatch,
            "copies": copies.order_by("organization__path"),
            "rule": engine.current_rules().get(dispatch.rule),
        },
    )


@login_required
def dispatch_file_view(request, public_id):
    dispatch = selectors.dispatch_get(viewer=request.user, public_id=public_id)
    if not dispatch.file_name:
        raise Http404
    return file_response(bytes(dispatch.content), dispatch.file_name, dispatch.content_type)


@login_required
def delivery_detail_view(request, public_id):
    delivery = selectors.delivery_get(viewer=request.user, public_id=public_id)
    today = _today()
    status = delivery.status
    may_receive = status == "sent" and can(request.user, "receive", delivery)
    return render(
        request,
        "exchange/delivery_detail.html",
        {
            "delivery": delivery,
            "dispatch": delivery.dispatch,
            "clocks": clocks_open(delivery),
            "rule": engine.current_rules().get(delivery.dispatch.rule),
            "overdue": delivery.is_open and delivery.due_on and delivery.due_on < today,
            "register_form": kept(request, forms.RegisterForm, prefix="reg", initial={"on": today})
            if may_receive
            else None,
            "return_form": kept(request, forms.ReturnForm, prefix="ret", initial={"on": today})
            if may_receive
            else None,
            "due_form": kept(
                request, forms.DueForm, prefix="due", initial={"due": delivery.action_due}
            )
            if status == "handling" and can(request.user, "change", delivery)
            else None,
            "step_form": kept(request, forms.ReportStepForm, prefix="step", initial={"on": today})
            if status == "handling" and can(request.user, "report", delivery)
            else None,
            **item_panel_context(request, delivery),
        },
    )


def _delivery_post(request, public_id, form_class, prefix, call, success):
    delivery = selectors.delivery_get(viewer=request.user, public_id=public_id)
    form = form_class(request.POST, prefix=prefix)
    submit(request, form, lambda d: call(delivery, d), success)
    return redirect(delivery)


@login_required
@require_POST
def delivery_register_view(request, public_id):
    return _delivery_post(
        request,
        public_id,
        forms.RegisterForm,
        "reg",
        lambda c, d: services.delivery_register(actor=request.user, delivery=c, on=d["on"]),
        "Đã vào sổ văn bản đến; cơ quan gửi đã nhận được xác nhận.",
    )


@login_required
@require_POST
def delivery_return_view(request, public_id):
    return _delivery_post(
        request,
        public_id,
        forms.ReturnForm,
        "ret",
        lambda c, d: services.delivery_return(actor=request.user, delivery=c, **d),
        "Đã trả lại văn bản cho cơ quan gửi.",
    )


@login_required
@require_POST
def delivery_due_view(request, public_id):
    return _delivery_post(
        request,
        public_id,
        forms.DueForm,
        "due",
        lambda c, d: services.delivery_due_set(actor=request.user, delivery=c, due=d["due"]),
        "Đã giao hạn xử lý.",
    )


@login_required
@require_POST
def delivery_step_view(request, public_id):
    return _delivery_post(
        request,
        public_id,
        forms.ReportStepForm,
        "step",
        lambda c, d: services.delivery_report(actor=request.user, delivery=c, **d),
        "Đã ghi kết quả xử lý.",
    )


def _register_args(request):
    bodies = organizations_where(request.user, "exchange.view_dispatch")
    if not bodies.exists():
        raise Http404
    raw = request.GET.get("organization", "")
    organization = bodies.filter(pk=int(raw)).first() if raw.isdigit() else bodies.first()
    if organization is None:
        raise Http404
    raw_year = request.GET.get("year", "")
    year = int(raw_year) if raw_year.isdigit() and 2000 < int(raw_year) < 2200 else _today().year
    return bodies, organization, year


@login_required
def register_view(request):
    bodies, organization, year = _register_args(request)
    kw = {"viewer": request.user, "organization": organization, "year": year}
    return render(
        request,
        "exchange/registers.html",
        {
            "bodies": bodies,
            "organization": organization,
            "year": year,
            "outgoing": selectors.outgoing_register(**kw)[:500],
            "incoming": selectors.incoming_register(**kw)[:500],
        },
    )


@login_required
def register_xlsx_view(request):
    _bodies, organization, year = _register_args(request)
    kw = {"viewer": request.user, "organization": organization, "year": year}
    content = exports.register_xlsx(
        organization=organization,
        year=year,
        outgoing=selectors.outgoing_register(**kw),
        incoming=selectors.incoming_register(**kw),
    )
    name = f"Sổ văn bản {organization.doc_abbreviation} {year}.xlsx"
    return file_response(content, name, XLSX)


def _period(request, bodies):
    """The period asked for on the report form (GET), compiled, or (form, None)."""
    data = request.GET if "kind" in request.GET else None
    today = _today()
    form = forms.PeriodForm(
        data,
        organizations=bodies,
        initial={
            "organization": bodies.first(),
            "kind": "quarter",
            "year": today.year,
            "index": (today.month - 1) // 3 + 1,
        },
    )
    if data is None or not form.is_valid():
        if data is not None:
            messages.error(request, "Dữ liệu chưa hợp lệ: " + form_errors(form))
        return form, None
    d = form.cleaned_data
    try:
        period = engine.report_period(d["kind"], d["year"], d["index"])
    except engine.DeadlineEngineError as exc:
        messages.error(request, str(exc))
        return form, None
    compiled = reports.compile_report(
        viewer=request.user, organization=d["organization"], period=period
    )
    return form, compiled


@login_required
def report_list_view(request):
    _require_anywhere(request.user, "exchange.view_periodicreport")
    bodies = organizations_where(request.user, "exchange.add_periodicreport")
    form, compiled = _period(request, bodies) if bodies.exists() else (None, None)
    if form is not None and not form.is_bound:
        # A report just refused: its period comes back with the reason beside the form.
        form = kept(request, forms.PeriodForm, organizations=bodies, initial=form.initial)
    charts = []
    if compiled is not None:
        charts = [
            (b, bar_chart_svg(b, chart_id=f"chart-{i}"))
            for i, b in enumerate(reports.charts(compiled))
        ]
    return render(
        request,
        "exchange/reports.html",
        {
            "form": form,
            "compiled": compiled,
            "totals": compiled.totals() if compiled else None,
            "citation": spelled_citation(compiled.period.citation) if compiled else "",
            "charts": charts,
            "query": request.GET.urlencode(),
            "today": _today(),
            "reports": selectors.report_list(viewer=request.user)[:50],
        },
    )


@login_required
def report_xlsx_view(request):
    _require_anywhere(request.user, "exchange.view_periodicreport")
    bodies = organizations_where(request.user, "exchange.add_periodicreport")
    if not bodies.exists():
        raise Http404
    _, compiled = _period(request, bodies)
    if compiled is None:
        raise Http404
    name = f"Báo cáo {compiled.label}.xlsx".replace("/", "-")
    return file_response(reports.report_xlsx(compiled), name, XLSX)


@login_required
@require_POST
def report_prepare_view(request):
    bodies = organizations_where(request.user, "exchange.add_periodicreport")
    if not bodies.exists():
        raise Http404
    form = forms.PeriodForm(request.POST, organizations=bodies)
    done = {}
    if submit(
        request,
        form,
        lambda d: done.update(report=services.periodic_report_prepare(actor=request.user, **d)),
        "Đã lập dự thảo báo cáo. Xem trước, sửa rồi cấp số khi ban hành.",
    ):
        return redirect("documents:detail", public_id=done["report"].document.public_id)
    return redirect("exchange:reports")


@login_required
def report_detail_view(request, public_id):
    report = selectors.report_get(viewer=request.user, public_id=public_id)
    return render(
        request,
        "exchange/report_detail.html",
        {
            "report": report,
            "label": reports.period_label(report.kind, report.year, report.index),
            "rows": [r for r in report.figures if "received" in r],
            "late": not report.document.is_draft and report.document.issued_on > report.due_on,
            # A reader of the report (another body's officer) may open neither the document nor
            # the body's current figures: they are offered to who may.
            "may_open_document": can(request.user, "view", report.document),
            "may_download": organizations_where(request.user, "exchange.add_periodicreport")
            .filter(pk=report.organization_id)
            .exists(),
        },
    )
