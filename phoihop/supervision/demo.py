"""Demo data of the Front's social supervision (decision 0201): the Front's programme, a
supervision by document review of the compensation for a provincial road, its
recommendations in a letter — one answered (taken up in part), one past its reply date."""

from datetime import date, timedelta

from phoihop.organizations.models import Organization


def demo_front_supervision(actor, organizations: dict[str, Organization], today: date) -> int:
    """Returns the number of the Front's recommendations made."""
    from phoihop.supervision import services as sv

    def ago(days: int) -> date:
        return today - timedelta(days=days)

    front, nnmt, xd = organizations["btt-mttq"], organizations["so-nnmt"], organizations["so-xd"]
    programme = sv.programme_create(
        actor=actor,
        organization=front,
        kind="front",
        year=today.year,
        title=f"Chương trình giám sát, phản biện xã hội năm {today.year} của MTTQ tỉnh",
        topics=[sv.TopicInput("Bồi thường, hỗ trợ tái định cư các dự án giao thông", front)],
    )
    plan = sv.plan_create(
        actor=actor,
        organization=front,
        kind="front_documents",
        title="Giám sát việc bồi thường, hỗ trợ tái định cư dự án đường ĐT-816",
        scope="Nghiên cứu, xem xét hồ sơ bồi thường và đơn thư của người dân bị thu hồi đất",
        starts_on=ago(120),
        ends_on=ago(90),
        bodies=[nnmt, xd],
        topic=programme.topics.first(),
        members=[
            sv.MemberInput("Phạm Văn Sơn", front, "head", "Phó Chủ tịch UBMTTQ tỉnh"),
            sv.MemberInput("Đỗ Thị Hạnh", front, "secretariat", "Chuyên viên Ban Dân chủ"),
        ],
    )
    sv.plan_conclude(
        actor=actor,
        plan=plan,
        issued_on=ago(85),
        findings="Còn 14 hộ chưa nhận tiền bồi thường; giá đất bồi thường chưa được công khai.",
        conclusions="Việc bồi thường, hỗ trợ còn chậm, thiếu công khai.",
        recommendations=[
            sv.RecommendationInput(
                nnmt, "Chi trả dứt điểm tiền bồi thường cho 14 hộ", ago(-30), "Đất đai"
            ),
            sv.RecommendationInput(
                xd, "Công khai phương án tái định cư tại xã Suối Đá", ago(-15), "Xây dựng"
            ),
        ],
        signer_title="PHÓ CHỦ TỊCH",
        signer_name="Phạm Văn Sơn",
    )
    answered = plan.recommendations.order_by("id").first()
    sv.recommendation_reply(
        actor=actor,
        rec=answered,
        on=ago(40),
        replied_by="Giám đốc Sở Nông nghiệp và Môi trường",
        reply="Sở tiếp thu; đã chi trả cho 9 hộ, 5 hộ chờ xác minh nguồn gốc đất.",
        taken_up="partly",
    )
    return plan.recommendations.count()
