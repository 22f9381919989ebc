"""Demo data of the council area (loaded by ``phoihop demo load``): a finished session whose
resolutions are being implemented (one passed, one failed on the total-deputies threshold, one
task overdue), a session being prepared (one dossier late), a written consultation of deputies
in progress, and two coordination briefings (one concluded with tasks, one planned)."""

from datetime import date, timedelta

from django.db import transaction

from phoihop.accounts.models import User
from phoihop.accounts.services import system_actor, user_person_link
from phoihop.council import services as cs
from phoihop.organizations.models import Organization


@transaction.atomic
def demo_council(today: date) -> dict:
    o = {x.code: x for x in Organization.objects.filter(valid_to__isnull=True)}
    council, standing, ubnd = o["hdnd"], o["tt-hdnd"], o["ubnd"]
    leader = User.objects.get(username="hdnd.lanhdao")
    ubnd_specialist = User.objects.get(username="ubnd.chuyenvien")

    def ago(days: int) -> date:
        return today - timedelta(days=days)

    # The demo deputy account signs in as one of the council's elected deputies (to answer
    # ballots online).
    deputy_user = User.objects.get(username="hdnd.daibieu")
    elected = cs.deputies_in_office(council, today).first()
    deputy_user = user_person_link(user=deputy_user, person=elected.person, actor=system_actor())

    # A finished session: convened on time, voted, resolutions published, tasks tracked.
    opened = ago(60)
    # The standing committee convenes and prepares the sessions (Luật 72/2025/QH15 Đ31).
    held = cs.session_plan(
        actor=leader,
        organization=standing,
        number=4,
        kind="thematic",
        requested_by="standing",
        title="Kỳ họp thứ tư (chuyên đề) HĐND tỉnh khóa XI",
        opens_on=opened,
        closes_on=opened + timedelta(days=1),
        location="Hội trường HĐND tỉnh",
    )
    titles = (
        ("Nghị quyết quy định mức hỗ trợ phát triển đất trồng lúa", True),
        ("Nghị quyết quy định mức thu phí tham quan khu di tích Hòn Mây", True),
    )
    items = []
    for title, normative in titles:
        item = cs.agenda_add(
            actor=leader,
            session=held,
            organization=ubnd,
            title=title,
            kind="resolution",
            examined_by=o["ban-ktns"],
            owner_name="Phó Chủ tịch UBND tỉnh",
            normative=normative,
        )
        for kind, label in (("to_trinh", "Tờ trình"), ("draft", "Dự thảo nghị quyết")):
            cs.paper_add(
                actor=ubnd_specialist,
                agenda_item=item,
                kind=kind,
                title=f"{label} {title[10:].lower()}",
                received_on=held.documents_by - timedelta(days=3),
                public=kind == "draft",
                upload=_public_copy(kind, title),
            )
        cs.paper_add(
            actor=leader,
            agenda_item=item,
            kind="examination",
            title=f"Báo cáo thẩm tra của Ban Kinh tế - Ngân sách: {title[10:].lower()}",
            received_on=held.documents_by - timedelta(days=1),
        )
        items.append(item)
    # Convened once its agenda is known: the decision lists it (Điều 2).
    cs.session_convene(
        actor=leader,
        session=held,
        on=held.convene_by,
        signer_title="CHỦ TỊCH",
        signer_name="Nguyễn Văn Hòa",
    )
    deputies = list(cs.deputies_in_office(council, opened))
    total = len(deputies)
    cs.attendance_record(
        actor=leader,
        session=held,
        on=opened,
        rows=[cs.AttendanceInput(d, "present") for d in deputies[:-2]]
        + [
            cs.AttendanceInput(deputies[-2], "excused", "Đi công tác theo phân công"),
            cs.AttendanceInput(deputies[-1], "absent"),
        ],
    )
    present = total - 2
    passed = total // 2 + 1
    cs.vote_record(
        actor=leader,
        item=items[0],
        held_on=opened,
        method="in_person",
        yes=passed + 1,
        no=1,
        abstain=present - passed - 2,
        summary="Hỗ trợ 1.000.000 đồng/ha/năm cho đất chuyên trồng lúa.",
    )
    # A majority of those voting, but not more than half of all deputies (KH-09): not passed.
    cs.vote_record(
        actor=leader,
        item=items[1],
        held_on=opened,
        method="in_person",
        yes=total // 2,
        no=1,
        abstain=present - total // 2 - 1,
    )
    cs.session_close(
        actor=leader,
        session=held,
        on=opened + timedelta(days=1),
        summary="Kỳ họp đã thảo luận, biểu quyết các nội dung theo chương trình.",
        signer_title="CHỦ TỌA KỲ HỌP",
        signer_name="Nguyễn Văn Hòa",
        secretary_name="Trần Thị Thu Hà",
    )
    resolution = items[0].resolution
    cs.resolution_sign(
        actor=leader,
        resolution=resolution,
        on=opened + timedelta(days=2),
        signer_name="Nguyễn Văn Hòa",
    )
    cs.resolution_publish(actor=leader, resolution=resolution, on=opened + timedelta(days=4))
    tasks = cs.resolution_tasks_set(
        actor=leader,
        resolution=resolution,
        on=opened + timedelta(days=5),
        tasks=[
            cs.TaskInput(ubnd, "Ban hành quyết định hướng dẫn thực hiện", ago(20)),
            cs.TaskInput(o["so-nnmt"], "Rà soát, lập danh sách diện tích đất trồng lúa", ago(5)),
            cs.TaskInput(o["so-tc"], "Bố trí kinh phí hỗ trợ năm sau", today + timedelta(days=40)),
        ],
    )
    cs.task_report(
        actor=ubnd_specialist,
        task=tasks[0],
        on=ago(22),
        note="Đã ban hành Quyết định hướng dẫn số 45/QĐ-UBND.",
        done=True,
    )
    cs.task_accept(actor=leader, task=tasks[0], on=ago(18), accepted=True)

    # A session being prepared: one dossier in on time, one late, one not yet in.
    upcoming = cs.session_plan(
        actor=leader,
        organization=standing,
        number=5,
        kind="regular",
        title="Kỳ họp thứ năm (cuối năm) HĐND tỉnh khóa XI",
        opens_on=today + timedelta(days=12),
        closes_on=today + timedelta(days=14),
        location="Hội trường HĐND tỉnh",
    )
    for title, kind, committee in (
        ("Nghị quyết về dự toán ngân sách địa phương năm sau", "resolution", "ban-ktns"),
        ("Nghị quyết về kế hoạch đầu tư công trung hạn", "resolution", "ban-ktns"),
        ("Nghị quyết về chính sách hỗ trợ học sinh vùng khó khăn", "resolution", "ban-vhxh"),
    ):
        cs.agenda_add(
            actor=leader,
            session=upcoming,
            organization=ubnd,
            title=title,
            kind=kind,
            examined_by=o[committee],
            normative=True,
        )
    first, second, _ = upcoming.agenda.order_by("position")
    for item, on in ((first, upcoming.documents_by - timedelta(days=2)), (second, today)):
        if on > today:
            on = today
        for kind in ("to_trinh", "draft"):
            cs.paper_add(
                actor=ubnd_specialist,
                agenda_item=item,
                kind=kind,
                title=f"{'Tờ trình' if kind == 'to_trinh' else 'Dự thảo'}: {item.title}",
                received_on=on,
            )
    cs.agenda_add(
        actor=leader,
        session=upcoming,
        organization=standing,
        title="Báo cáo kết quả giám sát giữa hai kỳ họp và quyết định của Thường trực",
        kind="report",
    )

    # A written consultation of deputies in progress, between the sessions.
    submission = cs.submission_receive(
        actor=ubnd_specialist,
        organization=ubnd,
        council=standing,
        matter="urgent",
        title="Tờ trình hỗ trợ khẩn cấp khắc phục hậu quả sạt lở tại xã Suối Đá",
        received_on=ago(3),
        summary="Chi 8,5 tỷ đồng từ dự phòng ngân sách tỉnh để di dời 42 hộ dân.",
    )
    for kind, title in (("to_trinh", "Tờ trình 210/TTr-UBND"), ("draft", "Dự thảo nghị quyết")):
        cs.paper_add(
            actor=ubnd_specialist, submission=submission, kind=kind, title=title, received_on=ago(3)
        )
    consultation = cs.consultation_open(
        actor=leader,
        submission=submission,
        opened_on=ago(2),
        closes_on=today + timedelta(days=3),
        question="Đồng ý chi 8,5 tỷ đồng từ dự phòng ngân sách tỉnh để di dời 42 hộ dân?",
    )
    ballots = list(consultation.ballots.exclude(deputy__person=deputy_user.person).order_by("pk"))
    for ballot in ballots[: consultation.required - 2]:
        cs.ballot_answer(actor=leader, ballot=ballot, answer="yes", on=ago(1))
    cs.ballot_answer(actor=leader, ballot=ballots[consultation.required], answer="no", on=ago(1))

    # Two coordination briefings: last quarter's concluded, this quarter's planned.
    done = cs.briefing_plan(
        actor=leader,
        organization=standing,
        kind="quarterly",
        title="Giao ban bốn cơ quan quý trước",
        held_on=ago(45),
        location="Phòng họp Thường trực HĐND",
        agenda="Kết quả phối hợp quý; kiến nghị cử tri tồn đọng; chuẩn bị kỳ họp cuối năm.",
    )
    invitees = list(done.invitees.order_by("pk"))
    cs.briefing_record(
        actor=leader,
        briefing=done,
        minutes="Các cơ quan báo cáo kết quả phối hợp trong quý.",
        rows=[
            cs.InviteeAttendance(
                i,
                "delegated" if i.delegation_allowed and n == 1 else "present",
                "Phó Chủ tịch UBND tỉnh" if n == 1 else "",
            )
            for n, i in enumerate(invitees)
        ],
    )
    cs.briefing_conclude(
        actor=leader,
        briefing=done,
        issued_on=ago(43),
        conclusions=(
            "Tập trung giải quyết dứt điểm kiến nghị cử tri tồn đọng; chuẩn bị kỹ hồ sơ kỳ họp."
        ),
        tasks=[
            cs.TaskInput(ubnd, "Trả lời 15 kiến nghị cử tri tồn đọng về đất đai", ago(3)),
            cs.TaskInput(
                o.get("btt-mttq", standing),
                "Tổng hợp ý kiến cử tri trước kỳ họp",
                today + timedelta(days=5),
            ),
        ],
        signer_title="CHỦ TỊCH",
        signer_name="Nguyễn Văn Hòa",
    )
    cs.briefing_plan(
        actor=leader,
        organization=standing,
        kind="quarterly",
        title="Giao ban bốn cơ quan quý này",
        held_on=today + timedelta(days=20),
        location="Phòng họp Thường trực HĐND",
    )
    return {"sessions": 2, "resolutions": 1, "consultations": 1, "briefings": 2}


def _public_copy(kind: str, title: str):
    """The PDF of a draft released to the public (the public site offers it for download)."""
    from phoihop.council.demo_public import demo_pdf
    from phoihop.security.uploads import CheckedUpload

    if kind != "draft":
        return None
    return CheckedUpload("du-thao.pdf", "application/pdf", demo_pdf(f"Du thao: {title}"))
