#!/usr/bin/env python3
"""Validate blind14 articles.jsonl / gold.jsonl against the dev-gold format and GUIDELINES.md."""
import json, sys, datetime, os, re
here = os.path.dirname(os.path.abspath(__file__))
TYPES = {"assault", "seizure", "prisoner_release", "talks", "agreement", "air_strike", "shelling", "bombing",
         "attack_on_civilians", "surrender", "withdrawal", "arrest", "protest"}
PREC = {"day", "week", "month", "year"}
GEO = {"point", "admin1", "admin2", "country"}
EV_REQ = {"type", "date", "time_precision", "location", "actors", "evidence"}
EV_OPT = {"date_range", "fatalities", "optional"}
LOC_KEYS = {"name", "country", "admin1", "lat", "lon", "geo_precision"}
# publication dates of the articles whose `published` is null, as their text gives them
TEXT_DATES = {"b14-03-plaine-savo": "2022-02-03", "b14-08-mekelle-2021": "2021-07-02",
              "b14-11-lido-beach": "2024-08-03", "b14-12-abu-dhabi-sanaa": "2022-01-18"}
errs = []
def err(m): errs.append(m)

def parse_date(d, prec):
    fmt = {"day": "%Y-%m-%d", "week": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}[prec]
    return datetime.datetime.strptime(d, fmt).date()

arts = {}
for i, line in enumerate(open(os.path.join(here, "articles.jsonl")), 1):
    a = json.loads(line)
    if set(a) != {"id", "source", "published", "url", "text"}: err(f"article line {i}: keys {sorted(a)}")
    if a["published"] is not None: datetime.date.fromisoformat(a["published"])
    n = len(a["text"].split())
    if not 300 <= n <= 450: err(f"{a['id']}: {n} words")
    if a["id"] in arts: err(f"duplicate article id {a['id']}")
    if not a["id"].startswith("b14-"): err(f"bad id {a['id']}")
    arts[a["id"]] = a

gold_ids = []
for i, line in enumerate(open(os.path.join(here, "gold.jsonl")), 1):
    g = json.loads(line)
    gid = g.get("id"); gold_ids.append(gid)
    if set(g) != {"id", "aliases", "events"}: err(f"gold line {i}: keys {sorted(g)}")
    if gid not in arts: err(f"gold id {gid} has no article"); continue
    text = arts[gid]["text"]
    canon = set(g["aliases"])
    for k, v in g["aliases"].items():
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v): err(f"{gid}: aliases {k}")
    for j, e in enumerate(g["events"]):
        tag = f"{gid}#{j}({e.get('type')})"
        if not EV_REQ <= set(e) or not set(e) <= EV_REQ | EV_OPT: err(f"{tag}: keys {sorted(e)}")
        if e["type"] not in TYPES: err(f"{tag}: type")
        if e["time_precision"] not in PREC: err(f"{tag}: precision")
        try:
            d = parse_date(e["date"], e["time_precision"])
        except Exception as x:
            err(f"{tag}: date {e['date']} ({x})"); continue
        if "date_range" in e:
            r0, r1 = (datetime.date.fromisoformat(x) for x in e["date_range"])
            if r0 > r1: err(f"{tag}: range order")
            if e["time_precision"] in ("day", "week") and not r0 <= d <= r1: err(f"{tag}: date outside range")
            if e["time_precision"] == "month" and not (r0 <= d.replace(day=28) and d <= r1): err(f"{tag}: month outside range")
        elif e["time_precision"] == "week":
            err(f"{tag}: week precision without range")
        pub = arts[gid]["published"] or TEXT_DATES.get(gid)
        if pub and d > datetime.date.fromisoformat(pub): err(f"{tag}: event after publication")
        if pub and "date_range" in e and datetime.date.fromisoformat(e["date_range"][1]) > datetime.date.fromisoformat(pub):
            err(f"{tag}: date_range ends after publication")
        L = e["location"]
        if set(L) != LOC_KEYS: err(f"{tag}: location keys")
        if L["geo_precision"] not in GEO: err(f"{tag}: geo_precision")
        if not re.fullmatch(r"[A-Z]{2}", L["country"]): err(f"{tag}: country")
        if not (-90 <= L["lat"] <= 90 and -180 <= L["lon"] <= 180): err(f"{tag}: coords")
        if (L["admin1"] is None) != (L["geo_precision"] == "country"): err(f"{tag}: admin1/country mismatch")
        for side in ("agent", "target"):
            for name in e["actors"][side]:
                if name not in canon: err(f"{tag}: actor {name} not in aliases")
        if "fatalities" in e and not (isinstance(e["fatalities"], int) and e["fatalities"] >= 0): err(f"{tag}: fatalities")
        if "optional" in e and e["optional"] is not True: err(f"{tag}: optional")
        for frag in e["evidence"].split(" ... "):
            if frag not in text: err(f"{tag}: evidence not in text: {frag[:60]!r}")
if sorted(gold_ids) != sorted(arts) or len(gold_ids) != len(set(gold_ids)): err("ids differ between files")
print("\n".join(errs) if errs else f"OK: {len(arts)} articles, {sum(1 for _ in open(os.path.join(here,'gold.jsonl')))} gold lines")
sys.exit(1 if errs else 0)
