import numpy as np
from bench.train import train, load, petitions_of, DEFAULT_DATA, province_pairs, fit_labels
from phoihop.text.consolidate import Params
d1=load(DEFAULT_DATA/"petitions_dev.jsonl"); d2=load(DEFAULT_DATA/"petitions_dev2.jsonl")
for name,tr,te in (("dev->dev2",d1,d2),("dev2->dev",d2,d1)):
    models, params = train([tr])
    scored, y, veto, cluster = province_pairs(te, (models.field, models.level), Params())
    p = models.pair.probability(scored.features)
    from collections import Counter
    c=Counter(cluster); true_pairs=sum(v*(v-1)//2 for v in c.values())
    pos=(y==1)
    print(name, "candidates", len(y), "pos", pos.sum(), "of true distinct pairs", true_pairs, "vetoed pos", (pos&veto).sum())
    # AUC
    from scipy.stats import rankdata
    m=(y>=0)
    r=rankdata(p[m]); yy=y[m]
    auc=(r[yy==1].sum()-yy.sum()*(yy.sum()+1)/2)/(yy.sum()*(len(yy)-yy.sum()))
    print(" auc", round(auc,3), "median pos p", np.median(p[pos]).round(3), "pos>0.5", (p[pos]>0.5).mean().round(3), "neg>0.5", (p[(y==0)]>0.5).sum())
