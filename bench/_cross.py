import sys, time
from dataclasses import replace
from bench.train import train, load, petitions_of, DEFAULT_DATA
from bench.metrics import pairwise, accuracy
from phoihop.text.consolidate import consolidate, Params
d1=load(DEFAULT_DATA/"petitions_dev.jsonl"); d2=load(DEFAULT_DATA/"petitions_dev2.jsonl")
kw = eval("dict(%s)" % (sys.argv[1] if len(sys.argv)>1 else ""))
for name,tr,te in (("dev->dev2",d1,d2),("dev2->dev",d2,d1)):
    models, params = train([tr], Params(**kw))
    t=time.time()
    res=consolidate(petitions_of(te), params, models=models)
    rows=list(res.rows())
    s=pairwise([r["cluster"] for r in te],[r["group"] for r in rows],[r.get("also",[]) for r in te])
    f=accuracy([r["field"] for r in te],[r["field"] for r in rows]); l=accuracy([r["level"] for r in te],[r["level"] for r in rows])
    print(f"{name} P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f} field {f:.3f} level {l:.3f} thr {params.threshold} cov {params.coverage_power} {time.time()-t:.1f}s", flush=True)
