"""One Vietnamese word used in two senses gets the right English in each place (decision 0035)."""

from django.urls import reverse


def test_one_vietnamese_word_keeps_each_of_its_senses_in_english():
    """ "Cơ quan", "Thông báo" and "Ghi nhận" each mean two things in the interface; each use
    names its sense (msgctxt), so each gets its own English."""
    from django.utils import translation

    from phoihop.documents.models import Document
    from phoihop.lawmaking.models import Opinion

    with translation.override("en"):
        assert translation.pgettext("menu", "Cơ quan") == "Bodies"
        assert translation.pgettext("body of a record", "Cơ quan") == "Body"
        assert translation.pgettext("menu", "Thông báo") == "Notifications"
        assert str(Document.Type.NOTICE.label) == "Notice"
        assert translation.pgettext("button", "Ghi nhận") == "Record"
        assert str(Opinion.Response.NOTED.label) == "Noted"


def test_english_pages_use_each_sense_where_it_belongs(tree):
    from phoihop.letters.tests.factories import register
    from phoihop.testing import grant, make_user, signed_in_client

    letter = register(tree.own, kind="complaint")
    officer = make_user("chuyen.vien")
    grant(officer, "specialist", tree.own)
    client = signed_in_client(officer)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    notifications = client.get(reverse("web:notifications")).content.decode()
    assert "<h1>Notifications</h1>" in notifications
    assert ">Bodies</a></li>" in notifications  # the main menu
    detail = client.get(letter.get_absolute_url()).content.decode()
    assert "<dt>Body</dt>" in detail and "<dt>Bodies</dt>" not in detail
    assert '<button class="primary">Record</button>' in detail
