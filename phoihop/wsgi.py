"""WSGI entry point for gunicorn: ``gunicorn phoihop.wsgi``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "phoihop.settings.production")
application = get_wsgi_application()
