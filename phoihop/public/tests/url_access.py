PUBLIC = {
    "public:home": "cổng công dân: trang chính",
    "public:letter_submit": "công dân gửi đơn (giới hạn tần suất theo địa chỉ và toàn hệ thống)",
    "public:letter_receipt": "biên nhận: chỉ phiên trình duyệt vừa gửi đơn thấy mã bí mật",
    "public:letter_status": "tra cứu bằng mã tra cứu và mã truy cập bí mật (giới hạn tần suất)",
    "public:schedules": "lịch tiếp công dân đã công bố (Luật Tiếp công dân Đ12, Đ20)",
    "public:schedules_ics": "lịch tiếp công dân đã công bố, định dạng iCalendar",
    "public:subscribe": "đăng ký nhận tin qua thư điện tử (xác nhận hai bước, giới hạn tần suất)",
    "public:subscription_confirm": "xác nhận đăng ký bằng đường dẫn ký số gửi qua thư",
    "public:unsubscribe": "hủy đăng ký bằng đường dẫn ký số có trong mỗi thư",
}
