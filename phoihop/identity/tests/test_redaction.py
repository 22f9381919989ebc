"""Redaction finds a sender's values however they are written (docs/decisions/0110)."""

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from phoihop.identity.redaction import REDACTED
from phoihop.identity.services import IdentityData, identity_redact, identity_redact_all
from phoihop.identity.tests.canary import CANARY, KINDS, every_kind_text, render, survivors


def _chooser(data):
    return lambda options: data.draw(st.sampled_from(list(options)))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_no_variant_of_the_canary_survives(data):
    text = render(_chooser(data), count=data.draw(st.integers(1, 5)))
    redacted = identity_redact(text, CANARY)
    assert survivors(redacted) == [], (text, redacted)


@pytest.mark.parametrize("kind", sorted(KINDS))
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_each_kind_is_redacted(kind, data):
    value = KINDS[kind](_chooser(data))
    assert survivors(identity_redact(f"Nội dung: {value}. Hết.", CANARY)) == [], value


def test_the_exhaustive_list_leaves_nothing():
    assert survivors(identity_redact(every_kind_text(), CANARY)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tôi tên là QUÁCH THỊ PLÚGH.", f"Tôi tên là {REDACTED}."),
        ("quach  thi\nplugh khiếu nại", f"{REDACTED} khiếu nại"),
        ("Gọi +84 912 888 002.", f"Gọi {REDACTED}."),
        ("Gọi (091) 288-8002 nhé", f"Gọi {REDACTED} nhé"),
        ("CCCD 079/900/123/456", f"CCCD {REDACTED}"),
        ("thư plugh.quach [at] thuvien [dot] vn", f"thư {REDACTED}"),
    ],
)
def test_examples(text, expected):
    assert identity_redact(text, CANARY) == expected


def test_nfd_input_comes_back_in_nfc():
    text = unicodedata.normalize("NFD", "Bà Plúgh ở xã Mộc.")
    assert identity_redact(text, CANARY) == f"Bà {REDACTED} ở xã Mộc."


def test_the_place_of_the_problem_stays():
    # The commune, district and province of the address, and streets without a house number,
    # are where problems happen: they are kept (docs/decisions/0110).
    text = "Đường Kẽm Nhung qua xã Mộc, tỉnh Hòa Lĩnh bị ngập; thôn Vực Sâu mất điện."
    assert identity_redact(text, CANARY) == text


def test_the_full_address_goes_but_its_commune_stays():
    text = f"Tôi ở {CANARY.address}."
    assert identity_redact(text, CANARY) == f"Tôi ở {REDACTED}, xã Mộc, tỉnh Hòa Lĩnh."


def test_common_words_equal_to_name_parts_stay():
    data = IdentityData(full_name="Nguyễn Văn An", address="thôn Đông, xã Tây")
    text = "Ông Trần Văn B làm mất an ninh trật tự; an toàn giao thông kém. Nguyễn Văn B biết."
    assert identity_redact(text, data) == text
    assert identity_redact("Anh An đến trụ sở.", data) == f"Anh {REDACTED} đến trụ sở."


def test_a_small_number_alone_is_not_a_house_number():
    data = IdentityData(address="Số 47, xã Mộc")
    assert identity_redact("47 hộ dân bị ảnh hưởng; nhà số 47 của tôi.", data) == (
        f"47 hộ dân bị ảnh hưởng; {REDACTED} của tôi."
    )


def test_marked_spans_and_several_senders():
    first = IdentityData(full_name="Lò Văn Xuyến", marked=("bà bán nước đầu cầu",))
    second = IdentityData(phone="0987 654 321")
    text = "Tôi, Lò Văn Xuyến, là Bà bán nước đầu cầu; số 0987.654.321."
    assert identity_redact_all(text, [first, second]) == (
        f"Tôi, {REDACTED}, là {REDACTED}; số {REDACTED}."
    )


def test_reword_names_the_sender_where_they_named_themselves_and_drops_the_rest():
    from phoihop.identity.redaction import reword

    text = f"Tôi là {REDACTED}, trú tại {REDACTED}, số điện thoại {REDACTED}. Ông {REDACTED} ký."
    assert reword(text, name="«A»", address="«Đ»") == ("Tôi là «A», trú tại «Đ». Ông «A» ký.")
    assert reword("Không có gì", name="x", address="y") == "Không có gì"
    # Only a short labelling clause goes with the span: a longer one is never cut.
    text = f"Đã gửi đơn hai lần, đề nghị cơ quan liên hệ lại qua số {REDACTED}."
    assert reword(text, name="x", address="y") == (
        "Đã gửi đơn hai lần, đề nghị cơ quan liên hệ lại qua số."
    )


def test_reword_names_the_place_once_when_the_address_names_it():
    from phoihop.identity.redaction import reword

    text = f"Tôi là {REDACTED}, trú tại {REDACTED}, phường Mộc. Đề nghị sửa cầu."
    assert reword(text, name="Lò Văn A", address="Số 9 ngõ 4, phường Mộc") == (
        "Tôi là Lò Văn A, trú tại Số 9 ngõ 4, phường Mộc. Đề nghị sửa cầu."
    )
