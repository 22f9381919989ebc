"""Demo data of what the public sees of the council (loaded after ``council.demo``): the
published resolution's signed copy (public) and its Word text (kept internal), a decision of
the standing committee between sessions, published, and two e-mail subscriptions (one
confirmed, one waiting for its confirmation link)."""

from datetime import date, timedelta

from django.core import signing
from django.db import transaction

from phoihop.accounts.models import User
from phoihop.council import services as cs
from phoihop.council.models import Resolution
from phoihop.organizations.models import Organization
from phoihop.public import subscriptions
from phoihop.security.uploads import DOCX_TYPE, CheckedUpload


def demo_pdf(title: str) -> bytes:
    """A one-page PDF naming *title* (ASCII only: the demo needs no font)."""
    text = title.encode("ascii", "replace").decode().replace("(", "[").replace(")", "]")
    stream = f"BT /F1 14 Tf 72 760 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


@transaction.atomic
def demo_council_public(today: date) -> dict:
    leader = User.objects.get(username="hdnd.lanhdao")
    ubnd_specialist = User.objects.get(username="ubnd.chuyenvien")
    standing = Organization.objects.get(code="tt-hdnd", valid_to__isnull=True)
    ubnd = Organization.objects.get(code="ubnd", valid_to__isnull=True)

    published = Resolution.objects.filter(status="published").order_by("pk").first()
    if published is not None:
        cs.resolution_file_add(
            actor=leader,
            resolution=published,
            title="Bản ký chứng thực (PDF)",
            upload=CheckedUpload("nghi-quyet.pdf", "application/pdf", demo_pdf(published.symbol)),
            public=True,
        )
        cs.resolution_file_add(
            actor=leader,
            resolution=published,
            title="Bản Word để biên tập (nội bộ)",
            upload=CheckedUpload("nghi-quyet.docx", DOCX_TYPE, _docx(published.title)),
        )

    # A decision between sessions: decided by the standing committee, signed and published.
    on = today - timedelta(days=20)
    submission = cs.submission_receive(
        actor=ubnd_specialist,
        organization=ubnd,
        council=standing,
        matter="urgent",
        title="Tờ trình điều chỉnh dự toán kinh phí phòng, chống dịch bệnh gia súc",
        received_on=on,
        summary="Điều chỉnh 3,2 tỷ đồng từ nguồn sự nghiệp nông nghiệp.",
    )
    for kind, title in (("to_trinh", "Tờ trình 188/TTr-UBND"), ("draft", "Dự thảo nghị quyết")):
        cs.paper_add(
            actor=ubnd_specialist,
            submission=submission,
            kind=kind,
            title=title,
            received_on=on,
            upload=CheckedUpload(f"{kind}.pdf", "application/pdf", demo_pdf(title)),
            public=kind == "to_trinh",
        )
    cs.submission_decide(
        actor=leader,
        submission=submission,
        on=on + timedelta(days=2),
        outcome="approve",
        title="Nghị quyết điều chỉnh dự toán kinh phí phòng, chống dịch bệnh gia súc",
    )
    decision = Resolution.objects.get(submission=submission)
    cs.resolution_sign(
        actor=leader, resolution=decision, on=on + timedelta(days=3), signer_name="Nguyễn Văn Hòa"
    )
    cs.resolution_publish(actor=leader, resolution=decision, on=on + timedelta(days=4))

    # Subscriptions: one confirmed, one waiting for its link.
    confirmed = subscriptions.subscription_request(
        email="cutri.demo@example.vn", topics=["sessions", "resolutions"]
    )
    token = signing.dumps(str(confirmed.public_id), salt=subscriptions.CONFIRM_SALT)
    subscriptions.subscription_confirm(token=token)
    subscriptions.subscription_request(email="chua.xac.nhan@example.vn", topics=["resolutions"])
    return {"public_files": 2, "decisions_published": 1, "subscriptions": 2}


def _docx(title: str) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
        )
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
            f'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{title}</w:t></w:r></w:p>'
            "</w:body></w:document>",
        )
    return buffer.getvalue()
