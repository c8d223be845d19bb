#!/usr/bin/env python3
"""Check articles.jsonl and gold.jsonl of this set.

Checks: every line parses; article fields are those of the dev set; gold fields are those the
dev gold uses; ids match one to one; dates are valid ISO dates at the stated precision and lie in
their date_range; types are the guideline types; locations are complete and plausible; every
evidence string occurs verbatim in its article; every agent/target name is a canonical name in
the article's aliases map (or 'Civilians'-style names listed there); word counts are 300-450;
articles without `published` carry a year in the text.
Usage: python3 validate.py [folder]   (exit 1 on any error)
"""
import datetime as dt
import json
import os
import re
import sys

TYPES = {"assault", "seizure", "prisoner_release", "talks", "agreement", "air_strike", "shelling",
         "bombing", "attack_on_civilians", "surrender", "withdrawal", "arrest", "protest"}
ART_KEYS = {"id", "source", "published", "url", "text"}
GOLD_KEYS = {"id", "aliases", "events"}
EV_REQ = {"type", "date", "time_precision", "location", "actors", "evidence"}
EV_OPT = {"date_range", "fatalities", "optional"}
LOC_KEYS = {"name", "country", "admin1", "lat", "lon", "geo_precision"}
PRECS = {"day", "week", "month", "year"}
GEO = {"point", "admin1", "admin2", "country"}

errors = []


def err(msg):
    errors.append(msg)


def parse_date(s, prec):
    """Return (first, last) days covered by the date string."""
    if prec in ("day", "week"):
        d = dt.date.fromisoformat(s)
        if len(s) != 10:
            raise ValueError("day/week precision needs YYYY-MM-DD")
        return d, d
    if prec == "month":
        if not re.fullmatch(r"\d{4}-\d{2}", s):
            raise ValueError("month precision needs YYYY-MM")
        y, m = map(int, s.split("-"))
        first = dt.date(y, m, 1)
        nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
        return first, nxt - dt.timedelta(days=1)
    if prec == "year":
        if not re.fullmatch(r"\d{4}", s):
            raise ValueError("year precision needs YYYY")
        return dt.date(int(s), 1, 1), dt.date(int(s), 12, 31)
    raise ValueError("bad precision")


def load(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                err(f"{os.path.basename(path)}:{n}: bad JSON: {e}")
    return rows


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    arts = load(os.path.join(folder, "articles.jsonl"))
    golds = load(os.path.join(folder, "gold.jsonl"))
    amap = {}
    for a in arts:
        if set(a) != ART_KEYS:
            err(f"article {a.get('id')}: keys {sorted(a)}")
        if not str(a.get("id", "")).startswith("b6-"):
            err(f"article id {a.get('id')} does not start with b6-")
        if a.get("id") in amap:
            err(f"duplicate article id {a['id']}")
        amap[a.get("id")] = a
        pub = a.get("published")
        if pub is not None:
            try:
                dt.date.fromisoformat(pub)
            except ValueError:
                err(f"article {a['id']}: bad published {pub}")
        elif not re.search(r"\b20\d\d\b", a.get("text", "")):
            err(f"article {a['id']}: published null and no year in text")
        words = len(a.get("text", "").split())
        if not 300 <= words <= 450:
            err(f"article {a['id']}: {words} words (want 300-450)")
    gids = [g.get("id") for g in golds]
    if sorted(gids) != sorted(amap) or len(set(gids)) != len(gids):
        err(f"ids differ: gold {sorted(gids)} vs articles {sorted(amap)}")
    total = 0
    for g in golds:
        gid = g.get("id")
        if set(g) != GOLD_KEYS:
            err(f"gold {gid}: keys {sorted(g)}")
        text = amap.get(gid, {}).get("text", "")
        aliases = g.get("aliases", {})
        if not isinstance(aliases, dict) or not all(isinstance(v, list) for v in aliases.values()):
            err(f"gold {gid}: aliases must map names to lists")
        for i, e in enumerate(g.get("events", [])):
            total += 1
            where = f"gold {gid} event {i} ({e.get('type')})"
            keys = set(e)
            if not EV_REQ <= keys or not keys <= EV_REQ | EV_OPT:
                err(f"{where}: keys {sorted(keys)}")
                continue
            if e["type"] not in TYPES:
                err(f"{where}: unknown type")
            if e["time_precision"] not in PRECS:
                err(f"{where}: bad time_precision")
                continue
            try:
                first, last = parse_date(e["date"], e["time_precision"])
            except ValueError as x:
                err(f"{where}: date {e['date']}: {x}")
                continue
            if "date_range" in e:
                try:
                    r0, r1 = (dt.date.fromisoformat(x) for x in e["date_range"])
                except (ValueError, TypeError):
                    err(f"{where}: bad date_range {e['date_range']}")
                else:
                    if r0 > r1:
                        err(f"{where}: date_range reversed")
                    if last < r0 or first > r1:
                        err(f"{where}: date {e['date']} outside range {e['date_range']}")
            pub = amap.get(gid, {}).get("published")
            if pub and first > dt.date.fromisoformat(pub):
                err(f"{where}: event after publication")
            loc = e["location"]
            if set(loc) != LOC_KEYS:
                err(f"{where}: location keys {sorted(loc)}")
            else:
                if not re.fullmatch(r"[A-Z]{2}", str(loc["country"])):
                    err(f"{where}: bad country")
                if loc["geo_precision"] not in GEO:
                    err(f"{where}: bad geo_precision")
                if loc["geo_precision"] != "country" and not loc["admin1"]:
                    err(f"{where}: admin1 missing")
                if not (-90 <= loc["lat"] <= 90 and -180 <= loc["lon"] <= 180):
                    err(f"{where}: lat/lon out of range")
            act = e["actors"]
            if set(act) != {"agent", "target"} or not act["agent"]:
                err(f"{where}: actors {act}")
            for name in act.get("agent", []) + act.get("target", []):
                if name not in aliases:
                    err(f"{where}: actor {name!r} is not a key of aliases")
            if "fatalities" in e and (not isinstance(e["fatalities"], int) or e["fatalities"] < 0):
                err(f"{where}: bad fatalities")
            if "optional" in e and e["optional"] is not True:
                err(f"{where}: optional must be true when present")
            if e["evidence"] not in text:
                err(f"{where}: evidence not found verbatim: {e['evidence'][:60]!r}")
    for m in errors:
        print("ERROR", m)
    print(f"{len(arts)} articles, {total} gold events, {len(errors)} errors")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
