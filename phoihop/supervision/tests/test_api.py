"""The supervision API beyond recommendations: per-object access (what the caller may not see
is absent or 404), bounded paging, and the writes going through the area's services."""

from datetime import date

import pytest

from phoihop.supervision.models import Plan, Recommendation
from phoihop.supervision.tests import factories as f
from phoihop.testing import grant, make_user, signed_in_client


@pytest.fixture
def council_client(leader):
    return signed_in_client(leader)


def test_plans_are_listed_per_object_and_paged_within_the_ceiling(tree, leader, council_client):
    plans = [f.make_plan(tree, actor=leader, key=f"k{i}") for i in range(3)]
    f.make_plan(tree, organization=tree.other, body=tree.other_unit, key="x")  # not ours
    page = council_client.get("/api/supervision-plans?limit=2").json()
    assert page["count"] == 3 and len(page["results"]) == 2 and page["next"]
    huge = council_client.get("/api/supervision-plans?limit=99999999999999999999")
    assert huge.status_code == 200 and len(huge.json()["results"]) == 3
    detail = council_client.get(f"/api/supervision-plans/{plans[0].public_id}").json()
    assert detail["bodies"] == [tree.other_unit.name] and detail["kind"] == "thematic"
    assert {m["role"] for m in detail["team"]} == {"head", "secretariat"}
    other = Plan.objects.get(idempotency_key="x")
    assert council_client.get(f"/api/supervision-plans/{other.public_id}").status_code == 404


def test_a_visit_is_recorded_once_per_request_and_refused_outside_the_plan(
    tree, leader, council_client
):
    plan = f.make_plan(tree, actor=leader)
    url = f"/api/supervision-plans/{plan.public_id}/visits"
    refused = council_client.post(
        url,
        {"organization": tree.own_unit.code, "held_on": "2026-04-10"},
        content_type="application/json",
    )
    assert refused.status_code == 400 and "không thuộc" in refused.json()["detail"]
    made = council_client.post(
        url,
        {"organization": tree.other_unit.code, "held_on": "2026-04-10", "findings": "Vi phạm"},
        content_type="application/json",
    )
    assert made.status_code == 201
    listed = council_client.get(f"/api/supervision-visits?plan={plan.public_id}").json()
    assert [v["findings"] for v in listed["results"]] == ["Vi phạm"]
    assert council_client.get("/api/supervision-visits?plan=khong-phai").status_code == 400
    stranger = make_user("nguoi.ngoai")
    grant(stranger, "leader", tree.other)
    assert signed_in_client(stranger).get(url).status_code == 404


def test_the_front_recommendation_is_answered_through_the_api(tree):
    front = f.make_front(tree)
    front_leader = make_user("lanh.dao.mttq")
    grant(front_leader, "leader", front)
    body_leader = make_user("lanh.dao.so")
    grant(body_leader, "leader", tree.other)
    created = signed_in_client(front_leader).post(
        "/api/supervision-plans",
        {
            "organization": front.code,
            "kind": "front_documents",
            "title": "Giám sát việc công khai thủ tục hành chính",
            "scope": "Niêm yết thủ tục tại bộ phận một cửa",
            "starts_on": "2026-03-02",
            "ends_on": "2026-05-29",
            "bodies": [tree.other_unit.code],
        },
        content_type="application/json",
    )
    assert created.status_code == 201 and created.json()["kind"] == "front_documents"
    plan = Plan.objects.get(public_id=created.json()["public_id"])
    rec = f.make_recommendation(tree, actor=front_leader, plan=plan)
    answered = signed_in_client(body_leader).post(
        f"/api/supervision-recommendations/{rec.public_id}/step",
        {
            "step": "reply",
            "on": "2026-07-01",
            "note": "Đã niêm yết đủ 100% thủ tục",
            "replied_by": "Giám đốc Sở",
            "taken_up": "full",
        },
        content_type="application/json",
    )
    assert answered.status_code == 200, answered.content
    body = answered.json()
    assert body["taken_up"] == "full" and body["replied_on"] == "2026-07-01"
    assert Recommendation.objects.get(pk=rec.pk).status == "accepted"


def test_pledges_are_tracked_to_done_through_the_api(tree, leader):
    specialist = make_user("chuyen.vien.so")
    grant(specialist, "specialist", tree.other)
    sitting = f.make_sitting(tree)
    pledge = f.make_pledge(tree, question=f.make_question(tree, sitting=sitting))
    client = signed_in_client(specialist)
    listed = client.get("/api/supervision-pledges").json()
    assert [p["public_id"] for p in listed["results"]] == [str(pledge.public_id)]
    done = client.post(
        f"/api/supervision-pledges/{pledge.public_id}/step",
        {"step": "done", "on": "2026-10-01", "note": "Đã rút xuống 10 ngày"},
        content_type="application/json",
    ).json()
    assert done["status"] == "reported_done"
    assessed = signed_in_client(leader).post(
        f"/api/supervision-pledges/{pledge.public_id}/step",
        {"step": "assess_done", "on": date(2026, 10, 5).isoformat()},
        content_type="application/json",
    )
    assert assessed.json()["status"] == "done"


def test_the_schema_documents_a_first_plan_and_a_plans_visits_as_they_are_answered(db):
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)

    # A first plan has no previous one: the answer carries null.
    assert schema["components"]["schemas"]["Plan"]["properties"]["previous"]["nullable"]
    # A plan's visits come as a plain list, not a page.
    get = schema["paths"]["/api/supervision-plans/{public_id}/visits"]["get"]
    assert get["responses"]["200"]["content"]["application/json"]["schema"]["type"] == "array"
