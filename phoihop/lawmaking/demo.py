"""Law-making participation in the demo province: the delegation's consultation on a draft
law (comments from the public site, two agencies by công văn — one answered, one overdue —, a
conference, and a mass e-mail campaign merged into one opinion), its dự thảo 2; and the
council's consultation on a provincial draft resolution with the Front's social critique."""

import random
from datetime import date, timedelta

from phoihop.accounts.services import system_actor
from phoihop.lawmaking import demo_texts as samples
from phoihop.lawmaking import services
from phoihop.lawmaking.models import Consultation, ContactVerification, Draft
from phoihop.lawmaking.services import CommentInput
from phoihop.organizations.models import Organization

CAMPAIGN_SIZE = 600

CITIZENS = [
    (
        "dieu-5-khoan-1",
        "disagree",
        "Xe máy là phương tiện mưu sinh của người lao động, đề nghị không thu phí.",
    ),
    (
        "dieu-5-khoan-2",
        "wording",
        "Nên quy định mức trần thống nhất cả nước để tránh mỗi tỉnh một mức.",
    ),
    ("dieu-7-diem-c", "agree", "Tán thành miễn phí cho xe của hộ nghèo."),
    ("dieu-3-khoan-2-diem-b", "wording", "Cần làm rõ xe máy điện có thuộc xe gắn máy không."),
]


def campaign_texts(n: int, seed: int = 11) -> list[str]:
    """A campaign's near-identical letters: one text with greetings, signatures, case and a
    few words changed."""
    rng = random.Random(seed)  # noqa: S311 - reproducible demo text, not a secret
    body = (
        "đề nghị bỏ quy định thu phí sử dụng đường bộ đối với xe mô tô, xe gắn máy tại Điều 5 "
        "vì gây khó khăn cho người dân lao động và người có thu nhập thấp"
    )
    openings = ["", "Kính gửi Đoàn ĐBQH tỉnh, ", "Tôi ", "Chúng tôi ", "Kính gửi Quốc hội. Tôi "]
    closings = ["", ".", ". Trân trọng.", ". Xin cảm ơn!", " ạ."]
    extras = ["", " hiện nay", " ở nông thôn", " nghèo"]
    out = []
    for _ in range(n):
        text = body.replace("người dân lao động", "người dân lao động" + rng.choice(extras))
        text = rng.choice(openings) + text + rng.choice(closings)
        if rng.random() < 0.3:
            text = text.capitalize()
        out.append(text)
    return out


def _verified(actor_contact: str) -> ContactVerification:
    verification, code = services.verification_start(
        channel="email", contact=actor_contact, deliver=False
    )
    return services.verification_confirm(public_id=verification.public_id, code=code)


def demo_lawmaking(today: date) -> dict:
    actor = system_actor()
    delegation = Organization.objects.get(code="doan-dbqh")
    council = Organization.objects.get(code="tt-hdnd")
    front = Organization.objects.get(code="btt-mttq")

    # The delegation's consultation on a draft law, open on the public site.
    law = services.draft_import(
        actor=actor,
        organization=delegation,
        kind=Draft.Kind.LAW,
        title="Dự án Luật Phí sử dụng đường bộ",
        text=samples.NA_LAW,
        drafting_agency="Bộ Tài chính",
    )
    opens = today - timedelta(days=20)
    c = services.consultation_open(
        actor=actor,
        draft=law,
        organization=delegation,
        kind=Consultation.Kind.DELEGATION,
        title="Lấy ý kiến dự án Luật Phí sử dụng đường bộ",
        opens_on=opens,
        closes_on=today + timedelta(days=15),
        is_public=True,
        requested_by="Ủy ban Thường vụ Quốc hội",
    )

    def p(eid):
        return c.version.provisions.get(eid=eid)

    for i, (eid, position, text) in enumerate(CITIZENS):
        services.public_comment_submit(
            consultation=c,
            provision=p(eid),
            verification=_verified(f"cong.dan{i}@example.vn"),
            position=position,
            text=text,
            commenter_name=["Nguyễn Thị Lan", "", "Trần Văn Bình", "Lê Minh"][i],
        )
    answered = services.request_send(
        actor=actor,
        consultation=c,
        addressee="Sở Tài chính",
        requested_on=opens + timedelta(days=1),
        signer_title="TRƯỞNG ĐOÀN",
        signer_name="Hoàng Minh Đức",
    )
    services.request_answer(
        actor=actor,
        request=answered,
        answered_on=opens + timedelta(days=12),
        comments=[
            CommentInput(
                "Đề nghị quy định khung mức thu theo tải trọng và loại phương tiện.",
                "wording",
                p("dieu-6-khoan-2"),
                proposed_wording=(
                    "Chính phủ quy định khung mức thu theo loại phương tiện và tải trọng."
                ),
            ),
            CommentInput("Tán thành phạm vi điều chỉnh.", "agree", p("dieu-1")),
        ],
    )
    services.request_send(
        actor=actor,
        consultation=c,
        addressee="Sở Xây dựng",
        requested_on=opens + timedelta(days=1),
        signer_title="TRƯỞNG ĐOÀN",
        signer_name="Hoàng Minh Đức",
    )  # no answer yet: overdue on GS-08
    conference = services.conference_record(
        actor=actor,
        consultation=c,
        title="Hội nghị lấy ý kiến chuyên gia, doanh nghiệp vận tải",
        held_on=opens + timedelta(days=8),
        location="Hội trường Đoàn ĐBQH tỉnh",
    )
    services.comments_enter(
        actor=actor,
        consultation=c,
        on=opens + timedelta(days=8),
        conference=conference,
        comments=[
            CommentInput(
                "Cần miễn phí cho xe cứu hộ giao thông.",
                "wording",
                p("dieu-7"),
                commenter_kind="conference",
                commenter_name="Phạm Quốc Hưng",
                organisation="Hiệp hội Vận tải ô tô tỉnh",
                proposed_wording="d) Xe cứu hộ giao thông.",
            ),
            CommentInput(
                "Không nên giao Hội đồng nhân dân cấp tỉnh quyết định mức thu xe máy.",
                "disagree",
                p("dieu-5-khoan-2"),
                commenter_kind="expert",
                commenter_name="TS. Võ Thanh Tâm",
                organisation="Trường Đại học Luật",
            ),
        ],
    )
    services.comments_import(
        actor=actor,
        consultation=c,
        comments=[CommentInput(t, "disagree", p("dieu-5")) for t in campaign_texts(CAMPAIGN_SIZE)],
        campaign="Thư điện tử gửi Đoàn ĐBQH",
        on=today - timedelta(days=2),
    )
    run = c.merges.first()
    if run is not None and run.status == "queued":  # the demo loads without a worker
        services.merge_execute(run_id=run.pk)
    services.draft_version_import(actor=actor, draft=law, text=samples.NA_LAW_V2)

    # The council's consultation on a provincial draft resolution, and the Front's critique.
    resolution = services.draft_import(
        actor=actor,
        organization=council,
        kind=Draft.Kind.PROVINCIAL_RESOLUTION,
        title="Dự thảo Nghị quyết quy định mức hỗ trợ học phí mầm non",
        text=samples.PROVINCIAL_RESOLUTION,
        drafting_agency="Sở Giáo dục và Đào tạo",
        submitted_on=today + timedelta(days=40),
    )
    rc = services.consultation_open(
        actor=actor,
        draft=resolution,
        organization=council,
        kind=Consultation.Kind.COUNCIL,
        title="Lấy ý kiến dự thảo Nghị quyết hỗ trợ học phí mầm non",
        opens_on=today - timedelta(days=5),
        closes_on=today + timedelta(days=25),
        is_public=True,
    )
    rp = rc.version.provisions
    services.comments_enter(
        actor=actor,
        consultation=rc,
        on=today - timedelta(days=3),
        comments=[
            CommentInput(
                "Đề nghị nâng mức hỗ trợ lên 70% cho trẻ em vùng đồng bào dân tộc thiểu số.",
                "wording",
                rp.get(eid="dieu-2-khoan-2"),
                commenter_kind="deputy",
                commenter_name="Đại biểu HĐND tỉnh Đinh Thị Hoa",
            ),
            CommentInput(
                "Tán thành hỗ trợ 100% cho hộ nghèo, cận nghèo.",
                "agree",
                rp.get(eid="dieu-2-khoan-1"),
            ),
        ],
    )
    critique_consultation = services.consultation_open(
        actor=actor,
        draft=resolution,
        organization=front,
        kind=Consultation.Kind.CRITIQUE,
        title="Phản biện xã hội dự thảo Nghị quyết hỗ trợ học phí mầm non",
        opens_on=today - timedelta(days=2),
        closes_on=today + timedelta(days=20),
    )
    _critique(actor, front, resolution, critique_consultation, today)
    _proposals(actor, delegation)
    return {"law_comments": c.comments.count(), "law_opinions": c.opinions.count()}


def _critique(actor, front, resolution, consultation, today: date) -> None:
    """The Front's critique of the draft resolution, sent to the People's Committee, whose
    answer is due before the draft is submitted."""
    critique = services.critique_create(
        actor=actor,
        organization=front,
        draft=resolution,
        drafting_organization=Organization.objects.get(code="ubnd"),
        consultation=consultation,
        title="Phản biện xã hội đối với dự thảo Nghị quyết hỗ trợ học phí mầm non",
        summary="Dự thảo cơ bản phù hợp chủ trương; một số nội dung cần làm rõ đối tượng và "
        "nguồn kinh phí.",
    )
    rp = resolution.latest.provisions
    for eid, text, proposal in [
        (
            "dieu-2-khoan-2",
            "Mức hỗ trợ 50% chưa tương xứng với chi phí thực tế ở vùng đồng bào dân tộc thiểu số.",
            "Nâng mức hỗ trợ lên 70% cho trẻ em ở xã đặc biệt khó khăn.",
        ),
        (
            "dieu-3",
            "Chưa nêu rõ nguồn kinh phí khi ngân sách cấp xã không cân đối được.",
            "Bổ sung quy định ngân sách tỉnh hỗ trợ phần chênh lệch.",
        ),
    ]:
        services.critique_point_add(
            actor=actor,
            critique=critique,
            point=services.PointInput(text, rp.filter(eid=eid).first(), proposal),
        )
    services.critique_send(
        actor=actor,
        critique=critique,
        sent_on=today - timedelta(days=1),
        answer_by=today + timedelta(days=14),
        signer_title="PHÓ CHỦ TỊCH",
        signer_name="Hoàng Thị Mai",
    )


PROPOSALS = [
    (
        "Đinh Văn Quang",
        "amend",
        "Luật Đất đai (sửa đổi, bổ sung một số điều)",
        "Vướng mắc trong bồi thường, hỗ trợ, tái định cư khi thu hồi đất ở địa phương.",
    ),
    (
        "Lê Thị Thu Hà",
        "new",
        "Luật Phòng, chống thiên tai ở vùng ven biển",
        "Sạt lở bờ biển ngày càng nghiêm trọng; chưa có khung pháp lý riêng.",
    ),
    (
        "Nguyễn Hữu Phước",
        "amend",
        "Luật Giáo dục nghề nghiệp (sửa đổi)",
        "Cơ chế tự chủ của trường nghề công lập chưa phù hợp.",
    ),
]


def _proposals(actor, delegation) -> None:
    """The delegation's deputies' legislative-task proposals for the XVI term (LP-11), sent
    before 1 August 2026."""
    item = services.round_open(actor=actor, organization=delegation, term="XVI", first_year=2026)
    for i, (deputy, kind, title, reasons) in enumerate(PROPOSALS):
        services.proposal_record(
            actor=actor,
            round=item,
            deputy=deputy,
            kind=kind,
            title=title,
            reasons=reasons,
            received_on=date(2026, 7, 10 + 3 * i),
        )
    services.round_send(
        actor=actor,
        round=item,
        sent_on=date(2026, 7, 27),
        signer_title="TRƯỞNG ĐOÀN",
        signer_name="Hoàng Minh Đức",
    )
