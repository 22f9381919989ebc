"""The steps of a letter's history (``casework.Step.kind`` for letters)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StepKind(models.TextChoices):
    REGISTERED = "registered", _("Vào sổ")
    CLASSIFIED = "classified", _("Phân loại")
    SPLIT = "split", _("Tách nội dung")
    DUPLICATE = "duplicate", _("Xác định đơn trùng")
    FORWARDED = "forwarded", _("Chuyển đơn")
    RECEIPT = "receipt", _("Xác nhận đã nhận đơn chuyển đến")
    GUIDED = "guided", _("Hướng dẫn")
    RETURNED = "returned", _("Trả lại đơn")
    FILED = "filed", _("Lưu đơn")
    ACCEPTED = "accepted", _("Thụ lý")
    TAKEN_UP = "taken_up", _("Tiếp nhận, xem xét")
    INSPECTION = "inspection", _("Dùng làm căn cứ thanh tra, kiểm tra")
    REFUSED = "refused", _("Không thụ lý")
    DIALOGUE = "dialogue", _("Đối thoại")
    NOTIFIED = "notified", _("Gửi thông báo, quyết định cho các bên")
    VERIFICATION = "verification", _("Xác minh")
    EXTENDED = "extended", _("Gia hạn")
    COMPLEXITY = "complexity", _("Xác định mức độ phức tạp")
    SUSPENDED = "suspended", _("Tạm đình chỉ")
    RESUMED = "resumed", _("Tiếp tục giải quyết")
    WITHDRAWN_PART = "withdrawn_part", _("Rút một phần nội dung")
    WITHDRAWN = "withdrawn", _("Rút toàn bộ đơn")
    WITHDRAWN_CONTINUED = "withdrawn_continued", _("Rút đơn nhưng vẫn tiếp tục giải quyết")
    CONCLUDED = "concluded", _("Quyết định, kết luận, trả lời")
    PUBLISHED = "published", _("Công khai")
    FOLLOW_UP = "follow_up", _("Đề nghị xem xét, giải quyết")
    FOLLOW_UP_ANSWERED = "follow_up_answered", _("Trả lời đề nghị")
