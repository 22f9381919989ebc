"""Content-Security-Policy on every response.

Scripts come only from this site's static files: no inline ``<script>``, no ``onclick=``, no
``eval``. Inline *styles* stay allowed (a few templates set a width or a colour in a ``style``
attribute, and htmx adds its indicator style): a style cannot run code.
"""

from django.conf import settings

DEFAULT_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def policy_header() -> str:
    policy = {**DEFAULT_POLICY, **getattr(settings, "PHOIHOP_CSP", {})}
    return "; ".join(f"{name} {value}" for name, value in policy.items() if value)


class ContentSecurityPolicyMiddleware:
    """Set ``Content-Security-Policy`` unless the view set its own."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = policy_header()

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.header)
        return response
