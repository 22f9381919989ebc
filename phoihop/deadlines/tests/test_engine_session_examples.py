"""RULEBOOK Part 2 worked examples (W1–W10) through the engine, and the provincial rules the
law leaves to each council's working rules (KH-04, KH-05). W3 (thresholds) is counted by the
council's threshold rules: ``phoihop/council/tests/test_thresholds.py``; W6 (NĐ 09 windows)
by ``engine.report_period``."""

from datetime import date

import pytest

from phoihop.deadlines import engine
from phoihop.deadlines.engine.data import load_rules

pytestmark = pytest.mark.usefixtures("engine_files")


def _province(**counts) -> engine.RuleSet:
    return load_rules().with_provincial(
        [
            engine.ProvincialRules(
                key="X",
                province="X",
                valid_from=date(2026, 1, 1),
                valid_to=None,
                source="Quy chế thử",
                confidence="L",
                counts=counts,
            )
        ]
    )


def test_w1_first_session_of_the_new_council():
    assert engine.compute_due("KH-03", date(2026, 3, 15)).due == date(2026, 4, 29)


@pytest.mark.parametrize(
    ("docs_days", "due"),
    [(10, date(2026, 11, 27)), (7, date(2026, 12, 1)), (5, date(2026, 12, 3))],
)
def test_w2_lead_times_backward_limit_moves_earlier(docs_days, due):
    rules = _province(**{"KH-04": 20, "KH-05": docs_days})
    opening = date(2026, 12, 8)

    convene = engine.compute_due(rules.for_province("KH-04", "X", opening), opening, rules=rules)
    docs = engine.compute_due(rules.for_province("KH-05", "X", opening), opening, rules=rules)

    assert convene.due == date(2026, 11, 18)
    assert docs.due == due
    if docs_days == 10:  # 28/11 is a Saturday: the limit moves to Friday, not Monday
        assert docs.raw_due == date(2026, 11, 28)


def test_w2_a_province_without_working_rules_has_no_default():
    rules = _province(**{"KH-04": 20})
    with pytest.raises(engine.ProvincialRuleMissingError) as refused:
        rules.for_province("KH-05", "X", date(2026, 12, 8))
    assert "chưa được nạp" in str(refused.value)
    with pytest.raises(engine.ProvincialRuleMissingError):
        rules.for_province("KH-04", "Y", date(2026, 12, 8))
    with pytest.raises(engine.VariantNotAvailableError):
        engine.compute_due("KH-05", date(2026, 12, 8), rules=rules)


def test_provincial_rules_apply_only_in_their_period():
    rules = load_rules().with_provincial(
        [
            engine.ProvincialRules(
                "A", "X", date(2026, 1, 1), date(2027, 2, 28), "QC 1", "L", {"KH-05": 5}
            ),
            engine.ProvincialRules("B", "X", date(2027, 3, 1), None, "QC 2", "L", {"KH-05": 7}),
        ]
    )
    assert rules.for_province("KH-05", "X", date(2027, 2, 28)) == "KH-05@A"
    assert rules.for_province("KH-05", "X", date(2027, 3, 1)) == "KH-05@B"
    assert "QC 2" in rules.get("KH-05@B").citation
    assert rules.for_province("KH-14", "X", date(2027, 3, 1)) == "KH-14"


def test_a_count_for_a_rule_that_is_not_provincial_is_refused():
    with pytest.raises(engine.UnknownRuleError):
        _province(**{"KH-14": 5})


def test_the_demo_province_working_rules_are_shipped():
    opening = date(2026, 12, 8)
    rule_id = engine.current_rules().for_province("KH-05", "HL", opening)
    assert engine.compute_due(rule_id, opening).due == date(2026, 11, 27)


def test_w4_approval_of_an_elected_vice_chair():
    assert engine.compute_due("KH-12", date(2026, 12, 10)).due == date(2026, 12, 17)
    assert engine.compute_due("KH-12b", date(2026, 12, 18)).due == date(2027, 1, 4)


@pytest.mark.parametrize(
    ("signed", "due"),
    [(date(2026, 12, 11), date(2026, 12, 14)), (date(2026, 12, 30), date(2027, 1, 4))],
)
def test_w5_posting_a_normative_resolution(signed, due):
    assert engine.compute_due("KH-14", signed).due == due


def test_w7_nine_month_report_two_working_days_after_cut_off():
    assert engine.compute_due("BCO-06", date(2027, 9, 14)).due == date(2027, 9, 16)


@pytest.mark.parametrize(
    ("rule", "start", "due"),
    [
        ("KNCT-01", date(2026, 10, 20), date(2026, 10, 5)),
        ("KNCT-01b", date(2026, 12, 10), date(2026, 12, 25)),
        ("KNCT-01", date(2027, 5, 20), date(2027, 5, 5)),
        ("KNCT-01b", date(2027, 6, 18), date(2027, 7, 5)),
    ],
)
def test_w8_petition_synthesis_around_na_sessions(rule, start, due):
    assert engine.compute_due(rule, start).due == due


@pytest.mark.parametrize(
    ("asked", "due"),
    [(date(2026, 12, 9), date(2026, 12, 29)), (date(2026, 12, 18), date(2027, 1, 7))],
)
def test_w9_written_answer_to_a_question(asked, due):
    assert engine.compute_due("KH-17", asked).due == due


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (date(2026, 12, 18), date(2026, 12, 21)),
        (date(2026, 12, 31), date(2027, 1, 4)),
        (date(2027, 2, 4), date(2027, 2, 12)),
    ],
)
def test_w10_registering_incoming_documents(received, due):
    assert engine.compute_due("BCO-09", received).due == due


@pytest.mark.parametrize(
    ("kind", "year", "index", "starts_on", "cut_off", "due"),
    [
        ("quarter", 2027, 1, date(2026, 12, 15), date(2027, 3, 14), date(2027, 3, 25)),
        ("half", 2027, 1, date(2026, 12, 15), date(2027, 6, 14), date(2027, 6, 25)),
        ("year", 2026, 1, date(2025, 12, 15), date(2026, 12, 14), date(2026, 12, 25)),
        ("year", 2027, 1, date(2026, 12, 15), date(2027, 12, 14), date(2027, 12, 27)),
        ("month", 2026, 3, date(2026, 2, 15), date(2026, 3, 14), date(2026, 3, 25)),
        ("half", 2026, 2, date(2026, 6, 15), date(2026, 12, 14), date(2026, 12, 25)),
        ("nine_months", 2027, 1, date(2026, 12, 15), date(2027, 9, 14), date(2027, 9, 27)),
    ],
)
def test_w6_decree_09_windows_and_due_dates(kind, year, index, starts_on, cut_off, due):
    period = engine.report_period(kind, year, index)
    assert (period.starts_on, period.cut_off, period.due) == (starts_on, cut_off, due)
    # BCO-08: at least one working day between the cut-off and the due date
    assert engine.working_days_between(period.cut_off, period.due) >= 1


def test_w6_a_due_day_on_a_saturday_conservative_reading():
    period = engine.report_period("year", 2027, roll=engine.Roll.BACKWARD)
    assert period.raw_due == date(2027, 12, 25) and period.due == date(2027, 12, 24)


def test_w6_unknown_period_is_refused():
    with pytest.raises(engine.DeadlineEngineError):
        engine.report_period("quarter", 2027, 5)
