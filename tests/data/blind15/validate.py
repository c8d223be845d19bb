#!/usr/bin/env python3
"""Check blind15 articles.jsonl / gold.jsonl: JSON parses, dev-gold fields present, ids match,
dates valid for their precision and not after publication, ranges hold the date, locations sane,
actors declared in `aliases`, evidence (split on " ... ") verbatim in the text, 300-450 words."""
import json, os, re, sys, datetime as dt

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = {"assault", "seizure", "prisoner_release", "talks", "agreement", "air_strike", "shelling",
         "bombing", "attack_on_civilians", "surrender", "withdrawal", "arrest", "protest"}
FMT = {"day": "%Y-%m-%d", "week": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}
GEO = {"point", "admin1", "admin2", "country"}
REQ = {"type", "date", "time_precision", "location", "actors", "evidence"}
OPT = {"date_range", "fatalities", "optional"}
LOCK = {"name", "country", "admin1", "lat", "lon", "geo_precision"}
# publication date of articles with published = null, as given in their text
TEXT_PUB = {"b15-03-khartoum-palace": "2025-03-21", "b15-06-rwabee": "2022-01-04",
            "b15-07-kukawa": "2020-08-20", "b15-09-tombouctou-boat": "2023-09-09"}
problems = []
bad = problems.append

def period(date, prec):
    """first and last day covered by a date at its precision"""
    d = dt.datetime.strptime(date, FMT[prec]).date()
    if prec == "month":
        nxt = (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return d, nxt - dt.timedelta(days=1)
    if prec == "year":
        return d, d.replace(month=12, day=31)
    return d, d

arts = {}
for n, line in enumerate(open(os.path.join(HERE, "articles.jsonl")), 1):
    a = json.loads(line)
    if set(a) != {"id", "source", "published", "url", "text"}:
        bad(f"articles line {n}: keys {sorted(a)}")
    if not re.fullmatch(r"b15-\d\d-[a-z0-9-]+", a["id"]):
        bad(f"bad id {a['id']}")
    if a["id"] in arts:
        bad(f"duplicate id {a['id']}")
    if a["published"] is not None:
        dt.date.fromisoformat(a["published"])
    elif a["id"] not in TEXT_PUB:
        bad(f"{a['id']}: published null but no text date recorded")
    words = len(a["text"].split())
    if not 300 <= words <= 450:
        bad(f"{a['id']}: {words} words")
    arts[a["id"]] = a

gids = []
for n, line in enumerate(open(os.path.join(HERE, "gold.jsonl")), 1):
    g = json.loads(line)
    gids.append(g.get("id"))
    if set(g) != {"id", "aliases", "events"}:
        bad(f"gold line {n}: keys {sorted(g)}")
    if g["id"] not in arts:
        bad(f"gold id {g['id']} has no article")
        continue
    art = arts[g["id"]]
    text = art["text"]
    pub = dt.date.fromisoformat(art["published"] or TEXT_PUB[g["id"]])
    for k, v in g["aliases"].items():
        if not (isinstance(v, list) and all(isinstance(x, str) for x in v)):
            bad(f"{g['id']}: aliases[{k}] not a list of strings")
    for j, e in enumerate(g["events"]):
        tag = f"{g['id']}#{j}:{e.get('type')}"
        keys = set(e)
        if not REQ <= keys or not keys <= REQ | OPT:
            bad(f"{tag}: keys {sorted(keys)}")
        if e["type"] not in TYPES:
            bad(f"{tag}: unknown type")
        if e["time_precision"] not in FMT:
            bad(f"{tag}: unknown precision")
            continue
        try:
            lo, hi = period(e["date"], e["time_precision"])
        except ValueError as x:
            bad(f"{tag}: date {e['date']}: {x}")
            continue
        if lo > pub:
            bad(f"{tag}: date after publication {pub}")
        if "date_range" in e:
            r0, r1 = (dt.date.fromisoformat(x) for x in e["date_range"])
            if r0 > r1:
                bad(f"{tag}: date_range reversed")
            if r1 > pub:
                bad(f"{tag}: date_range ends after publication")
            if hi < r0 or lo > r1:
                bad(f"{tag}: date outside date_range")
        elif e["time_precision"] == "week":
            bad(f"{tag}: week precision needs a date_range")
        loc = e["location"]
        if set(loc) != LOCK:
            bad(f"{tag}: location keys {sorted(loc)}")
        if loc["geo_precision"] not in GEO:
            bad(f"{tag}: geo_precision")
        if not re.fullmatch(r"[A-Z]{2}", loc["country"]):
            bad(f"{tag}: country")
        if not (-90 <= loc["lat"] <= 90 and -180 <= loc["lon"] <= 180):
            bad(f"{tag}: coordinates")
        if (loc["admin1"] is None) != (loc["geo_precision"] == "country"):
            bad(f"{tag}: admin1 must be null exactly at country precision")
        if set(e["actors"]) != {"agent", "target"}:
            bad(f"{tag}: actors keys")
        for side in ("agent", "target"):
            for name in e["actors"][side]:
                if name not in g["aliases"]:
                    bad(f"{tag}: actor {name!r} not in aliases")
        if "fatalities" in e and not (isinstance(e["fatalities"], int) and e["fatalities"] >= 0):
            bad(f"{tag}: fatalities")
        if "optional" in e and e["optional"] is not True:
            bad(f"{tag}: optional must be true")
        for frag in e["evidence"].split(" ... "):
            if frag not in text:
                bad(f"{tag}: evidence not in text: {frag[:70]!r}")
if sorted(gids) != sorted(arts) or len(gids) != len(set(gids)):
    bad("ids differ between articles.jsonl and gold.jsonl")
if problems:
    print("\n".join(problems))
    sys.exit(1)
print(f"OK: {len(arts)} articles, {sum(len(json.loads(l)['events']) for l in open(os.path.join(HERE, 'gold.jsonl')))} gold events")
