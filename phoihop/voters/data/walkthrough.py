"""Petitions of a sample meeting (typed, then imported from its minutes), shared by the demo
province and the browser walkthrough."""

TYPED = [
    ("Đề nghị sửa chữa đường ĐT.816 đoạn qua thôn 3 bị sạt lở, đi lại nguy hiểm", "Hòa An"),
    (
        "Đường ĐT.816 xuống cấp nghiêm trọng, nhiều ổ gà, đề nghị tỉnh sớm đầu tư sửa chữa",
        "Phú Lâm",
    ),
    ("Đề nghị lắp đèn chiếu sáng tuyến đường liên thôn 2 và thôn 5 xã Hòa An", "Hòa An"),
    (
        "Đề nghị nâng mức hỗ trợ đóng bảo hiểm y tế cho người cao tuổi từ 70 đến dưới 80 tuổi",
        "Phú Lâm",
    ),
    ("Trường Tiểu học Hòa An thiếu phòng học, đề nghị đầu tư xây thêm 4 phòng học", "Hòa An"),
    ("Đề nghị nạo vét kênh thủy lợi Bàu Sen để kịp phục vụ sản xuất vụ Đông Xuân", "Phú Lâm"),
    ("Chợ Hòa An xuống cấp, mái dột, đề nghị UBND xã sửa chữa chợ", "Hòa An"),
    (
        "Đề nghị Quốc hội, Chính phủ sửa đổi quy định về giá đất bồi thường khi Nhà nước "
        "thu hồi đất",
        "Phú Lâm",
    ),
]

IMPORTED = [
    ("Cử tri phản ánh đường ĐT.816 sạt lở taluy, đề nghị khắc phục trước mùa mưa", "Hòa An"),
    ("Đề nghị tỉnh bố trí vốn nâng cấp, sửa chữa đường ĐT.816", "Phú Lâm"),
    (
        "Đề nghị sớm lắp đèn chiếu sáng đường liên thôn 2, thôn 5 xã Hòa An vì tối không an toàn",
        "Hòa An",
    ),
    ("Cử tri đề nghị tăng mức hỗ trợ mua bảo hiểm y tế cho người cao tuổi", "Phú Lâm"),
    ("Đề nghị xây thêm phòng học cho Trường Tiểu học Hòa An, học sinh phải học ca ba", "Hòa An"),
    ("Kênh thủy lợi Bàu Sen bồi lắng, đề nghị nạo vét kênh", "Phú Lâm"),
    ("Đề nghị sửa chữa mái chợ Hòa An bị dột", "Hòa An"),
    (
        "Giá đất bồi thường khi thu hồi đất thấp hơn giá thị trường, đề nghị sửa đổi quy định "
        "về giá đất",
        "Phú Lâm",
    ),
    ("Đề nghị có chính sách hỗ trợ giống cây trồng cho hộ bị thiệt hại do hạn hán", "Phú Lâm"),
    (
        "Đề nghị xử lý tình trạng xe tải chở quá tải trọng làm hư hỏng đường giao thông nông thôn",
        "Hòa An",
    ),
]
