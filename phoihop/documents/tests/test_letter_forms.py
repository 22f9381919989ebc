from datetime import date

from phoihop.documents.letter_forms import CaseFacts, filing_note


def _facts(kind: str) -> CaseFacts:
    return CaseFacts(
        body="UBND tỉnh",
        body_kind="people_committee",
        reference="04/2026/Đ-UBND",
        received_on=date(2026, 6, 8),
        content="Kiến nghị sửa chữa cầu treo thôn 3.",
        kind=kind,
    )


def test_a_filed_petition_cites_no_denunciation_law():
    """Điều 25 Luật Tố cáo (a denunciation not taken up) is cited for a denunciation only."""
    petition = " ".join(filing_note(_facts("petition")).paragraphs)
    denunciation = " ".join(filing_note(_facts("denunciation")).paragraphs)
    assert "Luật Tố cáo" not in petition and "Thông tư số 05/2021/TT-TTCP); lưu đơn." in petition
    assert "(Thông tư số 05/2021/TT-TTCP; Điều 25 Luật Tố cáo); lưu đơn." in denunciation
