from phoihop.audit.registry import register_event

register_event("organization.created", "Tạo cơ quan, đơn vị")
register_event("organization.changed", "Sửa cơ quan, đơn vị")
register_event("admin_unit.created", "Tạo đơn vị hành chính")
register_event("admin_unit.merged", "Sáp nhập đơn vị hành chính")
register_event("person.created", "Tạo cá nhân")
register_event("person.changed", "Sửa cá nhân")
register_event("membership.created", "Bổ nhiệm, phân công")
register_event("membership.ended", "Kết thúc nhiệm vụ")
register_event("term.created", "Tạo nhiệm kỳ")
register_event("deputy.created", "Ghi nhận đại biểu")
register_event("post.created", "Tạo chức danh")
