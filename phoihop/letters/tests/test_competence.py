"""The text engine's competence suggestion on the triage form."""

from datetime import date

import pytest

from phoihop.accounts.services import system_actor
from phoihop.letters.selectors import letter_competence_suggestion
from phoihop.letters.services import letter_accept
from phoihop.letters.tests.factories import register
from phoihop.testing import signed_in_client

ROAD = "Đường tỉnh ĐT.816 đoạn qua xã Hòa An xuống cấp nghiêm trọng, nhiều ổ gà, đề nghị sửa chữa."
STREET_LIGHTS = "Đèn chiếu sáng ở thôn 3 bị hỏng đã lâu, đề nghị UBND xã sửa chữa."


def test_suggestion_names_the_directory_organization_of_the_agency(tree):
    letter = register(tree.own, content=ROAD)

    suggestion = letter_competence_suggestion(letter=letter)

    assert (suggestion.kind, suggestion.field, suggestion.level) == (
        "petition",
        "giao thông - xây dựng",
        "tỉnh",
    )
    assert suggestion.agency == "Sở Xây dựng"
    assert suggestion.organization == tree.other_unit


def test_suggestion_without_directory_organization_keeps_the_agency_name(tree):
    letter = register(tree.own, content=STREET_LIGHTS)

    suggestion = letter_competence_suggestion(letter=letter)

    assert suggestion.level == "xã"
    assert suggestion.agency.startswith("UBND")
    assert suggestion.organization is None


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        ("Tôi tố cáo cán bộ địa chính xã nhận tiền của dân.", "denunciation"),
        ("Toi khieu nai quyet dinh thu hoi dat so 12.", "complaint"),
        ("Khiếu nại quyết định bồi thường; đồng thời tố giác việc làm sai hồ sơ.", "mixed"),
        (ROAD, "petition"),
    ],
)
def test_suggested_kind_comes_from_the_content(tree, content, kind):
    letter = register(tree.own, content=content)

    assert letter_competence_suggestion(letter=letter).kind == kind


def test_triage_form_is_prefilled_with_the_suggestion(tree, leader):
    letter = register(tree.own, content=ROAD)

    html = signed_in_client(leader).get(letter.get_absolute_url()).content.decode()

    assert 'id="competence-suggestion"' in html
    assert 'value="giao thông - xây dựng"' in html
    assert '<option value="tỉnh" selected>' in html
    assert '<option value="petition" selected>' in html
    assert f'<option value="{tree.other_unit.pk}" selected>' in html


def test_no_suggestion_once_the_letter_left_triage(tree, leader):
    letter = register(tree.own, content=ROAD, kind="petition")
    letter_accept(actor=system_actor(), letter=letter, on=date(2026, 6, 9))

    html = signed_in_client(leader).get(letter.get_absolute_url()).content.decode()

    assert "competence-suggestion" not in html
