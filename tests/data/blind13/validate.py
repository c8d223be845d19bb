#!/usr/bin/env python3
"""Validate blind13 articles.jsonl / gold.jsonl against the dev-set format and GUIDELINES.md."""
import json, os, re, sys, datetime as dt
HERE = os.path.dirname(os.path.abspath(__file__))
DEV = "/work/shared/eval/dev/gold.jsonl"
TYPES = {"assault", "seizure", "prisoner_release", "talks", "agreement", "air_strike", "shelling", "bombing",
         "attack_on_civilians", "surrender", "withdrawal", "arrest", "protest"}
PRECS = {"day", "week", "month", "year"}
GEOP = {"point", "admin1", "admin2", "country"}
errs = []
def err(m): errs.append(m)

def load(p):
    out = []
    with open(p, encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            try: out.append(json.loads(line))
            except Exception as e: err(f"{p}:{i}: bad json: {e}")
    return out

def pdate(s):
    return dt.date.fromisoformat(s)

arts = load(os.path.join(HERE, "articles.jsonl"))
gold = load(os.path.join(HERE, "gold.jsonl"))

# keys the dev gold uses
dev = load(DEV) if os.path.exists(DEV) else []
dev_top = set().union(*[set(g) for g in dev]) if dev else {"id", "aliases", "events"}
dev_ev_req = {"type", "date", "time_precision", "location", "actors", "evidence"}
dev_ev_all = set()
for g in dev:
    for e in g["events"]: dev_ev_all |= set(e)
dev_ev_all = dev_ev_all or dev_ev_req | {"date_range", "fatalities", "optional"}
LOCK = {"name", "country", "admin1", "lat", "lon", "geo_precision"}

A = {}
for a in arts:
    if set(a) != {"id", "source", "published", "url", "text"}: err(f"article keys {a.get('id')}: {sorted(a)}")
    if not re.match(r"^b13-\d\d-[a-z0-9-]+$", a["id"]): err(f"bad id {a['id']}")
    if a["published"] is not None:
        try: pdate(a["published"])
        except Exception: err(f"{a['id']}: bad published {a['published']}")
    elif not re.search(r"(19|20)\d\d", a["text"]): err(f"{a['id']}: published null and no year in text")
    n = len(a["text"].split())
    if not 300 <= n <= 450: err(f"{a['id']}: {n} words")
    A[a["id"]] = a
gids = [g["id"] for g in gold]
if gids != [a["id"] for a in arts]: err("ids differ/ordered differently between files")
if len(set(gids)) != len(gids): err("duplicate gold ids")

def chk_date(gid, e):
    p = e["time_precision"]; d = e["date"]
    if p not in PRECS: err(f"{gid}: precision {p}"); return
    pat = {"day": r"^\d{4}-\d\d-\d\d$", "week": r"^\d{4}-\d\d-\d\d$", "month": r"^\d{4}-\d\d$", "year": r"^\d{4}$"}[p]
    if not re.match(pat, d): err(f"{gid}: date {d} not of form for {p}"); return
    full = d + ("-01" if p == "month" else "-01-01" if p == "year" else "")
    try: dd = pdate(full)
    except Exception: err(f"{gid}: invalid date {d}"); return
    if "date_range" in e:
        r = e["date_range"]
        try:
            lo, hi = pdate(r[0]), pdate(r[1])
        except Exception:
            err(f"{gid}: bad date_range {r}"); return
        if lo > hi: err(f"{gid}: range reversed {r}")
        if p == "day" and not lo <= dd <= hi: err(f"{gid}: date {d} outside range {r}")
        if p == "month" and not (lo <= dd or lo.strftime('%Y-%m') == d): err(f"{gid}: month {d} vs range {r}")
    return dd

types = {}
for g in gold:
    gid = g["id"]
    if set(g) != dev_top: err(f"{gid}: top keys {sorted(g)} != {sorted(dev_top)}")
    text = A.get(gid, {}).get("text", "")
    pub = A.get(gid, {}).get("published")
    names = set(g["aliases"])
    for k, v in g["aliases"].items():
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v): err(f"{gid}: alias list {k}")
    for i, e in enumerate(g["events"]):
        tag = f"{gid}#{i}"
        ks = set(e)
        if not dev_ev_req <= ks: err(f"{tag}: missing {dev_ev_req - ks}")
        if not ks <= dev_ev_all: err(f"{tag}: extra keys {ks - dev_ev_all}")
        if e["type"] not in TYPES: err(f"{tag}: type {e['type']}")
        dd = chk_date(tag, e)
        if dd and pub and dd > pdate(pub): err(f"{tag}: event after publication")
        loc = e["location"]
        if set(loc) != LOCK: err(f"{tag}: location keys {sorted(loc)}")
        if loc["geo_precision"] not in GEOP: err(f"{tag}: geo_precision")
        if not (-90 <= loc["lat"] <= 90 and -180 <= loc["lon"] <= 180): err(f"{tag}: coords")
        if not re.match(r"^[A-Z]{2}$", loc["country"]): err(f"{tag}: country")
        if loc["geo_precision"] != "country" and not loc["admin1"]: err(f"{tag}: admin1 missing")
        if set(e["actors"]) != {"agent", "target"}: err(f"{tag}: actors keys")
        for side in ("agent", "target"):
            for n in e["actors"][side]:
                if n not in names: err(f"{tag}: actor {n!r} not an aliases key")
        if e["type"] in ("talks", "agreement") and e["actors"]["target"]: err(f"{tag}: talks/agreement with target")
        if "fatalities" in e and not (isinstance(e["fatalities"], int) and e["fatalities"] >= 0): err(f"{tag}: fatalities")
        if "optional" in e and e["optional"] is not True: err(f"{tag}: optional must be true")
        for frag in e["evidence"].split(" ... "):
            if frag not in text: err(f"{tag}: evidence not verbatim: {frag[:70]!r}")
        t = types.setdefault(e["type"], [0, 0]); t[1 if e.get("optional") else 0] += 1

if errs:
    print("\n".join(errs)); print(f"{len(errs)} problem(s)"); sys.exit(1)
print(f"OK: {len(arts)} articles, {sum(len(g['events']) for g in gold)} events")
for k in sorted(types, key=lambda k: -sum(types[k])):
    print(f"  {k:20s} required {types[k][0]:3d}  optional {types[k][1]:3d}")
print(f"  total required {sum(v[0] for v in types.values())}, optional {sum(v[1] for v in types.values())}")
