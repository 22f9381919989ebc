"""The English catalogue is complete, sound and compiled, and the switch to English shows it.

Refresh the catalogue with ``make messages`` (decision 0290); these tests then say what is
still missing: an empty or fuzzy entry, a placeholder lost in translation, a stale ``.mo``.
"""

import re
from collections import Counter
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}|%[sd]")


def _placeholders(text: str) -> Counter[str]:
    return Counter(PLACEHOLDER.findall(text))


@pytest.fixture(scope="module")
def po() -> polib.POFile:
    return polib.pofile(str(CATALOGUE.with_suffix(".po")))


def _live(po: polib.POFile) -> list[polib.POEntry]:
    return [e for e in po if not e.obsolete]


def test_the_catalogue_is_not_empty(po):
    assert len(_live(po)) > 1000


def test_every_entry_is_translated_and_checked(po):
    untranslated = [e.msgid for e in _live(po) if not e.translated()]
    fuzzy = [e.msgid for e in _live(po) if "fuzzy" in e.flags]
    obsolete = [e.msgid for e in po if e.obsolete]
    assert untranslated == []
    assert fuzzy == []
    assert obsolete == []


def test_translations_keep_every_placeholder(po):
    broken = []
    for entry in _live(po):
        if entry.msgid_plural:
            pairs = [(entry.msgid, entry.msgstr_plural.get(0, ""))]
            pairs += [(entry.msgid_plural, s) for n, s in entry.msgstr_plural.items() if n > 0]
        else:
            pairs = [(entry.msgid, entry.msgstr)]
        broken += [(m, s) for m, s in pairs if _placeholders(m) != _placeholders(s)]
    assert broken == []


def test_the_placeholder_check_can_fail():
    assert _placeholders("Trang %(n)s/%(total)s") != _placeholders("Page %(n)s")
    assert _placeholders("{name} và %s") == _placeholders("%s and {name}")


def test_the_compiled_catalogue_matches_the_source(po):
    def key(entry):
        return (entry.msgctxt, entry.msgid)

    def text(entry):
        return dict(entry.msgstr_plural) if entry.msgid_plural else entry.msgstr

    mo = polib.mofile(str(CATALOGUE.with_suffix(".mo")))
    compiled = {key(e): text(e) for e in mo if e.msgid}
    source = {key(e): text(e) for e in po.translated_entries()}
    assert compiled == source


def _english_client() -> Client:
    client = Client()
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    return client


def test_english_chosen_with_the_switch_shows_english_pages(db):
    html = _english_client().get("/khong-co-trang-nay/").content.decode()
    assert '<html lang="en">' in html
    assert "Page not found" in html and "go to the citizen portal" in html
    assert "Không tìm thấy trang" not in html


def test_the_sign_in_page_speaks_english_when_chosen(db):
    html = _english_client().get(reverse("accounts:login")).content.decode()
    assert "Sign in" in html and "Password" in html and "Đăng nhập" not in html


def test_a_browser_set_to_english_still_gets_vietnamese(db):
    html = Client(HTTP_ACCEPT_LANGUAGE="en").get("/khong-co-trang-nay/").content.decode()
    assert '<html lang="vi">' in html and "Không tìm thấy trang" in html


def test_a_count_of_people_agrees_in_number_in_english():
    # the letter page counts a letter's senders: "(3 người)", in English "(3 people)"
    from django.utils import translation

    with translation.override("en"):
        one, three = (
            translation.ngettext("%(counter)s người", "%(counter)s người", n) % {"counter": n}
            for n in (1, 3)
        )
    assert (one, three) == ("1 person", "3 people")
