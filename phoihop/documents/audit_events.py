from phoihop.audit.registry import register_event

register_event("document.issued", "Ban hành văn bản (cấp số)")
