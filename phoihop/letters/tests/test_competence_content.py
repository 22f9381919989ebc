"""Competence read from the letter's own words, matched to the demo province's directory."""

import pytest

from phoihop.accounts.services import system_actor
from phoihop.demo.loader import demo_load
from phoihop.letters.selectors import letter_competence_suggestion
from phoihop.letters.services import letter_classify
from phoihop.letters.tests.factories import register
from phoihop.organizations.models import Organization


@pytest.mark.parametrize(
    ("kind", "content", "expected"),
    [
        (
            "complaint",
            "Tôi khiếu nại Quyết định số 85/QĐ-UBND của UBND xã Hòa An về việc thu hồi 300 m² "
            "đất nông nghiệp tại thôn 3 mà chưa bồi thường thỏa đáng.",
            "ubnd-hoa-an",
        ),
        (
            "denunciation",
            "Tố cáo cán bộ địa chính xã Tân Phước nhận tiền để hợp thức hóa đất lấn chiếm.",
            "ubnd-tan-phuoc",
        ),
        (
            "denunciation",
            "Tố cáo Phó Chủ tịch UBND xã Hòa An nhận tiền của các hộ dân để xác nhận nguồn "
            "gốc đất.",
            "ubnd",
        ),
        (
            "petition",
            "Đèn chiếu sáng ở thôn 3 xã Hòa An bị hỏng đã lâu, đề nghị UBND xã sửa chữa.",
            "ubnd-hoa-an",
        ),
    ],
)
def test_competence_follows_the_content_and_the_directory(db, kind, content, expected):
    demo_load()
    body = Organization.objects.get(code="tt-hdnd")
    letter = register(body, content=content)
    letter = letter_classify(actor=system_actor(), letter=letter, kind=kind)
    suggestion = letter_competence_suggestion(letter=letter)
    assert suggestion.organization is not None
    assert suggestion.organization.code == expected
