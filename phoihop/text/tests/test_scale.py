"""The engine's mechanics at scale: workers, ranges and compact storage change no result."""

import numpy as np
import pytest

from phoihop.text import consolidate as engine
from phoihop.text.consolidate import (
    Models,
    Params,
    Petition,
    _spans_by_weight,
    analyse,
    consolidate,
    decode_features,
    encode_features,
)
from phoihop.text.features import extract_entities, petition_features
from phoihop.text.parallel import map_ranges, ranges
from phoihop.text.tests.test_engine_properties import labelled, petitions


def _square(shared: int, start: int, stop: int) -> list[int]:
    return [shared * k * k for k in range(start, stop)]


def test_map_ranges_gives_the_same_in_workers_as_in_one_process_and_keeps_the_order():
    spans = ranges(1000, 70)
    # when
    forked = [x for part in map_ranges(_square, 3, spans, 2) for x in part]
    alone = [x for part in map_ranges(_square, 3, spans, 1) for x in part]
    # then
    assert forked == alone == [3 * k * k for k in range(1000)]
    assert spans[0] == (0, 70) and spans[-1] == (980, 1000)


def test_spans_by_weight_cover_every_item_once_under_the_budget():
    weight = np.array([5, 1, 1, 9, 30, 2, 2, 2])
    spans = _spans_by_weight(weight, 10)
    assert spans == [(0, 3), (3, 4), (4, 5), (5, 8)]


def test_features_survive_their_compact_string():
    text = (
        "Trường THCS Tân Phước thiếu phòng học; đồng thời đề nghị sửa ĐT.816 qua thôn "
        "Khê Thượng, chợ Bà Rịa dột nát."
    )
    features = petition_features(text, None, extract_entities(text))
    # when
    again = decode_features(encode_features(features))
    # then
    assert again == features
    assert decode_features(encode_features(petition_features("xin"))) == petition_features("xin")


@pytest.fixture
def many_ranges(monkeypatch):
    """Every step split into many small ranges over two workers."""
    monkeypatch.setattr(engine, "PARALLEL_FROM", 0)
    monkeypatch.setattr(engine, "_RANGE", 37)
    monkeypatch.setattr(engine, "_PRODUCT_ENTRIES", 3000)
    monkeypatch.setattr(engine, "_PAIRS_PARALLEL_FROM", 0)
    monkeypatch.setattr(engine, "_PAIR_RANGE", 499)
    monkeypatch.setattr(engine, "cores", lambda: 2)


def test_analysis_in_ranges_and_workers_equals_one_pass(many_ranges):
    records = labelled("petitions_dev2.jsonl")
    keys = sorted({(r["text"], r.get("commune", "")) for r in records})
    # when
    split = analyse(keys, Models.default(), Params())
    whole = analyse(keys, Models.default(), Params(), processes=1)
    # then
    for name in ("word", "chars", "fuzzy", "accent", "names"):
        a, b = getattr(split, name), getattr(whole, name)
        assert a.shape == b.shape and (a != b).nnz == 0, name
    for name in ("word_df", "fuzzy_df", "accented", "problems", "loose_problems", "lengths"):
        assert np.array_equal(getattr(split, name), getattr(whole, name)), name
    # A matrix product's rounding depends on its number of rows: the last bits may differ.
    assert np.allclose(split.field_p, whole.field_p, rtol=1e-12, atol=1e-15)
    assert np.allclose(split.level_p, whole.level_p, rtol=1e-12, atol=1e-15)
    assert split.details == whole.details
    assert list(split.features) == list(whole.features)
    assert split.terms_df == whole.terms_df
    assert [split.label_names[c] for c in split.labels.ravel()] == [
        whole.label_names[c] for c in whole.labels.ravel()
    ]


def test_consolidate_in_ranges_and_workers_equals_one_process(many_ranges, monkeypatch):
    records = labelled("petitions_dev.jsonl")
    # when
    split = list(consolidate(petitions(records)).rows())
    monkeypatch.setattr(engine, "cores", lambda: 1)
    monkeypatch.setattr(engine, "_RANGE", 10**9)
    whole = list(consolidate(petitions(records)).rows())
    # then: the same groups, suggestions and evidence
    assert split == whole


def test_grouping_leaves_out_pairs_between_components_without_changing_the_groups():
    # given: two tight pairs joined only by weak pairs (under the threshold)
    rows, cols = np.array([0, 2, 1, 0]), np.array([1, 3, 2, 3])
    scores = np.array([0.9, 0.8, 0.3, 0.2], dtype=np.float32)
    details = [{} for _ in range(4)]
    # when
    labels = engine.average_linkage(4, rows, cols, scores, details, Params(threshold=0.4))
    linked = engine.average_linkage(
        4, rows, cols, scores, details, Params(threshold=0.4), must_link=[(1, 2)]
    )
    # then
    assert labels[0] == labels[1] != labels[2] == labels[3]
    assert len(set(linked)) == 1


def test_consolidate_gives_one_row_per_petition_in_input_order():
    result = consolidate([Petition(str(k), f"Sửa đường ĐT.{800 + k % 3}") for k in range(12)])
    assert [row["id"] for row in result.rows()] == [str(k) for k in range(12)]


def test_nearness_by_ranges_equals_one_sort_of_all_pairs(monkeypatch):
    # given: random candidate pairs with many tied similarities
    rng = np.random.default_rng(5)
    key = np.unique(rng.integers(0, 300, 4000) * 300 + rng.integers(0, 300, 4000))
    rows, cols = key // 300, key % 300
    rows, cols = rows[rows < cols], cols[rows < cols]
    similarity = rng.integers(0, 5, len(rows)) / 4
    ends, others = np.concatenate([rows, cols]), np.concatenate([cols, rows])
    order = np.lexsort((others, -np.concatenate([similarity, similarity]), ends))
    sorted_ends = ends[order]
    rank = np.empty(len(order))
    rank[order] = np.arange(len(order)) - np.searchsorted(sorted_ends, sorted_ends)
    expected = 1.0 / (1.0 + np.minimum(rank[: len(rows)], rank[len(rows) :]))
    # when: ranked a few texts at a time
    monkeypatch.setattr(engine, "_NEARNESS_PAIRS", 50)
    # then
    assert np.array_equal(engine._nearness(rows, cols, similarity), expected)
