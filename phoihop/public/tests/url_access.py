PUBLIC = {
    "public:home": "cổng công dân: trang chính",
    "public:schedules": "lịch tiếp công dân đã công bố (Luật Tiếp công dân Đ12, Đ20)",
    "public:schedules_ics": "lịch tiếp công dân đã công bố, định dạng iCalendar",
}
