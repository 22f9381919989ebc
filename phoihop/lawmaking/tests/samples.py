# ruff: noqa: E501 - sample drafts keep their lines as written
"""Draft layouts written for the parser's tests and the demo, in the forms the National
Assembly and the provinces use (NĐ 30/2020 Phụ lục I). Invented texts."""

import io

NA_LAW = """QUỐC HỘI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Luật số:      /2026/QH16
LUẬT
PHÍ SỬ DỤNG ĐƯỜNG BỘ
Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;
Quốc hội ban hành Luật Phí sử dụng đường bộ.
Chương I
NHỮNG QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Luật này quy định về phí sử dụng đường bộ, đối tượng nộp phí, mức thu và quản lý phí.
Điều 2. Đối tượng áp dụng
Luật này áp dụng đối với cơ quan, tổ chức, cá nhân có phương tiện tham gia giao thông đường bộ.
Điều 3. Giải thích từ ngữ
Trong Luật này, các từ ngữ dưới đây được hiểu như sau:
1. Phí sử dụng đường bộ là khoản tiền phải nộp để bảo trì đường bộ.
2. Phương tiện gồm:
a) Xe ô tô;
b) Xe mô tô, xe gắn máy;
c) Xe máy chuyên dùng.
Chương II
ĐỐI TƯỢNG NỘP PHÍ VÀ MỨC THU
Mục 1
ĐỐI TƯỢNG NỘP PHÍ
Điều 4. Đối tượng nộp phí
1. Chủ phương tiện xe ô tô đăng ký tại Việt Nam.
2. Chủ phương tiện xe mô tô, xe gắn máy có dung tích xi lanh trên 175 cm3.
Điều 5. Phí đối với xe mô tô, xe gắn máy
1. Thu phí sử dụng đường bộ đối với xe mô tô, xe gắn máy theo năm.
2. Hội đồng nhân dân cấp tỉnh quyết định mức thu trong khung do Chính phủ quy định.
Mục 2
MỨC THU VÀ MIỄN PHÍ
Điều 6. Mức thu
1. Mức thu theo loại phương tiện và tải trọng.
2. Chính phủ quy định khung mức thu.
Điều 7. Miễn phí
Miễn phí đối với:
a) Xe cứu thương;
b) Xe chữa cháy;
c) Xe của hộ nghèo.
Chương III
ĐIỀU KHOẢN THI HÀNH
Điều 8. Hiệu lực thi hành
Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2027.
Luật này đã được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XVI, kỳ họp thứ … thông qua ngày … tháng … năm 2026.
CHỦ TỊCH QUỐC HỘI
"""

# Dự thảo 2: an article inserted after Điều 4 (all that follow are renumbered), Điều 5 (now 6)
# reworded, a clause added to the old Điều 6, the old Điều 7's point c removed.
NA_LAW_V2 = """LUẬT
PHÍ SỬ DỤNG ĐƯỜNG BỘ
Chương I
NHỮNG QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Luật này quy định về phí sử dụng đường bộ, đối tượng nộp phí, mức thu và quản lý phí.
Điều 2. Đối tượng áp dụng
Luật này áp dụng đối với cơ quan, tổ chức, cá nhân có phương tiện tham gia giao thông đường bộ.
Điều 3. Giải thích từ ngữ
Trong Luật này, các từ ngữ dưới đây được hiểu như sau:
1. Phí sử dụng đường bộ là khoản tiền phải nộp để bảo trì đường bộ.
2. Phương tiện gồm:
a) Xe ô tô;
b) Xe mô tô, xe gắn máy;
c) Xe máy chuyên dùng.
Chương II
ĐỐI TƯỢNG NỘP PHÍ VÀ MỨC THU
Mục 1
ĐỐI TƯỢNG NỘP PHÍ
Điều 4. Đối tượng nộp phí
1. Chủ phương tiện xe ô tô đăng ký tại Việt Nam.
2. Chủ phương tiện xe mô tô, xe gắn máy có dung tích xi lanh trên 175 cm3.
Điều 5. Kê khai, nộp phí
1. Chủ phương tiện kê khai, nộp phí tại cơ quan đăng kiểm hoặc trực tuyến.
2. Bộ Tài chính quy định mẫu tờ khai.
Điều 6. Phí đối với xe mô tô, xe gắn máy
1. Không thu phí sử dụng đường bộ đối với xe mô tô, xe gắn máy có dung tích xi lanh đến 175 cm3.
2. Hội đồng nhân dân cấp tỉnh quyết định mức thu trong khung do Chính phủ quy định.
Mục 2
MỨC THU VÀ MIỄN PHÍ
Điều 7. Mức thu
1. Mức thu theo loại phương tiện và tải trọng.
2. Chính phủ quy định khung mức thu.
3. Mức thu được điều chỉnh không quá một lần trong 05 năm.
Điều 8. Miễn phí
Miễn phí đối với:
a) Xe cứu thương;
b) Xe chữa cháy.
Chương III
ĐIỀU KHOẢN THI HÀNH
Điều 9. Hiệu lực thi hành
Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2028.
"""

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

PROVINCIAL_RESOLUTION = """HỘI ĐỒNG NHÂN DÂN
TỈNH HÒA LĨNH
Số:     /2026/NQ-HĐND
NGHỊ QUYẾT
Quy định mức hỗ trợ học phí cho trẻ em mầm non trên địa bàn tỉnh
HỘI ĐỒNG NHÂN DÂN TỈNH HÒA LĨNH
KHÓA XI, KỲ HỌP THỨ …
Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;
Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 19 tháng 02 năm 2025;
Xét Tờ trình số …/TTr-UBND của Ủy ban nhân dân tỉnh;
QUYẾT NGHỊ:
Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng
1. Phạm vi điều chỉnh: Nghị quyết này quy định mức hỗ trợ học phí cho trẻ em mầm non.
2. Đối tượng áp dụng:
a) Trẻ em học tại cơ sở giáo dục mầm non công lập;
b) Trẻ em học tại cơ sở giáo dục mầm non dân lập, tư thục;
c) Cơ quan, tổ chức có liên quan.
Điều 2. Mức hỗ trợ
1. Hỗ trợ 100% học phí đối với trẻ em thuộc hộ nghèo, hộ cận nghèo.
2. Hỗ trợ 50% học phí đối với trẻ em còn lại.
Điều 3. Tổ chức thực hiện
1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.
2. Giao Thường trực Hội đồng nhân dân, các Ban và đại biểu Hội đồng nhân dân tỉnh giám sát việc thực hiện.
Nghị quyết này đã được Hội đồng nhân dân tỉnh Hòa Lĩnh khóa XI, kỳ họp thứ … thông qua ngày … và có hiệu lực từ ngày … .
Nơi nhận:
- Ủy ban Thường vụ Quốc hội;
- Chính phủ;
CHỦ TỊCH
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
