import io
import json

import pytest
from django.core.management import CommandError, call_command

LINES = [
    {
        "id": "1",
        "text": "Đề nghị sửa chữa ĐT.816 đoạn qua xã Hòa An, nhiều ổ gà.",
        "commune": "xã Hòa An",
    },
    {"id": "2", "text": "Duong tinh 816 doan qua xa Hoa An hu hong nang, nhieu o ga."},
    {"id": "3", "text": "Trạm y tế xã thiếu vắc xin tiêm chủng cho trẻ em."},
]


def run(path):
    out, err = io.StringIO(), io.StringIO()
    call_command("petitions", "consolidate", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_petitions_consolidate_writes_one_line_per_petition(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in LINES), encoding="utf-8")
    out, _ = run(path)
    rows = [json.loads(line) for line in out.splitlines()]
    assert [row["id"] for row in rows] == ["1", "2", "3"]
    assert all({"id", "group", "field", "level", "agency", "evidence"} <= set(row) for row in rows)
    assert rows[1]["evidence"]["joined_via"] == "1"
    assert rows[2]["evidence"]["joined_via"] is None
    assert rows[0]["group"] == rows[1]["group"] != rows[2]["group"]
    assert rows[2]["field"] == "y tế"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": "1", "text": "ok"}\n{oops', "Dòng 2"),
        ('{"id": "1"}', "text"),
        ("", "không có kiến nghị"),
    ],
)
def test_petitions_consolidate_rejects_bad_input(tmp_path, content, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    out = io.StringIO()
    with pytest.raises(CommandError, match=message):
        call_command("petitions", "consolidate", str(path), stdout=out)
    assert out.getvalue() == ""


def test_petitions_consolidate_reports_missing_file(tmp_path):
    with pytest.raises(CommandError, match="Không tìm thấy tệp"):
        call_command("petitions", "consolidate", str(tmp_path / "none.jsonl"))


def test_petitions_consolidate_explains_each_member_and_keeps_decisions(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in LINES), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "petitions",
        "consolidate",
        str(path),
        "--explain",
        "--cannot-link",
        "1,2",
        stdout=out,
        stderr=err,
    )
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert rows[0]["group"] != rows[1]["group"]
    plain = io.StringIO()
    call_command(
        "petitions", "consolidate", str(path), "--explain", stdout=io.StringIO(), stderr=plain
    )
    assert "2 ← 1" in plain.getvalue()


def test_petitions_consolidate_rejects_a_decision_on_unknown_ids(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in LINES), encoding="utf-8")
    with pytest.raises(CommandError, match="không phải hai mã"):
        call_command(
            "petitions", "consolidate", str(path), "--must-link", "1,9", stdout=io.StringIO()
        )
