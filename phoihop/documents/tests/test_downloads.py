"""One ``Content-Disposition`` for every download (``phoihop.core.downloads``): Vietnamese
names arrive intact."""

import pytest
from django.http import HttpResponse

from phoihop.core.downloads import download_disposition, file_response
from phoihop.testing import download_name


@pytest.mark.parametrize(
    "name",
    [
        "Nghị quyết 01-NQ-HĐND.docx",
        "Sổ tiếp công dân 01-04-2026 đến 30-04-2026.xlsx",
        "Đơn khiếu nại của ông Lò Văn Xuyến.pdf",
        'ĐƠN ĐỀ NGHỊ; bản "gốc".pdf',
    ],
)
def test_a_vietnamese_name_round_trips(name):
    response = file_response(b"%PDF", name, "application/pdf")
    assert download_name(response) == name
    header = response["Content-Disposition"]
    assert header.isascii()  # nothing left for the server to MIME-encode
    assert header.startswith("attachment; filename=")


def test_old_clients_get_the_name_folded_to_ascii():
    header = download_disposition("Quyết định 01-QĐ-UBND.docx")
    assert header.startswith('attachment; filename="Quyet dinh 01-QD-UBND.docx"; filename*=')


def test_an_ascii_name_is_sent_once():
    assert (
        download_disposition("ket-qua-bau-cu.xlsx") == 'attachment; filename="ket-qua-bau-cu.xlsx"'
    )


def test_inline_files_keep_their_name():
    response = file_response(
        b"BEGIN:VCALENDAR", "Lịch tiếp công dân.ics", "text/calendar", inline=True
    )
    assert response["Content-Disposition"].startswith("inline;")
    assert download_name(response) == "Lịch tiếp công dân.ics"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_name_cannot_break_the_header():
    header = download_disposition('a"\\b\r\nSet-Cookie: x=1.txt')
    response = HttpResponse()
    response["Content-Disposition"] = header  # Django refuses a header with a line break
    plain = header.split("filename*=")[0]
    assert "\\" not in plain and "\r" not in header and "\n" not in header
    assert download_name(response) == 'a"\\b\r\nSet-Cookie: x=1.txt'
