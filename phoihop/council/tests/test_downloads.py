"""A council document downloads under its Vietnamese name (RFC 6266 ``filename*``)."""

from django.urls import reverse

from phoihop.council.tests import factories as f
from phoihop.documents.services import document_file_name
from phoihop.testing import download_name, signed_in_client


def test_the_convening_decision_downloads_under_its_vietnamese_name(tree, leader):
    session = f.convened(tree, actor=leader)
    document = session.convene_document
    url = reverse(
        "council:session_document", kwargs={"public_id": session.public_id, "which": "trieu-tap"}
    )
    response = signed_in_client(leader).get(url)
    assert response.status_code == 200 and response.content.startswith(b"PK")
    name = download_name(response)
    assert name == document_file_name(document)
    assert name.startswith("Quyết định ") and document.symbol.replace("/", "-") in name
    assert name != name.encode("ascii", "ignore").decode()  # Vietnamese letters kept
