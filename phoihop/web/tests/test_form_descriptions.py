"""Every form field with help text or an error is linked to it: the control (or the fieldset of a
group of choices) names the help and error elements in ``aria-describedby``, every id it names
exists, and a field with an error is marked ``aria-invalid``. Checked on every form class of the
project, bound to empty data so that required fields show their errors, and on every page of the
URL matrix (``<module>/tests/url_access.py``), as shown and after a POST that binds its forms
and fills nothing. A page that answers with the form's errors (200, 400, 409, 422) is checked;
only a redirect, 403, 404, 405 or a successful non-HTML answer (a file, a feed) is passed over,
and any other answer fails: nothing in the matrix goes unchecked unnoticed."""

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


def _needs_the_view(form) -> bool:
    """A choice field whose queryset the view sets: the form is checked on its page."""
    return any(getattr(field, "queryset", False) is None for field in form.fields.values())


@pytest.mark.django_db
def test_every_form_links_its_help_text_and_errors():
    classes = list(_form_classes())
    rendered, on_pages = 0, []
    failures = {}
    for cls in classes:
        name = f"{cls.__module__}.{cls.__name__}"
        form = _bound(cls)
        if form is None or _needs_the_view(form):
            on_pages.append(name)
            continue
        page = render_to_string("web/_form.html", {"form": form})
        rendered += 1
        found = problems(page)
        # The check saw what it is about: each error and help text of the form is on the page.
        for field in form.visible_fields():
            for note, shown in (("error", field.errors), ("helptext", field.help_text)):
                if shown and f'id="{field.auto_id}_{note}"' not in page:
                    found.append(f"{field.name}: {note} not drawn")
        if found:
            failures[name] = found
    assert not failures, failures
    # Every form class was checked here, or needs a view's objects (its page is checked below).
    assert rendered + len(on_pages) == len(classes) and rendered > len(on_pages), on_pages


# Answers with no page to check: redirects, refusals, a method the URL does not take.
NOT_A_PAGE = {301, 302, 303, 307, 308, 403, 404, 405}
# Pages drawn as shown or with the form's errors (some views answer 400/409/422 then).
PAGE = {200, 400, 409, 422}
# A POST that binds the form (``Form(request.POST or None)`` leaves an empty POST unbound, so
# the page would show no error) and fills in nothing.
PROBE = {"_": ""}


def _check(response) -> bool:
    """Check the page *response* brings; False when it brings none for a legitimate reason
    (``NOT_A_PAGE``, or a file, feed or JSON answered with success). Any other answer fails:
    the page could not be checked."""
    status, kind = response.status_code, response.get("Content-Type", "")
    if status in NOT_A_PAGE or ("text/html" not in kind and 200 <= status < 300):
        return False
    assert status in PAGE and "text/html" in kind, f"not checked: {status} {kind}"
    page = response.content.decode()
    assert not problems(page), problems(page)
    return True


def test_only_pages_and_legitimate_answers_pass_the_check():
    from django.http import HttpResponse, JsonResponse

    page = '<div class="form-row"><input name="a"><p class="helptext">x</p></div>'
    assert _check(HttpResponse("<p>ok</p>", status=422))
    with pytest.raises(AssertionError, match="helptext"):
        _check(HttpResponse(page, status=400))  # a form re-drawn with errors is checked
    assert not _check(HttpResponse(status=302)) and not _check(JsonResponse({}))
    for status in (429, 500):
        with pytest.raises(AssertionError, match="not checked"):
            _check(HttpResponse("<p>x</p>", status=status))
    with pytest.raises(AssertionError, match="not checked"):
        _check(JsonResponse({}, status=400))


def _page_checks():
    _, _, protected = _declarations()
    for name, declared in sorted(protected.items()):
        for check in declared if isinstance(declared, list | tuple) else [declared]:
            if not check.api:
                label = f"{name}[{check.label}]" if check.label else name
                yield pytest.param(name, check, id=label)


def test_the_matrix_gives_pages_to_check():
    """An empty parametrisation would pass with nothing checked."""
    protected = _declarations()[2]
    pages = {param.values[0] for param in _page_checks()}
    assert pages and len(pages) > len(protected) / 2, (len(pages), len(protected))
    assert list(_public_urls())


@pytest.mark.parametrize(("name", "check"), list(_page_checks()))
def test_pages_link_help_text_and_errors(name, check, tree):
    user = make_user("duoc.phep")
    grant(user, check.role or _role_with(check.permission), tree.own)
    kwargs = check.kwargs(tree, user) if check.kwargs else {}
    url = reverse(name, kwargs=kwargs)
    client = signed_in_client(user)
    if check.method == "get":
        # As the URL matrix reaches it (with its query, if any): it must answer as declared.
        response = client.get(url, check.body(tree, user, kwargs))
        assert response.status_code in check.ok_status, (response.status_code, check.ok_status)
        _check(response)
    # With the form's errors: a page that takes a POST draws it again (or redirects).
    _check(client.post(url, PROBE))


def _public_urls():
    """The public pages that take no arguments (those that do are reached from them)."""
    for name in sorted(_declarations()[0]):
        try:
            yield pytest.param(reverse(name), id=name)
        except NoReverseMatch:
            continue


@pytest.mark.parametrize("url", list(_public_urls()))
def test_public_pages_link_help_text_and_errors(url, client, tree):
    _check(client.get(url))
    _check(client.post(url, PROBE))
