"""Reception API: the same rules as the pages; citizens by pseudonym only."""

from datetime import date

from django.test import Client
from django.urls import reverse

from phoihop.reception.models import Visit
from phoihop.reception.tests.factories import make_schedule


def _api(user):
    client = Client()
    client.force_login(user)
    return client


def test_api_visit_create_list_and_answer(tree, clerk):
    client = _api(clerk)
    body = {
        "organization": str(tree.own.public_id),
        "visited_on": "2026-04-23",
        "citizens": [{"full_name": "Mai Văn Tư", "address": "xã Cát Lâm"}],
        "items": [{"content": "Đề nghị xem xét cấp sổ đỏ", "documents": ["Đơn đề nghị"]}],
    }

    created = client.post(
        reverse("api:reception-visit-list"), body, content_type="application/json"
    )

    assert created.status_code == 201, created.content
    data = created.json()
    assert data["reference"] == "TCD-2026-00001"
    assert data["items"][0]["letter_public_id"]
    assert "Mai Văn Tư" not in created.content.decode()
    listed = client.get(reverse("api:reception-visit-list")).json()
    assert listed["count"] == 1
    answer = client.post(
        reverse("api:reception-visit-answer", kwargs={"public_id": data["public_id"]}),
        {"answered_on": "2026-05-05", "answer": "Đã chuyển đơn đến Sở Nông nghiệp và Môi trường."},
        content_type="application/json",
    )
    # The receiving official answers their own visit (VisitPolicy), whatever their role.
    assert answer.status_code == 200, answer.content
    assert answer.json()["status"] == "answered"


def test_api_visit_create_names_the_problem(tree, clerk):
    body = {
        "organization": str(tree.own.public_id),
        "visited_on": "2026-04-23",
        "headcount": 9,
        "citizens": [{"full_name": "Mai Văn Tư"}],
        "items": [{"content": "Khiếu nại việc thu hồi đất"}],
    }

    response = _api(clerk).post(
        reverse("api:reception-visit-list"), body, content_type="application/json"
    )

    assert response.status_code == 400
    assert "người đại diện" in response.content.decode()
    assert not Visit.objects.exists()


def test_api_published_schedules_and_days(tree):
    make_schedule(tree.own, valid_from=date(2025, 1, 1))

    schedules = Client().get(reverse("api:reception-schedule-list")).json()
    days = Client().get(reverse("api:reception-schedule-days")).json()

    assert schedules["results"][0]["official_title"] == "Chủ tịch UBND tỉnh"
    assert days and all(day["held_on"] >= day["planned_on"] for day in days)
