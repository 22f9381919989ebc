"""``phoihop elections tabulate FILE.json``: the shapes the command line promises."""

import json

import pytest
from django.core.management import call_command

CANDIDATES = [
    {"name": "Nguyễn Văn An", "born": "1970-05-01"},
    {"name": "Trần Thị Bình", "born": "1980-01-01"},
    {"name": "Lê Văn Cường", "born": "1975-03-03"},
]


def write(tmp_path, data):
    path = tmp_path / "constituency.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def run(capsys, path):
    code = 0
    try:
        call_command("elections", "tabulate", path)
    except SystemExit as exit_:
        code = exit_.code
    out, err = capsys.readouterr()
    return code, out, err


def test_prints_the_result(tmp_path, capsys):
    path = write(
        tmp_path,
        {
            "assembly": "commune_council",
            "round": "first",
            "seats": 2,
            "candidates": CANDIDATES,
            "polling_areas": [
                {
                    "voters_on_list": 1000,
                    "voted": 900,
                    "ballots_issued": 900,
                    "ballots_collected": 900,
                    "valid": 880,
                    "invalid": 20,
                    "votes": {"Nguyễn Văn An": 700, "Trần Thị Bình": 500, "Lê Văn Cường": 500},
                }
            ],
        },
    )
    code, out, _ = run(capsys, path)
    assert code == 0
    result = json.loads(out)
    assert result["outcome"] == "valid"
    assert result["elected"] == ["Nguyễn Văn An", "Lê Văn Cường"]  # tie at the last seat: the older
    assert result["unfilled_seats"] == 0
    assert result["additional_election"] is False
    assert result["turnout"] == pytest.approx(0.9)
    assert result["votes"] == {"Nguyễn Văn An": 700, "Trần Thị Bình": 500, "Lê Văn Cường": 500}


def test_revote_when_half_voted(tmp_path, capsys):
    area = {
        "voters_on_list": 1000,
        "voted": 500,
        "ballots_issued": 500,
        "ballots_collected": 500,
        "valid": 500,
        "invalid": 0,
        "votes": {"Nguyễn Văn An": 500},
    }
    path = write(
        tmp_path,
        {
            "assembly": "na",
            "round": "first",
            "seats": 1,
            "candidates": CANDIDATES[:1],
            "polling_areas": [area],
        },
    )
    code, out, _ = run(capsys, path)
    assert code == 0
    assert json.loads(out)["outcome"] == "revote"


def test_inconsistent_protocols_exit_non_zero_listing_every_error(tmp_path, capsys):
    bad = {
        "voters_on_list": 100,
        "voted": 120,
        "ballots_issued": 100,
        "ballots_collected": 100,
        "valid": 90,
        "invalid": 5,
        "votes": {"Nguyễn Văn An": 95, "Người lạ": 3},
    }
    path = write(
        tmp_path,
        {
            "assembly": "na",
            "round": "first",
            "seats": 1,
            "candidates": CANDIDATES[:1],
            "polling_areas": [bad],
        },
    )
    code, out, err = run(capsys, path)
    assert code != 0
    assert out == ""
    for phrase in (
        "lớn hơn tổng số cử tri trong danh sách",
        "khác số phiếu thu vào",
        "lớn hơn số phiếu hợp lệ (90)",
        "nhân số đại biểu",
        "không có trong danh sách ứng cử",
    ):
        assert phrase in err


def test_bad_shape_exits_non_zero(tmp_path, capsys):
    code, out, err = run(capsys, write(tmp_path, {"assembly": "senate", "seats": 1}))
    assert code != 0 and out == ""
    assert "assembly" in err and "candidates" in err
