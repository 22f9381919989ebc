"""The shared date field in a real browser: its ``pattern`` compiles (Chromium compiles a
``pattern`` with the ``v`` flag and drops, with a console error, one that does not), so a date
typed in the wrong shape is caught before the form is sent. No server: the widget's HTML only."""

import pytest
from django import forms

from phoihop.core.fields import VnDateField
from phoihop.web import browser

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not browser.chromium_available(), reason="Chromium is not installed"),
]


class _Form(forms.Form):
    on = VnDateField(label="Ngày")


def test_the_date_pattern_compiles_and_checks_the_typed_date():
    html = f"<!doctype html><html lang='vi'><body><form>{_Form().as_div()}</form></body></html>"
    with browser.browser() as chromium:
        page = chromium.new_page()
        errors: list[str] = []
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.set_content(html)
        field = page.locator("input[name=on]")

        def mismatch(value: str) -> bool:
            field.fill(value)
            return field.evaluate("el => el.validity.patternMismatch")

        assert not mismatch("05/02/2026") and not mismatch("5.2.2026")
        assert not mismatch("05-02-2026") and not mismatch("2026-02-05")
        assert mismatch("ngày 5") and mismatch("05/02/26")
        assert errors == []
