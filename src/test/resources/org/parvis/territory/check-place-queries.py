#!/usr/bin/env python3
"""Check the expectations of place-queries.tsv against the official COG 2026 list.

Usage:
    python3 check-place-queries.py [TARBALL]

TARBALL is the npm tarball of @etalab/decoupage-administratif@6.0.0 (default:
/tmp/npmdl/etalab-decoupage-administratif-6.0.0.tgz). The script reads its JSON files directly and
verifies every row of place-queries.tsv (next to this script) with rules of its own, written
without Parvis's Java code, so the test's expected codes come from the official list:

    code         each id has the query as INSEE code (commune, arrondissement, département,
                 région); a code that is also a postcode uses the check "contains", as the
                 postcode's communes come first
    former-code  each id is the current commune of a former commune with that code
    siren        the id is the commune or EPCI with that SIREN
    postcode     the ids are all the communes and arrondissements with that postcode, most populous
                 commune first, an arrondissement just before its commune (check "starts" when the
                 postcode is also an INSEE code, whose place follows)
    name         the first id's official name equals the query up to case, accents, punctuation
                 and St/Ste
    homonyms     the ids are all the current communes with that name, most populous first, and no
                 département, région or EPCI bears it
    former       the id is the chef-lieu of a commune déléguée or associée of that name, and no
                 current commune bears it
    typo         the first id's name is 1 or 2 edits (Damerau) from the query, starts with the same
                 letter, and is the most populous commune at that distance or less
    prefix       the first id's name starts with the query, no place is named exactly so, and no
                 place whose name starts with it is more populous
    qualified    "name code": the first id has that name and lies in that département (or has that
                 postcode)
    arrondissement  the ids are the arrondissements municipaux named by "City Ne" or "Ne
                 arrondissement"
    departement, region, epci  the first id is of that level and its name (or, for an EPCI, its
                 name with CC/CA/CU spelt out) equals the query
    sector       Paris Centre: arrondissements 1 to 4 of Paris
    none         no commune, département, région or EPCI name starts with the query or is within 2
                 edits of it

Exit status 0 when every row passes, 1 otherwise (each failure is printed). Standard library only.
"""

import io
import json
import os
import re
import sys
import tarfile
import unicodedata

DEFAULT_TARBALL = "/tmp/npmdl/etalab-decoupage-administratif-6.0.0.tgz"
HERE = os.path.dirname(os.path.abspath(__file__))
ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}
ORDINAL = re.compile(r"^(\d+)(e|er|re|ere|eme|em|nd|nde)$")
EPCI_TYPES = {"CC ": "Communauté de communes ", "CA ": "Communauté d'agglomération ", "CU ": "Communauté urbaine "}


def norm(text):
    text = re.sub(r"(?i)\bs/", "sur ", text)
    text = text.replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae")
    decomposed = unicodedata.normalize("NFD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    out = []
    for token in re.split(r"[^a-z0-9]+", plain):
        if not token:
            continue
        token = ABBREVIATIONS.get(token, token)
        m = ORDINAL.match(token)
        out.append(m.group(1) if m else token)
    return "".join(out)


def damerau(a, b):
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


def load(tarball):
    data = {}
    with tarfile.open(tarball) as tar:
        for name in ("communes", "epci", "departements", "regions"):
            member = tar.extractfile("package/data/" + name + ".json")
            data[name] = json.load(io.TextIOWrapper(member, encoding="utf-8"))
    return data


class Official:
    def __init__(self, data):
        self.communes = {c["code"]: c for c in data["communes"] if c["type"] == "commune-actuelle"}
        self.arrondissements = {c["code"]: c for c in data["communes"] if c["type"] == "arrondissement-municipal"}
        self.formers = [c for c in data["communes"] if c["type"] in ("commune-deleguee", "commune-associee")]
        self.ancien = {}
        for c in self.communes.values():
            for old in c.get("anciensCodes") or []:
                self.ancien.setdefault(old, set()).add(c["code"])
        self.epcis = {e["code"]: e for e in data["epci"]}
        self.departements = {d["code"]: d for d in data["departements"]}
        self.regions = {r["code"]: r for r in data["regions"]}
        self.epci_of = {}
        for e in data["epci"]:
            for m in e["membres"]:
                self.epci_of[m["code"]] = e["code"]

    def place(self, area_id):
        """(level, record) for an area id, or (None, None)."""
        parts = area_id.split(":")
        if area_id in ("fr", "eu"):
            return area_id, {"nom": area_id}
        level, code = parts[1], parts[2]
        table = {
            "commune": self.communes,
            "arrondissement": self.arrondissements,
            "epci": self.epcis,
            "departement": self.departements,
            "region": self.regions,
        }[level]
        return (level, table[code]) if code in table else (None, None)

    def population(self, area_id):
        level, record = self.place(area_id)
        if level in ("commune", "arrondissement"):
            return record.get("population") or 0
        if level == "epci":
            return record.get("populationMunicipale") or 0
        if level == "departement":
            return sum(c.get("population") or 0 for c in self.communes.values() if c["departement"] == record["code"])
        if level == "region":
            return sum(c.get("population") or 0 for c in self.communes.values() if c["region"] == record["code"])
        return 0

    def all_named(self):
        """(area id, official name) of every commune, arrondissement, EPCI, département, région."""
        for c in self.communes.values():
            yield "fr:commune:" + c["code"], c["nom"]
        for c in self.arrondissements.values():
            yield "fr:arrondissement:" + c["code"], c["nom"]
        for e in self.epcis.values():
            yield "fr:epci:" + e["code"], e["nom"]
        for d in self.departements.values():
            yield "fr:departement:" + d["code"], d["nom"]
        for r in self.regions.values():
            yield "fr:region:" + r["code"], r["nom"]


def check_row(o, query, check, ids, kind):
    """Returns None when the row agrees with the official list, else the reason."""
    q = norm(query)
    first = ids[0] if ids else None
    if kind == "none":
        if ids or check != "none":
            return "a 'none' row lists no id and uses check 'none'"
        for area, name in o.all_named():
            n = norm(name)
            if n.startswith(q) or abs(len(n) - len(q)) <= 2 and damerau(n, q) <= 2:
                return "official name " + name + " (" + area + ") is close to the query"
        return None
    for area in ids:
        if o.place(area)[0] is None:
            return area + " is not in the official list"

    if kind == "code":
        for area in ids:
            if area.split(":")[-1] != query.strip().upper():
                return area + " does not have code " + query
        return None
    if kind == "former-code":
        code = query.strip().upper()
        targets = {"fr:commune:" + c["chefLieu"] for c in o.formers if c["code"] == code}
        targets |= {"fr:commune:" + c for c in o.ancien.get(code, ())}
        return None if set(ids) <= targets else "former code " + code + " maps to " + str(sorted(targets))
    if kind == "siren":
        level, record = o.place(first)
        siren = record.get("siren") if level == "commune" else record.get("code")
        return None if siren == query.strip() else first + " has SIREN " + str(siren)
    if kind == "postcode":
        postcode = query.strip()
        places = ["fr:commune:" + c for c, r in o.communes.items() if postcode in r.get("codesPostaux", [])]
        places += ["fr:arrondissement:" + c for c, r in o.arrondissements.items() if postcode in r.get("codesPostaux", [])]

        def order(area):
            level, record = o.place(area)
            commune_pop = o.population("fr:commune:" + record["commune"]) if level == "arrondissement" else o.population(area)
            return (-commune_pop, 0 if level == "arrondissement" else 1, -o.population(area), area)

        expected = sorted(places, key=order)
        if check == "exactly" and ids != expected or check == "starts" and ids != expected[: len(ids)]:
            return "postcode " + postcode + " has, in order, " + str(expected)
        return None
    if kind == "name":
        name = o.place(first)[1]["nom"]
        return None if norm(name) == q else first + " is named " + name
    if kind == "homonyms":
        communes = [a for a, n in o.all_named() if a.startswith("fr:commune:") and norm(n) == q]
        communes.sort(key=lambda a: (-o.population(a), a))
        others = [a for a, n in o.all_named() if not a.startswith("fr:commune:") and norm(n) == q]
        if others:
            return "non-communes also bear the name: " + str(others)
        return None if ids == communes else "the communes named so are, by population, " + str(communes)
    if kind == "former":
        if any(norm(c["nom"]) == q for c in o.communes.values()):
            return "a current commune bears the name " + query
        chefs = {"fr:commune:" + c["chefLieu"] for c in o.formers if norm(c["nom"]) == q}
        return None if first in chefs else "former communes named so belong to " + str(sorted(chefs))
    if kind == "typo":
        name = o.place(first)[1]["nom"]
        distance = damerau(q, norm(name))
        if distance not in (1, 2) or norm(name)[0] != q[0]:
            return first + " (" + name + ") is " + str(distance) + " edits away, first letter " + norm(name)[0]
        rivals = [
            a
            for a, n in o.all_named()
            if a.startswith("fr:commune:") and n and norm(n)[0] == q[0] and damerau(q, norm(n)) <= distance
            and o.population(a) > o.population(first)
        ]
        return None if not rivals else "more populous communes as close: " + str(rivals)
    if kind == "prefix":
        name = o.place(first)[1]["nom"]
        if not norm(name).startswith(q):
            return first + " (" + name + ") does not start with the query"
        exact = [a for a, n in o.all_named() if norm(n) == q]
        if exact:
            return "places are named exactly so: " + str(exact)
        bigger = [a for a, n in o.all_named() if norm(n).startswith(q) and o.population(a) > o.population(first)]
        return None if check != "first" or not bigger else "more populous places start so: " + str(bigger)
    if kind == "qualified":
        m = re.match(r"^\s*(?:(\d{5}|\d{2,3}|2[AB])\s+(.*)|(.*?)\s+\(?(\d{5}|\d{2,3}|2[AB])\)?)\s*$", query, re.I)
        if not m:
            return "query is not 'name code' or 'code name'"
        code = (m.group(1) or m.group(4)).upper()
        name = m.group(2) or m.group(3)
        level, record = o.place(first)
        if norm(record["nom"]) != norm(name):
            return first + " is named " + record["nom"]
        inside = record.get("departement") == code or code in record.get("codesPostaux", [])
        return None if inside else first + " is not in " + code
    if kind == "arrondissement":
        m = re.match(r"^\s*(?:(\D+?)\s+(\d{1,2})\s*(?:e|er|eme|ème)?|(\d{1,2})\s*(?:e|er|eme|ème)\s+arrondissement)\s*$", query, re.I)
        if not m:
            return "query is not 'City N' or 'Ne arrondissement'"
        number = int(m.group(2) or m.group(3))
        city = m.group(1)
        expected = []
        for code, record in sorted(o.arrondissements.items()):
            parts = re.match(r"^(.*) (\d+)(?:e|er) Arrondissement$", record["nom"])
            if parts and int(parts.group(2)) == number and (city is None or norm(parts.group(1)) == norm(city)):
                expected.append("fr:arrondissement:" + code)
        return None if set(ids) <= set(expected) and ids else "arrondissements so named: " + str(expected)
    if kind in ("departement", "region", "epci"):
        level, record = o.place(first)
        if level != kind:
            return first + " is not a " + kind
        names = [record["nom"]]
        for short, long in EPCI_TYPES.items():
            if record["nom"].startswith(short):
                names.append(long + record["nom"][len(short):])
        if q in (norm(n) for n in names) or query.strip().upper() == record["code"]:
            return None
        return first + " is named " + record["nom"]
    if kind == "sector":
        expected = ["fr:arrondissement:7510" + str(i) for i in range(1, 5)]
        return None if sorted(ids) == expected else "Paris Centre groups " + str(expected)
    return "unknown kind " + kind


def main():
    tarball = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_TARBALL
    official = Official(load(tarball))
    failures = 0
    rows = 0
    with open(os.path.join(HERE, "place-queries.tsv"), encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 5:
                print("line", number, ": expected at least 5 tab-separated fields")
                failures += 1
                continue
            query, check, ids, _match, kind = fields[:5]
            ids = [i for i in ids.split(",") if i]
            rows += 1
            problem = check_row(official, query, check, ids, kind)
            if problem:
                failures += 1
                print("line", number, repr(query), ":", problem)
    print(rows, "rows,", failures, "failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
