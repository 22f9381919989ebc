"""The documents of letter handling, in the forms of Thông tư 05/2021/TT-TTCP (xử lý đơn),
Nghị định 124/2020/NĐ-CP (khiếu nại) and Nghị định 31/2019/NĐ-CP (tố cáo), laid out by the
Nghị định 30/2020/NĐ-CP format (decision 0141).

Plain data in, plain data out: the letters module describes the case (:class:`CaseFacts`), this
module returns what the document says (:class:`Composition`); ``document_issue`` stores it as
a draft. Nothing here touches the database.

Who is named where (Luật Tố cáo Đ47 k1 b, Đ56 k2; TT 05/2021):
- a document addressed to the sender names them (``ADDRESSEE``, filled in when rendered);
- a document sent to others about a complaint or a petition may name the sender;
- a document sent to others about a denunciation never names the denouncer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from phoihop.documents.laws import LOCAL_GOVERNMENT
from phoihop.documents.services import ADDRESSEE, ADDRESSEE_ADDRESS

# Legal bases, as cited in the bases of a document (NĐ 30/2020 Phụ lục I, mục II.8).
LAW_LOCAL_GOVERNMENT = LOCAL_GOVERNMENT.basis
LAW_COMPLAINTS = "Căn cứ Luật Khiếu nại ngày 11 tháng 11 năm 2011;"
LAW_DENUNCIATIONS = "Căn cứ Luật Tố cáo ngày 12 tháng 6 năm 2018;"
DECREE_124 = (
    "Căn cứ Nghị định số 124/2020/NĐ-CP ngày 19 tháng 10 năm 2020 của Chính phủ quy định "
    "chi tiết một số điều và biện pháp thi hành Luật Khiếu nại;"
)
DECREE_31 = (
    "Căn cứ Nghị định số 31/2019/NĐ-CP ngày 10 tháng 4 năm 2019 của Chính phủ quy định chi "
    "tiết một số điều và biện pháp tổ chức thi hành Luật Tố cáo;"
)
CIRCULAR_05 = (
    "Căn cứ Thông tư số 05/2021/TT-TTCP ngày 01 tháng 10 năm 2021 của Thanh tra Chính phủ "
    "quy định quy trình xử lý đơn khiếu nại, đơn tố cáo, đơn kiến nghị, phản ánh;"
)

# Form codes: the ``form`` of a document and of a body's signing rule (``Signatory.form``).
FORWARDING_SLIP = "forwarding_slip"
GUIDANCE = "guidance"
RETURN_NOTICE = "return_notice"
REFUSAL_NOTICE = "refusal_notice"
FILING_NOTE = "filing_note"
ACCEPTANCE = "acceptance"
EXTENSION = "extension"
SUSPENSION = "suspension"
WITHDRAWAL = "withdrawal"
TERMINATION = "termination"
DIALOGUE_MINUTES = "dialogue_minutes"
COMPLAINT_DECISION = "complaint_decision"
DENUNCIATION_CONCLUSION = "denunciation_conclusion"
PETITION_ANSWER = "petition_answer"
REPORT = "report"

FORM_LABELS = {
    FORWARDING_SLIP: "Phiếu chuyển đơn",
    GUIDANCE: "Văn bản hướng dẫn",
    RETURN_NOTICE: "Thông báo trả lại đơn",
    REFUSAL_NOTICE: "Thông báo không thụ lý",
    FILING_NOTE: "Phiếu lưu đơn",
    ACCEPTANCE: "Thông báo / quyết định thụ lý",
    EXTENSION: "Quyết định gia hạn",
    SUSPENSION: "Quyết định tạm đình chỉ",
    WITHDRAWAL: "Thông báo đình chỉ do rút đơn",
    TERMINATION: "Quyết định đình chỉ giải quyết tố cáo",
    DIALOGUE_MINUTES: "Biên bản đối thoại",
    COMPLAINT_DECISION: "Quyết định giải quyết khiếu nại",
    DENUNCIATION_CONCLUSION: "Kết luận nội dung tố cáo",
    PETITION_ANSWER: "Văn bản trả lời kiến nghị, phản ánh",
    REPORT: "Báo cáo",
}

# The forms the head of the body signs in person (Luật KN Đ18–Đ21: the head who made the
# decision resolves the complaint; Luật TC Đ12–Đ15: the head of the managing body resolves
# the denunciation). The others are signed for the body (TM./KT.) or by its office (TL.).
HEAD_SIGNS = {
    COMPLAINT_DECISION,
    DENUNCIATION_CONCLUSION,
    ACCEPTANCE,
    EXTENSION,
    SUSPENSION,
    TERMINATION,
}

# Records signed by the people who took part, under their role, never for a body (Luật KN Đ30
# k3: the minutes of a dialogue bear the participants' signatures or fingerprints). The one
# who chairs may be the head or the person the head assigns (NĐ 124/2020 Đ28 k1).
SIGNED_IN_PERSON = {DIALOGUE_MINUTES: ("NGƯỜI CHỦ TRÌ ĐỐI THOẠI",)}

# By the kind of body: the collective name on "TM." lines and the head's title.
_BODY_TITLES = {
    "people_committee": ("ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
    "council": ("HỘI ĐỒNG NHÂN DÂN", "CHỦ TỊCH"),
    "council_standing": ("THƯỜNG TRỰC HĐND", "CHỦ TỊCH"),
    "front": ("ỦY BAN MTTQ VIỆT NAM", "CHỦ TỊCH"),
    "front_standing": ("BAN THƯỜNG TRỰC", "CHỦ TỊCH"),
    "na_delegation": ("ĐOÀN ĐẠI BIỂU QUỐC HỘI", "TRƯỞNG ĐOÀN"),
    "department": ("", "GIÁM ĐỐC"),
    "inspectorate": ("", "CHÁNH THANH TRA"),
    "secretariat": ("", "CHÁNH VĂN PHÒNG"),
    "office": ("", "CHÁNH VĂN PHÒNG"),
    "reception_board": ("", "TRƯỞNG BAN"),
}


def default_signer_lines(body_kind: str, form: str) -> tuple[str, ...]:
    """The law's signer when the body has recorded no rule: the head in person for a
    decision or conclusion, the head for the collective body otherwise."""
    if form in SIGNED_IN_PERSON:
        return SIGNED_IN_PERSON[form]
    collective, head = _BODY_TITLES.get(body_kind, ("", "THỦ TRƯỞNG CƠ QUAN"))
    if form in HEAD_SIGNS or not collective:
        return (head,)
    return (f"TM. {collective}", head)


def signer_lines_for(form: str, lines: Sequence[str]) -> tuple[str, ...]:
    """The signature lines of *form* from a body's rule: a decision its head makes in person
    is signed by the head or for the head (``KT. CHỦ TỊCH``), never for the collective body,
    so a ``TM. …`` line of the body's general rule is left out (NĐ 30/2020 Phụ lục I, mục
    II.9; decision 0153)."""
    if form in SIGNED_IN_PERSON:
        return SIGNED_IN_PERSON[form]
    if form in HEAD_SIGNS:
        return tuple(line for line in lines if not line.upper().startswith("TM."))
    return tuple(lines)


def head_name(body_kind: str, body_name: str) -> str:
    """The head in a sentence: ``Chủ tịch Ủy ban nhân dân tỉnh Hòa Lĩnh`` (proper names kept)."""
    _, head = _BODY_TITLES.get(body_kind, ("", "THỦ TRƯỞNG"))
    return f"{head.capitalize()} {body_name}"


def head_title(body_kind: str, body_name: str) -> str:
    """The authority line of a decision: ``CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÒA LĨNH``."""
    _, head = _BODY_TITLES.get(body_kind, ("", "THỦ TRƯỞNG"))
    return f"{head} {body_name}".upper()


@dataclass(frozen=True)
class CaseFacts:
    """What the documents of one letter need to know, as plain values."""

    body: str
    body_kind: str
    reference: str
    received_on: date
    content: str
    kind: str  # complaint | denunciation | petition | feedback | unclassified | mixed
    sender_known: bool = True
    instance: int | None = None
    forward_to: str = ""
    accepted_on: date | None = None
    field: str = ""


@dataclass(frozen=True)
class Composition:
    """What a document says, before it has a number."""

    form: str
    doc_type: str
    title: str
    paragraphs: Sequence[str] = ()
    bases: Sequence[str] = ()
    articles: Sequence[str] = ()
    authority_line: str = ""
    recipients: Sequence[str] = ()
    signer_lines: Sequence[str] = field(default_factory=tuple)
    # The participants who sign a record beside the signer (biên bản: Luật KN Đ30 k3).
    cosigners: Sequence[tuple[str, str]] = field(default_factory=tuple)


# The kinds of letter whose sender a document sent to others may name. A letter not yet
# classified, or with several contents, may be a denunciation: it is treated as one.
NAMED_TO_OTHERS = frozenset({"complaint", "petition", "feedback"})


def may_name_sender_to_others(kind: str) -> bool:
    """True if documents about a letter of *kind* may show the sender's name to people other
    than the sender (never for a denunciation, Luật TC Đ47 k1 b)."""
    return kind in NAMED_TO_OTHERS


def _sender(facts: CaseFacts) -> str:
    return ADDRESSEE if facts.sender_known else "người gửi đơn (không rõ họ tên)"


def _received(facts: CaseFacts) -> str:
    return f"ngày {facts.received_on:%d/%m/%Y}"


def _content(facts: CaseFacts) -> str:
    """The whole content (identity already removed), never cut."""
    return " ".join(facts.content.split())


def _kind_word(facts: CaseFacts) -> str:
    return {
        "complaint": "khiếu nại",
        "denunciation": "tố cáo",
        "petition": "kiến nghị",
        "feedback": "phản ánh",
    }.get(facts.kind, "")


def _to_sender(facts: CaseFacts) -> list[str]:
    return [f"{ADDRESSEE} (người gửi đơn)"] if facts.sender_known else []


def forwarding_slip(facts: CaseFacts, note: str = "") -> Composition:
    """Phiếu chuyển đơn (TT 05/2021, Phụ lục: mẫu phiếu chuyển đơn). A denunciation's slip
    never names the denouncer, nor is the denouncer a recipient (Luật TC Đ47 k1 b)."""
    denunciation = facts.kind == "denunciation"
    named = may_name_sender_to_others(facts.kind) and facts.sender_known
    who = f" của {_sender(facts)}, địa chỉ: {ADDRESSEE_ADDRESS}" if named else ""
    word = _kind_word(facts) or "đơn"
    paragraphs = [
        f"Ngày {facts.received_on:%d/%m/%Y}, {facts.body} nhận được đơn{who} "
        f"(số vào sổ {facts.reference}).",
        f"Nội dung đơn: {_content(facts)}",
        f"Căn cứ quy định tại Thông tư số 05/2021/TT-TTCP, nội dung {word} thuộc thẩm quyền "
        f"giải quyết của {facts.forward_to}. {facts.body} chuyển đơn đến {facts.forward_to} "
        "để xem xét, giải quyết theo thẩm quyền và thông báo kết quả cho cơ quan chuyển đơn.",
    ]
    if denunciation:
        paragraphs.append(
            "Cơ quan nhận đơn có trách nhiệm giữ bí mật họ tên, địa chỉ, bút tích và thông tin "
            "cá nhân khác của người tố cáo theo quy định của Luật Tố cáo."
        )
    if note:
        paragraphs.append(note)
    recipients = [facts.forward_to]
    if named:
        recipients += [f"{r} (để biết)" for r in _to_sender(facts)]
    return Composition(
        form=FORWARDING_SLIP,
        doc_type="PC",
        title="Về việc chuyển đơn",
        paragraphs=paragraphs,
        recipients=recipients,
    )


def guidance(facts: CaseFacts, where: str, note: str = "") -> Composition:
    """Văn bản hướng dẫn người gửi đơn (TT 05/2021 Đ7–Đ8), addressed to the sender."""
    paragraphs = [
        f"Kính gửi: {_sender(facts)}, địa chỉ: {ADDRESSEE_ADDRESS}.",
        f"{facts.body} nhận được đơn của {_sender(facts)} {_received(facts)} "
        f"(số vào sổ {facts.reference}), nội dung: {_content(facts)}",
        "Sau khi xem xét, nội dung đơn không thuộc thẩm quyền giải quyết của "
        f"{facts.body}. Đề nghị {_sender(facts)} gửi đơn{where} để được xem xét, giải quyết "
        "theo quy định của pháp luật.",
        *([note] if note else []),
    ]
    return Composition(
        form=GUIDANCE,
        doc_type="HD",
        title=f"Về việc hướng dẫn {_sender(facts)} gửi đơn đến cơ quan có thẩm quyền",
        paragraphs=paragraphs,
        recipients=_to_sender(facts),
    )


def return_notice(facts: CaseFacts, note: str = "") -> Composition:
    """Thông báo trả lại đơn và giấy tờ kèm theo (TT 05/2021), to the sender."""
    return Composition(
        form=RETURN_NOTICE,
        doc_type="TB",
        title="Về việc trả lại đơn",
        paragraphs=[
            f"Kính gửi: {_sender(facts)}, địa chỉ: {ADDRESSEE_ADDRESS}.",
            f"{facts.body} nhận được đơn của {_sender(facts)} {_received(facts)} "
            f"(số vào sổ {facts.reference}), nội dung: {_content(facts)}",
            "Đơn không đủ điều kiện xử lý theo quy định tại Thông tư số 05/2021/TT-TTCP. "
            f"{facts.body} trả lại đơn và giấy tờ, tài liệu kèm theo cho người gửi đơn."
            + (f" Lý do: {note}" if note else ""),
        ],
        recipients=_to_sender(facts),
    )


def filing_note(facts: CaseFacts, note: str = "") -> Composition:
    """Phiếu đề xuất lưu đơn: an internal record; the sender is not named."""
    return Composition(
        form=FILING_NOTE,
        doc_type="TB",
        title="Về việc lưu đơn",
        paragraphs=[
            f"Đơn số vào sổ {facts.reference}, nhận {_received(facts)}, nội dung: "
            f"{_content(facts)}",
            "Đơn không đủ điều kiện xử lý theo quy định (Thông tư số 05/2021/TT-TTCP"
            # Điều 25 Luật Tố cáo (a denunciation not taken up) is the law of a denunciation only.
            + ("; Điều 25 Luật Tố cáo" if facts.kind == "denunciation" else "")
            + "); lưu đơn."
            + (f" Lý do: {note}" if note else ""),
        ],
        recipients=[],
    )


def acceptance(facts: CaseFacts, text: str) -> Composition:
    """Thông báo thụ lý giải quyết khiếu nại (NĐ 124/2020, mẫu thông báo thụ lý), quyết định
    thụ lý tố cáo (NĐ 31/2019) or the notice of a petition taken up; addressed to the sender
    (the acceptance of a denunciation is also notified to the accused without the denouncer's
    name: a separate notice, not this document)."""
    if facts.kind == "denunciation":
        return Composition(
            form=ACCEPTANCE,
            doc_type="QĐ",
            title="Về việc thụ lý tố cáo",
            authority_line=head_title(facts.body_kind, facts.body),
            bases=[LAW_DENUNCIATIONS, DECREE_31, f"Xét đơn tố cáo {_received(facts)}."],
            articles=[
                f"Thụ lý tố cáo {_received(facts)} (số vào sổ {facts.reference}), nội dung: "
                f"{_content(facts)}",
                "Thời hạn giải quyết tố cáo không quá 30 ngày kể từ ngày thụ lý; có thể gia hạn "
                "theo Điều 30 Luật Tố cáo." + (f" {text}" if text else ""),
                "Quyết định có hiệu lực kể từ ngày ký. Người tố cáo được thông báo việc thụ lý; "
                "danh tính người tố cáo được giữ bí mật.",
            ],
            # Sent to others too: the denouncer is told by a notice of their own (Luật TC Đ29).
            recipients=["Người tố cáo (thông báo riêng)", "Cơ quan, đơn vị có liên quan"],
            signer_lines=default_signer_lines(facts.body_kind, ACCEPTANCE),
        )
    if facts.kind == "complaint":
        title = f"Về việc thụ lý giải quyết khiếu nại lần {'hai' if facts.instance == 2 else 'đầu'}"
        paragraphs = [
            f"Kính gửi: {_sender(facts)}, địa chỉ: {ADDRESSEE_ADDRESS}.",
            f"Ngày {facts.received_on:%d/%m/%Y}, {facts.body} nhận được đơn khiếu nại của "
            f"{_sender(facts)} (số vào sổ {facts.reference}), nội dung: {_content(facts)}",
            "Sau khi xem xét nội dung đơn khiếu nại, căn cứ Luật Khiếu nại năm 2011 và Nghị định "
            f"số 124/2020/NĐ-CP, đơn khiếu nại đủ điều kiện thụ lý. {facts.body} thông báo "
            f"thụ lý giải quyết khiếu nại để {_sender(facts)} biết.",
            *([text] if text else []),
        ]
    else:
        title = "Về việc tiếp nhận, xem xét kiến nghị, phản ánh"
        paragraphs = [
            f"Kính gửi: {_sender(facts)}.",
            f"{facts.body} đã nhận được đơn {_kind_word(facts) or 'kiến nghị, phản ánh'} "
            f"{_received(facts)} (số vào sổ {facts.reference}), nội dung: {_content(facts)}",
            "Nội dung đơn đang được xem xét, giải quyết; kết quả sẽ được thông báo đến người "
            "gửi đơn.",
            *([text] if text else []),
        ]
    return Composition(
        form=ACCEPTANCE,
        doc_type="TB",
        title=title,
        paragraphs=paragraphs,
        recipients=_to_sender(facts),
    )


@dataclass(frozen=True)
class DecisionContents:
    """What a complaint decision must state (Luật KN Đ31 first instance, Đ40 second): the
    verification result, the dialogue's result if one was held, the legal bases for resolving
    it, the conclusion on what is right and wrong, and what is decided."""

    verification: str
    legal_basis: str
    conclusion: str
    decision: str
    dialogue: str = ""


def complaint_decision(facts: CaseFacts, contents: DecisionContents, on: date) -> Composition:
    """Quyết định giải quyết khiếu nại (NĐ 124/2020, mẫu quyết định giải quyết khiếu nại lần
    đầu / lần hai): the head who made the contested decision signs in person (Luật KN Đ18);
    the contents Đ31 (Đ40) require, then the Articles. Addressed to the complainant."""
    second = facts.instance == 2
    rights = (
        f"Nếu không đồng ý với quyết định này, {_sender(facts)} có quyền khởi kiện vụ án hành "
        "chính tại Tòa án theo quy định của Luật Tố tụng hành chính (Điều 40 Luật Khiếu nại)."
        if second
        else "Trong thời hạn 30 ngày, kể từ ngày nhận được quyết định này (vùng sâu, vùng xa đi "
        "lại khó khăn không quá 45 ngày), nếu không đồng ý với quyết định giải quyết khiếu nại, "
        f"{_sender(facts)} có quyền khiếu nại lần hai hoặc khởi kiện vụ án hành chính tại Tòa "
        "án theo quy định của Luật Tố tụng hành chính (Điều 33 Luật Khiếu nại)."
    )
    sections = [
        f"Người khiếu nại: {_sender(facts)}, địa chỉ: {ADDRESSEE_ADDRESS}.",
        f"Nội dung khiếu nại: {_content(facts)}",
        f"Kết quả xác minh nội dung khiếu nại: {contents.verification.strip()}",
        *([f"Kết quả đối thoại: {contents.dialogue.strip()}"] if contents.dialogue else []),
        f"Căn cứ pháp luật để giải quyết khiếu nại: {contents.legal_basis.strip()}",
        f"Kết luận nội dung khiếu nại: {contents.conclusion.strip()}",
    ]
    return Composition(
        form=COMPLAINT_DECISION,
        doc_type="QĐ",
        title=f"Về việc giải quyết khiếu nại của {_sender(facts)} "
        f"(lần {'hai' if second else 'đầu'})",
        authority_line=head_title(facts.body_kind, facts.body),
        bases=[
            LAW_LOCAL_GOVERNMENT,
            LAW_COMPLAINTS,
            DECREE_124,
            f"Xét đơn khiếu nại {_received(facts)} của {_sender(facts)}, địa chỉ: "
            f"{ADDRESSEE_ADDRESS}.",
        ],
        paragraphs=[
            *(f"{n}. {text}" for n, text in enumerate(sections, start=1)),
            "Từ những nhận định và căn cứ trên,",
        ],
        articles=[
            contents.decision.strip(),
            rights,
            "Quyết định có hiệu lực kể từ ngày ký. Chánh Văn phòng, thủ trưởng các cơ quan, "
            f"đơn vị có liên quan và {_sender(facts)} chịu trách nhiệm thi hành quyết định này.",
        ],
        recipients=[
            f"{ADDRESSEE} (người khiếu nại)" if facts.sender_known else "Người khiếu nại",
            "Thanh tra tỉnh",
            "Cơ quan, đơn vị có liên quan",
        ],
        signer_lines=default_signer_lines(facts.body_kind, COMPLAINT_DECISION),
    )


def refusal_notice(facts: CaseFacts, reasons: Sequence[str]) -> Composition:
    """Thông báo về việc không thụ lý giải quyết khiếu nại (Luật KN Đ27; NĐ 124/2020), to the
    complainant, with every reason (the Đ11 grounds and the officer's note)."""
    return Composition(
        form=REFUSAL_NOTICE,
        doc_type="TB",
        title="Về việc không thụ lý giải quyết khiếu nại",
        paragraphs=[
            f"Kính gửi: {_sender(facts)}, địa chỉ: {ADDRESSEE_ADDRESS}.",
            f"Ngày {facts.received_on:%d/%m/%Y}, {facts.body} nhận được đơn khiếu nại của "
            f"{_sender(facts)} (số vào sổ {facts.reference}), nội dung: {_content(facts)}",
            "Khiếu nại không được thụ lý giải quyết vì các lý do sau (Điều 11, Điều 27 Luật "
            "Khiếu nại):",
            *(f"- {reason}" for reason in reasons),
            f"{facts.body} thông báo để {_sender(facts)} biết.",
        ],
        recipients=_to_sender(facts),
    )


def denunciation_conclusion(facts: CaseFacts, summary: str) -> Composition:
    """Kết luận nội dung tố cáo (NĐ 31/2019, mẫu kết luận nội dung tố cáo), signed by the
    head of the body managing the accused (Luật TC Đ13–Đ15). Sent to the accused and to
    others: it never names the denouncer; the denouncer is told the result by a separate
    notice (Luật TC Đ40)."""
    return Composition(
        form=DENUNCIATION_CONCLUSION,
        doc_type="KL",
        title="Nội dung tố cáo",
        bases=[LAW_DENUNCIATIONS, DECREE_31],
        paragraphs=[
            f"Ngày {facts.received_on:%d/%m/%Y}, {facts.body} nhận được đơn tố cáo (số vào sổ "
            f"{facts.reference})"
            + (f", thụ lý ngày {facts.accepted_on:%d/%m/%Y}" if facts.accepted_on else "")
            + ". Sau khi xác minh nội dung tố cáo, "
            f"{head_name(facts.body_kind, facts.body)} kết luận như sau:",
            f"1. Nội dung tố cáo: {_content(facts)}",
            f"2. Kết quả xác minh và kết luận: {summary}",
            "3. Biện pháp xử lý theo thẩm quyền và kiến nghị: các cơ quan, đơn vị có liên quan "
            "thực hiện theo kết luận này và báo cáo kết quả.",
            "Người tố cáo được thông báo kết quả giải quyết tố cáo; danh tính người tố cáo được "
            "giữ bí mật theo quy định.",
        ],
        recipients=["Người bị tố cáo", "Cơ quan quản lý người bị tố cáo", "Thanh tra tỉnh"],
        signer_lines=default_signer_lines(facts.body_kind, DENUNCIATION_CONCLUSION),
    )


def petition_answer(facts: CaseFacts, summary: str) -> Composition:
    """Công văn trả lời kiến nghị, phản ánh, addressed to the sender."""
    return Composition(
        form=PETITION_ANSWER,
        doc_type="CV",
        title=f"trả lời đơn {_kind_word(facts) or 'kiến nghị, phản ánh'} của {_sender(facts)}",
        paragraphs=[
            f"Kính gửi: {_sender(facts)}, địa chỉ: {ADDRESSEE_ADDRESS}.",
            f"{facts.body} nhận được đơn {_received(facts)} (số vào sổ {facts.reference}), "
            f"nội dung: {_content(facts)}",
            f"Sau khi xem xét, {facts.body} trả lời như sau: {summary}",
            f"{facts.body} trả lời để {_sender(facts)} được biết.",
        ],
        recipients=[*_to_sender(facts), "Cơ quan, đơn vị có liên quan"],
    )


# Who signs the minutes of a dialogue beside the one who chairs it (Luật KN Đ30 k3: "có chữ ký
# hoặc điểm chỉ của người tham gia").
DIALOGUE_SIGNERS = (
    ("NGƯỜI KHIẾU NẠI", "(Ký, ghi rõ họ tên hoặc điểm chỉ)"),
    ("NGƯỜI BỊ KHIẾU NẠI", "(Ký, ghi rõ họ tên)"),
    ("NGƯỜI CÓ QUYỀN, NGHĨA VỤ LIÊN QUAN", "(Ký, ghi rõ họ tên hoặc điểm chỉ)"),
    ("NGƯỜI GHI BIÊN BẢN", "(Ký, ghi rõ họ tên)"),
)


def dialogue_minutes(facts: CaseFacts, minutes: str) -> Composition:
    """Biên bản đối thoại (NĐ 124/2020, mẫu biên bản đối thoại; Luật KN Đ30, Đ38): who took
    part, what each side said and the result; read to and signed by the parties. The
    complainant is named: the minutes are given to them."""
    article = 38 if facts.instance == 2 else 30
    return Composition(
        form=DIALOGUE_MINUTES,
        doc_type="BB",
        title="Đối thoại giải quyết khiếu nại " + ("lần hai" if facts.instance == 2 else "lần đầu"),
        paragraphs=[
            f"Thực hiện Điều {article} Luật Khiếu nại, {facts.body} tổ chức đối thoại giải "
            f"quyết khiếu nại của {_sender(facts)}, địa chỉ: {ADDRESSEE_ADDRESS} (đơn số vào sổ "
            f"{facts.reference}, nhận {_received(facts)}).",
            "Thành phần: người giải quyết khiếu nại, người khiếu nại, người bị khiếu nại và cơ "
            "quan, tổ chức, cá nhân có liên quan.",
            f"Nội dung khiếu nại: {_content(facts)}",
            f"Ý kiến các bên và kết quả đối thoại: {minutes.strip()}",
            "Biên bản được đọc lại cho những người tham gia đối thoại nghe và cùng ký; người "
            "tham gia không ký, không điểm chỉ thì ghi rõ lý do: …",
        ],
        recipients=[f"{ADDRESSEE} (người khiếu nại)" if facts.sender_known else "Người khiếu nại"],
        signer_lines=SIGNED_IN_PERSON[DIALOGUE_MINUTES],
        cosigners=DIALOGUE_SIGNERS,
    )


def step_decision(
    facts: CaseFacts, form: str, title: str, text: str, grounds: Sequence[str] = ()
) -> Composition:
    """Quyết định gia hạn, tạm đình chỉ, đình chỉ (a denunciation withdrawn, Luật TC Đ34 k3),
    or the notice of ending after a withdrawal; *grounds* are the considerations stated before
    "QUYẾT ĐỊNH:" (the statutory ground of a suspension or termination)."""
    law = (
        [LAW_DENUNCIATIONS, DECREE_31]
        if facts.kind == "denunciation"
        else [
            LAW_COMPLAINTS,
            DECREE_124,
        ]
    )
    if form == WITHDRAWAL:
        return Composition(
            form=form,
            doc_type="TB",
            title=title,
            paragraphs=[
                f"Kính gửi: {_sender(facts)}.",
                f"Đơn số vào sổ {facts.reference}, nhận {_received(facts)}: {text}",
            ],
            recipients=_to_sender(facts),
        )
    return Composition(
        form=form,
        doc_type="QĐ",
        title=title,
        authority_line=head_title(facts.body_kind, facts.body),
        bases=law,
        paragraphs=list(grounds),
        articles=[
            f"{text.rstrip('. ')} (đơn số vào sổ {facts.reference}, nhận {_received(facts)}).",
            "Quyết định có hiệu lực kể từ ngày ký. Các cơ quan, đơn vị có liên quan chịu trách "
            "nhiệm thi hành quyết định này.",
        ],
        recipients=[
            *(
                ["Người tố cáo (thông báo riêng)"]
                if facts.kind == "denunciation"
                else _to_sender(facts)
            ),
            "Cơ quan, đơn vị có liên quan",
        ],
        signer_lines=default_signer_lines(facts.body_kind, form),
    )
