#!/usr/bin/env python3
"""Validate the blind7 evaluation set: python3 validate.py  (exit 1 on any error).

Checks: JSON parses; article/gold/event/location keys (the dev gold's fields plus a unique
event "id"); article and gold ids match; dates valid for their precision and inside date_range;
no day-precision event after publication; types, ISO2 country, geo_precision, coordinates;
actors are keys of aliases; evidence is a verbatim substring; 300-450 words; a year in the text
when published is null. Prints counts per type (required / optional).
"""
import collections
import datetime
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = {"assault", "seizure", "prisoner_release", "talks", "agreement", "air_strike", "shelling",
         "bombing", "attack_on_civilians", "surrender", "withdrawal", "arrest", "protest"}
ART_KEYS = {"id", "source", "published", "url", "text"}
GOLD_KEYS = {"id", "aliases", "events"}
EV_REQ = {"id", "type", "date", "time_precision", "location", "actors", "evidence"}
EV_OPT = {"date_range", "fatalities", "optional"}
LOC_KEYS = {"name", "country", "admin1", "lat", "lon", "geo_precision"}
PREC_FMT = {"day": r"\d{4}-\d{2}-\d{2}", "week": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}",
            "year": r"\d{4}"}
errors = []


def err(msg):
    errors.append(msg)


def load(name):
    rows = []
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                err(f"{name}:{n}: bad JSON: {e}")
    return rows


def day(s, where):
    try:
        return datetime.date.fromisoformat(s)
    except (TypeError, ValueError):
        err(f"{where}: bad ISO date {s!r}")
        return None


def span(date, prec):
    """First and last day covered by a date at its precision."""
    if prec in ("day", "week"):
        d = datetime.date.fromisoformat(date)
        if prec == "day":
            return d, d
        start = d - datetime.timedelta(days=d.weekday())
        return start, start + datetime.timedelta(days=6)
    if prec == "month":
        y, m = map(int, date.split("-"))
        nxt = datetime.date(y + (m == 12), m % 12 + 1, 1)
        return datetime.date(y, m, 1), nxt - datetime.timedelta(days=1)
    y = int(date)
    return datetime.date(y, 1, 1), datetime.date(y, 12, 31)


arts = load("articles.jsonl")
gold = load("gold.jsonl")
art_by_id = {}
for a in arts:
    if set(a) != ART_KEYS:
        err(f"article {a.get('id')}: keys {sorted(a)}")
    if not re.fullmatch(r"b7-\d{2}-[a-z0-9-]+", a.get("id", "")):
        err(f"article id {a.get('id')!r} not of the form b7-NN-slug")
    if a["id"] in art_by_id:
        err(f"duplicate article id {a['id']}")
    art_by_id[a["id"]] = a
    if a["url"] is not None:
        err(f"{a['id']}: url should be null")
    pub = a["published"]
    if pub is not None:
        day(pub, a["id"] + " published")
    elif not re.search(r"\b(19|20)\d{2}\b", a["text"]):
        err(f"{a['id']}: published null but no year in the text")
    words = len(a["text"].split())
    if not 300 <= words <= 450:
        err(f"{a['id']}: {words} words (want 300-450)")

gold_ids = [g.get("id") for g in gold]
if sorted(gold_ids) != sorted(art_by_id) or len(set(gold_ids)) != len(gold_ids):
    err(f"ids differ: articles {sorted(art_by_id)} gold {sorted(gold_ids)}")

counts = collections.Counter()
seen_ev = set()
event_ids = set()
for g in gold:
    gid = g.get("id")
    if set(g) != GOLD_KEYS:
        err(f"gold {gid}: keys {sorted(g)}")
    art = art_by_id.get(gid)
    text = art["text"] if art else ""
    pub = art["published"] if art else None
    aliases = g.get("aliases", {})
    if not isinstance(aliases, dict) or not all(
            isinstance(v, list) and all(isinstance(x, str) for x in v) for v in aliases.values()):
        err(f"{gid}: aliases must map names to lists of strings")
    for i, e in enumerate(g.get("events", [])):
        w = f"{gid} event {i}"
        keys = set(e)
        if e.get("id") in event_ids or not re.fullmatch(r"b7-\d{2}-e\d{2}", str(e.get("id"))):
            err(f"{w}: event id {e.get('id')!r} missing, malformed or not unique")
        event_ids.add(e.get("id"))
        if not EV_REQ <= keys or keys - EV_REQ - EV_OPT:
            err(f"{w}: keys {sorted(keys)}")
            continue
        if e["type"] not in TYPES:
            err(f"{w}: unknown type {e['type']}")
        prec = e["time_precision"]
        if prec not in PREC_FMT or not re.fullmatch(PREC_FMT[prec], e["date"]):
            err(f"{w}: date {e['date']!r} does not fit precision {prec!r}")
            continue
        if prec in ("day", "week"):
            if day(e["date"], w) is None:
                continue
        first, last = span(e["date"], prec)
        if "date_range" in e:
            r = e["date_range"]
            if not (isinstance(r, list) and len(r) == 2):
                err(f"{w}: date_range must be [first, last]")
            else:
                r0, r1 = day(r[0], w), day(r[1], w)
                if r0 and r1:
                    if r0 > r1:
                        err(f"{w}: date_range reversed")
                    if prec == "day" and not r0 <= first <= r1:
                        err(f"{w}: date {e['date']} outside date_range {r}")
                    if prec != "day" and (r1 < first or r0 > last):
                        err(f"{w}: date_range {r} does not overlap {e['date']}")
                    last = max(last, r1) if prec == "day" else last
        if pub and e["time_precision"] == "day" and first > datetime.date.fromisoformat(pub):
            err(f"{w}: event date {e['date']} after publication {pub}")
        loc = e["location"]
        if set(loc) != LOC_KEYS:
            err(f"{w}: location keys {sorted(loc)}")
        else:
            if not re.fullmatch(r"[A-Z]{2}", loc["country"] or ""):
                err(f"{w}: country {loc['country']!r}")
            if loc["geo_precision"] not in ("point", "admin1", "admin2", "country"):
                err(f"{w}: geo_precision {loc['geo_precision']!r}")
            if loc["geo_precision"] != "country" and not loc["admin1"]:
                err(f"{w}: admin1 missing")
            if not (-90 <= loc["lat"] <= 90 and -180 <= loc["lon"] <= 180):
                err(f"{w}: bad coordinates")
        act = e["actors"]
        if set(act) != {"agent", "target"}:
            err(f"{w}: actors keys {sorted(act)}")
        else:
            for name in act["agent"] + act["target"]:
                if name not in aliases:
                    err(f"{w}: actor {name!r} not a key of aliases")
            if not act["agent"]:
                err(f"{w}: empty agent")
        if e["evidence"] not in text:
            err(f"{w}: evidence not a verbatim substring of the article: {e['evidence'][:60]!r}")
        if "fatalities" in e and not (isinstance(e["fatalities"], int) and e["fatalities"] >= 0):
            err(f"{w}: fatalities must be a non-negative int")
        if "optional" in e and e["optional"] is not True:
            err(f"{w}: optional must be true when present")
        key = (gid, e["type"], e["date"], loc.get("name"), tuple(act.get("agent", [])),
               tuple(act.get("target", [])))
        if key in seen_ev:
            err(f"{w}: duplicate event {key}")
        seen_ev.add(key)
        counts[(e["type"], "optional" if e.get("optional") else "required")] += 1

if "--counts" in sys.argv or not errors:
    print(f"{len(arts)} articles, {sum(counts.values())} events")
    for t in sorted(TYPES):
        r, o = counts[(t, "required")], counts[(t, "optional")]
        if r or o:
            print(f"  {t:20s} required {r:3d}  optional {o:3d}")
    req = sum(v for (t, k), v in counts.items() if k == "required")
    core = sum(v for (t, k), v in counts.items()
               if k == "required" and t in ("assault", "seizure", "prisoner_release", "talks"))
    print(f"  required {req}, of which core {core}")
for m in errors:
    print("ERROR:", m)
print(f"{len(errors)} errors")
sys.exit(1 if errors else 0)
