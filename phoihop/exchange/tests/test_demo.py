"""The demo province's documents between the bodies and its draft quarterly report."""

from django.utils import timezone

from phoihop.demo.loader import demo_load
from phoihop.exchange.models import Delivery, Dispatch, PeriodicReport


def test_demo_has_receipts_a_late_registration_a_waiting_copy_and_a_draft_report(db):
    demo_load()
    today = timezone.localdate()
    assert Dispatch.objects.count() == 3
    notice = Dispatch.objects.get(symbol="48/TB-HĐND")
    copies = {c.organization.code: c for c in notice.deliveries.select_related("organization")}
    assert copies["ubnd"].acknowledged_by.username == "ubnd.vanthu"
    assert copies["btt-mttq"].registered_late is True
    waiting = copies["doan-dbqh"]
    assert waiting.status == "sent" and waiting.due_on < today  # past its BCO-09 limit
    handled = Delivery.objects.get(dispatch__symbol="215/BC-UBND")
    assert handled.status == "handling" and handled.assigned_to.username == "hdnd.chuyenvien"
    urgent = Delivery.objects.get(dispatch__symbol="112/MTTQ-BTT")
    assert urgent.register_due == today and urgent.dispatch.rule == "BCO-09b"
    (report,) = PeriodicReport.objects.all()
    assert report.document.is_draft and report.cut_off < today
