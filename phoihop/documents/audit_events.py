from phoihop.audit.registry import register_event

register_event("document.issued", "Ban hành văn bản (cấp số)")
register_event("document.drafted", "Soạn dự thảo văn bản (chưa cấp số)")
register_event("document.draft_changed", "Sửa dự thảo văn bản")
register_event("document.signatory_set", "Phân công người ký văn bản")
