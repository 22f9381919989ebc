"""Who is competent, read from the letter's own words before any field lexicon (decision 0146).

- A complaint against a decision or act goes to the head of the body that made it, first
  instance (Luật Khiếu nại Đ17–Đ21): "Quyết định số 85/QĐ-UBND của UBND xã Hòa An" → the
  Chairman of the People's Committee of xã Hòa An.
- A denunciation goes to the head of the body that manages the accused (Luật Tố cáo Đ12–Đ15):
  a commune official or civil servant → the commune's Chairman; the commune's Chairman or a
  Vice-Chairman → the provincial Chairman; a department's staff → its Director; a Director →
  the provincial Chairman.
- A commune is found in the directory by its name: its People's Committee is the body whose
  administrative unit is that commune.

Plain reading of the content; the officer decides (the triage form is only pre-filled).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from phoihop.organizations.models import Organization
from phoihop.text.normalize import search_key

_UNIT = r"(xã|phường|đặc khu|thị trấn)\s+((?:[\w-]+\s?){1,4})"
_PEOPLE_COMMITTEE = r"(?:UBND|Ủy ban nhân dân|ủy ban nhân dân|Uỷ ban nhân dân)"
_DECISION = re.compile(
    r"[Qq]uyết định[^.;]{0,80}?(?:số\s*)?\d+/Q[ĐD]-[\wĐ]+(?:[^.;]{0,40}?)\s+của\s+"
    + _PEOPLE_COMMITTEE
    + r"\s+(tỉnh|"
    + _UNIT
    + r")",
)
_COMMUNE_HEAD = re.compile(
    r"(Phó Chủ tịch|Chủ tịch|phó chủ tịch|chủ tịch)\s+" + _PEOPLE_COMMITTEE + r"\s+" + _UNIT
)
_COMMUNE_STAFF = re.compile(
    r"(cán bộ|công chức|viên chức|cán bộ địa chính|công an)[^.;]{0,30}?\b" + _UNIT
)


@dataclass(frozen=True)
class ContentCompetence:
    """The body competent by the letter's content, and why."""

    organization: Organization
    agency: str
    basis: str


def _commune_committee(kind_word: str, name: str) -> Organization | None:
    """The People's Committee of the commune named *kind_word* *name* in the directory."""
    words = []
    for word in name.split():  # a proper name: the capitalised words after "xã"
        if not word[:1].isupper():
            break
        words.append(word)
    if not words:
        return None
    candidates = list(
        Organization.objects.filter(
            valid_to__isnull=True, kind=Organization.Kind.PEOPLE_COMMITTEE
        ).select_related("admin_unit")
    )
    for size in range(len(words), 0, -1):  # the longest name the directory knows
        wanted = search_key(f"{kind_word} {' '.join(words[:size])}")
        for candidate in candidates:
            unit = candidate.admin_unit
            if unit is not None and search_key(unit.name) == wanted:
                return candidate
            if search_key(candidate.name).endswith(wanted):
                return candidate
    return None


def _province_committee() -> Organization | None:
    return (
        Organization.objects.filter(
            valid_to__isnull=True, kind=Organization.Kind.PEOPLE_COMMITTEE, parent__isnull=True
        )
        .select_related("admin_unit")
        .filter(admin_unit__level="province")
        .first()
    )


def competence_from_content(content: str, kind: str) -> ContentCompetence | None:
    """The competent body by what the letter says, or None when it does not say enough."""
    if kind in ("complaint", "mixed", "unclassified", ""):
        match = _DECISION.search(content)
        if match:
            if match.group(1) == "tỉnh":
                body = _province_committee()
            else:
                body = _commune_committee(match.group(2), match.group(3))
            if body is not None:
                return ContentCompetence(
                    body,
                    f"Chủ tịch {body.name}",
                    "Khiếu nại quyết định hành chính: người đã ra quyết định giải quyết lần đầu "
                    "(Luật Khiếu nại Đ17–Đ21).",
                )
    if kind in ("denunciation", "mixed", "unclassified", ""):
        head = _COMMUNE_HEAD.search(content)
        if head:
            body = _province_committee()
            if body is not None:
                return ContentCompetence(
                    body,
                    f"Chủ tịch {body.name}",
                    "Tố cáo Chủ tịch, Phó Chủ tịch UBND cấp xã: Chủ tịch UBND cấp trên trực "
                    "tiếp giải quyết (Luật Tố cáo Đ13, Đ15).",
                )
        staff = _COMMUNE_STAFF.search(content)
        if staff:
            body = _commune_committee(staff.group(2), staff.group(3))
            if body is not None:
                return ContentCompetence(
                    body,
                    f"Chủ tịch {body.name}",
                    "Tố cáo cán bộ, công chức cấp xã: Chủ tịch UBND cấp xã quản lý người bị tố "
                    "cáo giải quyết (Luật Tố cáo Đ13, Đ15).",
                )
    return None


def commune_in_directory(agency: str, content: str) -> Organization | None:
    """For a suggestion such as "UBND xã (chưa có trong danh mục)": the People's Committee of
    the commune the letter names, when the directory has it."""
    if "xã" not in agency.lower() and "phường" not in agency.lower():
        return None
    match = re.search(_UNIT, content)
    return _commune_committee(match.group(1), match.group(2)) if match else None
