from django.utils.translation import pgettext_lazy

from phoihop.audit.registry import register_event

register_event("organization.created", pgettext_lazy("audit event", "Tạo cơ quan, đơn vị"))
register_event("organization.changed", pgettext_lazy("audit event", "Sửa cơ quan, đơn vị"))
register_event("admin_unit.created", pgettext_lazy("audit event", "Tạo đơn vị hành chính"))
register_event("admin_unit.merged", pgettext_lazy("audit event", "Sáp nhập đơn vị hành chính"))
register_event("person.created", pgettext_lazy("audit event", "Tạo cá nhân"))
register_event("person.changed", pgettext_lazy("audit event", "Sửa cá nhân"))
register_event("membership.created", pgettext_lazy("audit event", "Bổ nhiệm, phân công"))
register_event("membership.ended", pgettext_lazy("audit event", "Kết thúc nhiệm vụ"))
register_event("term.created", pgettext_lazy("audit event", "Tạo nhiệm kỳ"))
register_event("deputy.created", pgettext_lazy("audit event", "Ghi nhận đại biểu"))
register_event("post.created", pgettext_lazy("audit event", "Tạo chức danh"))
