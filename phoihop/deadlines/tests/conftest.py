import pytest

from phoihop.deadlines.engine import providers
from phoihop.deadlines.engine.data import default_rules, file_calendar


@pytest.fixture(scope="module")
def engine_files():
    """Run the engine on the shipped data files alone: no database, no settings."""
    saved = providers._calendar_provider, providers._rules_provider
    providers.set_providers(calendar=file_calendar, rules=default_rules)
    yield
    providers.set_providers(calendar=saved[0], rules=saved[1])
