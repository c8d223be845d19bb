#!/usr/bin/env python3
"""Validate articles.jsonl / gold.jsonl in this folder (format of shared/eval/dev).

Checks: every line parses; article and gold fields are exactly those the dev files use;
ids match one to one and start with b5-; dates are valid ISO dates matching time_precision;
date_range is ordered and contains the date; nothing is dated after the publication date
(where known); locations are complete and plausible; types are from the guidelines;
evidence is a verbatim part of the article text; every actor is an aliases key.
Exit status 1 on any error.  Usage: python3 validate.py [folder]
"""
import datetime as dt
import json
import os
import re
import sys

TYPES = {"assault", "seizure", "prisoner_release", "talks", "agreement", "air_strike",
         "shelling", "bombing", "attack_on_civilians", "surrender", "withdrawal", "arrest",
         "protest"}
PRECS = {"day", "week", "month", "year"}
GEOP = {"point", "admin1", "admin2", "country"}
ART_KEYS = {"id", "source", "published", "url", "text"}
GOLD_KEYS = {"id", "aliases", "events"}
EV_REQ = {"type", "date", "time_precision", "location", "actors", "evidence"}
EV_OPT = {"date_range", "fatalities", "optional"}
LOC_KEYS = {"name", "country", "admin1", "lat", "lon", "geo_precision"}

errors = []


def err(msg):
    errors.append(msg)


def day(s, where):
    try:
        return dt.date.fromisoformat(s)
    except (TypeError, ValueError):
        err(f"{where}: bad ISO day {s!r}")
        return None


def span(date, prec, where):
    """first and last day covered by a date at its precision."""
    pat = {"day": r"\d{4}-\d{2}-\d{2}", "week": r"\d{4}-\d{2}-\d{2}",
           "month": r"\d{4}-\d{2}", "year": r"\d{4}"}[prec]
    if not isinstance(date, str) or not re.fullmatch(pat, date):
        err(f"{where}: date {date!r} does not fit precision {prec}")
        return None, None
    if prec in ("day", "week"):
        d = day(date, where)
        return d, d
    if prec == "month":
        y, m = map(int, date.split("-"))
        if not 1 <= m <= 12:
            err(f"{where}: bad month {date}")
            return None, None
        first = dt.date(y, m, 1)
        nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
        return first, nxt - dt.timedelta(days=1)
    y = int(date)
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def published_of(art):
    if art["published"]:
        return day(art["published"], art["id"] + " published")
    # undated: look for an explicit date line in the text (validation only)
    t = art["text"]
    m = re.search(r"Published: (\d{1,2} \w+ \d{4})", t)
    if m:
        return dt.datetime.strptime(m.group(1), "%d %B %Y").date()
    m = re.search(r"December (\d+)\w\w, (\d{4})", t)
    if m:
        return dt.date(int(m.group(2)), 12, int(m.group(1)))
    return None


def main(folder):
    arts = [json.loads(l) for l in open(os.path.join(folder, "articles.jsonl"), encoding="utf-8")]
    golds = [json.loads(l) for l in open(os.path.join(folder, "gold.jsonl"), encoding="utf-8")]
    aid = [a.get("id") for a in arts]
    gid = [g.get("id") for g in golds]
    if aid != gid:
        err(f"ids differ between files: {aid} vs {gid}")
    if len(set(aid)) != len(aid):
        err("duplicate article ids")
    for a in arts:
        if set(a) != ART_KEYS:
            err(f"{a.get('id')}: article keys {sorted(a)}")
        if not str(a.get("id", "")).startswith("b5-"):
            err(f"{a.get('id')}: id must start with b5-")
        if a.get("url") is not None:
            err(f"{a['id']}: url should be null")
        if a.get("published") is not None:
            day(a["published"], a["id"] + " published")
        n = len(a["text"].split())
        if not 300 <= n <= 450:
            err(f"{a['id']}: {n} words (want 300-450)")
    byid = {a["id"]: a for a in arts}
    n_ev = 0
    for g in golds:
        gidv = g.get("id")
        if set(g) != GOLD_KEYS:
            err(f"{gidv}: gold keys {sorted(g)}")
            continue
        art = byid.get(gidv)
        if art is None:
            continue
        pub = published_of(art)
        al = g["aliases"]
        if not isinstance(al, dict) or not all(isinstance(v, list) for v in al.values()):
            err(f"{gidv}: aliases must map names to lists")
        for i, e in enumerate(g["events"]):
            n_ev += 1
            w = f"{gidv}#{i}"
            keys = set(e)
            if not EV_REQ <= keys or keys - EV_REQ - EV_OPT:
                err(f"{w}: event keys {sorted(keys)}")
                continue
            if e["type"] not in TYPES:
                err(f"{w}: type {e['type']}")
            if e["time_precision"] not in PRECS:
                err(f"{w}: precision {e['time_precision']}")
                continue
            first, last = span(e["date"], e["time_precision"], w)
            if "date_range" in e:
                r = e["date_range"]
                if not (isinstance(r, list) and len(r) == 2):
                    err(f"{w}: date_range {r}")
                else:
                    r0, r1 = day(r[0], w), day(r[1], w)
                    if r0 and r1:
                        if r0 > r1:
                            err(f"{w}: date_range reversed")
                        if first and not (r0 <= last and first <= r1):
                            err(f"{w}: date {e['date']} outside date_range {r}")
                        if pub and r0 > pub:
                            err(f"{w}: date_range starts after publication {pub}")
            if pub and first and first > pub:
                err(f"{w}: date {e['date']} after publication {pub}")
            loc = e["location"]
            if set(loc) != LOC_KEYS:
                err(f"{w}: location keys {sorted(loc)}")
            else:
                if not re.fullmatch(r"[A-Z]{2}", str(loc["country"])):
                    err(f"{w}: country {loc['country']}")
                if loc["geo_precision"] not in GEOP:
                    err(f"{w}: geo_precision {loc['geo_precision']}")
                if loc["geo_precision"] != "country" and not loc["admin1"]:
                    err(f"{w}: admin1 missing")
                if not (-90 <= loc["lat"] <= 90 and -180 <= loc["lon"] <= 180):
                    err(f"{w}: lat/lon out of range")
            act = e["actors"]
            if set(act) != {"agent", "target"} or not all(isinstance(v, list) for v in act.values()):
                err(f"{w}: actors {act}")
            else:
                for name in act["agent"] + act["target"]:
                    if name not in al:
                        err(f"{w}: actor {name!r} not an aliases key")
                if not act["agent"] and not e.get("optional"):
                    err(f"{w}: required event without agent")
            if "fatalities" in e and not (isinstance(e["fatalities"], int) and e["fatalities"] >= 0):
                err(f"{w}: fatalities {e['fatalities']}")
            if "optional" in e and e["optional"] is not True:
                err(f"{w}: optional must be true when present")
            if e["evidence"] not in art["text"]:
                err(f"{w}: evidence not found verbatim: {e['evidence'][:60]}")
    for m in errors:
        print("ERROR", m)
    print(f"{len(arts)} articles, {n_ev} events, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))))
