"""Voter contact in the demo province: an earlier National Assembly session whose petitions
were consolidated, routed and (all but one) answered, and the next session in progress with a
meeting planned — so a newcomer sees the whole cycle, an overdue answer and a repeat."""

from datetime import date, time, timedelta

from phoihop.accounts.services import system_actor
from phoihop.casework.models import Handover
from phoihop.organizations.models import AdminUnit, Organization
from phoihop.voters import services
from phoihop.voters.imports import Row
from phoihop.voters.models import ConsolidatedPetition, ConsolidationRun, Meeting, Session

EARLIER = [
    ("Đường ĐT.816 qua xã Hòa An sạt lở, đề nghị tỉnh sửa chữa", "Hòa An"),
    ("Đề nghị đầu tư sửa chữa đường ĐT.816 xuống cấp", "Phú Lâm"),
    ("Đề nghị nạo vét kênh thủy lợi Bàu Sen bị bồi lắng", "Phú Lâm"),
    ("Kênh thủy lợi Bàu Sen bồi lấp, đề nghị nạo vét phục vụ tưới tiêu", "Hòa An"),
    ("Đề nghị sửa đổi quy định về mức đóng bảo hiểm xã hội tự nguyện cho nông dân", "Phú Lâm"),
    ("Đề nghị tăng hỗ trợ nông dân đóng bảo hiểm xã hội tự nguyện", "Hòa An"),
]

# A voter's opinion, recorded and reported, never routed (decision 0163).
OPINION = "Cử tri phấn khởi vì đường giao thông nông thôn ở xã được bê tông hóa đúng tiến độ"


def _first(group_text: str, session: Session) -> ConsolidatedPetition:
    return (
        ConsolidatedPetition.objects.filter(session=session, petitions__text=group_text)
        .exclude(status="withdrawn")
        .get()
    )


def _receive(item: ConsolidatedPetition, on: date, actor) -> ConsolidatedPetition:
    handover = Handover.objects.get(item_id=item.pk, status="sent")
    return services.consolidated_receive(actor=actor, handover=handover, on=on)


def demo_voters(today: date) -> dict:
    actor = system_actor()
    delegation = Organization.objects.get(code="doan-dbqh")
    front = Organization.objects.get(code="btt-mttq")
    hoa_an = AdminUnit.objects.get(code="HL-01")
    phu_lam = AdminUnit.objects.get(code="HL-02")
    points = [
        services.PointInput(hoa_an, "Hội trường UBND xã Hòa An", 120),
        services.PointInput(phu_lam, "Nhà văn hóa thôn 3, xã Phú Lâm", 95),
    ]

    earlier = services.session_create(
        actor=actor,
        organization=delegation,
        assembly=Session.Assembly.NATIONAL,
        name="Kỳ họp thứ Nhất, Quốc hội khóa XVI",
        opens_on=today - timedelta(days=180),
        closes_on=today - timedelta(days=150),
    )
    meeting = services.meeting_plan(
        actor=actor,
        organization=delegation,
        session=earlier,
        kind=Meeting.Kind.AFTER_SESSION,
        title="Tiếp xúc cử tri sau Kỳ họp thứ Nhất tại xã Hòa An và xã Phú Lâm",
        held_on=today - timedelta(days=145),
        starts_at=time(8),
        points=points,
        co_organizer=front,
        deputy_names="Các đại biểu Quốc hội đơn vị bầu cử số 1",
        participants="Đại diện UBMTTQ, UBND hai xã, cử tri",
    )
    services.petitions_record(
        actor=actor,
        rows=[
            *(Row(i, t, c) for i, (t, c) in enumerate(EARLIER, start=1)),
            Row(len(EARLIER) + 1, OPINION, "Hòa An", kind="opinion"),
        ],
        session=earlier,
        meeting=meeting,
    )
    services.meeting_record_minutes(
        actor=actor,
        meeting=meeting,
        minutes="Hội nghị khai mạc lúc 8 giờ; 215 cử tri dự; 6 ý kiến phát biểu.",
        speakers=[
            services.SpeakerInput("Ông Nguyễn Văn Tư", summary="Đường ĐT.816 sạt lở"),
            services.SpeakerInput("Bà Lê Thị Hoa", summary="Nạo vét kênh Bàu Sen"),
        ],
    )
    run = ConsolidationRun.objects.create(session=earlier, started_by=actor)
    services.consolidation_execute(run_id=run.pk)

    road = _first(EARLIER[0][0], earlier)
    canal = _first(EARLIER[2][0], earlier)
    insurance = _first(EARLIER[4][0], earlier)
    for item, (field, level, agency) in (
        (road, ("giao thông - xây dựng", "tinh", "Sở Xây dựng")),
        (canal, ("nông nghiệp", "tinh", "Sở Nông nghiệp và Môi trường")),
        (insurance, ("bảo hiểm xã hội - bảo hiểm y tế", "trung_uong", "Bộ Tài chính")),
    ):
        services.consolidated_classify(
            actor=actor, item=item, field=field, level=level, agency=agency
        )
    for item in ConsolidatedPetition.objects.filter(session=earlier, status="proposed"):
        services.consolidated_accept(actor=actor, item=item)

    day = lambda n: today - timedelta(days=n)  # noqa: E731
    for item in (road, canal):
        services.consolidated_route(actor=actor, item=item, on=day(140))
        at_standing = _receive(item, day(139), actor)
        services.consolidated_route(actor=actor, item=at_standing, on=day(95))
        at_ubnd = _receive(at_standing, day(90), actor)
        if item == road:
            services.consolidated_answer(
                actor=actor,
                item=at_ubnd,
                grade=ConsolidatedPetition.Grade.SCHEDULED,
                answer="UBND tỉnh đã bố trí vốn sửa chữa đoạn sạt lở đường ĐT.816 trong kế hoạch "
                "đầu tư công năm 2027; Sở Xây dựng khắc phục tạm thời trước mùa mưa.",
                answered_on=day(60),
                answer_document="Công văn số 512/UBND-KT",
                roadmap_until=today + timedelta(days=200),
            )
    services.consolidated_route(actor=actor, item=insurance, on=day(140))
    services.consolidated_answer(
        actor=actor,
        item=insurance,
        grade=ConsolidatedPetition.Grade.EXPLAINED,
        answer="Bộ Tài chính trả lời: mức hỗ trợ đóng bảo hiểm xã hội tự nguyện được quy định "
        "tại Luật Bảo hiểm xã hội 2024; Chính phủ sẽ xem xét điều chỉnh khi đủ nguồn lực.",
        answered_on=day(100),
        answer_document="Công văn số 1234/BTC-BHXH",
    )

    upcoming = services.session_create(
        actor=actor,
        organization=delegation,
        assembly=Session.Assembly.NATIONAL,
        name="Kỳ họp thứ Hai, Quốc hội khóa XVI",
        opens_on=today + timedelta(days=25),
        closes_on=today + timedelta(days=55),
    )
    services.meeting_plan(
        actor=actor,
        organization=delegation,
        session=upcoming,
        kind=Meeting.Kind.BEFORE_SESSION,
        title="Tiếp xúc cử tri trước Kỳ họp thứ Hai tại xã Tân Phước",
        held_on=today + timedelta(days=12),
        starts_at=time(14),
        points=[
            services.PointInput(AdminUnit.objects.get(code="HL-03"), "Hội trường UBND xã Tân Phước")
        ],
        mode=Meeting.Mode.HYBRID,
        online_link="https://hop.hoalinh.example.vn/txct-tan-phuoc",
        co_organizer=front,
        deputy_names="Các đại biểu Quốc hội đơn vị bầu cử số 1",
    )
    return {"voter_sessions": 2, "voter_meetings": Meeting.objects.count()}
