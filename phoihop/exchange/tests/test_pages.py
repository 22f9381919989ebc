"""The copy's page: a refused step comes back with what the officer typed, the Vietnamese
reason beside the form, once."""

from datetime import date

from django.urls import reverse

from phoihop.accounts.services import system_actor
from phoihop.exchange import services
from phoihop.exchange.models import Delivery
from phoihop.exchange.tests import factories as f
from phoihop.testing import signed_in_client


def test_a_refused_handling_report_keeps_the_note_beside_the_reason(tree, leader):
    copy = f.copy_of(f.send(tree))  # received 20/11/2026, for action
    services.delivery_register(actor=system_actor(), delivery=copy, on=date(2026, 11, 23))
    client = signed_in_client(leader)
    note = "Đã chuyển Ban Kinh tế - Ngân sách tổng hợp, trả lời trước 04/12"
    body = {"step-on": "01/11/2026", "step-note": note, "step-done": "on"}  # before it arrived
    page = client.post(reverse("exchange:delivery_step", args=[copy.public_id]), body, follow=True)
    copy.refresh_from_db()
    assert copy.status == Delivery.Status.HANDLING and not copy.result
    form = page.context["step_form"]
    assert form.is_bound and form.non_field_errors() == ["Ngày báo cáo không hợp lệ."]
    text = page.content.decode()
    assert f">\n{note}</textarea>" in text and 'value="01/11/2026"' in text
    assert 'name="step-done" id="id_step-done" checked' in text
    assert '<div class="errorlist" role="alert"><p>Ngày báo cáo không hợp lệ.</p>' in text
    # Shown once: the page opened again starts empty.
    assert not client.get(copy.get_absolute_url()).context["step_form"].is_bound


def test_a_refused_report_brings_its_period_back_to_the_reports_page(tree, leader):
    client = signed_in_client(leader)
    body = {"organization": tree.own.pk, "kind": "quarter", "year": "2026", "index": "5"}
    page = client.post(reverse("exchange:report_prepare"), body, follow=True)
    form = page.context["form"]
    assert form.is_bound and form.data["index"] == "5"
    assert form.non_field_errors() == ["Kỳ báo cáo thứ 5 không hợp lệ."]
    text = page.content.decode()
    assert 'name="index" value="5"' in text
    assert 'role="alert"><p>Kỳ báo cáo thứ 5 không hợp lệ.</p>' in text
    assert not client.get(reverse("exchange:reports")).context["form"].is_bound


def test_a_refused_dispatch_is_shown_again_with_the_reason_beside_the_form(tree, leader):
    title = "Kết quả giám sát việc giải quyết kiến nghị cử tri"
    body = {
        "organization": tree.own.pk,
        "symbol": "21/BC-HĐND",
        "doc_type": "Báo cáo",
        "title": title,
        "signed_on": "20/11/2026",
        "sent_on": "20/11/2026",
        "urgency": "normal",
    }  # no receiving body ticked
    page = signed_in_client(leader).post(reverse("exchange:dispatch_send"), body)
    assert page.status_code == 200 and not Delivery.objects.exists()
    assert page.context["form"].non_field_errors() == ["Cần ít nhất một cơ quan nhận."]
    text = page.content.decode()
    assert f'value="{title}"' in text
    assert 'role="alert"><p>Cần ít nhất một cơ quan nhận.</p>' in text
