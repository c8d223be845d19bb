#!/usr/bin/env python3
"""Validate blind9 articles.jsonl / gold.jsonl against the dev-set format and GUIDELINES.md.
Exit 0 when all checks pass; prints problems otherwise."""
import json, re, sys, datetime as dt, collections, os

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = {"assault", "seizure", "prisoner_release", "talks", "agreement", "air_strike", "shelling", "bombing",
         "attack_on_civilians", "surrender", "withdrawal", "arrest", "protest"}
PRECS = {"day", "week", "month", "year"}
GEOP = {"point", "admin1", "admin2", "country"}
ART_KEYS = {"id", "source", "published", "url", "text"}
GOLD_KEYS = {"id", "aliases", "events"}
EV_REQ = {"type", "date", "time_precision", "location", "actors", "evidence"}
EV_OPT = {"date_range", "fatalities", "optional"}
LOC_KEYS = {"name", "country", "admin1", "lat", "lon", "geo_precision"}
ID_RE = re.compile(r"^b9-(0[1-9]|1[0-2])-[a-z0-9-]+$")
errors = []

def err(msg):
    errors.append(msg)

def parse_date(s, prec):
    """Return (first_day, last_day) covered by a date string at the given precision."""
    pats = {"day": r"^\d{4}-\d{2}-\d{2}$", "week": r"^\d{4}-\d{2}-\d{2}$", "month": r"^\d{4}-\d{2}$", "year": r"^\d{4}$"}
    if not re.match(pats[prec], s):
        raise ValueError(f"date {s!r} does not fit precision {prec}")
    if prec in ("day", "week"):
        d = dt.date.fromisoformat(s)
        if prec == "week":
            mon = d - dt.timedelta(days=d.weekday())
            return mon, mon + dt.timedelta(days=6)
        return d, d
    if prec == "month":
        y, m = map(int, s.split("-"))
        first = dt.date(y, m, 1)
        nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
        return first, nxt - dt.timedelta(days=1)
    y = int(s)
    return dt.date(y, 1, 1), dt.date(y, 12, 31)

def load(name):
    rows = []
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                err(f"{name}:{n}: bad JSON: {e}")
    return rows

arts, gold = load("articles.jsonl"), load("gold.jsonl")
aid = [a.get("id") for a in arts]
gid = [g.get("id") for g in gold]
if aid != gid:
    err(f"article ids and gold ids differ or are out of order: {aid} vs {gid}")
if len(set(aid)) != len(aid):
    err("duplicate article ids")
if len(arts) != 12:
    err(f"expected 12 articles, found {len(arts)}")
nums = sorted(int(i.split("-")[1]) for i in aid if i and ID_RE.match(i))
if nums != list(range(1, 13)):
    err(f"article numbers are not 01..12: {nums}")

# articles with published null: the date the text itself gives (dateline, top line or footer)
TEXT_DATES = {"b9-02-fallujah": ("June 27", "2016-06-27"), "b9-05-kunduz": ("Published: 4 October 2016", "2016-10-04"),
              "b9-08-wad-madani": ("Dec 19", "2023-12-19"), "b9-10-jaffar-express": ("March 13th, 2025", "2025-03-13")}
text_of, pub_of = {}, {}
for a in arts:
    i = a.get("id", "?")
    if set(a) != ART_KEYS:
        err(f"{i}: article keys {sorted(a)} != {sorted(ART_KEYS)}")
    if not ID_RE.match(str(i)):
        err(f"{i}: bad article id")
    if a.get("url") is not None:
        err(f"{i}: url should be null")
    words = len(a.get("text", "").split())
    if not 300 <= words <= 450:
        err(f"{i}: {words} words, outside 300-450")
    p = a.get("published")
    if p is not None:
        try:
            pub_of[i] = dt.date.fromisoformat(p)
        except ValueError:
            err(f"{i}: bad published date {p!r}")
    elif i in TEXT_DATES:
        marker, day = TEXT_DATES[i]
        if marker not in a.get("text", ""):
            err(f"{i}: published is null but the text lacks its date marker {marker!r}")
        pub_of[i] = dt.date.fromisoformat(day)
    else:
        err(f"{i}: published is null and no text date is known")
    text_of[i] = a.get("text", "")

counts = collections.Counter()
norm = lambda s: re.sub(r"\s+", " ", s.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")).lower()
for g in gold:
    i = g.get("id", "?")
    if set(g) != GOLD_KEYS:
        err(f"{i}: gold keys {sorted(g)} != {sorted(GOLD_KEYS)}")
    aliases = g.get("aliases", {})
    if not isinstance(aliases, dict) or not all(isinstance(v, list) and all(isinstance(x, str) for x in v) for v in aliases.values()):
        err(f"{i}: aliases must map names to lists of strings")
    events = g.get("events", [])
    if not events:
        err(f"{i}: no events")
    text = norm(text_of.get(i, ""))
    pub = pub_of.get(i)
    for k, e in enumerate(events):
        tag = f"{i}#{k} {e.get('type')}"
        keys = set(e)
        if not EV_REQ <= keys or keys - EV_REQ - EV_OPT:
            err(f"{tag}: keys {sorted(keys)}")
            continue
        if e["type"] not in TYPES:
            err(f"{tag}: unknown type")
        if e["time_precision"] not in PRECS:
            err(f"{tag}: bad time_precision")
            continue
        try:
            first, last = parse_date(e["date"], e["time_precision"])
        except ValueError as ex:
            err(f"{tag}: {ex}")
            continue
        if "date_range" in e:
            r = e["date_range"]
            try:
                r0, r1 = (dt.date.fromisoformat(x) for x in r)
                if len(r) != 2 or r0 > r1:
                    raise ValueError
            except (ValueError, TypeError):
                err(f"{tag}: bad date_range {r}")
                r0 = r1 = None
            if r0 and (r1 < first or r0 > last):
                err(f"{tag}: date {e['date']} and date_range {r} do not overlap")
            if pub and r0 and r0 > pub:
                err(f"{tag}: date_range starts after publication {pub}")
        if pub and first > pub:
            err(f"{tag}: date {e['date']} after publication {pub}")
        loc = e["location"]
        if set(loc) != LOC_KEYS:
            err(f"{tag}: location keys {sorted(loc)}")
        else:
            if loc["geo_precision"] not in GEOP:
                err(f"{tag}: bad geo_precision")
            if not (isinstance(loc["lat"], (int, float)) and -90 <= loc["lat"] <= 90 and isinstance(loc["lon"], (int, float)) and -180 <= loc["lon"] <= 180):
                err(f"{tag}: bad lat/lon")
            if not re.match(r"^[A-Z]{2}$", str(loc["country"])):
                err(f"{tag}: bad country")
            if loc["admin1"] is None and loc["geo_precision"] != "country":
                err(f"{tag}: admin1 missing below country precision")
        act = e["actors"]
        if set(act) != {"agent", "target"} or not all(isinstance(act[x], list) for x in act):
            err(f"{tag}: actors must have agent and target lists")
        else:
            for name in act["agent"] + act["target"]:
                if name not in aliases:
                    err(f"{tag}: actor {name!r} has no aliases entry")
        if "fatalities" in e and not (isinstance(e["fatalities"], int) and e["fatalities"] >= 0):
            err(f"{tag}: bad fatalities")
        if "optional" in e and e["optional"] is not True:
            err(f"{tag}: optional must be true when present")
        for frag in e["evidence"].split("..."):
            frag = norm(frag.strip(" ,.;"))
            if frag and frag not in text:
                err(f"{tag}: evidence fragment not in article text: {frag!r}")
        counts[(e["type"], bool(e.get("optional")))] += 1

if errors:
    print("\n".join(errors))
    print(f"FAILED: {len(errors)} problem(s)")
    sys.exit(1)
req = sum(v for (t, o), v in counts.items() if not o)
opt = sum(v for (t, o), v in counts.items() if o)
print(f"OK: {len(arts)} articles, {req} required + {opt} optional events")
for t in sorted(TYPES):
    print(f"  {t:20s} required {counts[(t, False)]:3d}  optional {counts[(t, True)]:3d}")
