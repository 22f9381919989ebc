from phoihop.audit.registry import register_event

register_event("grant.created", "Cấp quyền")
register_event("grant.revoked", "Thu hồi quyền")
register_event("role.synced", "Cập nhật vai trò")
