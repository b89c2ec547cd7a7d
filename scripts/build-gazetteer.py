#!/usr/bin/env python3
"""Build Parvis's French gazetteer resource from @etalab/decoupage-administratif.

Usage:
    python3 scripts/build-gazetteer.py [TARBALL] [--out PATH]

TARBALL is the npm tarball of @etalab/decoupage-administratif@6.0.0 (COG 2026). When it is
omitted, the script fetches it with `npm pack` into a temporary directory. The tarball must match
the registry's published integrity hash, so the output is always derived from the same data.

The output (default: src/main/resources/org/parvis/territory/fr-areas-2026.tsv.gz) is a gzip
file of UTF-8, tab-separated lines. The first line is a header:

    #parvis-fr-areas  format=1  cog=2026  source=@etalab/decoupage-administratif@6.0.0

Every other line starts with a record tag; empty fields mean "absent"; lists are comma-separated.

    R  code  name                                             région
    D  code  name  région                                     département
    E  siren  name  type  population                          EPCI (population municipale)
    C  code  name  département  région  population  postcodes  epci-siren  siren
                                                              current commune
    A  code  name  commune  population  postcodes             arrondissement municipal
    F  type  code  name  current-commune                      former commune

Former-commune types: commune-deleguee, commune-associee (from the package's records of those
types, via `chefLieu`) and ancien-code (a code listed in a current commune's `anciensCodes`,
kept only when no délégée/associée record already maps that code to the same commune; its name is
the délégée/associée name of that code when the package has one, else empty).

Populations are INSEE "population municipale" (the package's commune `population` field and the
EPCI `populationMunicipale` field). Sections come in the order above, each sorted by code, so the
same input always gives the same bytes (gzip mtime is 0, no file name is stored).

Standard library only.
"""

import argparse
import base64
import gzip
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "@etalab/decoupage-administratif"
VERSION = "6.0.0"
COG_VINTAGE = "2026"
# dist.integrity published by the npm registry for this version.
INTEGRITY = (
    "sha512-XavYsFlbcM/prKr8hNHPKER94IHw/dsxNM4nxjWMYk6PLFACpEedvn/7wK8Baozm0dCYhWWcf+7bcWpA5pmCaQ=="
)
DEFAULT_OUT = os.path.join(
    os.path.dirname(os.path.abspath(__file__)),
    "..",
    "src",
    "main",
    "resources",
    "org",
    "parvis",
    "territory",
    "fr-areas-" + COG_VINTAGE + ".tsv.gz",
)
FORMAT_VERSION = "1"


class DataError(Exception):
    """The package content breaks an assumption the gazetteer relies on."""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("tarball", nargs="?", help="path to the npm tarball (fetched if omitted)")
    parser.add_argument("--out", default=DEFAULT_OUT, help="output file (default: %(default)s)")
    args = parser.parse_args()

    if args.tarball:
        data = read_file(args.tarball)
    else:
        data = npm_pack()
    check_integrity(data, args.tarball or "npm pack")

    files = read_package(data)
    lines = build_lines(files)
    payload = ("\n".join(lines) + "\n").encode("utf-8")

    out = os.path.normpath(args.out)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "wb") as raw:
        # mtime=0 and no file name keep the gzip header identical between runs.
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
            gz.write(payload)
    print(
        "wrote %s: %d lines, %d bytes uncompressed, %d bytes gzip"
        % (out, len(lines), len(payload), os.path.getsize(out)),
        file=sys.stderr,
    )


def read_file(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        sys.exit("cannot read tarball %s: %s; pass the path of %s-%s.tgz or omit it to fetch it"
                 " with npm pack" % (path, e.strerror, PACKAGE, VERSION))


def npm_pack():
    with tempfile.TemporaryDirectory() as tmp:
        spec = "%s@%s" % (PACKAGE, VERSION)
        print("fetching %s with npm pack" % spec, file=sys.stderr)
        try:
            result = subprocess.run(
                ["npm", "pack", spec, "--silent", "--pack-destination", tmp],
                check=True, capture_output=True, text=True)
        except (OSError, subprocess.CalledProcessError) as e:
            detail = getattr(e, "stderr", None) or str(e)
            sys.exit("npm pack %s failed: %s; download the tarball yourself and pass its path"
                     % (spec, detail.strip()))
        name = result.stdout.strip().splitlines()[-1]
        return read_file(os.path.join(tmp, name))


def check_integrity(data, origin):
    algorithm, expected = INTEGRITY.split("-", 1)
    actual = base64.b64encode(hashlib.new(algorithm, data).digest()).decode("ascii")
    if actual != expected:
        sys.exit("tarball from %s is not %s@%s: %s digest %s, expected %s; pass the genuine"
                 " tarball, or update VERSION and INTEGRITY for a new vintage"
                 % (origin, PACKAGE, VERSION, algorithm, actual, expected))


def read_package(data):
    wanted = ["package.json", "data/regions.json", "data/departements.json",
              "data/communes.json", "data/epci.json"]
    files = {}
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        for name in wanted:
            member = tar.getmember("package/" + name)
            files[name] = json.load(tar.extractfile(member))
    if files["package.json"].get("version") != VERSION:
        raise DataError("package.json says version %r, expected %s"
                        % (files["package.json"].get("version"), VERSION))
    return files


def build_lines(files):
    regions = {r["code"]: r for r in files["data/regions.json"]}
    departements = {d["code"]: d for d in files["data/departements.json"]}
    records = files["data/communes.json"]
    epcis = {e["code"]: e for e in files["data/epci.json"]}

    by_type = {}
    for record in records:
        by_type.setdefault(record["type"], []).append(record)
    communes = {c["code"]: c for c in by_type.get("commune-actuelle", [])}
    arrondissements = by_type.get("arrondissement-municipal", [])

    epci_of = commune_to_epci(epcis, communes)
    for d in departements.values():
        require(d["region"] in regions, "département %s names unknown région %s"
                % (d["code"], d["region"]))

    lines = ["\t".join(["#parvis-fr-areas", "format=" + FORMAT_VERSION, "cog=" + COG_VINTAGE,
                        "source=%s@%s" % (PACKAGE, VERSION)])]
    for code in sorted(regions):
        lines.append(row("R", code, regions[code]["nom"]))
    for code in sorted(departements):
        d = departements[code]
        lines.append(row("D", code, d["nom"], d["region"]))
    for code in sorted(epcis):
        e = epcis[code]
        lines.append(row("E", code, e["nom"], e["type"], number(e.get("populationMunicipale"))))
    for code in sorted(communes):
        c = communes[code]
        dep = departements.get(c["departement"])
        require(dep is not None, "commune %s names unknown département %s"
                % (code, c["departement"]))
        require(dep["region"] == c["region"], "commune %s has région %s but its département %s"
                " is in région %s" % (code, c["region"], dep["code"], dep["region"]))
        lines.append(row("C", code, c["nom"], c["departement"], c["region"],
                         number(c.get("population")), postcodes(c), epci_of.get(code, ""),
                         c.get("siren", "")))
    for a in sorted(arrondissements, key=lambda r: r["code"]):
        require(a["commune"] in communes, "arrondissement %s names unknown commune %s"
                % (a["code"], a["commune"]))
        lines.append(row("A", a["code"], a["nom"], a["commune"], number(a.get("population")),
                         postcodes(a)))
    for former in former_communes(by_type, communes):
        lines.append(row("F", *former))
    return lines


def commune_to_epci(epcis, communes):
    epci_of = {}
    for siren, epci in epcis.items():
        require(len(siren) == 9 and siren.isdigit(), "EPCI SIREN %r is not 9 digits" % siren)
        for member in epci["membres"]:
            code = member["code"]
            require(code in communes, "EPCI %s lists %s, which is not a current commune"
                    % (siren, code))
            require(code not in epci_of, "commune %s belongs to EPCIs %s and %s"
                    % (code, epci_of.get(code), siren))
            epci_of[code] = siren
    return epci_of


def former_communes(by_type, communes):
    """(type, code, name, current) tuples, sorted by code then type."""
    formers = []
    name_of = {}
    mapped = set()
    for kind in ("commune-deleguee", "commune-associee"):
        for f in by_type.get(kind, []):
            require(f["chefLieu"] in communes, "%s %s names unknown chef-lieu %s"
                    % (kind, f["code"], f["chefLieu"]))
            formers.append((kind, f["code"], f["nom"], f["chefLieu"]))
            name_of.setdefault(f["code"], f["nom"])
            mapped.add((f["code"], f["chefLieu"]))
    for current in communes.values():
        for code in current.get("anciensCodes", []):
            if (code, current["code"]) not in mapped:
                formers.append(("ancien-code", code, name_of.get(code, ""), current["code"]))
    formers.sort(key=lambda f: (f[1], f[0], f[3]))
    return formers


def postcodes(record):
    # Source order is kept: it is meaningful for Paris (75016, 75116, 75017…).
    return ",".join(record.get("codesPostaux", []))


def number(value):
    return "" if value is None else str(int(value))


def row(*fields):
    for field in fields:
        require(isinstance(field, str), "field %r is not text" % (field,))
        require("\t" not in field and "\n" not in field and "\r" not in field,
                "field %r contains a tab or line break" % field)
    return "\t".join(fields)


def require(condition, message):
    if not condition:
        raise DataError(message)


if __name__ == "__main__":
    try:
        main()
    except DataError as e:
        sys.exit("unexpected package content: %s; the gazetteer format needs review" % e)
