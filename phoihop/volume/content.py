# ruff: noqa: E501 — whole sentences of letter text read better unbroken
"""Realistic Vietnamese letter contents, built from sentence templates.

Each content is a few sentences; the search key of a content is the search keys of its
sentences joined, so the generator folds each distinct sentence once instead of every letter.
"""

import random
from dataclasses import dataclass
from functools import lru_cache

from phoihop.text.normalize import search_key

FIELDS = (
    "Đất đai",
    "Môi trường",
    "Xây dựng",
    "Chính sách xã hội",
    "Tư pháp",
    "Y tế",
    "Giáo dục",
    "Giao thông",
    "Tài chính, ngân sách",
    "Cán bộ, công chức",
)

PLACES = (
    "thôn 1",
    "thôn 3",
    "ấp Bình Minh",
    "khu phố 4",
    "tổ dân phố 7",
    "thôn Đồng Tâm",
    "ấp Suối Cát",
    "khu dân cư Bàu Sen",
)
ROADS = ("ĐT.816", "ĐT.741", "QL.1A", "QL.14", "ĐH.12", "đường Lê Lợi", "đường Trần Phú")
PROJECTS = (
    "dự án khu dân cư Hòa An",
    "dự án mở rộng đường tỉnh",
    "dự án hồ chứa nước Suối Đá",
    "dự án khu công nghiệp Tân Phước",
    "dự án chợ Lam Giang",
    "dự án trường tiểu học Phú Lâm",
)
OFFICIALS = (
    "cán bộ địa chính xã",
    "Chủ tịch UBND xã",
    "trưởng thôn",
    "cán bộ tư pháp – hộ tịch",
    "công chức văn hóa – xã hội",
    "Ban quản lý dự án",
)

COMPLAINT = (
    "Tôi khiếu nại Quyết định số {n}/QĐ-UBND ngày {d}/{m}/{y} của UBND {commune} về việc thu hồi {a} m² đất nông nghiệp tại {place} để thực hiện {project}.",
    "Việc áp giá bồi thường {price} đồng/m² là thấp hơn giá thị trường, chưa tính hỗ trợ chuyển đổi nghề nghiệp cho gia đình tôi.",
    "Đề nghị xem xét lại phương án bồi thường, hỗ trợ và bố trí tái định cư theo đúng quy định của Luật Đất đai.",
    "Tôi khiếu nại việc {official} không giải quyết hồ sơ cấp giấy chứng nhận quyền sử dụng đất đã nộp từ tháng {m}/{y}.",
    "Gia đình tôi đã nhiều lần đến trụ sở nhưng chưa được trả lời bằng văn bản.",
    "Tôi khiếu nại quyết định xử phạt vi phạm hành chính số {n}/QĐ-XPVPHC về xây dựng không phép tại {place}, {commune}.",
)
DENUNCIATION = (
    "Tôi tố cáo {official} {commune} có hành vi nhận tiền của các hộ dân để xác nhận nguồn gốc đất tại {place}.",
    "Ông này yêu cầu mỗi hộ nộp {price} đồng mới ký hồ sơ, có người làm chứng.",
    "Tôi tố cáo việc lập khống danh sách hộ nghèo năm {y} để nhận tiền hỗ trợ tại {commune}.",
    "Việc thi công {road} đoạn qua {place} dùng vật liệu kém chất lượng, mới làm xong đã hư hỏng.",
    "Đề nghị cơ quan có thẩm quyền xác minh, xử lý nghiêm người vi phạm và giữ bí mật thông tin người tố cáo.",
    "Tôi tố cáo {official} sử dụng đất công tại {place} để xây nhà riêng.",
)
PETITION = (
    "Đề nghị sửa chữa {road} đoạn qua {place}, {commune} vì mặt đường xuống cấp, nhiều ổ gà gây tai nạn.",
    "Kiến nghị xử lý tình trạng cơ sở chăn nuôi xả nước thải ra kênh tại {place} gây ô nhiễm môi trường.",
    "Phản ánh việc chậm chi trả trợ cấp cho người có công tại {commune} từ tháng {m}/{y}.",
    "Đề nghị lắp đặt hệ thống chiếu sáng trên {road} và đèn tín hiệu tại ngã ba {place}.",
    "Kiến nghị bố trí thêm giáo viên cho trường học ở {place} vì nhiều lớp học ghép.",
    "Phản ánh tình trạng khai thác cát trái phép trên sông đoạn qua {commune}.",
    "Đề nghị công khai quy hoạch {project} để người dân biết và thực hiện.",
)
KIND_SENTENCES = {"complaint": COMPLAINT, "denunciation": DENUNCIATION, "petition": PETITION}


@dataclass(frozen=True)
class Content:
    text: str
    key: str
    summary: str
    summary_key: str


@lru_cache(maxsize=200_000)
def _sentence_key(sentence: str) -> str:
    return search_key(sentence)


def make_content(rnd: random.Random, kind: str, communes: list[str]) -> Content:
    """Two to four sentences of *kind* ("mixed" draws from complaints and denunciations)."""
    pool = COMPLAINT + DENUNCIATION if kind == "mixed" else KIND_SENTENCES.get(kind, PETITION)
    # Few distinct values per slot keep the sentence cache small and hits high; the mix of
    # sentences, communes and places still makes most contents distinct.
    values = {
        "commune": rnd.choice(communes),
        "place": rnd.choice(PLACES),
        "road": rnd.choice(ROADS),
        "project": rnd.choice(PROJECTS),
        "official": rnd.choice(OFFICIALS),
        "n": rnd.randrange(1, 25) * 17,
        "d": rnd.choice((3, 8, 12, 15, 20, 27)),
        "m": rnd.randrange(1, 13),
        "y": rnd.choice((2022, 2023, 2024, 2025, 2026)),
        "a": rnd.randrange(2, 20) * 50,
        "price": f"{rnd.randrange(2, 12) * 50}.000",
    }
    sentences = [s.format(**values) for s in rnd.sample(pool, rnd.randrange(2, 5))]
    text = " ".join(sentences)
    key = " ".join(_sentence_key(s) for s in sentences)
    first = sentences[0]
    summary = first if len(first) <= 200 else first[:197] + "…"
    return Content(text=text, key=key, summary=summary, summary_key=_sentence_key(first))
