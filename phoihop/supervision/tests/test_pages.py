"""The recommendation page: a refused step comes back with what the officer typed and chose."""

from datetime import date

from phoihop.supervision import services
from phoihop.supervision.tests import factories as f
from phoihop.testing import grant, make_user, signed_in_client


def test_a_refused_verification_keeps_the_result_and_the_text(tree, leader):
    responsible = make_user("chuyen.vien.so")
    grant(responsible, "specialist", tree.other_unit)
    rec = f.make_recommendation(tree, actor=leader)
    services.recommendation_accept(actor=responsible, rec=rec, on=date(2026, 6, 20))
    services.recommendation_report_done(
        actor=responsible, rec=rec, on=date(2026, 10, 6), note="Xong", evidence="QĐ 1/QĐ-XPVPHC"
    )
    client = signed_in_client(leader)
    note = "Mới xử lý 6/12 công trình"
    # "Thực hiện một phần" without the new date the law needs: refused, nothing recorded...
    page = client.post(
        f"{rec.get_absolute_url()}cap-nhat/",
        {"step": "verify", "on": "10/10/2026", "note": note, "result": "partly"},
    )
    rec.refresh_from_db()
    assert rec.status == "reported_done" and not rec.result
    # ...and the page shows why, with the officer's text and choice kept, not reset to "done".
    text = page.content.decode()
    assert page.status_code == 200 and "Cần hạn mới" in text
    assert f">{note}</textarea>" in text
    assert '<option value="partly" selected>Thực hiện một phần</option>' in text

    client.post(
        f"{rec.get_absolute_url()}cap-nhat/",
        {
            "step": "verify",
            "on": "10/10/2026",
            "note": note,
            "result": "partly",
            "new_due_by": "31/12/2026",
        },
    )
    rec.refresh_from_db()
    assert rec.result == "partly" and rec.due_on == date(2026, 12, 31)
