"""What the public sees of the council: the resolution search (with or without diacritics, by
kind and year, paged without counting), the API's uncounted pages, the papers and files
released to the public (and only those), the Atom feeds, and each resolution's status."""

import xml.etree.ElementTree as ET
from datetime import date

import pytest
from django.test import Client
from rest_framework.test import APIClient

from phoihop.accounts.services import system_actor
from phoihop.council import selectors, services
from phoihop.council.models import Resolution
from phoihop.council.tests import factories as f
from phoihop.security.uploads import CheckedUpload, check_upload
from phoihop.testing import download_name
from phoihop.text.services import search_index_upsert

ATOM = "{http://www.w3.org/2005/Atom}"
PDF = CheckedUpload("nq.pdf", "application/pdf", b"%PDF-1.4 nghi quyet")


def _published(tree, *, title="", kind="council", year=2026, number=None, summary=""):
    """A published resolution written directly (the services' path is tested elsewhere), in
    the index as ``resolution_publish`` puts it."""
    number = number or Resolution.objects.count() + 1
    resolution = Resolution.objects.create(
        organization=tree.own,
        reference=f"NQ-{number}",
        kind=kind,
        status="published",
        year=year,
        number=number,
        symbol=f"{number:02d}/NQ-{'TT' if kind == 'standing' else ''}HĐND",
        title=title or f"Nghị quyết số {number}",
        summary=summary,
        adopted_on=date(year, 6, 1),
        published_on=date(year, 6, 4),
    )
    title, body = selectors.search_entry(resolution)
    search_index_upsert(
        kind=Resolution.SEARCH_KIND, object_id=resolution.pk, title=title, body=body
    )
    return resolution


def _publish(resolution, actor=None):
    actor = actor or system_actor()
    services.resolution_sign(
        actor=actor, resolution=resolution, on=date(2026, 12, 11), signer_name="Nguyễn Văn A"
    )
    return services.resolution_publish(actor=actor, resolution=resolution, on=date(2026, 12, 12))


# ---------------------------------------------------------------- search


def test_search_finds_vietnamese_with_or_without_diacritics(tree):
    rice = _published(tree, title="Quy định mức hỗ trợ phát triển đất trồng lúa")
    _published(tree, title="Quy định mức thu học phí")

    for query in ("đất trồng lúa", "dat trong lua", "DAT TRONG LUA", "đât trông lua"):
        assert selectors.public_resolution_window(query=query).rows == [rice], query


def test_a_year_narrows_the_search_even_past_the_newest_matches(tree, monkeypatch):
    monkeypatch.setattr(selectors, "CANDIDATES", 30)
    old = _published(tree, title="Quy định phí tham quan", year=2018)
    for _ in range(31):  # newer matches than the cap holds
        _published(tree, title="Quy định phí tham quan", year=2026)

    assert selectors.public_resolution_window(query="phi tham quan", year=2018).rows == [old]
    assert selectors.public_resolution_window(query="phi", year=2019).rows == []
    assert selectors.public_resolution_window(query="2018 tham quan").rows == [old]


def test_a_kind_narrows_the_search_and_the_list(tree):
    decision = _published(tree, title="Quy định phí tham quan", kind="standing")
    council = [_published(tree, title="Quy định phí tham quan") for _ in range(30)]

    assert selectors.public_resolution_window(query="tham quan", kind="standing").rows == [decision]
    window = selectors.public_resolution_window(kind="council", stop=25)
    assert window.rows == council[::-1][:25] and window.has_next


def test_a_capped_search_says_so(tree, monkeypatch):
    monkeypatch.setattr(selectors, "CANDIDATES", 10)
    _published(tree, title="Quy định phí tham quan", kind="standing", year=2026)
    for _ in range(12):  # newer: the standing committee's is past the cap
        _published(tree, title="Quy định phí tham quan", year=2026)

    window = selectors.public_resolution_window(query="phi tham quan", kind="standing")
    assert window.rows == [] and window.capped
    window = selectors.public_resolution_window(query="phi tham quan", stop=5)
    assert len(window.rows) == 5 and window.has_next and not window.capped
    assert selectors.public_resolution_window(query="phi tham quan", stop=25).capped


def test_pages_are_read_without_counting(tree, django_assert_max_num_queries):
    made = [_published(tree, title=f"Quy định phí số {i}") for i in range(30)]
    newest_first = made[::-1]

    first = selectors.public_resolution_window(start=0, stop=25)
    second = selectors.public_resolution_window(start=25, stop=50)
    assert first.rows == newest_first[:25] and first.has_next
    assert second.rows == newest_first[25:] and not second.has_next
    searched = selectors.public_resolution_window(query="quy dinh phi", start=25, stop=50)
    assert searched.rows == newest_first[25:] and not searched.has_next

    with django_assert_max_num_queries(8) as queries:
        response = Client().get("/cong-khai/nghi-quyet/?q=quy+dinh&trang=2")
    assert response.status_code == 200
    assert not any("COUNT(" in q["sql"] and "council_resolution" in q["sql"] for q in queries)
    assert "Trang 2" in response.text and "Trang sau" not in response.text


def test_only_resolutions_with_every_word_are_found(tree):
    _published(tree, title="Quy định mức thu học phí")

    response = Client().get("/cong-khai/nghi-quyet/?q=hoc+phi+xyzw")
    assert "Không tìm thấy nghị quyết chứa đủ mọi từ" in response.text
    assert "học phí" not in response.text.split("<tbody>")[1]
    assert selectors.public_resolution_window(query="hoc phi xyzw").rows == []


def test_only_published_resolutions_are_public(tree, leader):
    resolution = f.make_resolution(tree, actor=leader)
    client = Client()

    assert client.get(f"/cong-khai/nghi-quyet/{resolution.public_id}/").status_code == 404
    _publish(resolution, leader)
    page = client.get(f"/cong-khai/nghi-quyet/{resolution.public_id}/")
    assert page.status_code == 200 and "Chưa giao nhiệm vụ" in page.text
    assert resolution.symbol in client.get("/cong-khai/nghi-quyet/?q=dat+trong+lua").text


def test_the_public_page_shows_implementation_and_the_answers_to_voters(tree, leader):
    from phoihop.voters.tests.factories import make_consolidated

    answered = make_consolidated(
        tree.own,
        status="answered",
        title="Đề nghị tăng mức hỗ trợ đất trồng lúa",
        answer="HĐND tỉnh đã nâng mức hỗ trợ lên 1.000.000 đồng/ha.",
        answered_on=date(2026, 12, 12),
        is_published=True,
    )
    unpublished = make_consolidated(tree.own, status="answered", title="Kiến nghị chưa công bố")
    resolution = _publish(f.make_resolution(tree, actor=leader), leader)
    services.resolution_tasks_set(
        actor=leader,
        resolution=resolution,
        on=date(2026, 12, 12),
        tasks=[
            services.TaskInput(
                tree.other,
                "Ban hành hướng dẫn",
                date(2026, 12, 20),
                answers=(answered, unpublished),
            )
        ],
    )

    page = Client().get(f"/cong-khai/nghi-quyet/{resolution.public_id}/").text
    assert "Ban hành hướng dẫn" in page and "Đang thực hiện" in page
    assert "Đề nghị tăng mức hỗ trợ đất trồng lúa" in page and "1.000.000 đồng/ha" in page
    assert "Kiến nghị chưa công bố" not in page
    assert selectors.public_voter_answers(resolution) == [answered]


# ---------------------------------------------------------------- API


def test_api_pages_have_no_count_and_link_the_next_page(tree):
    for i in range(3):
        _published(tree, title=f"Quy định phí số {i}")
    client = APIClient()

    body = client.get("/api/council-resolutions?limit=2").json()
    assert "count" not in body and len(body["results"]) == 2
    assert body["previous"] is None and "offset=2" in body["next"]
    last = client.get(body["next"]).json()
    assert len(last["results"]) == 1 and last["next"] is None and last["previous"]
    found = client.get("/api/council-resolutions?q=quy+dinh+phi+so+1").json()["results"]
    assert [r["title"] for r in found] == ["Quy định phí số 1"]
    assert client.get("/api/council-resolutions?kind=khac").json()["results"] == []


def test_api_schema_documents_the_uncounted_page(db):
    schema = APIClient().get("/api/schema", HTTP_ACCEPT="application/json").json()
    ref = schema["paths"]["/api/council-resolutions"]["get"]["responses"]["200"]["content"][
        "application/json"
    ]["schema"]["$ref"]
    page = schema["components"]["schemas"][ref.rsplit("/", 1)[1]]
    assert set(page["properties"]) == {"next", "previous", "results"}
    params = {p["name"] for p in schema["paths"]["/api/council-resolutions"]["get"]["parameters"]}
    assert {"q", "kind", "year", "limit", "offset"} <= params


# ---------------------------------------------------------------- papers and files


def test_only_papers_marked_public_of_a_convened_session_can_be_downloaded(tree, leader):
    session = f.make_session(tree, actor=leader)
    item = f.make_item(tree, session=session, actor=leader)

    def paper(public: bool, title: str):
        return services.paper_add(
            actor=leader,
            agenda_item=item,
            kind="report",
            title=title,
            received_on=date(2026, 11, 20),
            upload=CheckedUpload(
                "Báo cáo thẩm tra số 12-BC-HĐND.pdf", PDF.content_type, PDF.content
            ),
            public=public,
        )

    shown, hidden = paper(True, "Báo cáo công khai"), paper(False, "Báo cáo nội bộ")
    client = Client()
    url = "/cong-khai/nghi-quyet/tai-lieu/{}/"
    assert client.get(url.format(shown.public_id)).status_code == 404  # session not convened
    f.make_deputies(tree.own, 9)
    services.session_convene(actor=leader, session=session, on=date(2026, 11, 16))

    response = client.get(url.format(shown.public_id))
    assert response.status_code == 200 and response.content == PDF.content
    assert response["Content-Disposition"].startswith("attachment;")
    assert download_name(response) == "Báo cáo thẩm tra số 12-BC-HĐND.pdf"
    assert client.get(url.format(hidden.public_id)).status_code == 404
    page = client.get("/cong-khai/nghi-quyet/ky-hop/").text
    assert "Báo cáo công khai" in page and "Báo cáo nội bộ" not in page


def test_only_public_files_of_a_published_resolution_can_be_downloaded(tree, leader):
    resolution = f.make_resolution(tree, actor=leader)
    shown = services.resolution_file_add(
        actor=leader, resolution=resolution, title="Bản ký chứng thực", upload=PDF, public=True
    )
    hidden = services.resolution_file_add(
        actor=leader, resolution=resolution, title="Dự thảo trình ký", upload=PDF
    )
    client, url = Client(), "/cong-khai/nghi-quyet/tep/{}/"
    assert client.get(url.format(shown.public_id)).status_code == 404  # not yet published
    _publish(resolution, leader)

    assert client.get(url.format(shown.public_id)).content == PDF.content
    assert client.get(url.format(hidden.public_id)).status_code == 404
    page = client.get(f"/cong-khai/nghi-quyet/{resolution.public_id}/").text
    assert "Bản ký chứng thực" in page and "Dự thảo trình ký" not in page


def test_a_resolution_file_may_be_a_word_document_but_not_one_with_macros(tree, leader):
    import io
    import zipfile

    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from phoihop.council.forms import ResolutionFileForm

    def docx(*names):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for name in names:
                archive.writestr(name, "<x/>")
        return buffer.getvalue()

    def form(content):
        upload = SimpleUploadedFile("nq.docx", content, "application/octet-stream")
        return ResolutionFileForm({"title": "Bản Word"}, {"file": upload})

    good = form(docx("[Content_Types].xml", "word/document.xml"))
    assert good.is_valid() and good.cleaned_data["file"].name == "nq.docx"
    assert not form(docx("word/document.xml", "word/vbaProject.bin")).is_valid()
    assert not form(b"PK\x03\x04 not a zip").is_valid()
    scan_only = SimpleUploadedFile("x.docx", docx("word/document.xml"))
    with pytest.raises(ValidationError, match="PDF hoặc ảnh"):
        check_upload(scan_only, max_bytes=10**6)  # other forms still take scans only


# ---------------------------------------------------------------- feeds


def _entries(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 — our own feed
    assert root.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{tag}") is not None, tag
    entries = root.findall(f"{ATOM}entry")
    for entry in entries:
        for tag in ("id", "title", "updated", "link"):
            assert entry.find(f"{ATOM}{tag}") is not None, tag
    return entries


def test_atom_feeds_of_sessions_resolutions_and_decisions(tree, leader):
    council = _published(tree, title="Quy định mức thu học phí")
    decision = _published(tree, title="Hỗ trợ khắc phục bão số 13", kind="standing")
    session = f.convened(tree, actor=leader)
    client = Client()

    (entry,) = _entries(client, "/cong-khai/nghi-quyet/ky-hop.atom")
    assert entry.find(f"{ATOM}title").text == session.title
    assert entry.find(f"{ATOM}id").text == f"urn:uuid:{session.public_id}"
    (entry,) = _entries(client, "/cong-khai/nghi-quyet/nghi-quyet.atom")
    assert council.symbol in entry.find(f"{ATOM}title").text
    link = entry.find(f"{ATOM}link").get("href")
    assert client.get(link).status_code == 200
    (entry,) = _entries(client, "/cong-khai/nghi-quyet/giua-hai-ky-hop.atom")
    assert entry.find(f"{ATOM}id").text == f"urn:uuid:{decision.public_id}"


def test_a_published_decision_between_sessions_offers_its_public_papers(tree, leader):
    submission = f.make_submission(tree, actor=leader, papers=False)
    for kind, public in (("to_trinh", True), ("draft", False)):
        services.paper_add(
            actor=leader,
            submission=submission,
            kind=kind,
            title=f"Giấy tờ {kind}",
            received_on=date(2027, 1, 11),
            upload=PDF,
            public=public,
        )
    services.submission_decide(
        actor=leader, submission=submission, on=date(2027, 1, 12), outcome="approve"
    )
    decision = Resolution.objects.get(submission=submission)
    shown = submission.papers.get(kind="to_trinh")
    client = Client()
    assert client.get(f"/cong-khai/nghi-quyet/tai-lieu/{shown.public_id}/").status_code == 404
    services.resolution_sign(
        actor=leader, resolution=decision, on=date(2027, 1, 13), signer_name="Nguyễn Văn A"
    )
    services.resolution_publish(actor=leader, resolution=decision, on=date(2027, 1, 14))

    page = client.get(f"/cong-khai/nghi-quyet/{decision.public_id}/").text
    assert "Giấy tờ to_trinh" in page and "Giấy tờ draft" not in page
    assert client.get(f"/cong-khai/nghi-quyet/tai-lieu/{shown.public_id}/").status_code == 200
