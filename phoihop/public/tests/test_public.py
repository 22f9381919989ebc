"""The public site: submit a letter, get a receipt, follow it; limits and double submits."""

import uuid
from datetime import date

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from phoihop.audit.models import AuditEvent
from phoihop.public.models import Submission
from phoihop.public.services import token_hash
from phoihop.reception.tests.factories import make_schedule


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()
    yield
    cache.clear()


def _form(tree, **extra):
    data = {
        "organization": tree.own.pk,
        "full_name": "Huỳnh Thị Mai",
        "address": "số 12 thôn Phú Lâm, xã Phú Lâm",
        "phone": "0912 345 678",
        "email": "",
        "content": "Đề nghị xem xét việc cấp giấy chứng nhận quyền sử dụng đất đã nộp từ năm 2024.",
        "consent": "on",
        "idempotency_key": str(uuid.uuid4()),
    }
    data.update(extra)
    return data


def _letter(submission):
    from phoihop.letters.models import Letter

    return Letter.objects.get(public_id=submission.letter_public_id)


def test_submit_creates_a_letter_and_shows_both_codes_once(tree):
    client = Client()

    response = client.post(reverse("public:letter_submit"), _form(tree))

    submission = Submission.objects.get()
    assert response.status_code == 302
    receipt = client.get(response["Location"])
    page = receipt.content.decode()
    assert submission.tracking_code in page
    token = page.split('<dt>Mã truy cập bí mật</dt><dd><code class="big">')[1].split("<")[0]
    assert submission.token_hash == token_hash(token) and token not in submission.token_hash
    assert receipt["Cache-Control"] == "no-store"
    letter = _letter(submission)
    assert letter.channel == "online"
    assert "Huỳnh Thị Mai" not in letter.content
    event = AuditEvent.objects.get(event="public.letter.submitted")
    assert token not in str(event.data) and "Huỳnh" not in str(event.data)
    # Another browser cannot see the token.
    assert Client().get(response["Location"]).status_code == 404


def test_double_submit_creates_one_letter(tree):
    client = Client()
    data = _form(tree)

    first = client.post(reverse("public:letter_submit"), data)
    second = client.post(reverse("public:letter_submit"), data)

    assert Submission.objects.count() == 1
    assert first["Location"] == second["Location"]
    from phoihop.letters.models import Letter

    assert Letter.objects.filter(channel="online").count() == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("full_name", "", "Vui lòng nhập họ và tên của bạn."),
        ("address", "", "Vui lòng nhập địa chỉ của bạn."),
        ("content", "ngắn", "Nội dung đơn quá ngắn"),
        ("email", "khong-phai-thu", "Địa chỉ thư điện tử không đúng dạng"),
        ("phone", "abc", "Số điện thoại chỉ gồm chữ số"),
        ("organization", "", "Vui lòng chọn cơ quan nhận đơn."),
        ("consent", "", "Bạn cần đánh dấu đồng ý"),
    ],
)
def test_submit_errors_are_named_per_field_and_nothing_is_saved(tree, field, value, message):
    data = _form(tree, **{field: value})
    if not value:
        data.pop(field)

    response = Client().post(reverse("public:letter_submit"), data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Submission.objects.exists()
    from phoihop.letters.models import Letter

    assert not Letter.objects.exists()


def test_form_has_no_pre_ticked_box(tree):
    page = Client().get(reverse("public:letter_submit")).content.decode()

    assert 'type="checkbox"' in page
    assert "checked" not in page


def test_submit_is_rate_limited_per_address(tree, settings):
    settings.PHOIHOP_PUBLIC = {"SUBMIT_PER_IP": (2, 3600)}
    client = Client(REMOTE_ADDR="203.0.113.7")
    for _ in range(2):
        assert client.post(reverse("public:letter_submit"), _form(tree)).status_code == 302

    response = client.post(reverse("public:letter_submit"), _form(tree))

    assert response.status_code == 429
    assert "quá nhiều yêu cầu" in response.content.decode()
    assert int(response["Retry-After"]) > 0
    assert Submission.objects.count() == 2
    # Another address still gets through.
    other = Client(REMOTE_ADDR="198.51.100.9").post(reverse("public:letter_submit"), _form(tree))
    assert other.status_code == 302


def test_submit_is_rate_limited_globally(tree, settings):
    settings.PHOIHOP_PUBLIC = {"SUBMIT_GLOBAL": (1, 600)}
    Client(REMOTE_ADDR="203.0.113.1").post(reverse("public:letter_submit"), _form(tree))

    response = Client(REMOTE_ADDR="203.0.113.2").post(reverse("public:letter_submit"), _form(tree))

    assert response.status_code == 429


def test_status_needs_code_and_token(tree):
    client = Client()
    location = client.post(reverse("public:letter_submit"), _form(tree))["Location"]
    page = client.get(location).content.decode()
    token = page.split('<dt>Mã truy cập bí mật</dt><dd><code class="big">')[1].split("<")[0]
    code = Submission.objects.get().tracking_code

    wrong = Client().post(reverse("public:letter_status"), {"tracking_code": code, "token": "X"})
    right = Client().post(
        reverse("public:letter_status"), {"tracking_code": code.lower(), "token": token.lower()}
    )

    assert "không đúng" in wrong.content.decode()
    assert "Mới tiếp nhận" in right.content.decode()
    assert tree.own.name in right.content.decode()


def test_status_lookups_are_rate_limited(tree, settings):
    settings.PHOIHOP_PUBLIC = {"LOOKUP_PER_IP": (3, 600)}
    client = Client()
    for _ in range(3):
        client.post(reverse("public:letter_status"), {"tracking_code": "2026-AAAAAA", "token": "x"})

    response = client.post(
        reverse("public:letter_status"), {"tracking_code": "2026-AAAAAA", "token": "x"}
    )

    assert response.status_code == 429


def test_schedules_page_and_feed(tree):
    make_schedule(tree.own, valid_from=date(2025, 1, 1))

    page = Client().get(reverse("public:schedules")).content.decode()
    feed = Client().get(reverse("public:schedules_ics"))

    assert "Chủ tịch UBND tỉnh" in page
    assert feed["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VEVENT" in feed.content
    assert "Tiếp công dân: Chủ tịch UBND tỉnh" in feed.content.decode()


def test_a_retry_after_a_lost_answer_shows_the_token_again(tree):
    # given: the first answer never reached the citizen (no session cookie came back)
    data = _form(tree)
    Client().post(reverse("public:letter_submit"), data)
    submission = Submission.objects.get()

    # when: the browser sends the same form again, from a fresh session
    retry = Client()
    response = retry.post(reverse("public:letter_submit"), data)
    page = retry.get(response["Location"]).content.decode()

    # then: the receipt opens with the token; once served, other retries get none
    token = page.split('<dt>Mã truy cập bí mật</dt><dd><code class="big">')[1].split("<")[0]
    assert submission.token_hash == token_hash(token)
    assert AuditEvent.objects.filter(event="public.receipt.reshown").count() == 1
    again = Client().post(reverse("public:letter_submit"), data)
    assert again.status_code == 200 and token not in again.content.decode()
    assert submission.tracking_code in again.content.decode()
    assert Submission.objects.count() == 1
    submission.refresh_from_db()
    assert bytes(submission.sealed_token) == b""


def test_the_token_survives_retries_whose_answers_are_lost_too(tree):
    """kill -9 during 1,000 submissions: a retry's answer can be lost as well; showing the token
    "once" used it up on an answer nobody read (568 of 1,000 receipts came back without it)."""
    data = _form(tree)
    Client().post(reverse("public:letter_submit"), data)  # the answer is lost
    lost = Client().post(reverse("public:letter_submit"), data)  # the retry's answer too
    assert lost.status_code == 302
    submission = Submission.objects.get()
    assert bytes(submission.sealed_token) != b""  # no receipt page served yet

    browser = Client()
    response = browser.post(reverse("public:letter_submit"), data)
    page = browser.get(response["Location"]).content.decode()

    token = page.split('<dt>Mã truy cập bí mật</dt><dd><code class="big">')[1].split("<")[0]
    assert submission.token_hash == token_hash(token)
    assert AuditEvent.objects.filter(event="public.receipt.reshown").count() == 2
    submission.refresh_from_db()
    assert bytes(submission.sealed_token) == b""  # served: erased
    # The same browser retrying again still reaches its receipt through its session.
    again = browser.post(reverse("public:letter_submit"), data)
    assert token in browser.get(again["Location"]).content.decode()


def test_the_sealed_copy_is_erased_once_the_first_receipt_page_is_served(tree):
    client = Client()
    response = client.post(reverse("public:letter_submit"), _form(tree))
    assert bytes(Submission.objects.get().sealed_token) != b""
    client.get(response["Location"])
    assert bytes(Submission.objects.get().sealed_token) == b""


def test_the_token_is_not_shown_again_after_the_receipt_window(tree, settings):
    from datetime import timedelta

    from django.utils import timezone

    data = _form(tree)
    Client().post(reverse("public:letter_submit"), data)
    Submission.objects.update(created_at=timezone.now() - timedelta(hours=2))
    response = Client().post(reverse("public:letter_submit"), data)
    assert response.status_code == 200
    assert "Mã truy cập bí mật</dt>" not in response.content.decode()


def test_status_shows_the_result_of_a_resolved_letter_and_the_logo_leads_to_the_portal(tree):
    from phoihop.accounts.services import system_actor
    from phoihop.casework.selectors import step_list
    from phoihop.documents.services import document_number
    from phoihop.letters.services import letter_accept, letter_classify, letter_conclude

    client = Client()
    location = client.post(reverse("public:letter_submit"), _form(tree))["Location"]
    page = client.get(location).content.decode()
    assert f'class="brand" href="{reverse("public:home")}"' in page
    token = page.split('<dt>Mã truy cập bí mật</dt><dd><code class="big">')[1].split("<")[0]
    submission = Submission.objects.get()
    actor = system_actor()
    letter = letter_classify(actor=actor, letter=_letter(submission), kind="petition")
    letter = letter_accept(actor=actor, letter=letter, on=date.today())
    letter_conclude(
        actor=actor, letter=letter, on=date.today(), summary="Giấy chứng nhận đã được cấp."
    )
    lookup = {"tracking_code": submission.tracking_code, "token": token}
    html = Client().post(reverse("public:letter_status"), lookup).content.decode()
    assert "Kết quả giải quyết" in html and "Giấy chứng nhận đã được cấp." in html
    assert "đang được hoàn thiện" in html  # not issued yet: no number to show
    answer = step_list(item=letter).exclude(document=None).last().document
    issued = document_number(actor=actor, document=answer)
    html = Client().post(reverse("public:letter_status"), lookup).content.decode()
    assert f"số {issued.symbol}" in html
