"""A deterministic synthetic corpus of labelled voter petitions, for scale benchmarks.

Issues are drawn from templates (a kind of problem, its field, level and agency) bound to a
generated place or thing (a commune, a hamlet, a school, a road number, a company); each
issue is then voiced by 1–15 petitions in different wordings, some typed without diacritics
and some with typos. Nothing is downloaded; the same seed gives the same corpus.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

SYLLABLES = (  # noqa: SIM905
    "An Bàu Bình Cát Đá Đông Đồi Gò Hòa Hưng Khương Lâm Lộc Mỹ Nam Phú Phước Suối Tân Thạnh "
    "Thuận Tràm Trà Sen Sim Sóc Long Vĩnh Xuân Hiệp Lợi Thành Phát Cỏ Me Tre Rết Chồn Dài "
    "Lạc Hải Quang Minh Tiến Trung Nghĩa Hậu Điền Giang Sơn Thủy Hà Hồng Kim Ngọc Phong"
).split()

# kind of issue: (field, level, agency template, slot kind, wordings)
ISSUES: tuple[tuple[str, str, str, str, tuple[str, ...]], ...] = (
    (
        "giao thông - xây dựng",
        "tỉnh",
        "Sở Xây dựng",
        "road",
        (
            "Đề nghị sửa chữa ĐT.{road} đoạn qua xã {commune}, mặt đường hư hỏng, nhiều ổ gà.",
            "Đường tỉnh {road} qua ấp {hamlet} xuống cấp nghiêm trọng, mưa là ngập, "
            "đề nghị tỉnh sửa sớm.",
            "Tuyến DT{road} đoạn qua {commune} lún sụt, xe tải chạy nhiều, rất nguy hiểm.",
            "Cử tri xã {commune} phản ánh đường {road} bong tróc, bụi mù, đề nghị nâng cấp.",
            "Xin hỏi bao giờ sửa đường tỉnh {road}? Năm nào cũng kiến nghị mà vẫn vậy.",
        ),
    ),
    (
        "giáo dục",
        "xã",
        "UBND xã {commune}",
        "school",
        (
            "Trường Tiểu học {school} thiếu phòng học, học sinh phải học 2 ca.",
            "Đề nghị xã xây thêm phòng học cho Trường Tiểu học {school}, lớp nào cũng trên 45 em.",
            "Trường TH {school} quá tải, không đủ phòng học 2 buổi/ngày, đề nghị đầu tư.",
            "Con tôi học trường {school} mà chỉ học buổi sáng vì thiếu phòng học.",
        ),
    ),
    (
        "môi trường",
        "tỉnh",
        "Sở Nông nghiệp và Môi trường",
        "company",
        (
            "Trại heo của Công ty {company} tại ấp {hamlet} gây mùi hôi, nước thải chảy ra suối.",
            "Đề nghị kiểm tra xử lý trại chăn nuôi {company}, mùi hôi thối ảnh hưởng dân "
            "ấp {hamlet}.",
            "Trại heo {company} hôi lắm, nhất là ban đêm, bà con không ngủ được.",
            "Công ty {company} xả thải ra suối, cá chết, đề nghị đình chỉ hoạt động.",
        ),
    ),
    (
        "đất đai",
        "tỉnh",
        "Ban Quản lý dự án đầu tư xây dựng tỉnh",
        "project",
        (
            "Dự án {project} thu hồi đất từ lâu mà chưa chi trả tiền bồi thường.",
            "Đề nghị đẩy nhanh GPMB, chi trả bồi thường dự án {project} cho người dân.",
            "Chậm đền bù dự án {project}, dân không được xây sửa nhà, cuộc sống khó khăn.",
            "Khiếu nại việc chậm chi trả tiền bồi thường đất thuộc dự án {project}.",
        ),
    ),
    (
        "điện - nước - viễn thông",
        "tỉnh",
        "Công ty Điện lực tỉnh",
        "hamlet",
        (
            "Điện ở ấp {hamlet} xã {commune} yếu, giờ cao điểm máy bơm không chạy, "
            "đề nghị lắp trạm biến áp.",
            "Ấp {hamlet} mất điện thường xuyên, hư hỏng thiết bị, đề nghị Điện lực khắc phục.",
            "Dien o ap {hamlet} yeu qua, toi la quat khong quay noi.",
        ),
    ),
    (
        "an ninh - trật tự",
        "xã",
        "Công an xã {commune}",
        "hamlet",
        (
            "Trộm bò ở ấp {hamlet} xã {commune} liên tục, đề nghị công an xã tăng cường tuần tra.",
            "Nhà tôi ở ấp {hamlet} mất 2 con bò, báo công an mà chưa tìm ra.",
            "Tình trạng trộm cắp gia súc ban đêm ở ấp {hamlet} diễn ra phức tạp.",
        ),
    ),
    (
        "y tế",
        "tỉnh",
        "Sở Y tế",
        "commune",
        (
            "Trung tâm Y tế khu vực {commune} thiếu thuốc BHYT, bệnh nhân phải mua ngoài.",
            "TTYT {commune} lại hết thuốc huyết áp, có thẻ BHYT cũng như không.",
            "Đề nghị bảo đảm đủ thuốc điều trị bệnh mãn tính tại TTYT khu vực {commune}.",
        ),
    ),
    (
        "lao động - chính sách xã hội",
        "trung ương",
        "Bộ Nội vụ",
        "policy",
        (
            "Đề nghị Trung ương nâng mức trợ cấp hưu trí xã hội cho người cao tuổi.",
            "Người già 75 tuổi không có lương hưu, trợ cấp 500 nghìn một tháng không đủ sống.",
            "Cử tri đề nghị Quốc hội, Chính phủ tăng trợ cấp hưu trí xã hội theo giá cả.",
        ),
    ),
    (
        "tài chính - ngân sách",
        "trung ương",
        "Bộ Tài chính",
        "policy",
        (
            "Đề nghị nâng mức giảm trừ gia cảnh thuế thu nhập cá nhân.",
            "Lương công nhân vừa đủ sống mà vẫn bị trừ thuế TNCN, đề nghị tăng giảm trừ gia cảnh.",
            "Kiến nghị sửa Luật Thuế TNCN, nâng mức giảm trừ cho người phụ thuộc.",
        ),
    ),
    (
        "khác",
        "xã",
        "UBND xã {commune}",
        "market",
        (
            "Chợ {market} xuống cấp, mái tôn thủng, mùa mưa dột, đề nghị xã nâng cấp.",
            "Xin xã sửa lại nhà lồng chợ {market}, mưa là ướt hết hàng.",
            "Chợ {market} dột nát, tiểu thương phải che bạt.",
        ),
    ),
)


@dataclass(frozen=True)
class LabelledPetition:
    id: str
    text: str
    commune: str
    cluster: str
    field: str
    level: str
    agency: str


def _name(rng: random.Random, used: set[str] | None = None) -> str:
    """A place-like name; with *used*, never one handed out before."""
    while True:
        taken = len(used) if used is not None else 0
        size = 2 if taken < 1_500 else 3 if taken < 75_000 else 4  # stay far from exhaustion
        name = " ".join(rng.sample(SYLLABLES, size))
        if used is None or name not in used:
            if used is not None:
                used.add(name)
            return name


def _strip_marks(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _typo(text: str, rng: random.Random) -> str:
    words = text.split()
    k = rng.randrange(len(words))
    word = words[k]
    if len(word) > 2:
        i = rng.randrange(1, len(word))
        words[k] = word[:i] + word[i - 1] + word[i:]
    return " ".join(words)


def generate(n: int, seed: int = 20251) -> list[LabelledPetition]:
    """*n* labelled petitions; cluster sizes follow a long tail between 1 and 15."""
    rng = random.Random(seed)
    communes = [_name(rng) for _ in range(max(20, n // 400))]
    out: list[LabelledPetition] = []
    cluster = 0
    used_policies: set[int] = set()
    used: set[str] = set(communes)
    while len(out) < n:
        cluster += 1
        kind = rng.randrange(len(ISSUES))
        field, level, agency, slot, wordings = ISSUES[kind]
        if slot == "policy":  # a national issue is one issue: each policy kind appears once
            if kind in used_policies:
                continue
            used_policies.add(kind)
        key = f"S{cluster:06d}"
        commune = rng.choice(communes)
        values = {
            "commune": commune,
            "hamlet": _name(rng, used),
            "school": _name(rng, used) + rng.choice(["", " A", " B"]),
            "company": "TNHH " + _name(rng, used) + " " + rng.choice(SYLLABLES),
            "project": rng.choice(["Khu công nghiệp ", "Hồ chứa nước ", "Khu dân cư "])
            + _name(rng, used),
            "market": _name(rng, used),
            "road": str(rng.randrange(700, 999)),
        }
        size = min(15, max(1, int(rng.paretovariate(1.3))))
        for _ in range(min(size, n - len(out))):
            text = rng.choice(wordings).format(**values)
            if rng.random() < 0.15:
                text = _strip_marks(text)
            if rng.random() < 0.1:
                text = _typo(text, rng)
            out.append(
                LabelledPetition(
                    id=f"S{len(out) + 1:06d}",
                    text=text,
                    commune="xã " + commune,
                    cluster=key,
                    field=field,
                    level=level,
                    agency=agency.format(commune="xã " + commune),
                )
            )
    rng.shuffle(out)
    return out


# --- a realistic corpus: the labelled clusters re-written in new places ------------------------

_OPENINGS = (
    "",
    "Cử tri phản ánh: ",
    "Cử tri xã {commune} kiến nghị: ",
    "Tại buổi tiếp xúc cử tri, bà con phản ánh ",
    "Qua đường dây nóng, người dân cho biết ",
)
_ROAD_NUMBER = re.compile(r"(?<=[ĐđDd][Tt][ .])\d{3}|(?<=[Ll]ộ )\d{1,3}|(?<=tỉnh )\d{3}")


def _capitalised_runs(text: str) -> list[str]:
    """Runs of two or more capitalised words (a name: "Hưng Thịnh Phát", "Khê Thượng")."""
    runs, current = [], []
    for word in re.findall(r"[^\W\d_]+|\S", text):
        if len(word) > 1 and word[0].isupper() and word[1:].islower():
            current.append(word)
            continue
        if len(current) >= 2:
            runs.append(" ".join(current))
        current = []
    if len(current) >= 2:
        runs.append(" ".join(current))
    return runs


def realistic(records: list[dict], n: int, seed: int = 20261) -> list[LabelledPetition]:
    """*n* petitions whose issues re-write labelled clusters in newly named places.

    Each generated issue takes one labelled cluster, renames every name in it (capitalised
    runs, road numbers) consistently with generated names, and voices it with the cluster's
    own texts; the same cluster is reused for many issues in different places, so near-
    identical wording about different places is common (what blocking and the place
    constraint must keep apart). 15% of texts lose their diacritics, 10% get a typo, and an
    opening is sometimes added (about 37 words a petition, as in the labelled sets).
    """
    rng = random.Random(seed)
    clusters: dict[str, list[dict]] = {}
    for record in records:
        clusters.setdefault(record["cluster"], []).append(record)
    keys = sorted(clusters)
    used: set[str] = set()
    communes = [_name(rng, used) for _ in range(max(20, n // 300))]
    out: list[LabelledPetition] = []
    issue = 0
    while len(out) < n:
        issue += 1
        source_key = keys[rng.randrange(len(keys))]
        source = clusters[source_key]
        # A national matter raised in many places is one issue; a local one is one per place.
        cluster = source_key if source[0]["level"] == "trung ương" else f"R{issue:07d}"
        commune = rng.choice(communes)
        names: dict[str, str] = {}
        for record in source:
            for run in _capitalised_runs(record["text"]) + _capitalised_runs(record["commune"]):
                names.setdefault(run, _name(rng, used))
        road = str(rng.randrange(100, 999))
        size = min(15, max(1, int(rng.paretovariate(1.3))))
        for _ in range(min(size, n - len(out))):
            record = rng.choice(source)
            text = record["text"]
            for old in sorted(names, key=len, reverse=True):
                text = text.replace(old, names[old])
            text = _ROAD_NUMBER.sub(road, text)
            text = rng.choice(_OPENINGS).format(commune=commune) + text
            if rng.random() < 0.15:
                text = _strip_marks(text)
            if rng.random() < 0.1:
                text = _typo(text, rng)
            out.append(
                LabelledPetition(
                    id=f"R{len(out) + 1:07d}",
                    text=text,
                    commune="xã " + commune,
                    cluster=cluster,
                    field=record["field"],
                    level=record["level"],
                    agency=record.get("agency", ""),
                )
            )
    rng.shuffle(out)
    return out


def typos(records: Sequence[dict], share: float = 0.1, seed: int = 7) -> list[dict]:
    """One random edit (delete, double, swap or replace a letter) in *share* of the words."""
    rng = random.Random(seed)
    out = []
    for record in records:
        words = record["text"].split()
        for k, word in enumerate(words):
            if len(word) > 2 and rng.random() < share:
                words[k] = _edit(word, rng)
        out.append({**record, "text": " ".join(words)})
    return out


def _edit(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word))
    kind = rng.randrange(4)
    if kind == 0:
        return word[:i] + word[i + 1 :]
    if kind == 1:
        return word[:i] + word[i - 1] + word[i:]
    if kind == 2 and i + 1 < len(word):
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word[:i] + rng.choice("aeioundhtcmg") + word[i + 1 :]
