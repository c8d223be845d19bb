#!/usr/bin/env python3
"""Check articles.jsonl / gold.jsonl of this set: JSON parses, fields as in dev gold, ids match,
dates valid, evidence found in the text, actors listed in aliases."""
import json, sys, datetime, re, os
D = os.path.dirname(os.path.abspath(__file__))
TYPES = {"assault","seizure","prisoner_release","talks","agreement","air_strike","shelling","bombing",
         "attack_on_civilians","surrender","withdrawal","arrest","protest"}
PREC = {"day","week","month","year"}; GEO = {"point","admin1","admin2","country"}
err = []
def pd(s):
    for f,n in (("%Y-%m-%d",10),("%Y-%m",7),("%Y",4)):
        if len(s)==n:
            return datetime.datetime.strptime(s,f).date()
    raise ValueError(s)
arts = [json.loads(l) for l in open(os.path.join(D,"articles.jsonl"))]
gold = [json.loads(l) for l in open(os.path.join(D,"gold.jsonl"))]
A = {a["id"]:a for a in arts}; G = {g["id"]:g for g in gold}
if len(A)!=len(arts) or len(G)!=len(gold): err.append("duplicate ids")
if set(A)!=set(G): err.append(f"id mismatch {set(A)^set(G)}")
for a in arts:
    if set(a)!={"id","source","published","url","text"}: err.append(f"{a['id']}: article keys {set(a)}")
    if a["published"] is not None: pd(a["published"])
    n=len(a["text"].split())
    if not 300<=n<=450: err.append(f"{a['id']}: {n} words")
for g in gold:
    i=g["id"]; text=A.get(i,{}).get("text","")
    if set(g)!={"id","aliases","events"}: err.append(f"{i}: gold keys")
    for k,e in enumerate(g["events"]):
        w=f"{i}#{k}"
        req={"type","date","time_precision","location","actors","evidence"}
        if not req<=set(e) or set(e)-req-{"date_range","fatalities","optional"}: err.append(f"{w}: keys {set(e)}")
        if e["type"] not in TYPES: err.append(f"{w}: type {e['type']}")
        if e["time_precision"] not in PREC: err.append(f"{w}: precision")
        try:
            d=pd(e["date"])
            if e["time_precision"] in ("day","week") and len(e["date"])!=10: err.append(f"{w}: day/week needs full date")
            if e["time_precision"]=="month" and len(e["date"])!=7: err.append(f"{w}: month needs YYYY-MM")
            if "date_range" in e:
                r0,r1=map(pd,e["date_range"])
                if not r0<=r1: err.append(f"{w}: range order")
                if len(e["date"])==10 and not r0<=d<=r1: err.append(f"{w}: date outside range")
                if len(e["date"])==7 and not (r0.strftime('%Y-%m')<=e['date']<=r1.strftime('%Y-%m')): err.append(f"{w}: month outside range")
        except ValueError as x: err.append(f"{w}: bad date {x}")
        L=e["location"]
        if set(L)!={"name","country","admin1","lat","lon","geo_precision"}: err.append(f"{w}: location keys")
        if L["geo_precision"] not in GEO: err.append(f"{w}: geo_precision")
        if not (-90<=L["lat"]<=90 and -180<=L["lon"]<=180): err.append(f"{w}: coords")
        if not re.fullmatch(r"[A-Z]{2}",L["country"]): err.append(f"{w}: country")
        if L["geo_precision"]!="country" and not L["admin1"]: err.append(f"{w}: admin1 missing")
        if set(e["actors"])!={"agent","target"}: err.append(f"{w}: actors keys")
        for nm in e["actors"]["agent"]+e["actors"]["target"]:
            if nm not in g["aliases"]: err.append(f"{w}: actor {nm} not in aliases")
        if "fatalities" in e and not (isinstance(e["fatalities"],int) and e["fatalities"]>=0): err.append(f"{w}: fatalities")
        for part in e["evidence"].split(" ... "):
            if part not in text: err.append(f"{w}: evidence not in text: {part[:60]}")
print("\n".join(err) if err else f"OK: {len(arts)} articles, {sum(len(g['events']) for g in gold)} gold events")
sys.exit(1 if err else 0)
