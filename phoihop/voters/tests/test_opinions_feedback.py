"""Opinions kept apart from petitions (decision 0163), the contact point's feedback on answers
read back to voters (decision 0164), and letters taken up as voter petitions through the
casework layer (decision 0165)."""

import io
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from phoihop.casework.models import Link, Step
from phoihop.casework.selectors import link_list
from phoihop.documents.services import document_docx
from phoihop.letters.tests.factories import register
from phoihop.testing import grant, make_user
from phoihop.voters import selectors, services
from phoihop.voters.errors import ImportRowError, VotersError
from phoihop.voters.imports import Row, read_pasted, read_xlsx
from phoihop.voters.models import Decision, Feedback, Petition
from phoihop.voters.tests.factories import commune, make_consolidated, make_meeting, make_session
from phoihop.voters.tests.test_services import ROAD, _group_of, _run

PRAISE = "Cử tri phấn khởi trước kết quả sáp nhập xã, bộ máy gọn nhẹ hơn"


def _xlsx(rows):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["STT", "Nội dung", "Xã, phường", "Loại"])
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_minutes_column_and_pasted_prefix_mark_opinions():
    rows = read_xlsx(_xlsx([[1, ROAD[0], "Hòa An", "Kiến nghị"], [2, PRAISE, "Hòa An", "ý kiến"]]))
    assert [r.kind for r in rows] == ["petition", "opinion"]
    pasted = read_pasted(f"Ý kiến: {PRAISE} | Hòa An\n{ROAD[1]} | Hòa An")
    assert [(r.kind, r.text) for r in pasted] == [("opinion", PRAISE), ("petition", ROAD[1])]


def test_unknown_kind_refuses_the_file_naming_the_row():
    with pytest.raises(ImportRowError) as error:
        read_xlsx(_xlsx([[1, ROAD[0], "Hòa An", ""], [2, PRAISE, "Hòa An", "khen"]]))
    assert error.value.message.startswith("Dòng 3:") and "«khen»" in error.value.message


@pytest.fixture
def with_opinion(bodies, secretary):
    meeting = make_meeting(bodies["delegation"], actor=secretary)
    services.petitions_record(
        actor=secretary,
        rows=[
            *(Row(n, t, "Hòa An") for n, t in enumerate(ROAD, 1)),
            Row(9, PRAISE, "Hòa An", kind="opinion"),
        ],
        session=meeting.session,
        meeting=meeting,
    )
    return meeting.session


def test_the_engine_groups_petitions_only(with_opinion, secretary):
    run = _run(with_opinion, secretary)
    assert run.petitions == len(ROAD)
    assert Petition.objects.get(text=PRAISE).consolidated is None
    assert list(selectors.unplaced_petitions(viewer=secretary, session=with_opinion)) == []


def test_an_opinion_taken_out_of_a_group_stays_out(with_opinion, secretary):
    _run(with_opinion, secretary)
    road = _group_of(ROAD[0])
    services.petition_mark(
        actor=secretary, petition=Petition.objects.get(text=ROAD[2]), kind="opinion"
    )
    road.refresh_from_db()
    assert road.status == "accepted" and road.petitions.count() == 2
    assert Decision.objects.get(kind="opinion").petitions == [Petition.objects.get(text=ROAD[2]).pk]
    _run(with_opinion, secretary)  # a new run leaves the official's decision standing
    assert Petition.objects.get(text=ROAD[2]).consolidated is None
    stats = selectors.session_statistics(session=with_opinion)
    assert (stats["petitions"], stats["requests"], stats["opinions"]) == (4, 2, 2)


def test_an_opinion_turned_back_into_a_petition_is_grouped_again(with_opinion, secretary):
    opinion = Petition.objects.get(text=PRAISE)
    services.petition_mark(actor=secretary, petition=opinion, kind="petition")
    assert _run(with_opinion, secretary).petitions == len(ROAD) + 1


def test_only_consolidating_staff_mark_opinions(with_opinion, bodies):
    outsider = make_user("ngoai")
    grant(outsider, "specialist", bodies["standing"])
    with pytest.raises(PermissionDenied):
        services.petition_mark(
            actor=outsider, petition=Petition.objects.get(text=PRAISE), kind="petition"
        )


def test_front_report_lists_opinions_apart(with_opinion, bodies, secretary):
    from docx import Document

    grant(secretary, "specialist", bodies["front"])
    document = services.report_issue(
        actor=secretary,
        session=with_opinion,
        organization=bodies["front"],
        kind="front",
        issued_on=date(2026, 12, 20),
    )
    docx = Document(io.BytesIO(document_docx(document)))
    text = "\n".join(p.text for p in docx.paragraphs)
    assert "cử tri nêu 4 ý kiến, kiến nghị (3 kiến nghị, 1 ý kiến)" in text
    cells = [c.text for t in docx.tables for row in t.rows for c in row.cells]
    assert PRAISE in cells


# --- feedback from the contact points --------------------------------------------------------


@pytest.fixture
def answered(bodies):
    item = make_consolidated(
        bodies["delegation"],
        session=make_session(
            bodies["delegation"],
            name="Kỳ họp thứ Mười",
            opens_on=date(2026, 5, 20),
            closes_on=date(2026, 6, 18),
        ),
        status="answered",
        grade="scheduled",
        roadmap_until=date(2027, 6, 30),
        answer="Tỉnh bố trí vốn sửa đường ĐT.816 năm 2027.",
    )
    item.communes.set([commune("T-01")])
    return item


def test_contact_point_reports_back_once_per_meeting(answered, bodies, secretary):
    meeting = make_meeting(bodies["delegation"], actor=secretary)
    rows = selectors.answers_to_read_back(viewer=secretary, meeting=meeting)
    assert [(i, [c.name for c, _ in places]) for i, places in rows] == [(answered, ["xã Hòa An"])]
    for reaction in ("partly", "disagree"):  # recorded again: corrected, not doubled
        services.feedback_record(
            actor=secretary,
            meeting=meeting,
            item=answered,
            commune=commune("T-01"),
            outcome="not_done",
            reaction=reaction,
            note="Chưa thấy thi công",
        )
    row = Feedback.objects.get()
    assert row.reaction == "disagree" and row.disputed
    assert Step.objects.filter(item_id=answered.pk, kind="feedback").count() == 2
    assert list(selectors.disputed_list(viewer=secretary)) == [answered]
    stats = selectors.session_statistics(session=answered.session)
    assert stats["by_feedback"] == [("Cử tri chưa đồng tình, đề nghị xem xét lại", 1)]


def test_feedback_is_refused_where_it_does_not_belong(answered, bodies, secretary):
    meeting = make_meeting(bodies["delegation"], actor=secretary)
    with pytest.raises(VotersError, match="không do cử tri xã, phường này"):
        services.feedback_record(
            actor=secretary,
            meeting=meeting,
            item=answered,
            commune=commune("T-02"),
            outcome="done",
            reaction="agree",
        )
    routed = make_consolidated(bodies["delegation"], status="routed")
    routed.communes.set([commune("T-01")])
    with pytest.raises(VotersError, match="đã được trả lời"):
        services.feedback_record(
            actor=secretary,
            meeting=meeting,
            item=routed,
            commune=commune("T-01"),
            outcome="done",
            reaction="agree",
        )
    outsider = make_user("ngoai")
    grant(outsider, "specialist", bodies["standing"])
    with pytest.raises(PermissionDenied):
        services.feedback_record(
            actor=outsider,
            meeting=meeting,
            item=answered,
            commune=commune("T-01"),
            outcome="done",
            reaction="agree",
        )
    assert Feedback.objects.count() == 0


# --- letters taken up as voter petitions -------------------------------------------------------


def test_a_letter_becomes_one_linked_petition(bodies, secretary):
    session = make_session(bodies["delegation"])
    letter = register(
        bodies["delegation"],
        content="Đề nghị sửa chữa cầu Bến Đá trên đường liên xã, mùa mưa đi lại nguy hiểm.",
        kind="petition",
        channel="hotline",
    )
    petition = services.petition_from_item(
        actor=secretary, session=session, item=letter, commune=commune("T-01")
    )
    again = services.petition_from_item(
        actor=secretary, session=session, item=letter, commune=commune("T-02")
    )
    assert again.pk == petition.pk and Petition.objects.count() == 1
    assert petition.channel == "hotline" and "cầu Bến Đá" in petition.text
    assert Link.objects.filter(kind="continues", to_id=letter.pk).count() == 1
    # read both ways: the letter's page shows the petition it continues as
    assert [linked.item for linked in link_list(viewer=secretary, item=letter)] == [petition]
    assert Step.objects.filter(item_id=letter.pk, kind="continued").exists()
    letter.refresh_from_db()
    assert letter.status == "received"  # the letter keeps its own workflow


def test_only_a_letter_classified_as_a_petition_is_taken(bodies, secretary):
    session = make_session(bodies["delegation"])
    complaint = register(bodies["delegation"], kind="complaint")
    with pytest.raises(VotersError, match="Kiến nghị, phản ánh"):
        services.petition_from_item(
            actor=secretary, session=session, item=complaint, commune=commune("T-01")
        )
    outsider = make_user("ngoai")
    grant(outsider, "specialist", bodies["standing"])
    petition_letter = register(bodies["delegation"], kind="petition")
    with pytest.raises(PermissionDenied):
        services.petition_from_item(
            actor=outsider, session=session, item=petition_letter, commune=commune("T-01")
        )
    assert Petition.objects.count() == 0


def test_the_read_back_list_links_only_the_answers_the_viewer_may_open(answered, bodies, secretary):
    from phoihop.testing import dead_links, signed_in_client

    meeting = make_meeting(bodies["delegation"], actor=secretary, co_organizer=bodies["front"])
    front = make_user("mttq.giam.sat")
    grant(front, "supervisor", bodies["front"])
    client = signed_in_client(front)
    page = client.get(meeting.get_absolute_url())
    assert page.status_code == 200 and answered.reference in page.content.decode()
    assert dead_links(client, meeting.get_absolute_url()) == []
    # The delegation's own secretary still follows the link to the answer.
    own = signed_in_client(secretary).get(meeting.get_absolute_url()).content.decode()
    assert f'href="{answered.get_absolute_url()}"' in own
