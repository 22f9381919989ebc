"""Results documents: the DOCX report, the XLSX table and the NIST SP 1500-100 export."""

import io
import json

import pytest
from docx import Document
from openpyxl import load_workbook

from phoihop.accounts.services import system_actor
from phoihop.elections import reports, services
from phoihop.elections.tests import factories
from phoihop.testing import chart_values, download_name, signed_in_client

pytestmark = pytest.mark.django_db

# Required members of the NIST SP 1500-100 v2 JSON schema for the classes used.
REQUIRED = {
    "ElectionResults.ElectionReport": {
        "Format",
        "GeneratedDate",
        "Issuer",
        "IssuerAbbreviation",
        "SequenceEnd",
        "SequenceStart",
        "Status",
        "VendorApplicationId",
    },
    "ElectionResults.Election": {"ElectionScopeId", "EndDate", "Name", "StartDate", "Type"},
    "ElectionResults.CandidateContest": {"VotesAllowed", "ElectoralDistrictId", "Name", "@id"},
    "ElectionResults.CandidateSelection": {"CandidateIds", "@id"},
    "ElectionResults.Candidate": {"BallotName", "@id"},
    "ElectionResults.VoteCounts": {"Count", "Type"},
    "ElectionResults.ReportingUnit": {"Type", "@id"},
    "ElectionResults.Person": {"@id"},
    "ElectionResults.SummaryCounts": {"Type"},
}


def _walk(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


@pytest.fixture
def tabulated(tree):
    actor = system_actor()
    contest = factories.official_contest(tree.own)
    from phoihop.testing import grant, make_user

    second = make_user("nhap.hai")
    grant(second, "clerk", tree.own)
    one, two = contest.areas.order_by("number")
    for area, figures in (
        (one, factories.numbers(contest, 1000, 900, 20, [700, 500, 480])),
        (two, factories.numbers(contest, 800, 700, 0, [600, 300, 320])),
    ):
        services.protocol_enter(actor=actor, area=area, numbers=figures)
        services.protocol_enter(actor=second, area=area, numbers=figures)
    return services.contest_tabulate(actor=actor, contest=contest)


def test_nist_export_has_every_required_member_and_the_counts(tabulated):
    election = tabulated.election
    report = reports.results_nist(election)
    assert report["Status"] == "unofficial-complete"
    for node in _walk(report):
        kind = node.get("@type")
        if kind in REQUIRED:
            assert REQUIRED[kind] <= set(node), kind
    contest = report["Election"][0]["Contest"][0]
    counts = {s["CandidateIds"][0]: s["VoteCounts"][0]["Count"] for s in contest["BallotSelection"]}
    assert sorted(counts.values()) == [800, 800, 1300]
    winners = [
        c for c in report["Election"][0]["Candidate"] if c.get("PostElectionStatus") == "winner"
    ]
    assert len(winners) == 2
    services.election_publish(actor=system_actor(), election=election)
    election.refresh_from_db()
    assert reports.results_nist(election)["Status"] == "certified"
    assert report["Election"][0]["Type"] == "special"


def test_docx_and_xlsx(tabulated, tree):
    election = tabulated.election
    document = Document(io.BytesIO(reports.results_docx(election)))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "BÁO CÁO" in text and "88,89%" in text and "HĐND" in text
    assert any("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in c for c in cells)
    assert "Nguyễn Văn An" in cells and "Trúng cử" in cells
    # Signed for the body by its head (a position under "TM."), not by the body's name.
    signature = [p.text for p in document.tables[-1].rows[0].cells[1].paragraphs if p.text]
    assert signature == ["TM. HỘI ĐỒNG NHÂN DÂN", "CHỦ TỊCH"]
    # A body under a managing body shows it above its own name (VB-06).
    election.organization = tree.own_unit
    header = reports.results_document(election)
    assert (header.issuer_parent, header.issuer) == ("HĐND tỉnh", "Ban Pháp chế")
    election.organization = tree.own
    sheet = load_workbook(io.BytesIO(reports.results_xlsx(election))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert any(r[8] == "Lê Thị Cúc" and r[9] == 800 and r[11] == "x" for r in rows if len(r) > 11)


def test_public_page_only_after_publication(tabulated, client):
    election = tabulated.election
    assert client.get(f"/ket-qua-bau-cu/{election.public_id}/").status_code == 404
    services.election_publish(actor=system_actor(), election=election)
    page = client.get(f"/ket-qua-bau-cu/{election.public_id}/")
    assert page.status_code == 200
    assert "Nguyễn Văn An" in page.content.decode() and "Trúng cử" in page.content.decode()
    data = json.loads(client.get(f"/ket-qua-bau-cu/{election.public_id}/nist.json").content)
    assert data["Status"] == "certified"


def test_staff_pages_render(tabulated, leader):
    c = signed_in_client(leader)
    election = tabulated.election
    for url in (
        "/bau-cu/",
        election.get_absolute_url(),
        tabulated.get_absolute_url(),
        f"/bau-cu/{election.public_id}/kiem-tra/",
    ):
        assert c.get(url).status_code == 200, url
    page = c.get(election.get_absolute_url()).content.decode()
    assert "Nộp hồ sơ ứng cử" in page and "11/04/2027" in page
    # The downloads are named in Vietnamese, after the election.
    docx = c.get(f"/bau-cu/{election.public_id}/bao-cao.docx")
    assert download_name(docx) == f"Báo cáo kết quả {election.name}.docx"
    xlsx = c.get(f"/bau-cu/{election.public_id}/ket-qua.xlsx")
    assert download_name(xlsx) == f"Kết quả {election.name}.xlsx"


def test_results_pages_draw_the_votes_as_a_chart(tabulated, leader, client):
    staff = signed_in_client(leader).get(tabulated.get_absolute_url()).content.decode()
    desc = chart_values(staff, "votes")
    assert desc.startswith("Nguyễn Văn An: 1300; ") and "Lê Thị Cúc: 800" in desc
    assert desc.count(": 800") == 2
    services.election_publish(actor=system_actor(), election=tabulated.election)
    public = client.get(f"/ket-qua-bau-cu/{tabulated.election.public_id}/").content.decode()
    assert chart_values(public, "votes-0") == desc


def test_a_refused_new_election_keeps_what_was_typed(tree, leader):
    """Election day must be a Sunday (Luật Bầu cử Đ5): the form comes back with the reason and
    the name and choices kept, and nothing is created."""
    from phoihop.elections.models import Election

    name = "Bầu cử bổ sung đại biểu HĐND tỉnh tại Đơn vị bầu cử số 3"
    page = signed_in_client(leader).post(
        "/bau-cu/tao/",
        {
            "organization": tree.own.pk,
            "name": name,
            "kind": "by_election",
            "election_day": "06/03/2027",  # a Saturday
            "terms": [factories.term().pk],
        },
    )
    text = page.content.decode()
    assert page.status_code == 200 and "Chủ nhật" in text
    assert f'value="{name}"' in text and 'value="06/03/2027"' in text
    assert not Election.objects.filter(name=name).exists()


def test_every_label_on_the_contest_page_names_its_own_field(tabulated, leader):
    """Several forms share field names (the polling area's number): their ids must differ,
    or a label names another form's field and that form's own field has no label."""
    import re
    from collections import Counter

    page = signed_in_client(leader).get(tabulated.get_absolute_url()).content.decode()
    ids = Counter(re.findall(r'\bid="([^"]+)"', page))
    assert [i for i, n in ids.items() if n > 1] == []
    for target in re.findall(r'<label for="([^"]+)"', page):
        assert target in ids, target


def test_the_report_is_not_sent_to_its_own_issuer(tabulated, tree):
    """Issued by the council's standing committee (as in a by-election), the report lists
    "Thường trực HĐND tỉnh" only as its file copy, not as a body it is sent to."""
    from phoihop.testing import body_make

    standing = body_make(
        "tt-hdnd", "Thường trực Hội đồng nhân dân tỉnh", "council_standing", tree.province, tree.own
    )
    election = tabulated.election
    election.organization = standing
    document = Document(io.BytesIO(reports.render_docx(reports.results_document(election))))
    recipients = [p.text for p in document.tables[-1].rows[0].cells[0].paragraphs]
    assert recipients == ["Nơi nhận:", "- Hội đồng bầu cử quốc gia;", "- Lưu: VT, hồ sơ."]
