import pytest
from rest_framework.test import APIClient

from phoihop.accounts.services import system_actor
from phoihop.api.services import ApiTokenError, api_token_issue
from phoihop.organizations.tests.matrix import _membership
from phoihop.testing import grant, make_user


def _token_client(user, actor, scope="write"):
    client = APIClient()
    issued = api_token_issue(actor=system_actor(), user=user, purpose="thử", scope=scope)
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {issued.key}")
    return client


def test_schema_is_openapi_3_and_lists_the_endpoints(db):
    response = APIClient().get("/api/schema", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert "/api/organizations" in schema["paths"]
    assert "/api/popolo" in schema["paths"]


def test_anonymous_gets_a_vietnamese_401(db):
    response = APIClient().get("/api/me")
    assert response.status_code == 401
    assert "Chưa xác thực" in response.json()["detail"]


def test_token_sees_what_the_policy_allows_and_404_otherwise(tree, actor):
    viewer = make_user("xem")
    grant(viewer, "clerk", tree.own)
    own_person = _membership(tree.own_unit, viewer).person
    other_person = _membership(tree.other, viewer).person
    client = _token_client(viewer, actor)

    listed = {p["id"] for p in client.get("/api/persons").json()["results"]}
    assert str(own_person.public_id) in listed
    assert str(other_person.public_id) not in listed
    assert client.get(f"/api/persons/{own_person.public_id}").status_code == 200
    missing = client.get(f"/api/persons/{other_person.public_id}")
    assert missing.status_code == 404
    assert missing.json() == {"detail": "Không tìm thấy."}


def test_citizens_get_no_token(db, actor):
    citizen = make_user("cong.dan", kind="citizen")
    with pytest.raises(ApiTokenError):
        api_token_issue(user=citizen, actor=system_actor(), purpose="thử")


def test_popolo_export_has_persons_organizations_memberships(tree, actor):
    viewer = make_user("xem")
    grant(viewer, "clerk", tree.own)
    membership = _membership(tree.own, viewer)
    doc = _token_client(viewer, actor).get("/api/popolo").json()
    assert {o["name"] for o in doc["organizations"]} >= {"HĐND tỉnh", "UBND tỉnh"}
    assert f"person/{membership.person.public_id}" in {p["id"] for p in doc["persons"]}
    link = next(m for m in doc["memberships"] if m["id"] == f"membership/{membership.pk}")
    assert link["organization_id"] == f"organization/{tree.own.public_id}"
    child = next(o for o in doc["organizations"] if o["name"] == "Ban Pháp chế")
    assert child["parent_id"] == f"organization/{tree.own.public_id}"
    assert all("phone" not in p and "email" not in p for p in doc["persons"])
