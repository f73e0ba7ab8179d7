"""Regenerate ``countries.csv`` from pycountry's ISO 3166-1 list and the hand-written ``country_extras.csv``.

Run from anywhere with pycountry installed::

    python -m eventwire.kb.build_countries            # writes src/eventwire/kb/countries.csv
    python -m eventwire.kb.build_countries --check    # exits 1 if countries.csv is out of date

For each ISO country the ``name`` is the override from the extras file, else pycountry's common name, else its ISO
name; pycountry's ISO and official names that differ from it become aliases. The extras file adds aliases, demonyms,
capitals and metonyms, and may add non-ISO entities (Kosovo, XKX). Every capital not marked ambiguous with a leading
``?`` and not already a name of the country is appended to the metonyms (sector GOV by default).
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pycountry

from eventwire.kb import normalize

HERE = Path(__file__).resolve().parent
EXTRAS = HERE / "country_extras.csv"
OUTPUT = HERE / "countries.csv"
COLUMNS = ["iso3", "name", "aliases", "demonyms", "capitals", "metonyms", "source"]
ISO_SOURCE = f"pycountry {getattr(pycountry, '__version__', '')} (ISO 3166-1)".replace("  ", " ")


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _unique(values: list[str], taken: set[str]) -> list[str]:
    """``values`` without repeats (compared case-insensitively) of what is already in ``taken`` (which is updated)."""
    kept = []
    for value in values:
        key = value.lstrip("?").partition(":")[0].strip().casefold()
        if key and key not in taken:
            taken.add(key)
            kept.append(value)
    return kept


def build() -> str:
    """The text of countries.csv."""
    with EXTRAS.open(encoding="utf-8", newline="") as handle:
        extras = {row["iso3"]: row for row in csv.DictReader(handle)}
    iso = {str(country.alpha_3): country for country in pycountry.countries}
    unknown = sorted(set(extras) - set(iso))
    rows = []
    for code in sorted(set(iso) | set(extras)):
        extra = extras.get(code, {})
        country = iso.get(code)
        iso_names: list[str] = []
        if country is not None:
            iso_names = [str(country.name)] + [
                str(getattr(country, attr)) for attr in ("common_name", "official_name") if hasattr(country, attr)
            ]
        name = extra.get("name") or (iso_names[1] if country is not None and hasattr(country, "common_name") else "")
        name = name or iso_names[0]
        taken = {name.casefold()}
        aliases = _unique(iso_names + _split(extra.get("aliases", "")), taken)
        demonyms = _unique(_split(extra.get("demonyms", "")), taken)
        capitals = _split(extra.get("capitals", ""))
        metonyms = _unique(_split(extra.get("metonyms", "")), set(taken))
        names = {normalize(value) for value in [name, *aliases, *demonyms]}
        seen = {normalize(m.partition(":")[0]) for m in metonyms}
        for capital in capitals:
            key = normalize(capital)
            if not capital.startswith("?") and key not in names and key not in seen:
                seen.add(key)
                metonyms.append(capital)
        sources = []
        if country is not None:
            sources.append(f"{ISO_SOURCE} for the code and ISO names")
        if extra:
            sources.append(f"country_extras.csv ({extra.get('source') or 'general public knowledge'})")
        if code in unknown:
            sources.append("not in ISO 3166-1")
        rows.append([code, name, "|".join(aliases), "|".join(demonyms), "|".join(capitals), "|".join(metonyms),
                     "; ".join(sources)])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Write countries.csv, or with ``--check`` report whether it is up to date."""
    args = sys.argv[1:] if argv is None else argv
    text = build()
    if "--check" in args:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT} is out of date: run python -m eventwire.kb.build_countries", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT} ({text.count(chr(10)) - 1} countries)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
