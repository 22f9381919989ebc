"""The search index: one row per searchable object of another module."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from phoihop.core.models import BaseModel


class SearchDocument(BaseModel):
    """A searchable copy of one object (a letter, a petition, a document) fed by its module.

    Lifecycle: created or refreshed by ``search_index_upsert`` whenever the owning module saves
    the object; removed by ``search_index_remove``. ``search_title``/``search_body`` hold the
    folded search keys (no diacritics, abbreviations expanded, road numbers as tokens) that
    the full-text index (SQLite FTS5 or PostgreSQL tsvector + pg_trgm) is built over. On
    PostgreSQL the weighted tsvector is also stored, in a generated ``search_vector`` column
    with a GIN index that the model does not declare (migration 0003).
    """

    kind = models.CharField(_("loại"), max_length=40)
    object_id = models.CharField(_("mã đối tượng"), max_length=64)
    title = models.CharField(_("tiêu đề"), max_length=500)
    body = models.TextField(_("nội dung"), blank=True)
    search_title = models.TextField(_("khóa tìm kiếm tiêu đề"), blank=True, editable=False)
    search_body = models.TextField(_("khóa tìm kiếm nội dung"), blank=True, editable=False)

    class Meta:
        ordering = ["kind", "object_id"]
        verbose_name = _("tài liệu tìm kiếm")
        verbose_name_plural = _("tài liệu tìm kiếm")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id"], name="%(app_label)s_%(class)s_unique_object"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id} {self.title}"
