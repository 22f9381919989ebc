"""RULEBOOK W3: thresholds counted against the total number of deputies (KH-02, KH-09)."""

import pytest

from phoihop.council import rules
from phoihop.council.errors import CouncilInputError


@pytest.mark.parametrize(
    ("total", "request_", "passing", "dismiss"), [(85, 29, 43, 57), (90, 30, 46, 60)]
)
def test_w3_thresholds_for_an_85_and_a_90_deputy_council(total, request_, passing, dismiss):
    assert rules.threshold("thematic_request").minimum(total) == request_
    assert rules.threshold("pass").minimum(total) == passing
    assert rules.threshold("dismiss").minimum(total) == dismiss


@pytest.mark.parametrize("code", ["pass", "dismiss", "thematic_request", "written_consultation"])
@pytest.mark.parametrize("total", [1, 2, 3, 50, 85, 90, 91])
def test_minimum_is_the_first_count_that_meets_the_threshold(code, total):
    rule = rules.threshold(code)
    least = rule.minimum(total)
    assert rule.met(least, total)
    assert not rule.met(least - 1, total)


def test_pass_is_more_than_half_of_all_deputies_not_of_those_voting():
    rule = rules.threshold("pass")
    assert not rule.met(45, 90)  # exactly half fails
    assert rule.met(46, 90)
    assert "Đ35 k2" in rule.citation


def test_unknown_threshold_is_refused_in_vietnamese():
    with pytest.raises(CouncilInputError, match="Không có ngưỡng"):
        rules.threshold("two_thirds_of_present")
