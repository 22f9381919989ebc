"""Results of an election as documents: the report in the state format (Decree 30, DOCX), a
spreadsheet (XLSX) and the NIST SP 1500-100 v2 election results common data format (JSON)."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from phoihop.documents.charts import Breakdown, bar_chart_svg
from phoihop.documents.services import body_signer, place_name
from phoihop.documents.sheets import ListSheet, list_workbook
from phoihop.documents.state_format import StateDocument, Table, render_docx
from phoihop.elections.models import Candidate, Contest, Election


def _contests(election: Election) -> list[Contest]:
    return list(
        election.contests.select_related("constituency__term").prefetch_related(
            "candidates__person"
        )
    )


def votes_chart(contest: Contest, *, chart_id: str) -> str:
    """The contest's votes per candidate, most first, as the shared bar chart ("" before the
    result and when the vote is to be held again); the results table beside it keeps the
    numbers."""
    r = contest.result
    if not r or r.get("outcome") == "revote":
        return ""
    rows = [(name, r["votes"][name]) for name in r["ranking"]]
    return bar_chart_svg(
        Breakdown(f"Số phiếu bầu — {contest.constituency}", rows), chart_id=chart_id
    )


# The law as a document names it (its short name "Luật Bầu cử" is not a citation).
ELECTION_LAW = "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân"


def _n(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _pct(value: float) -> str:
    return f"{value:.2f}".replace(".", ",") + "%"


def results_document(election: Election, *, on: date | None = None) -> StateDocument:
    """The results report (BC-22 fields per constituency), in the state document format."""
    org = election.organization
    on = on or timezone.localdate()
    paragraphs = [
        f"Căn cứ {ELECTION_LAW} năm 2015, "
        f"sửa đổi, bổ sung năm 2025; {org.name} báo cáo kết quả {_lower_first(election.name)} "
        f"ngày {election.election_day:%d/%m/%Y} như sau:",
    ]
    tables = []
    for number, contest in enumerate(_contests(election), start=1):
        r = contest.result
        if not r:
            paragraphs.append(f"{number}. {contest.constituency}: chưa xác định kết quả.")
            continue
        paragraphs.append(
            f"{number}. {contest.get_round_display()} tại {contest.constituency}: "
            f"số đại biểu được bầu {contest.seats}; số người ứng cử {len(r['votes'])}; "
            f"tổng số cử tri {_n(r['voters_on_list'])}; số cử tri đã bỏ phiếu {_n(r['voted'])} "
            f"(đạt {_pct(100 * r['turnout'])}); số phiếu hợp lệ {_n(r['valid'])}; "
            f"số phiếu không hợp lệ {_n(r['invalid'])}."
        )
        rows = [
            [
                str(i),
                name,
                _n(r["votes"][name]),
                _pct(r["share_of_valid"][name]),
                "Trúng cử" if name in r["elected"] else "",
            ]
            for i, name in enumerate(r["ranking"], start=1)
        ]
        tables.append(
            Table(
                header=["STT", "Họ và tên", "Số phiếu bầu", "Tỷ lệ so với phiếu hợp lệ", "Kết quả"],
                rows=rows,
                caption=f"{contest.constituency}",
            )
        )
        if r["outcome"] == "revote":
            paragraphs.append(
                "Số cử tri đi bỏ phiếu chưa đạt quá một nửa tổng số cử tri trong danh sách: "
                f"đề nghị bầu cử lại (Điều 80 {ELECTION_LAW})."
            )
        elif r["additional_election"]:
            paragraphs.append(
                f"Còn {r['unfilled_seats']} ghế chưa có người trúng cử: đề nghị bầu cử thêm "
                f"(Điều 79 {ELECTION_LAW})."
            )
        elif r["unfilled_seats"]:
            paragraphs.append(
                f"Còn {r['unfilled_seats']} ghế chưa có người trúng cử; không tổ chức bầu cử thêm."
            )
    # The body's signing rule: "TM. …", the signer's position and name, not the body's name.
    signer = body_signer(organization=org, form="election-results")
    return StateDocument(
        # The managing body above the issuer (NĐ 30/2020 Phụ lục I, mục II.2; VB-06).
        issuer_parent=org.parent.name if org.parent_id else "",
        issuer=org.name,
        symbol=f"      /BC-{org.doc_abbreviation}",
        place=place_name(org),
        issued_on=on,
        type_name="BÁO CÁO",
        title=f"Kết quả {_lower_first(election.name)}",
        paragraphs=paragraphs,
        tables=tables,
        recipients=["Hội đồng bầu cử quốc gia", "Thường trực HĐND tỉnh"],
        signer_lines=signer.lines,
        signer_name=signer.name,
    )


def results_docx(election: Election) -> bytes:
    return render_docx(results_document(election))


def results_xlsx(election: Election) -> bytes:
    header = [
        "Đơn vị bầu cử",
        "Vòng",
        "Số ghế",
        "Tổng số cử tri",
        "Số cử tri đã bỏ phiếu",
        "Tỷ lệ (%)",
        "Phiếu hợp lệ",
        "Phiếu không hợp lệ",
        "Người ứng cử",
        "Số phiếu bầu",
        "Tỷ lệ so với phiếu hợp lệ (%)",
        "Trúng cử",
    ]
    rows = [
        [
            str(contest.constituency),
            contest.get_round_display(),
            contest.seats,
            r["voters_on_list"],
            r["voted"],
            round(100 * r["turnout"], 2),
            r["valid"],
            r["invalid"],
            name,
            r["votes"][name],
            r["share_of_valid"][name],
            "x" if name in r["elected"] else "",
        ]
        for contest in _contests(election)
        if (r := contest.result)
        for name in r["ranking"]
    ]
    sheet = ListSheet(
        "Kết quả",
        above=[[election.name], [f"Ngày bầu cử: {election.election_day:%d/%m/%Y}"], []],
        header=header,
        rows=rows,
        widths=(28, 12, 8, 14, 14, 10, 12, 12, 26, 12, 14, 9),
    )
    return list_workbook([sheet])


def _text(value: str) -> dict:
    return {
        "@type": "ElectionResults.InternationalizedText",
        "Text": [{"@type": "ElectionResults.LanguageString", "Content": value, "Language": "vi"}],
    }


def results_nist(election: Election) -> dict:
    """The NIST SP 1500-100 v2 ElectionReport (summary-contest) of *election*.

    Status: ``certified`` once published, ``unofficial-complete`` when every contest is
    tabulated, else ``unofficial-partial``. Each constituency is a ReportingUnit (the province
    is the election scope); each contest a CandidateContest with one CandidateSelection per
    candidate, its total votes, and the ballots cast and rejected as SummaryCounts.
    """
    contests = _contests(election)
    if election.status == Election.Status.PUBLISHED:
        status = "certified"
    elif contests and all(c.result for c in contests):
        status = "unofficial-complete"
    else:
        status = "unofficial-partial"
    scope_id = f"gpu-{election.organization.code}"
    units = [
        {
            "@type": "ElectionResults.ReportingUnit",
            "@id": scope_id,
            "Name": election.organization.admin_unit.name,
            "Type": "state",
            "ComposingGpUnitIds": [f"gpu-c{c.pk}" for c in contests],
        }
    ]
    people, candidates, nist_contests = [], [], []
    for contest in contests:
        r = contest.result or {}
        unit = {
            "@type": "ElectionResults.ReportingUnit",
            "@id": f"gpu-c{contest.pk}",
            "Name": str(contest.constituency),
            "Type": "other",
            "OtherType": "đơn vị bầu cử",
        }
        if r:
            unit["VotersRegistered"] = r["voters_on_list"]
            unit["VotersParticipated"] = r["voted"]
        units.append(unit)
        selections = []
        elected_ids = set(r.get("elected_ids", []))
        for candidate in contest.candidates.all():
            if candidate.stage != Candidate.Stage.OFFICIAL:
                continue
            person = candidate.person
            people.append(
                {
                    "@type": "ElectionResults.Person",
                    "@id": f"per-{person.pk}",
                    "FullName": _text(person.full_name),
                    **({"DateOfBirth": person.birth_date.isoformat()} if person.birth_date else {}),
                    **({"Gender": person.gender} if person.gender else {}),
                }
            )
            entry = {
                "@type": "ElectionResults.Candidate",
                "@id": f"can-{candidate.pk}",
                "BallotName": _text(person.full_name),
                "PersonId": f"per-{person.pk}",
                "FileDate": candidate.dossier_filed_on.isoformat(),
                "PreElectionStatus": "qualified",
            }
            if str(candidate.pk) in elected_ids:
                entry["PostElectionStatus"] = "winner"
            candidates.append(entry)
            selection = {
                "@type": "ElectionResults.CandidateSelection",
                "@id": f"sel-{candidate.pk}",
                "CandidateIds": [f"can-{candidate.pk}"],
            }
            if r:
                selection["VoteCounts"] = [
                    {
                        "@type": "ElectionResults.VoteCounts",
                        "Count": r["votes_by_id"].get(str(candidate.pk), 0),
                        "GpUnitId": f"gpu-c{contest.pk}",
                        "Type": "total",
                    }
                ]
            selections.append(selection)
        nist_contest = {
            "@type": "ElectionResults.CandidateContest",
            "@id": f"con-{contest.pk}",
            "Name": f"{contest.get_round_display()} — {contest.constituency}",
            "ElectoralDistrictId": f"gpu-c{contest.pk}",
            "VotesAllowed": contest.seats,
            "NumberElected": contest.seats,
            "VoteVariation": "n-of-m" if contest.seats > 1 else "1-of-m",
            "BallotSelection": selections,
        }
        if r:
            nist_contest["SummaryCounts"] = [
                {
                    "@type": "ElectionResults.SummaryCounts",
                    "GpUnitId": f"gpu-c{contest.pk}",
                    "Type": "total",
                    "BallotsCast": r["ballots_collected"],
                    "BallotsRejected": r["invalid"],
                }
            ]
            nist_contest["CountStatus"] = [
                {"@type": "ElectionResults.CountStatus", "Status": "completed", "Type": "total"}
            ]
        nist_contests.append(nist_contest)
    return {
        "@type": "ElectionResults.ElectionReport",
        "Format": "summary-contest",
        "GeneratedDate": timezone.now().replace(microsecond=0).isoformat(),
        "Issuer": election.organization.name,
        "IssuerAbbreviation": election.organization.doc_abbreviation,
        "SequenceStart": 1,
        "SequenceEnd": 1,
        "Status": status,
        "VendorApplicationId": "phoihop",
        "Election": [
            {
                "@type": "ElectionResults.Election",
                "Name": _text(election.name),
                "StartDate": election.election_day.isoformat(),
                "EndDate": election.election_day.isoformat(),
                "Type": "special" if election.kind == Election.Kind.BY_ELECTION else "general",
                "ElectionScopeId": scope_id,
                "Candidate": candidates,
                "Contest": nist_contests,
            }
        ],
        "GpUnit": units,
        "Person": people,
    }
