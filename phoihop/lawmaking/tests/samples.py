"""Draft layouts written for the parser's tests and the demo, in the forms the National
Assembly and the provinces use (NĐ 30/2020 Phụ lục I). Invented texts."""

import io

from phoihop.lawmaking.demo_texts import NA_LAW, NA_LAW_V2, PROVINCIAL_RESOLUTION

__all__ = ["NA_LAW", "NA_LAW_V2", "PROVINCIAL_RESOLUTION"]


CODE_WITH_PARTS = """BỘ LUẬT
THỬ NGHIỆM
PHẦN THỨ NHẤT
NHỮNG QUY ĐỊNH CHUNG
Chương I
PHẠM VI
Điều 1. Phạm vi điều chỉnh
Bộ luật này quy định về thử nghiệm.
Chương II
NGUYÊN TẮC
Điều 2. Nguyên tắc
1. Công khai.
2. Minh bạch.
PHẦN THỨ HAI
QUY ĐỊNH CỤ THỂ
Chương III
THỦ TỤC
Điều 3. Thủ tục
Thủ tục do Chính phủ quy định.
"""


AMENDING_LAW = """LUẬT
SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT THỬ NGHIỆM
Điều 1. Sửa đổi, bổ sung một số điều của Luật Thử nghiệm
1. Sửa đổi, bổ sung Điều 5 như sau:
“Điều 5. Đối tượng thử nghiệm
1. Cá nhân đủ 18 tuổi.
2. Tổ chức có tư cách pháp nhân:
a) Doanh nghiệp;
b) Hợp tác xã.”
2. Bãi bỏ khoản 3 Điều 7.
Điều 2. Hiệu lực thi hành
Luật này có hiệu lực từ ngày 01 tháng 01 năm 2028.
"""

HEADINGS_INLINE = """LUẬT THỬ NGHIỆM
Chương I. NHỮNG QUY ĐỊNH CHUNG
Điều 1. Phạm vi
Văn bản.
CHƯƠNG II: QUY ĐỊNH CỤ THỂ
MỤC 1. CẤP PHÉP
Điều 2. Cấp phép
Văn bản.
Mục 2 - Thu hồi
Điều 3. Thu hồi
Văn bản.
"""

MISNUMBERED = """LUẬT THỬ NGHIỆM
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi
1. Một.
2. Hai.
2. Hai lần nữa.
Điều 3. Thiếu điều 2
a) Điểm a;
c) Điểm c thiếu điểm b.
Chương III
NHẢY CHƯƠNG
Điều 4. Tiếp
Văn bản.
"""

UNNUMBERED = """NGHỊ QUYẾT THỬ NGHIỆM
Điều 1. Quy định
Nội dung.
Điều . Tổ chức thực hiện
Giao Ủy ban nhân dân tỉnh.
Điều … . Hiệu lực thi hành
Có hiệu lực từ ngày ký.
"""

VARIANTS = """LUẬT THỬ NGHIỆM
Điều 1: Phạm vi điều chỉnh
1) Khoản viết với ngoặc.
a. Điểm viết với dấu chấm.
Điều 2 Thiếu dấu chấm
Văn bản.
Điều 2a. Điều bổ sung chen giữa
Văn bản.
Điều 3. Điều kiện
Điều kiện thử nghiệm do Chính phủ quy định.
Chương trình thử nghiệm do Bộ lập.
"""

NOT_A_DRAFT = """Kính gửi: Đoàn đại biểu Quốc hội tỉnh.
Tôi xin góp ý về dự thảo luật như sau: đề nghị bỏ thu phí xe máy.
Trân trọng.
"""

CLAUSE_OUTSIDE = """LUẬT THỬ NGHIỆM
Quốc hội ban hành Luật này với các nội dung:
1. Nội dung một nằm trước điều đầu tiên.
Điều 1. Phạm vi
Văn bản.
"""

ATTACHED_REGULATION = """NGHỊ QUYẾT
Ban hành Quy định về quản lý chợ
Điều 1. Ban hành kèm theo Nghị quyết này Quy định về quản lý chợ trên địa bàn tỉnh.
Điều 2. Tổ chức thực hiện
Giao Ủy ban nhân dân tỉnh tổ chức thực hiện.
QUY ĐỊNH
Về quản lý chợ trên địa bàn tỉnh
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Quy định này quy định về quản lý chợ.
"""


def docx_bytes(paragraphs: list[tuple[str, str | None]]) -> bytes:
    """A DOCX of (text, style) paragraphs; style ``"List Number"`` lets Word number it."""
    from docx import Document

    document = Document()
    for text, style in paragraphs:
        document.add_paragraph(text, style=style) if style else document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def text_docx(text: str) -> bytes:
    return docx_bytes([(line, None) for line in text.splitlines()])
