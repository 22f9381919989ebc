import numpy as np

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
    rows = [row for row, _ in inputs]
    dense = np.array([d for _, d in inputs])
    model = LabelModel.from_json(LabelModel.fit(tuple(texts), rows, dense, gold).to_json())
    row, vector = label_inputs(content_tokens("Trạm y tế thiếu bác sĩ"))
    p = model.probabilities([row], vector[None, :])
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
