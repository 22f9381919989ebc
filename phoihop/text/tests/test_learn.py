import numpy as np
import pytest

from phoihop.text.classify import LEVELS, label_inputs
from phoihop.text.features import content_tokens
from phoihop.text.learn import PAIR_FEATURES, LabelModel, PairModel, default_models, hashed


def test_pair_model_learns_a_separable_rule_and_survives_json():
    # given: pairs whose first feature decides the label
    rng = np.random.default_rng(0)
    x = rng.random((200, len(PAIR_FEATURES)))
    y = (x[:, 0] > 0.5).astype(int)
    # when
    model = PairModel.fit(x, y, threshold=0.4)
    again = PairModel.from_json(model.to_json())
    # then
    p = again.probability(x)
    assert ((p > 0.5) == (y == 1)).mean() > 0.9
    assert again.threshold == 0.4
    assert len(again.probability(np.zeros((0, len(PAIR_FEATURES))))) == 0


def test_label_model_learns_fields_from_words_and_survives_json():
    texts = {
        "y tế": ["Trạm y tế thiếu thuốc", "Bệnh viện quá tải, thiếu bác sĩ"],
        "giáo dục": ["Trường thiếu phòng học", "Học sinh phải học 2 ca, thiếu giáo viên"],
    }
    inputs, gold = [], []
    for label, items in texts.items():
        for text in items:
            inputs.append(label_inputs(content_tokens(text)))
            gold.append(label)
    rows = [i.sparse for i in inputs]
    dense = np.array([i.dense for i in inputs])
    model = LabelModel.from_json(LabelModel.fit(tuple(texts), rows, dense, gold).to_json())
    probe = label_inputs(content_tokens("Trạm y tế thiếu bác sĩ"))
    p = model.probabilities([probe.sparse], probe.dense[None, :])
    assert model.labels[int(p.argmax())] == "y tế"


def test_hashed_terms_are_stable_and_sublinear():
    assert hashed(["u:duong", "u:duong"]) == hashed(["u:duong", "u:duong"])
    assert list(hashed(["u:duong", "u:duong"]).values()) == [1.0 + np.log(2)]


def test_shipped_models_cover_every_field_and_level():
    pair, field, level = default_models()
    assert len(pair.coef) == len(PAIR_FEATURES)
    assert 0 < pair.threshold < 1
    assert set(level.labels) == set(LEVELS)
    assert len(field.labels) == 15


def test_tied_scores_carry_evidence_to_a_class_whose_evidence_never_fired_in_training():
    # given: class "a" always has its own evidence (tied score 1), class "b" never has any,
    # and their words differ; so an untied weight could only learn "a's evidence → a"
    rows = [{1: 1.0}] * 10 + [{2: 1.0}] * 10
    dense = np.zeros((20, 1))
    tied = np.zeros((20, 2, 1))
    tied[:10, 0, 0] = 1.0
    gold = ["a"] * 10 + ["b"] * 10
    model = LabelModel.from_json(LabelModel.fit(("a", "b"), rows, dense, gold, tied=tied).to_json())
    # when: a text of unseen words with b's evidence
    probe = np.zeros((1, 2, 1))
    probe[0, 1, 0] = 1.0
    p = model.probabilities([{3: 1.0}], np.zeros((1, 1)), probe)
    # then: one coefficient, learned on a, weighs b's evidence for b
    assert model.tied[0] > 0
    assert model.labels[int(p.argmax())] == "b"
    assert p[0, 1] > 0.7


def test_a_model_without_tied_scores_still_loads_and_a_tied_model_needs_them():
    _pair, field, _level = default_models()
    data = field.to_json()
    del data["tied"]
    old = LabelModel.from_json(data)
    probe = label_inputs(content_tokens("Trạm y tế thiếu bác sĩ"))
    assert old.probabilities([probe.sparse], probe.dense[None, :]).shape == (1, 15)
    assert len(field.tied) == 1
    with pytest.raises(ValueError, match="tied scores"):
        field.probabilities([probe.sparse], probe.dense[None, :])


def test_label_inputs_lay_lexicon_evidence_out_per_class():
    inputs = label_inputs(content_tokens("Đề nghị UBND xã sửa trạm y tế"))
    assert inputs.field_tied.shape == (15, 1)
    assert inputs.level_tied.shape == (len(LEVELS), 3)
    assert int(inputs.field_tied[:, 0].argmax()) == 4  # y tế, in FIELDS order
    asked = inputs.level_tied[:, 2]
    assert LEVELS[int(asked.argmax())] == "xã"
