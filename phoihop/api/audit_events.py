from phoihop.audit.registry import register_event

register_event("api.token.issued", "Cấp khóa API")
register_event("api.token.revoked", "Thu hồi khóa API")
