#!/usr/bin/env python3
"""Validate blind8 articles.jsonl / gold.jsonl against the dev-set format and GUIDELINES.md.

Usage: python3 validate.py [DIR]   (DIR defaults to this script's folder)
Exit status 0 when every check passes, 1 otherwise.
"""
import json, os, sys, datetime, re, collections

DIR = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
TYPES = {'assault', 'seizure', 'prisoner_release', 'talks', 'agreement', 'air_strike', 'shelling',
         'bombing', 'attack_on_civilians', 'surrender', 'withdrawal', 'arrest', 'protest'}
ART_KEYS = {'id', 'source', 'published', 'url', 'text'}
GOLD_KEYS = {'id', 'aliases', 'events'}
EV_REQ = {'type', 'date', 'time_precision', 'location', 'actors', 'evidence'}
EV_OPT = {'date_range', 'fatalities', 'optional'}
LOC_KEYS = {'name', 'country', 'admin1', 'lat', 'lon', 'geo_precision'}
PREC_FMT = {'day': '%Y-%m-%d', 'week': '%Y-%m-%d', 'month': '%Y-%m', 'year': '%Y'}
GEO = {'point', 'admin1', 'admin2', 'country'}
errors = []

def err(msg):
    errors.append(msg)

def parse_date(s, fmt):
    try:
        return datetime.datetime.strptime(s, fmt).date()
    except (ValueError, TypeError):
        return None

def load(path):
    rows = []
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                err(f'{os.path.basename(path)}:{n}: bad JSON: {e}')
    return rows

arts = load(os.path.join(DIR, 'articles.jsonl'))
golds = load(os.path.join(DIR, 'gold.jsonl'))
texts = {}
for a in arts:
    if set(a) != ART_KEYS:
        err(f"article {a.get('id')}: keys {sorted(a)} != {sorted(ART_KEYS)}")
    aid = a.get('id', '')
    if not re.fullmatch(r'b8-\d\d-[a-z0-9-]+', aid):
        err(f'article id {aid!r} not of form b8-NN-slug')
    if aid in texts:
        err(f'duplicate article id {aid}')
    texts[aid] = a.get('text', '')
    if a.get('published') is not None and not parse_date(a['published'], '%Y-%m-%d'):
        err(f'{aid}: bad published {a["published"]!r}')
    if a.get('url') is not None:
        err(f'{aid}: url should be null')
    nw = len(a.get('text', '').split())
    if not 300 <= nw <= 450:
        err(f'{aid}: {nw} words, expected 300-450')

gids = [g.get('id') for g in golds]
if gids != [a.get('id') for a in arts]:
    err(f'article ids and gold ids differ or are in a different order: {gids}')

counts = collections.Counter()
for g in golds:
    gid = g.get('id')
    if set(g) != GOLD_KEYS:
        err(f'gold {gid}: keys {sorted(g)}')
    aliases = g.get('aliases', {})
    if not isinstance(aliases, dict) or not all(isinstance(v, list) and all(isinstance(x, str) for x in v) for v in aliases.values()):
        err(f'{gid}: aliases must map names to lists of strings')
    text = texts.get(gid, '')
    for i, e in enumerate(g.get('events', [])):
        where = f'{gid} event {i} ({e.get("type")})'
        keys = set(e)
        if not EV_REQ <= keys or keys - EV_REQ - EV_OPT:
            err(f'{where}: keys {sorted(keys)}')
            continue
        if e['type'] not in TYPES:
            err(f'{where}: unknown type')
        prec = e['time_precision']
        if prec not in PREC_FMT:
            err(f'{where}: bad time_precision {prec!r}')
            continue
        d = parse_date(e['date'], PREC_FMT[prec])
        if d is None:
            err(f'{where}: date {e["date"]!r} does not fit precision {prec}')
        if 'date_range' in e:
            r = e['date_range']
            lo, hi = (parse_date(x, '%Y-%m-%d') for x in r) if len(r) == 2 else (None, None)
            if lo is None or hi is None or lo > hi:
                err(f'{where}: bad date_range {r}')
            elif d is not None and prec == 'day' and not lo <= d <= hi:
                err(f'{where}: date {d} outside date_range {r}')
            elif d is not None and prec in ('month', 'year') and not (e['date'] <= hi.isoformat() and lo.isoformat()[:len(e['date'])] <= e['date']):
                err(f'{where}: {prec} date {e["date"]} does not overlap date_range {r}')
        loc = e['location']
        if set(loc) != LOC_KEYS:
            err(f'{where}: location keys {sorted(loc)}')
        else:
            if not re.fullmatch(r'[A-Z]{2}', loc['country'] or ''):
                err(f'{where}: bad country')
            if loc['geo_precision'] not in GEO:
                err(f'{where}: bad geo_precision')
            if loc['geo_precision'] != 'country' and not loc['admin1']:
                err(f'{where}: admin1 missing')
            if not (-90 <= loc['lat'] <= 90 and -180 <= loc['lon'] <= 180):
                err(f'{where}: bad coordinates')
        act = e['actors']
        if set(act) != {'agent', 'target'} or not act['agent']:
            err(f'{where}: actors must have non-empty agent and a target list')
        for name in act.get('agent', []) + act.get('target', []):
            if name not in aliases:
                err(f'{where}: actor {name!r} not a key of aliases')
        if e['evidence'] not in text:
            err(f'{where}: evidence not found verbatim in the article text')
        if 'fatalities' in e and not (isinstance(e['fatalities'], int) and e['fatalities'] >= 0):
            err(f'{where}: bad fatalities')
        if 'optional' in e and e['optional'] is not True:
            err(f'{where}: optional must be true when present')
        counts[(e['type'], bool(e.get('optional')))] += 1

for msg in errors:
    print('ERROR', msg)
req = sum(v for (t, o), v in counts.items() if not o)
opt = sum(v for (t, o), v in counts.items() if o)
print(f'{len(arts)} articles, {req} required + {opt} optional events')
for t in sorted(TYPES):
    print(f'  {t:20s} {counts[(t, False)]:3d} required  {counts[(t, True)]:2d} optional')
print('OK' if not errors else f'{len(errors)} errors')
sys.exit(1 if errors else 0)
