"""The laws the documents, rules and pages cite, each written down once.

A law is cited two ways: in full where a document names it ("Căn cứ Luật Tổ chức chính quyền
địa phương số 72/2025/QH15;", "khoản 3 Điều 34 Luật Tổ chức chính quyền địa phương số
72/2025/QH15") and in the short form the rules' citations and the pages use ("Luật
72/2025/QH15 Đ34 k3"). :func:`phoihop.documents.state_format.spelled_citation` turns the short
form into the full one, so a rule's citation printed in a document names the law in full.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Law:
    """A law: its name and its number (``72/2025/QH15``)."""

    name: str
    number: str

    @property
    def title(self) -> str:
        """``Luật Tổ chức chính quyền địa phương số 72/2025/QH15``."""
        return f"{self.name} số {self.number}"

    @property
    def basis(self) -> str:
        """The line among a document's legal bases (NĐ 30/2020 Phụ lục I, mục II.8)."""
        return f"Căn cứ {self.title};"

    @property
    def short(self) -> str:
        """``Luật 72/2025/QH15``: the short form of rules' citations and of the pages."""
        return f"Luật {self.number}"

    def at(self, where: str) -> str:
        """A short citation of an article: ``Luật 72/2025/QH15 Đ34 k3``."""
        return f"{self.short} {where}"


# Adopted 16 June 2025, in force on adoption; it replaced Luật số 65/2025/QH15 (RULEBOOK RO-03
# and the sources of §11; decision 0014).
LOCAL_GOVERNMENT = Law("Luật Tổ chức chính quyền địa phương", "72/2025/QH15")

LAWS = (LOCAL_GOVERNMENT,)
# The full title of each law by its short form, for spelling out a rule's citation.
BY_SHORT = {law.short: law.title for law in LAWS}
