import numpy as np, sys
from bench.train import load, DEFAULT_DATA
from phoihop.text.classify import label_inputs, LEVELS, token_lexicon_scores
from phoihop.text.features import petition_features
from phoihop.text.learn import LabelModel
from phoihop.text.lexicons import FIELDS
d1=load(DEFAULT_DATA/"petitions_dev.jsonl"); d2=load(DEFAULT_DATA/"petitions_dev2.jsonl")
def inp(recs, full):
    out=[]
    for r in recs:
        f=petition_features(r["text"])
        out.append(label_inputs(f.tokens if full else f.main_tokens))
    return [a for a,_ in out], np.array([b for _,b in out])
for full in (False, True):
  for scale in (1,3,6):
    for l2 in (0.3,1,3):
        res=[]
        for tr,te in ((d1,d2),(d2,d1)):
            rs,ds=inp(tr,full); rt,dt=inp(te,full)
            fm=LabelModel.fit(FIELDS, rs, ds*scale, [r["field"] for r in tr], l2=l2)
            lm=LabelModel.fit(LEVELS, rs, ds*scale, [r["level"] for r in tr], l2=l2)
            pf=fm.probabilities(rt, dt*scale).argmax(1); pl=lm.probabilities(rt, dt*scale).argmax(1)
            res.append((np.mean([fm.labels[k]==r["field"] for k,r in zip(pf,te)]), np.mean([lm.labels[k]==r["level"] for k,r in zip(pl,te)])))
        print(full, scale, l2, np.round(res,3).tolist(), flush=True)
# lexicon only
for te in (d1,d2):
    acc=[]
    for r in te:
        f,l=token_lexicon_scores(petition_features(r["text"]).main_tokens)
        acc.append((max(f,key=f.get) if f else "khác")==r["field"])
    print("lexicon", np.mean(acc))
