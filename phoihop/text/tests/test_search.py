import pytest

from phoihop.text.models import SearchDocument
from phoihop.text.selectors import search
from phoihop.text.services import search_index_remove, search_index_upsert

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed():
    search_index_upsert(
        kind="petition",
        object_id=1,
        title="Sửa chữa đường tỉnh 816",
        body="Cử tri xã Hòa An đề nghị sửa chữa ĐT.816 đoạn qua ấp Gò Me.",
    )
    search_index_upsert(
        kind="petition",
        object_id=2,
        title="Nâng cấp ĐT.823",
        body="Đường tỉnh 823 qua xã Bàu Sen xuống cấp.",
    )
    search_index_upsert(
        kind="letter",
        object_id=7,
        title="Đơn khiếu nại bồi thường",
        body="Khiếu nại chậm chi trả tiền bồi thường GPMB khu công nghiệp Phú Lâm II.",
    )


@pytest.mark.parametrize("query", ["duong tinh 816", "DT816", "đường tỉnh 816", "ĐT.816"])
def test_search_finds_provincial_road_816_from_any_spelling(indexed, query):
    hits = search(query)
    assert [(hit.kind, hit.object_id) for hit in hits] == [("petition", "1")]
    assert hits[0].title == "Sửa chữa đường tỉnh 816"


def test_search_is_diacritic_insensitive_and_expands_abbreviations(indexed):
    assert [hit.object_id for hit in search("giai phong mat bang phu lam")] == ["7"]
    assert [hit.object_id for hit in search("GPMB")] == ["7"]


def test_search_filters_by_kind(indexed):
    assert {hit.kind for hit in search("duong tinh")} == {"petition"}
    assert search("boi thuong", kinds=["petition"]) == []
    assert [hit.object_id for hit in search("bồi thường", kinds=["letter"])] == ["7"]


def test_search_ranks_title_matches_first(indexed):
    search_index_upsert(kind="document", object_id=9, title="Báo cáo", body="nhắc tới 816 một lần")
    hits = search("816")
    assert hits[0].object_id == "1"


def test_search_matches_word_prefix(indexed):
    assert [hit.object_id for hit in search("khieu na")] == ["7"]


def test_search_prefix_fills_the_page_only_when_whole_words_do_not(indexed):
    search_index_upsert(kind="petition", object_id=3, title="Đường dt81", body="")
    # "dt81" is a whole word of document 3: with room for more, the prefix adds ĐT.816 too.
    assert {hit.object_id for hit in search("dt81")} == {"1", "3"}
    assert [hit.object_id for hit in search("dt81", limit=1)] == ["3"]


def test_search_newest_lists_every_match_newest_first_unranked(indexed):
    search_index_upsert(kind="document", object_id=9, title="Báo cáo", body="nhắc tới 816 một lần")
    hits = search("816", newest=True)
    assert [hit.object_id for hit in hits] == ["9", "1"]
    assert {hit.score for hit in hits} == {0.0}


def test_search_index_upsert_reindexes_changed_object(indexed):
    search_index_upsert(kind="petition", object_id=1, title="Chợ Bàu Sen dột nát", body="")
    assert search("duong tinh 816") == []
    assert [hit.object_id for hit in search("cho bau sen")] == ["1"]
    assert SearchDocument.objects.filter(kind="petition", object_id="1").count() == 1


def test_search_index_remove_drops_object(indexed):
    search_index_remove(kind="letter", object_id=7)
    assert search("khieu nai") == []


def test_search_empty_query_returns_nothing(indexed):
    assert search("  ,.; ") == []


def test_search_without_fallback_finds_nothing_when_no_document_has_every_term(indexed):
    from phoihop.text.selectors import search_results

    assert search_results("sửa chữa cầu treo").any_term  # the fallback: some of the terms
    assert search_results("sửa chữa cầu treo", fallback=False).hits == []
    (hit,) = search_results("sửa chữa 816", fallback=False).hits
    assert hit.object_id == "1"
