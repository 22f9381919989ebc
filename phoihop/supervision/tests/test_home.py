"""The supervision dashboard draws every comparison of counts as the shared bar chart, the
numbers staying in a table beside it (decision 0258)."""

from datetime import date
from types import SimpleNamespace

from phoihop.supervision.tests import factories as f
from phoihop.testing import chart_values, download_name, signed_in_client


def test_the_dashboard_draws_status_body_topic_and_age_as_charts(tree, leader, monkeypatch):
    f.make_concluded_plan(tree, actor=leader)
    monkeypatch.setattr(
        "phoihop.supervision.views.timezone", SimpleNamespace(localdate=lambda: date(2026, 10, 1))
    )
    page = signed_in_client(leader).get("/giam-sat/").content.decode()
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg" role="img"') == 4
    assert "Mới ban hành: 3" in chart_values(page, "chart-status")
    assert chart_values(page, "chart-body") == f"{tree.other_unit.name}: 2; {tree.other.name}: 1"
    assert chart_values(page, "chart-topic") == "Xây dựng: 2; Đất đai: 1"
    assert chart_values(page, "chart-age") == (
        "0–3 tháng: 0; 3–6 tháng: 3; 6–12 tháng: 0; trên 12 tháng: 0"
    )
    # The numbers stay readable as a table, the overdue one marked; the body and topic charts
    # say they count the open ones (their bars differ from the table's totals).
    assert '<strong class="overdue">1</strong>' in page
    assert page.count("Biểu đồ: số kiến nghị còn mở") == 2


def test_an_empty_dashboard_draws_no_empty_body_or_topic_chart(tree, leader):
    page = signed_in_client(leader).get("/giam-sat/").content.decode()
    assert 'id="chart-status-d"' in page and 'id="chart-age-d"' in page
    assert "chart-body" not in page and "chart-topic" not in page
    assert page.count("Chưa có kiến nghị.") == 2


def test_the_recommendations_download_has_a_vietnamese_name(tree, leader):
    f.make_concluded_plan(tree, actor=leader)
    response = signed_in_client(leader).get("/giam-sat/kien-nghi/?format=xlsx")
    assert download_name(response) == "Kiến nghị sau giám sát.xlsx"
