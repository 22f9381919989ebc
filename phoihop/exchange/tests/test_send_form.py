"""The send form reads each receiver's due date as officials type it."""

from datetime import date
from types import SimpleNamespace

from phoihop.exchange.forms import due_input, recipient_rows


def _body(pk: int, name: str) -> SimpleNamespace:
    return SimpleNamespace(pk=pk, name=name)


def test_a_due_date_is_read_as_day_month_year():
    council, front = _body(1, "Thường trực HĐND tỉnh"), _body(2, "Ban Thường trực UBMTTQ tỉnh")
    data = {"to-1": "action", "due-1": "04/12/2026", "to-2": "information"}

    rows, errors = recipient_rows(data, [council, front])

    assert errors == []
    assert rows == [(council, "action", date(2026, 12, 4)), (front, "information", None)]


def test_a_date_that_is_not_one_gives_an_error_in_vietnamese_naming_the_body():
    council = _body(1, "Thường trực HĐND tỉnh")

    rows, errors = recipient_rows({"to-1": "action", "due-1": "31/02/2026"}, [council])

    assert rows == []
    assert errors == [
        "Thường trực HĐND tỉnh, hạn xử lý: Nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/02/2026."
    ]


def test_the_due_box_keeps_what_was_typed_and_is_labelled_for_its_body():
    html = due_input(_body(7, "Đoàn ĐBQH tỉnh"), "4/12/2026")

    assert 'name="due-7"' in html and 'value="4/12/2026"' in html
    assert 'aria-label="Hạn xử lý của Đoàn ĐBQH tỉnh"' in html
    assert 'placeholder="dd/mm/yyyy"' in html and 'type="text"' in html
