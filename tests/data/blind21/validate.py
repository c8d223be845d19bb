#!/usr/bin/env python3
"""Check the blind21 set (articles.jsonl + gold.jsonl) against the dev-gold format and GUIDELINES.md.

Errors make the script exit 1; word counts outside 380-440 are only warnings.
Evidence may consist of several verbatim fragments joined by " ... "."""
import datetime
import json
import os
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
PREFIX = "b21-"
DEV_GOLD = "/work/shared/eval/dev/gold.jsonl"

TYPES = {"assault", "seizure", "prisoner_release", "talks", "agreement", "air_strike", "shelling",
         "bombing", "attack_on_civilians", "surrender", "withdrawal", "arrest", "protest"}
CORE = ("assault", "seizure", "prisoner_release", "talks")
ARTICLE_KEYS = {"id", "source", "published", "url", "text"}
GOLD_KEYS = {"id", "aliases", "events"}
EVENT_REQUIRED = {"type", "date", "time_precision", "location", "actors", "evidence"}
EVENT_OPTIONAL = {"date_range", "fatalities", "optional"}
LOCATION_KEYS = {"name", "country", "admin1", "lat", "lon", "geo_precision"}
DATE_FORMATS = {"day": "%Y-%m-%d", "week": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}
GEO = {"point", "admin1", "admin2", "country"}

problems = []


def problem(where, msg):
    problems.append(f"{where}: {msg}")


def load(name):
    rows = []
    with open(os.path.join(HERE, name), encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    problem(f"{name}:{n}", f"bad JSON ({exc})")
    return rows


def dev_key_sets():
    """Key sets actually used in the dev gold, so that ours stay within them."""
    if not os.path.exists(DEV_GOLD):
        return GOLD_KEYS, EVENT_REQUIRED | EVENT_OPTIONAL, LOCATION_KEYS
    top, ev, loc = set(), set(), set()
    with open(DEV_GOLD, encoding="utf-8") as fh:
        for line in fh:
            g = json.loads(line)
            top |= set(g)
            for e in g["events"]:
                ev |= set(e)
                loc |= set(e["location"])
    return top, ev, loc


articles = load("articles.jsonl")
gold = load("gold.jsonl")
dev_top, dev_ev, dev_loc = dev_key_sets()

art_ids = [a.get("id") for a in articles]
gold_ids = [g.get("id") for g in gold]
if art_ids != gold_ids:
    problem("ids", f"articles and gold differ: {art_ids} / {gold_ids}")
if len(set(art_ids)) != len(art_ids):
    problem("ids", "duplicate article ids")

texts = {}
for a in articles:
    aid = a.get("id", "?")
    if set(a) != ARTICLE_KEYS:
        problem(aid, f"article keys {sorted(a)}")
    if not str(aid).startswith(PREFIX):
        problem(aid, f"id lacks prefix {PREFIX}")
    if a.get("source") != "Frontline Test Wire" or a.get("url") is not None:
        problem(aid, "source/url")
    if a.get("published") is not None:
        try:
            datetime.date.fromisoformat(a["published"])
        except ValueError:
            problem(aid, f"published {a['published']!r} is not an ISO date")
    words = len(a.get("text", "").split())
    if not 380 <= words <= 440:
        print(f"WARNING {aid}: {words} words (wanted 380-440)")
    texts[aid] = a.get("text", "")

by_type = Counter()
by_type_opt = Counter()
core_articles = {t: set() for t in CORE}
n_events = 0
for g in gold:
    gid = g.get("id", "?")
    if set(g) != GOLD_KEYS or not set(g) <= dev_top:
        problem(gid, f"gold keys {sorted(g)}")
    aliases = g.get("aliases", {})
    if not isinstance(aliases, dict) or not all(isinstance(v, list) for v in aliases.values()):
        problem(gid, "aliases must map names to lists")
        aliases = {}
    text = texts.get(gid, "")
    for i, e in enumerate(g.get("events", [])):
        n_events += 1
        w = f"{gid} event {i}"
        keys = set(e)
        if not EVENT_REQUIRED <= keys or not keys <= EVENT_REQUIRED | EVENT_OPTIONAL or not keys <= dev_ev:
            problem(w, f"event keys {sorted(keys)}")
            continue
        if e["type"] not in TYPES:
            problem(w, f"unknown type {e['type']}")
        prec = e["time_precision"]
        if prec not in DATE_FORMATS:
            problem(w, f"time_precision {prec}")
            continue
        try:
            d = datetime.datetime.strptime(e["date"], DATE_FORMATS[prec]).date()
        except ValueError:
            problem(w, f"date {e['date']!r} does not fit precision {prec}")
            continue
        if "date_range" in e:
            try:
                lo, hi = (datetime.date.fromisoformat(x) for x in e["date_range"])
            except (ValueError, TypeError):
                problem(w, f"date_range {e['date_range']!r}")
            else:
                if lo > hi:
                    problem(w, "date_range reversed")
                if prec in ("day", "week") and not lo <= d <= hi:
                    problem(w, "date lies outside date_range")
        elif prec == "week":
            problem(w, "week precision needs a date_range")
        loc = e["location"]
        if set(loc) != LOCATION_KEYS or not set(loc) <= dev_loc:
            problem(w, f"location keys {sorted(loc)}")
        else:
            if loc["geo_precision"] not in GEO:
                problem(w, f"geo_precision {loc['geo_precision']}")
            if (loc["admin1"] is None) != (loc["geo_precision"] == "country"):
                problem(w, "admin1 must be null exactly at country precision")
            if not (-90 <= loc["lat"] <= 90 and -180 <= loc["lon"] <= 180):
                problem(w, "coordinates out of range")
            if not (isinstance(loc["country"], str) and len(loc["country"]) == 2 and loc["country"].isupper()):
                problem(w, f"country {loc['country']!r}")
        actors = e["actors"]
        if set(actors) != {"agent", "target"}:
            problem(w, "actors must have agent and target")
        else:
            for name in actors["agent"] + actors["target"]:
                if name not in aliases:
                    problem(w, f"actor {name!r} missing from aliases")
        if "fatalities" in e and not (isinstance(e["fatalities"], int) and e["fatalities"] >= 0):
            problem(w, "fatalities must be a non-negative int")
        if "optional" in e and e["optional"] is not True:
            problem(w, "optional must be true when present")
        for frag in e["evidence"].split(" ... "):
            if not frag or frag not in text:
                problem(w, f"evidence fragment not verbatim: {frag[:70]!r}")
        if e.get("optional"):
            by_type_opt[e["type"]] += 1
        else:
            by_type[e["type"]] += 1
            if e["type"] in CORE:
                core_articles[e["type"]].add(gid)

for p in problems:
    print("ERROR", p)
print(f"articles {len(articles)}, events {n_events}")
for t in sorted(TYPES, key=lambda t: -(by_type[t] + by_type_opt[t])):
    print(f"  {t:20s} required {by_type[t]:3d}  optional {by_type_opt[t]:2d}")
for t in CORE:
    print(f"  core type {t}: required in {len(core_articles[t])} articles")
if problems:
    sys.exit(1)
print(f"OK: {len(articles)} articles, {n_events} gold events")
