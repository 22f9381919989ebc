"""The abstract base every phoihop model inherits."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from phoihop.core.querysets import RestrictedQuerySet


class BaseModel(models.Model):
    """Timestamps and a manager that knows ``restrict()``."""

    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        abstract = True
