#!/usr/bin/env python3
"""Validate blind22 articles.jsonl / gold.jsonl against the dev-gold format.
Evidence may join several verbatim fragments with " ... "; each fragment must be a substring of the article."""
import json, sys, datetime, os
D = os.path.dirname(os.path.abspath(__file__))
PREFIX = "b22-"
TYPES = {"assault","seizure","prisoner_release","talks","agreement","air_strike","shelling",
         "bombing","attack_on_civilians","surrender","withdrawal","arrest","protest"}
CORE = ["assault","seizure","prisoner_release","talks"]
PREC = {"day","week","month","year"}
GEO = {"point","admin1","admin2","country"}
EV_REQ = {"type","date","time_precision","location","actors","evidence"}
EV_OPT = {"date_range","fatalities","optional"}
LOC = {"name","country","admin1","lat","lon","geo_precision"}
errs, warns = [], []
def err(m): errs.append(m)
def warn(m): warns.append(m)
def pdate(s, prec):
    fmt = {"day":"%Y-%m-%d","week":"%Y-%m-%d","month":"%Y-%m","year":"%Y"}[prec]
    return datetime.datetime.strptime(s, fmt).date()
def load(name):
    out = []
    for i, l in enumerate(open(os.path.join(D, name), encoding="utf-8")):
        if not l.strip(): continue
        try: out.append(json.loads(l))
        except Exception as x: err(f"{name}:{i+1}: JSON {x}")
    return out
arts, gold = load("articles.jsonl"), load("gold.jsonl")
aid = [a.get("id") for a in arts]; gid = [g.get("id") for g in gold]
if aid != gid: err(f"id mismatch {aid} vs {gid}")
if len(set(aid)) != len(aid): err("duplicate ids")
text = {}
for a in arts:
    if set(a) != {"id","source","published","url","text"}: err(f"{a['id']}: article keys {sorted(a)}")
    if not a["id"].startswith(PREFIX): err(f"{a['id']}: bad prefix")
    if a["source"] != "Frontline Test Wire": err(f"{a['id']}: source")
    if a["url"] is not None: err(f"{a['id']}: url must be null")
    if a["published"] is not None:
        try: datetime.date.fromisoformat(a["published"])
        except Exception: err(f"{a['id']}: published {a['published']}")
    n = len(a["text"].split())
    if not 380 <= n <= 440: warn(f"{a['id']}: {n} words (outside 380-440)")
    text[a["id"]] = a["text"]
counts, per_art_core = {}, {}
for g in gold:
    if set(g) != {"id","aliases","events"}: err(f"{g['id']}: gold keys {sorted(g)}")
    al = g["aliases"]
    if not isinstance(al, dict) or not all(isinstance(v, list) for v in al.values()): err(f"{g['id']}: aliases")
    for i, e in enumerate(g["events"]):
        w = f"{g['id']}#{i}"
        k = set(e)
        if not EV_REQ <= k or not k <= EV_REQ | EV_OPT: err(f"{w}: keys {sorted(k)}"); continue
        if e["type"] not in TYPES: err(f"{w}: type {e['type']}")
        if e["time_precision"] not in PREC: err(f"{w}: precision {e['time_precision']}")
        try:
            d = pdate(e["date"], e["time_precision"])
        except Exception as x:
            err(f"{w}: date {e['date']} {x}"); continue
        if "date_range" in e:
            try:
                r0, r1 = (datetime.date.fromisoformat(x) for x in e["date_range"])
                if r0 > r1: err(f"{w}: range order")
                if e["time_precision"] in ("day","week") and not r0 <= d <= r1: err(f"{w}: date outside range")
                if e["time_precision"] == "month" and not (r0 <= d.replace(day=1) <= r1 or (r0.year, r0.month) == (d.year, d.month)):
                    err(f"{w}: month outside range")
            except Exception as x: err(f"{w}: date_range {x}")
        if e["time_precision"] == "week" and "date_range" not in e: err(f"{w}: week without date_range")
        L = e["location"]
        if set(L) != LOC: err(f"{w}: location keys {sorted(L)}"); continue
        if L["geo_precision"] not in GEO: err(f"{w}: geo_precision")
        if not (isinstance(L["lat"], (int,float)) and isinstance(L["lon"], (int,float))
                and -90 <= L["lat"] <= 90 and -180 <= L["lon"] <= 180): err(f"{w}: coords")
        if not (isinstance(L["country"], str) and len(L["country"]) == 2 and L["country"].isupper()): err(f"{w}: country")
        if (L["geo_precision"] == "country") != (L["admin1"] is None): err(f"{w}: admin1 must be null exactly at country precision")
        if set(e["actors"]) != {"agent","target"}: err(f"{w}: actors keys")
        for a in e["actors"]["agent"] + e["actors"]["target"]:
            if a not in al: err(f"{w}: actor {a!r} not in aliases")
        for frag in e["evidence"].split(" ... "):
            if frag not in text.get(g["id"], ""): err(f"{w}: evidence fragment not in text: {frag[:70]!r}")
        if "optional" in e and e["optional"] is not True: err(f"{w}: optional must be true")
        if "fatalities" in e and not (isinstance(e["fatalities"], int) and e["fatalities"] >= 0): err(f"{w}: fatalities")
        c = counts.setdefault(e["type"], [0, 0]); c[1 if e.get("optional") else 0] += 1
        per_art_core.setdefault(e["type"], set()).add(g["id"])
for m in warns: print("WARN", m)
for m in errs: print("ERROR", m)
n_ev = sum(len(g["events"]) for g in gold)
print("articles", len(arts), "events", n_ev)
for t, (r, o) in sorted(counts.items(), key=lambda x: -sum(x[1])):
    print(f"  {t:20s} required {r:3d} optional {o}")
for t in CORE:
    n = len(per_art_core.get(t, ()))
    print(f"  core {t:16s} in {n} articles" + ("" if n >= 4 else "  (fewer than 4!)"))
if not errs:
    print(f"OK: {len(arts)} articles, {n_ev} gold events")
sys.exit(1 if errs else 0)
