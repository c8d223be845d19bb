#!/usr/bin/env python3
"""Validate blind11 articles.jsonl / gold.jsonl against the dev-set format and GUIDELINES.md.

Checks: every line parses; article and gold fields match the dev files; ids match one to one;
types, precisions and geo_precisions are from the guidelines; dates are valid for their precision
and lie inside date_range; date_range is ordered; lat/lon in range; country ISO2; every actor is an
alias key; every '...'-separated evidence fragment occurs verbatim in the article text; article length.
Usage: python3 validate.py [dir]   (exit status 1 on any error)
"""
import json, re, sys, datetime, os
from collections import Counter

D = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
TYPES = {"assault", "seizure", "prisoner_release", "talks", "agreement", "air_strike", "shelling", "bombing",
         "attack_on_civilians", "surrender", "withdrawal", "arrest", "protest"}
PREC = {"day", "week", "month", "year"}
GEOP = {"point", "admin1", "admin2", "country"}
errs = []

def err(*a): errs.append(" ".join(str(x) for x in a))

def load(name):
    out = []
    with open(os.path.join(D, name), encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            if not line.strip():
                err(name, i, "blank line"); continue
            try: out.append(json.loads(line))
            except Exception as e: err(name, i, "bad json", e)
    return out

def parse_date(s, prec):
    fmt = {"day": "%Y-%m-%d", "week": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}[prec]
    return datetime.datetime.strptime(s, fmt).date()

def period(s, prec):
    d = parse_date(s, prec)
    if prec in ("day", "week"): return d, d
    if prec == "month":
        nxt = (d.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        return d, nxt - datetime.timedelta(days=1)
    return d, d.replace(month=12, day=31)

arts, gold = load("articles.jsonl"), load("gold.jsonl")
A = {a.get("id"): a for a in arts}
for a in arts:
    if set(a) != {"id", "source", "published", "url", "text"}: err(a.get("id"), "article keys", sorted(a))
    if a.get("published") is not None:
        try: datetime.date.fromisoformat(a["published"])
        except Exception: err(a["id"], "bad published", a["published"])
    n = len(a.get("text", "").split())
    if not 300 <= n <= 450: err(a["id"], "word count", n)
if len(A) != len(arts): err("duplicate article ids")
gids = [g.get("id") for g in gold]
if gids != [a.get("id") for a in arts]: err("ids differ or out of order", gids)

cnt = Counter()
for g in gold:
    gid = g.get("id")
    if set(g) != {"id", "aliases", "events"}: err(gid, "gold keys", sorted(g))
    text = A.get(gid, {}).get("text", "")
    al = g.get("aliases", {})
    if not isinstance(al, dict) or not all(isinstance(v, list) for v in al.values()): err(gid, "aliases not a dict of lists")
    for i, e in enumerate(g.get("events", [])):
        tag = f"{gid}#{i}({e.get('type')})"
        req = {"type", "date", "time_precision", "location", "actors", "evidence"}
        extra = set(e) - req - {"date_range", "fatalities", "optional"}
        if req - set(e) or extra: err(tag, "event keys", sorted(e))
        if e.get("type") not in TYPES: err(tag, "bad type")
        prec = e.get("time_precision")
        if prec not in PREC: err(tag, "bad precision", prec); continue
        try: lo, hi = period(e["date"], prec)
        except Exception: err(tag, "date does not fit precision", e.get("date"), prec); continue
        if "date_range" in e:
            try:
                r0, r1 = (datetime.date.fromisoformat(x) for x in e["date_range"])
                if r0 > r1: err(tag, "date_range reversed")
                if hi < r0 or lo > r1: err(tag, "date outside date_range", e["date"], e["date_range"])
            except Exception as ex: err(tag, "bad date_range", e.get("date_range"), ex)
        pub = A.get(gid, {}).get("published")
        if pub and lo > datetime.date.fromisoformat(pub): err(tag, "event after publication")
        loc = e.get("location", {})
        if set(loc) != {"name", "country", "admin1", "lat", "lon", "geo_precision"}: err(tag, "location keys", sorted(loc))
        if not re.fullmatch(r"[A-Z]{2}", str(loc.get("country"))): err(tag, "country", loc.get("country"))
        if loc.get("geo_precision") not in GEOP: err(tag, "geo_precision", loc.get("geo_precision"))
        if loc.get("geo_precision") != "country" and not loc.get("admin1"): err(tag, "admin1 missing")
        if not (-90 <= loc.get("lat", 999) <= 90 and -180 <= loc.get("lon", 999) <= 180): err(tag, "lat/lon")
        act = e.get("actors", {})
        if set(act) != {"agent", "target"}: err(tag, "actors keys")
        if not act.get("agent"): err(tag, "empty agent")
        for name in act.get("agent", []) + act.get("target", []):
            if name not in al: err(tag, "actor not an alias key:", name)
        if "fatalities" in e and not (isinstance(e["fatalities"], int) and e["fatalities"] >= 0): err(tag, "fatalities")
        if "optional" in e and e["optional"] is not True: err(tag, "optional must be true")
        for frag in e.get("evidence", "").split("..."):
            frag = frag.strip(" ,.")
            if frag and frag not in text: err(tag, "evidence not in text:", frag[:70])
        cnt[(e.get("type"), bool(e.get("optional")))] += 1

if errs:
    print("\n".join(errs)); print(f"{len(errs)} error(s)"); sys.exit(1)
req = sum(v for (t, o), v in cnt.items() if not o); opt = sum(v for (t, o), v in cnt.items() if o)
print(f"OK: {len(arts)} articles, {req} required + {opt} optional events")
for t in sorted(TYPES, key=lambda t: -(cnt[(t, False)] + cnt[(t, True)])):
    if cnt[(t, False)] + cnt[(t, True)]: print(f"  {t:20s} {cnt[(t, False)]:3d} req {cnt[(t, True)]:2d} opt")
