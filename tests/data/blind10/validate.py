#!/usr/bin/env python3
"""Validate the blind10 evaluation set (articles.jsonl + gold.jsonl).

Checks: every line parses as JSON; articles and gold carry the same fields as the dev set;
ids match one to one and in order; published dates and event dates are valid ISO dates
consistent with time_precision; date_range is ordered and contains the event date;
locations have country/admin1/lat/lon/geo_precision of the right shape; every actor used in
an event is a key of the article's aliases map; evidence (segments split on ' ... ') occurs
verbatim in the article text; fatalities are non-negative integers; optional is boolean.
Exit status 0 when all checks pass, 1 otherwise.
Usage: python3 validate.py [DIR]   (DIR defaults to this file's folder)
"""
import datetime
import json
import os
import re
import sys

ART_KEYS = {"id", "source", "published", "url", "text"}
GOLD_KEYS = {"id", "aliases", "events"}
EV_REQUIRED = {"type", "date", "time_precision", "location", "actors", "evidence"}
EV_OPTIONAL = {"date_range", "fatalities", "optional"}
LOC_KEYS = {"name", "country", "admin1", "lat", "lon", "geo_precision"}
TYPES = {"assault", "seizure", "prisoner_release", "talks", "agreement", "air_strike", "shelling",
         "bombing", "attack_on_civilians", "surrender", "withdrawal", "arrest", "protest"}
PRECISIONS = {"day", "week", "month", "year"}
GEO = {"point", "admin1", "admin2", "country"}
ID_RE = re.compile(r"^b10-(\d\d)-[a-z0-9-]+$")

errors = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def parse_day(s):
    try:
        return datetime.date.fromisoformat(s)
    except (TypeError, ValueError):
        return None


def check_date(where, date, tp):
    """Return (first, last) day covered by date at its precision, or None."""
    if not isinstance(date, str):
        err(where, f"date not a string: {date!r}")
        return None
    if tp in ("day", "week"):
        d = parse_day(date)
        if d is None or len(date) != 10:
            err(where, f"date {date!r} is not YYYY-MM-DD for precision {tp}")
            return None
        if tp == "week":
            monday = d - datetime.timedelta(days=d.weekday())
            return monday, monday + datetime.timedelta(days=6)
        return d, d
    if tp == "month":
        m = re.fullmatch(r"(\d{4})-(\d{2})", date)
        if not m or not 1 <= int(m.group(2)) <= 12:
            err(where, f"date {date!r} is not YYYY-MM for precision month")
            return None
        y, mo = int(m.group(1)), int(m.group(2))
        first = datetime.date(y, mo, 1)
        nxt = datetime.date(y + (mo == 12), mo % 12 + 1, 1)
        return first, nxt - datetime.timedelta(days=1)
    if tp == "year":
        if not re.fullmatch(r"\d{4}", date):
            err(where, f"date {date!r} is not YYYY for precision year")
            return None
        y = int(date)
        return datetime.date(y, 1, 1), datetime.date(y, 12, 31)
    err(where, f"bad time_precision {tp!r}")
    return None


def load(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                err(f"{os.path.basename(path)}:{n}", "blank line")
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                err(f"{os.path.basename(path)}:{n}", f"invalid JSON: {e}")
    return rows


def main():
    base = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    arts = load(os.path.join(base, "articles.jsonl"))
    gold = load(os.path.join(base, "gold.jsonl"))
    if len(arts) != len(gold):
        err("files", f"{len(arts)} articles but {len(gold)} gold lines")
    texts = {}
    pubs = {}
    seen = set()
    for a in arts:
        aid = a.get("id")
        where = f"article {aid}"
        if set(a) != ART_KEYS:
            err(where, f"keys {sorted(a)} != {sorted(ART_KEYS)}")
        if not isinstance(aid, str) or not ID_RE.match(aid):
            err(where, "id does not match b10-NN-slug")
        if aid in seen:
            err(where, "duplicate id")
        seen.add(aid)
        if a.get("published") is not None and parse_day(a.get("published")) is None:
            err(where, f"published {a.get('published')!r} not an ISO date")
        if a.get("url") is not None:
            err(where, "url should be null")
        text = a.get("text")
        if not isinstance(text, str) or not text.strip():
            err(where, "empty text")
            text = ""
        words = len(text.split())
        if not 300 <= words <= 450:
            err(where, f"{words} words, expected 300-450")
        texts[aid] = text
        pubs[aid] = a.get("published")
    for i, (a, g) in enumerate(zip(arts, gold)):
        if a.get("id") != g.get("id"):
            err(f"line {i + 1}", f"article id {a.get('id')} != gold id {g.get('id')}")
    total = 0
    for g in gold:
        gid = g.get("id")
        where = f"gold {gid}"
        if set(g) != GOLD_KEYS:
            err(where, f"keys {sorted(g)} != {sorted(GOLD_KEYS)}")
        if gid not in texts:
            err(where, "no article with this id")
        aliases = g.get("aliases", {})
        if not isinstance(aliases, dict) or not all(
                isinstance(k, str) and isinstance(v, list) and all(isinstance(s, str) for s in v)
                for k, v in aliases.items()):
            err(where, "aliases must map names to lists of strings")
            aliases = {}
        text = texts.get(gid, "")
        m = ID_RE.match(gid or "")
        for k, ev in enumerate(g.get("events", []), 1):
            total += 1
            w = f"{where} event {k}"
            keys = set(ev)
            if not EV_REQUIRED <= keys or not keys <= EV_REQUIRED | EV_OPTIONAL:
                err(w, f"keys {sorted(keys)}")
                continue
            if ev["type"] not in TYPES:
                err(w, f"unknown type {ev['type']!r}")
            tp = ev["time_precision"]
            if tp not in PRECISIONS:
                err(w, f"bad time_precision {tp!r}")
            span = check_date(w, ev["date"], tp)
            if "date_range" in ev:
                r = ev["date_range"]
                if not (isinstance(r, list) and len(r) == 2):
                    err(w, "date_range must be [first, last]")
                else:
                    r0, r1 = parse_day(r[0]), parse_day(r[1])
                    if r0 is None or r1 is None:
                        err(w, f"date_range {r} has invalid dates")
                    elif r0 > r1:
                        err(w, f"date_range {r} reversed")
                    elif span and (span[1] < r0 or span[0] > r1):
                        err(w, f"date {ev['date']} ({tp}) outside date_range {r}")
            pub = parse_day(pubs.get(gid))
            if pub and span and span[0] > pub:
                err(w, f"event date {ev['date']} after publication {pub}")
            loc = ev["location"]
            if not isinstance(loc, dict) or set(loc) != LOC_KEYS:
                err(w, f"location keys {sorted(loc) if isinstance(loc, dict) else loc}")
            else:
                if not (isinstance(loc["country"], str) and re.fullmatch(r"[A-Z]{2}", loc["country"])):
                    err(w, f"country {loc['country']!r} not ISO2")
                if loc["geo_precision"] not in GEO:
                    err(w, f"geo_precision {loc['geo_precision']!r}")
                if loc["geo_precision"] != "country" and not loc["admin1"]:
                    err(w, "admin1 missing below country precision")
                if not (isinstance(loc["lat"], (int, float)) and -90 <= loc["lat"] <= 90
                        and isinstance(loc["lon"], (int, float)) and -180 <= loc["lon"] <= 180):
                    err(w, f"bad coordinates {loc['lat']}, {loc['lon']}")
            act = ev["actors"]
            if not (isinstance(act, dict) and set(act) == {"agent", "target"}
                    and all(isinstance(act[s], list) for s in act)):
                err(w, "actors must have agent and target lists")
            else:
                for name in act["agent"] + act["target"]:
                    if name not in aliases:
                        err(w, f"actor {name!r} is not a key of aliases")
            if "fatalities" in ev and not (isinstance(ev["fatalities"], int) and ev["fatalities"] >= 0):
                err(w, f"fatalities {ev['fatalities']!r}")
            if "optional" in ev and not isinstance(ev["optional"], bool):
                err(w, "optional must be boolean")
            for seg in ev["evidence"].split(" ... "):
                if seg not in text:
                    err(w, f"evidence segment not in text: {seg[:70]!r}")
        if m is None:
            err(where, "id does not match b10-NN-slug")
    for e in errors:
        print("ERROR", e)
    print(f"{len(arts)} articles, {total} events, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
