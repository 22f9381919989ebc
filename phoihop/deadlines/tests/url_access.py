from phoihop.testing import UrlCheck

PUBLIC = {
    "deadlines:days_off_feed": "ngày nghỉ lễ, tết (iCalendar) — thông tin công khai",
    "deadlines:token_deadlines_feed": "lịch thời hạn theo khóa bí mật; khóa không đúng → 404",
}
PROTECTED = {
    "deadlines:my_deadlines_feed": UrlCheck(),
}
