"""Demo data of the exchange area (loaded by ``phoihop demo load``): a People's Committee report
sent to the council's standing committee for action (registered on time, being handled), the
standing committee's notice sent for information to the three other bodies (one receipt on
time, one registered late, one still waiting past its limit), an urgent request of the Front
waiting today, and a quarterly report prepared as a draft."""

from datetime import date, timedelta

from django.db import transaction

from phoihop.accounts.models import User
from phoihop.casework.services import item_assign
from phoihop.deadlines import engine
from phoihop.exchange import services as xs
from phoihop.organizations.models import Organization


@transaction.atomic
def demo_exchange(today: date) -> dict:
    o = {x.code: x for x in Organization.objects.filter(valid_to__isnull=True)}
    standing, ubnd, front, delegation = o["tt-hdnd"], o["ubnd"], o["btt-mttq"], o["doan-dbqh"]
    users = {u.username: u for u in User.objects.filter(username__contains=".")}

    def working_days_ago(n: int) -> date:
        day = today
        while n:
            day -= timedelta(days=1)
            if engine.is_working_day(day):
                n -= 1
        return day

    sent = working_days_ago(6)
    report = xs.dispatch_send(
        actor=users["ubnd.vanthu"],
        organization=ubnd,
        recipients=[xs.RecipientInput(standing, "action", today + timedelta(days=10))],
        sent_on=sent,
        symbol="215/BC-UBND",
        doc_type="Báo cáo",
        title="Kết quả giải quyết kiến nghị cử tri gửi đến kỳ họp thứ tư",
        signed_on=sent,
        signer_name="Lê Văn Hùng",
    )
    copy = report.deliveries.get()
    xs.delivery_register(actor=users["hdnd.vanthu"], delivery=copy, on=sent)
    item_assign(actor=users["hdnd.lanhdao"], item=copy, assignee=users["hdnd.chuyenvien"])
    xs.delivery_report(
        actor=users["hdnd.chuyenvien"],
        delivery=copy,
        on=working_days_ago(2),
        note="Đã chuyển các Ban HĐND thẩm tra phần giải trình của các sở.",
        done=False,
    )

    noticed = working_days_ago(5)
    notice = xs.dispatch_send(
        actor=users["hdnd.vanthu"],
        organization=standing,
        recipients=[
            xs.RecipientInput(ubnd, "information"),
            xs.RecipientInput(front, "information"),
            xs.RecipientInput(delegation, "information"),
        ],
        sent_on=noticed,
        symbol="48/TB-HĐND",
        doc_type="Thông báo",
        title="Kết luận giao ban công tác phối hợp quý III",
        signed_on=noticed,
        signer_name="Trần Minh Đức",
    )
    copies = {c.organization_id: c for c in notice.deliveries.all()}
    xs.delivery_register(actor=users["ubnd.vanthu"], delivery=copies[ubnd.pk], on=noticed)
    xs.delivery_register(
        actor=users["mttq.vanthu"], delivery=copies[front.pk], on=working_days_ago(2)
    )

    xs.dispatch_send(
        actor=users["mttq.vanthu"],
        organization=front,
        recipients=[xs.RecipientInput(standing, "action", today + timedelta(days=5))],
        sent_on=today,
        symbol="112/MTTQ-BTT",
        doc_type="Công văn",
        title="Đề nghị phối hợp giám sát việc bồi thường, hỗ trợ tái định cư dự án ĐT816",
        signed_on=today,
        signer_name="Nguyễn Thị Hoa",
        urgency="hoa_toc",
    )

    last_quarter = (today.month - 1) // 3 or 4
    year = today.year if (today.month - 1) // 3 else today.year - 1
    xs.periodic_report_prepare(
        actor=users["hdnd.chuyenvien"],
        organization=standing,
        kind="quarter",
        year=year,
        index=last_quarter,
    )
    return {"exchanged": 3, "periodic_reports": 1}
