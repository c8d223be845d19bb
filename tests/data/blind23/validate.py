#!/usr/bin/env python3
"""Validate blind23 articles.jsonl / gold.jsonl against the dev-gold format.
Evidence may join several verbatim fragments with " ... "; each fragment must be in the text."""
import json, sys, datetime, os
D = os.path.dirname(os.path.abspath(__file__))
DEV = "/work/shared/eval/dev/gold.jsonl"
if os.path.exists(DEV):
    _d = json.loads(open(DEV, encoding="utf-8").readline())
    DEV_TOP = set(_d); DEV_LOC = set(_d["events"][0]["location"])
else:
    DEV_TOP = {"id","aliases","events"}; DEV_LOC = {"name","country","admin1","lat","lon","geo_precision"}
TYPES = {"assault","seizure","prisoner_release","talks","agreement","air_strike","shelling",
         "bombing","attack_on_civilians","surrender","withdrawal","arrest","protest"}
PREC = {"day","week","month","year"}
GEO = {"point","admin1","admin2","country"}
EV_REQ = {"type","date","time_precision","location","actors","evidence"}
EV_OPT = {"date_range","fatalities","optional"}
LOC = {"name","country","admin1","lat","lon","geo_precision"}
errs = []
def err(m): errs.append(m)
def pdate(s, prec):
    fmt = {"day":"%Y-%m-%d","week":"%Y-%m-%d","month":"%Y-%m","year":"%Y"}[prec]
    return datetime.datetime.strptime(s, fmt).date()
arts = [json.loads(l) for l in open(os.path.join(D,"articles.jsonl"), encoding="utf-8")]
gold = [json.loads(l) for l in open(os.path.join(D,"gold.jsonl"), encoding="utf-8")]
aid = [a["id"] for a in arts]; gid = [g["id"] for g in gold]
if aid != gid: err(f"id mismatch {aid} vs {gid}")
if len(set(aid)) != len(aid): err("duplicate ids")
text = {}
for a in arts:
    if set(a) != {"id","source","published","url","text"}: err(f"{a['id']}: article keys {set(a)}")
    if not a["id"].startswith("b23-"): err(f"{a['id']}: bad prefix")
    if a["published"] is not None: datetime.date.fromisoformat(a["published"])
    n = len(a["text"].split())
    if not 380 <= n <= 440: print(f"WARN {a['id']}: {n} words (outside 380-440)")
    text[a["id"]] = a["text"]
counts = {}
for g in gold:
    if set(g) != DEV_TOP: err(f"{g['id']}: gold keys")
    al = g["aliases"]
    if not isinstance(al, dict) or not all(isinstance(v, list) for v in al.values()): err(f"{g['id']}: aliases")
    for i, e in enumerate(g["events"]):
        w = f"{g['id']}#{i}"
        k = set(e)
        if not EV_REQ <= k or not k <= EV_REQ | EV_OPT: err(f"{w}: keys {k}")
        if e["type"] not in TYPES: err(f"{w}: type {e['type']}")
        if e["time_precision"] not in PREC: err(f"{w}: precision")
        try:
            d = pdate(e["date"], e["time_precision"])
        except Exception as x: err(f"{w}: date {e['date']} {x}"); continue
        if "date_range" in e:
            r0, r1 = (datetime.date.fromisoformat(x) for x in e["date_range"])
            if r0 > r1: err(f"{w}: range order")
            if e["time_precision"] in ("day","week") and not r0 <= d <= r1: err(f"{w}: date outside range")
        L = e["location"]
        if set(L) != DEV_LOC: err(f"{w}: location keys")
        if L["geo_precision"] not in GEO: err(f"{w}: geo_precision")
        if not (-90 <= L["lat"] <= 90 and -180 <= L["lon"] <= 180): err(f"{w}: coords")
        if len(L["country"]) != 2: err(f"{w}: country")
        if set(e["actors"]) != {"agent","target"}: err(f"{w}: actors")
        for a in e["actors"]["agent"] + e["actors"]["target"]:
            if a not in al: err(f"{w}: actor {a} not in aliases")
        for frag in e["evidence"].split(" ... "):
            if frag not in text[g["id"]]: err(f"{w}: evidence fragment not in text: {frag[:60]}")
        if e["time_precision"] == "week" and "date_range" not in e: err(f"{w}: week without date_range")
        if "optional" in e and e["optional"] is not True: err(f"{w}: optional must be true")
        if (L["geo_precision"] == "country") != (L["admin1"] is None): err(f"{w}: admin1 null iff country")
        if "fatalities" in e and not isinstance(e["fatalities"], int): err(f"{w}: fatalities")
        c = counts.setdefault(e["type"], [0, 0]); c[1 if e.get("optional") else 0] += 1
for m in errs: print("ERROR", m)
print("articles", len(arts), "events", sum(len(g["events"]) for g in gold))
for t, (r, o) in sorted(counts.items(), key=lambda x: -sum(x[1])): print(f"  {t:20s} required {r:3d} optional {o}")
if not errs:
    print(f"OK: {len(arts)} articles, {sum(len(g['events']) for g in gold)} gold events")
sys.exit(1 if errs else 0)
