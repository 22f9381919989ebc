# ruff: noqa: E501 - drafts keep their lines as written
"""Invented drafts in the layouts the National Assembly and the provinces use (NĐ 30/2020
Phụ lục I): the demo province's consultations and the parser's tests read them."""

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


PROVINCIAL_RESOLUTION = """HỘI ĐỒNG NHÂN DÂN
TỈNH HÒA LĨNH
Số:     /2026/NQ-HĐND
NGHỊ QUYẾT
Quy định mức hỗ trợ học phí cho trẻ em mầm non trên địa bàn tỉnh
HỘI ĐỒNG NHÂN DÂN TỈNH HÒA LĨNH
KHÓA XI, KỲ HỌP THỨ …
Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;
Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 được sửa đổi, bổ sung một số điều theo Luật số 87/2025/QH15;
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
