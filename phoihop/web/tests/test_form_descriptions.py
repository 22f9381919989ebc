"""Every form field with help text or an error is linked to it: the control (or the fieldset of a
group of choices) names the help and error elements in ``aria-describedby``, every id it names
exists, and a field with an error is marked ``aria-invalid``. Checked on every form class of the
project, bound to empty data so that required fields show their errors, and on every page of the
URL matrix (``<module>/tests/url_access.py``), as shown and after an empty POST."""

import importlib
import inspect

import pytest
from django import forms
from django.apps import apps
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from lxml import html as lxml_html

from phoihop.testing import grant, make_user, signed_in_client
from phoihop.web.tests.test_url_coverage import _declarations, _role_with

CONTROLS = "//input[not(@type='hidden')] | //select | //textarea"
HELP = "contains(@class,'helptext')"
ERROR = "contains(@class,'errorlist') or contains(@class,'field-error')"


def problems(page: str) -> list[str]:
    """What is wrong with the field descriptions of an HTML page or fragment."""
    tree = lxml_html.fromstring(f"<div>{page}</div>")
    ids = set(tree.xpath("//@id"))
    found = []
    for element in tree.xpath("//*[@aria-describedby]"):
        for ref in element.get("aria-describedby").split():
            if ref not in ids:
                what = element.get("name") or element.tag
                found.append(f"{what}: aria-describedby {ref} missing")
    for control in tree.xpath(CONTROLS):
        name = control.get("name") or control.get("id") or control.tag
        row = next((a for a in control.iterancestors() if "form-row" in a.classes), None)
        if row is None:
            continue
        described = set((control.get("aria-describedby") or "").split())
        fieldset = next((a for a in control.iterancestors() if a.tag == "fieldset"), None)
        if fieldset is not None and row in fieldset.iterancestors():
            described |= set((fieldset.get("aria-describedby") or "").split())
        for note in row.xpath(f".//*[{HELP} or {ERROR}]"):
            if not note.get("id"):
                found.append(f"{name}: help or error text without an id")
            elif note.get("id") not in described:
                found.append(f"{name}: not described by #{note.get('id')}")
        has_error = row.xpath(f".//*[{ERROR}]")
        if has_error and control.get("aria-invalid") != "true":
            found.append(f"{name}: has an error but no aria-invalid")
    return found


def test_the_check_finds_an_unlinked_help_text_and_error():
    assert (
        problems(
            '<div class="form-row"><input name="a" aria-describedby="a_helptext">'
            '<p class="helptext" id="a_helptext">x</p></div>'
        )
        == []
    )
    assert problems('<div class="form-row"><input name="a"><p class="helptext">x</p></div>')
    assert problems(
        '<div class="form-row"><input name="a" aria-describedby="a_helptext">'
        '<p class="helptext" id="a_help">x</p></div>'
    )
    assert problems(
        '<div class="form-row"><input name="a" aria-describedby="a_error">'
        '<p class="field-error" id="a_error">x</p></div>'
    ) == ["a: has an error but no aria-invalid"]


def _form_classes():
    for config in apps.get_app_configs():
        if not config.name.startswith("phoihop."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.forms")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.forms":
                raise
            continue
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__:
                yield cls


def _bound(cls):
    """*cls* bound to empty data, if it can be built without the objects a view passes."""
    for kwargs in ({}, {"letter": None}, {"organizations": None}, {"bodies": None}):
        try:
            form = cls(data={}, **kwargs)
            form.is_valid()
            return form
        except Exception:  # noqa: S112 — a form that needs a view's objects is checked on its page
            continue
    return None


@pytest.mark.django_db
def test_every_form_links_its_help_text_and_errors():
    rendered, described = 0, 0
    failures = {}
    for cls in _form_classes():
        form = _bound(cls)
        if form is None:
            continue
        try:
            page = render_to_string("web/_form.html", {"form": form})
        except Exception:  # noqa: S112 — choices that need a view's queryset
            continue
        rendered += 1
        described += page.count("aria-describedby")
        if found := problems(page):
            failures[f"{cls.__module__}.{cls.__name__}"] = found
    assert not failures, failures
    # The check really saw forms with errors and help text.
    assert rendered > 30 and described > 50, (rendered, described)


def _page_checks():
    _, _, protected = _declarations()
    for name, declared in sorted(protected.items()):
        for check in declared if isinstance(declared, list | tuple) else [declared]:
            if not check.api:
                label = f"{name}[{check.label}]" if check.label else name
                yield pytest.param(name, check, id=label)


@pytest.mark.parametrize(("name", "check"), list(_page_checks()))
def test_pages_link_help_text_and_errors(name, check, tree):
    user = make_user("duoc.phep")
    grant(user, check.role or _role_with(check.permission), tree.own)
    kwargs = check.kwargs(tree, user) if check.kwargs else {}
    url = reverse(name, kwargs=kwargs)
    client = signed_in_client(user)
    responses = [client.get(url)] if check.method == "get" else [client.post(url, {})]
    for response in responses:
        if response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
            assert not problems(response.content.decode()), problems(response.content.decode())


def _public_urls():
    """The public pages that take no arguments (those that do are reached from them)."""
    for name in sorted(_declarations()[0]):
        try:
            yield pytest.param(reverse(name), id=name)
        except NoReverseMatch:
            continue


@pytest.mark.parametrize("url", list(_public_urls()))
def test_public_pages_link_help_text_and_errors(url, client, tree):
    for response in (client.get(url), client.post(url, {})):
        if response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
            assert not problems(response.content.decode()), problems(response.content.decode())
