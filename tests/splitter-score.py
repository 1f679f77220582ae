#!/usr/bin/env python3
"""splitter-score.py [--tap] [--quiet] FIXTURE.expected.json... -- score `colloquy split`.

Each fixture is NAME.txt with NAME.expected.json beside it (the format of
../shared/corpus/*.expected.json plus "layout", and "hosts"/"guests" lists
where a show has several).  A paragraph is found in the segments by its
first words (letters and digits, case folded), as
../shared/tools/score-split.py does.  A 'drop' paragraph must be in no
segment; an 'optional' one may be absent; any other must be in segments of
the expected role and speaker.  A host's remark that asks nothing may be
labelled a question that opens no chapter or an answer: both are spoken by
the host and neither opens a chapter.  The title must match, and the
chapters by their first words.

Besides paragraphs right, it measures what a listener notices:
  question F1   paragraphs that open a chapter, found as questions
  furniture     'drop' paragraphs that were spoken anyway
  sides         spoken paragraphs given to the right side (host or guest)
  names         paragraphs of named speakers given the right name

Prints a table per layout (with --quiet, the tables only), or with --tap
one TAP line per fixture.  Exit status 0 when every fixture is right.
With --floors=LABELS,F1,FURNITURE,SIDES,NAMES it prints instead one TAP
line per measure over all fixtures (labels right, question F1, share of
furniture spoken at most, sides right, names right) against those floors,
each fixture's misses as comments, and exits 0 when all hold.
"""
import collections
import json
import os
import re
import subprocess
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def norm(s):
    s = unicodedata.normalize("NFKC", s).lower().replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"[^\w]+", "", s).replace("_", "")


# Role words name no one: a turn labelled "Interviewee:" is the split's
# "guest", one labelled "Interviewer:" its "host".
ROLE_WORDS = {
    "host": {"host", "interviewer", "moderator", "q", "question", "questioner"},
    "guest": {"guest", "interviewee", "respondent", "participant", "a", "answer"},
}


def same_name(a, b):
    """A label and the full name the page gives it are one speaker:
    "OYELARAN" and "Grace Oyelaran", "LM" and "Lidia Marsh"."""
    if a == b:
        return True
    if not a or not b:
        return False
    for words in ROLE_WORDS.values():
        if a.casefold().rstrip(".:") in words and b.casefold().rstrip(".:") in words:
            return True
    if a.casefold() == b.casefold():    # "DANA OKONJO" and the "Dana Okonjo" the page gives
        return True
    honorific = re.compile(r"^(mr|mrs|ms|dr|prof|rev)\.? ", re.I)
    a, b = honorific.sub("", a), honorific.sub("", b)
    if a == b:
        return True
    short, full = sorted((a, b), key=len)
    words = full.split()
    if " " in short or len(words) < 2:
        return False
    initials = "".join(w[0] for w in words).upper()
    s = short.replace(".", "").lower()
    bare = initials[1:] if words[0].lower() == "the" else initials    # "LL", The Larkspur Ledger
    return s in (words[0].lower(), words[-1].lower(), initials.lower(), bare.lower())


def same_chapter(want, got):
    w, g = norm(want), norm(got)
    return bool(w) and (g.startswith(w) or w.startswith(g) and len(g) >= 20)


class Tally:
    def __init__(self):
        self.fixtures = self.right_fixtures = self.right = self.total = 0
        self.q_tp = self.q_fp = self.q_fn = 0
        self.furn = self.furn_spoken = 0
        self.sides = self.sides_right = 0
        self.names = self.names_right = 0

    def add(self, o):
        for k, v in vars(o).items():
            setattr(self, k, getattr(self, k) + v)

    def f1(self):
        p = self.q_tp / max(self.q_tp + self.q_fp, 1)
        r = self.q_tp / max(self.q_tp + self.q_fn, 1)
        return 2 * p * r / max(p + r, 1e-9)


def score(exp_path, t):
    exp = json.load(open(exp_path, encoding="utf-8"))
    txt = os.path.join(os.path.dirname(exp_path), exp["source"])
    hosts = set(exp.get("hosts") or [exp.get("host", "host")]) | {"host"}
    guests = set(exp.get("guests") or [exp.get("guest", "guest")]) | {"guest"}
    t.fixtures += 1
    p = subprocess.run([os.environ.get("COLLOQUY", os.path.join(ROOT, "colloquy")), "split", txt, "--json"],
                       capture_output=True, text=True, timeout=60)
    if p.returncode != 0:
        t.total += len(exp["paragraphs"]) + 2
        return [f"split exited {p.returncode}: {p.stderr.strip()[:200]}"]
    doc = json.loads(p.stdout)
    segs = doc.get("segments", [])
    misses = []
    right = 0
    found_q = set()

    def named(got, want):
        """An unlabelled turn is spoken as "guest" or "host"; it names the
        speaker right when the split names that side's person so."""
        return same_name(got, want) or (got in ("host", "guest") and doc.get(got) not in (None, got) and
                                         same_name(doc.get(got), want)) or \
            (want in ("host", "guest") and doc.get(want) == got)    # a side the page leaves unnamed, named

    def side(name):
        if any(same_name(name, h) for h in hosts):
            return "host"
        return "guest" if any(same_name(name, g) for g in guests) else None

    for para in exp["paragraphs"]:
        key = norm(para["starts"])[:60]
        hits = [i for i, s in enumerate(segs) if key in norm(s.get("text", ""))]
        if not hits and re.search(r"[(\[][^)\]]{1,40}[)\]]", para["starts"]):
            # "(laughs) There is a kitchen table", "I'm sorry. [laughter]":
            # a stage direction is not said
            bare = norm(re.sub(r"[(\[][^)\]]{1,40}[)\]]", "", para["starts"]))[:60]
            if len(bare) >= 6:
                key = bare
                hits = [i for i, s in enumerate(segs) if key in norm(s.get("text", ""))]
        if len(key) < 6:    # "[1]", "Foam.": a short paragraph is found whole
            hits = [i for i in hits if norm(segs[i].get("text", "")) == key]
        role, spk = para["role"], para.get("speaker")
        if role == "drop" and len(key) < 25:
            # a short line of furniture ("Ada Stone", "Ohio") is spoken
            # when a segment is it or begins or ends with it, not when a
            # sentence happens to hold the same words
            hits = [i for i in hits if norm(segs[i].get("text", "")).startswith(key) or
                    norm(segs[i].get("text", "")).endswith(key)]
        if role == "drop":
            t.furn += 1
            t.furn_spoken += bool(hits)
            good = not hits
        elif para.get("optional") and not hits:
            good = True
        else:
            got = [(segs[i]["role"], segs[i]["speaker"]) for i in hits]
            remark = side(spk) == "host" and role in ("question", "answer") and \
                (role == "answer" or para.get("chapter") is False)
            good = bool(hits) and all(
                (r == role and named(s, spk)) or (remark and named(s, spk) and r in ("question", "answer"))
                for r, s in got)
            if hits and role != "title":
                t.sides += 1
                t.sides_right += all(side(s) == side(spk) for _, s in got)
                if spk not in ("host", "guest"):
                    t.names += 1
                    t.names_right += all(named(s, spk) for _, s in got)
        if role == "question" and para.get("chapter", True) and not (
                side(spk) == "host" and para.get("chapter") is False):
            if any(segs[i]["role"] == "question" for i in hits):
                t.q_tp += 1
                found_q.update(i for i in hits if segs[i]["role"] == "question")
            else:
                t.q_fn += 1
        elif any(segs[i]["role"] == "question" for i in hits) and role != "question" and \
                not (role == "answer" and side(spk) == "host"):
            t.q_fp += 1
        right += good
        if not good:
            got = [(segs[i]["role"], segs[i]["speaker"]) for i in hits] or "absent"
            misses.append(f"{para['starts'][:40]!r}: want {role}/{spk}, got {got}")
    total = len(exp["paragraphs"]) + 2
    if doc.get("title") == exp["title"]:
        right += 1
    else:
        misses.append(f"title {doc.get('title')!r}, want {exp['title']!r}")
    got_ch = [c["title"] for c in doc.get("chapters", [])]
    if len(got_ch) == len(exp["chapters"]) and all(map(same_chapter, exp["chapters"], got_ch)):
        right += 1
    else:
        misses.append(f"chapters {got_ch}, want {exp['chapters']}")
    t.right += right
    t.total += total
    t.right_fixtures += right == total
    return misses


def table(by_layout):
    print(f"{'layout':<14} {'fixtures':>9} {'labels right':>19} {'question F1':>12} "
          f"{'furniture spoken':>17} {'sides right':>15} {'names right':>15}")
    tot = Tally()
    for layout in sorted(by_layout) + ["all"]:
        r = by_layout[layout] if layout != "all" else tot
        if layout != "all":
            tot.add(r)
        print(f"{layout:<14} {r.right_fixtures:>4}/{r.fixtures:<4} {r.right:>6}/{r.total:<5} "
              f"{100 * r.right / max(r.total, 1):5.1f}% {r.f1():>11.2f} "
              f"{r.furn_spoken:>9}/{r.furn:<7} {r.sides_right:>6}/{r.sides:<4}"
              f"{100 * r.sides_right / max(r.sides, 1):4.0f}% {r.names_right:>6}/{r.names:<4}"
              f"{100 * r.names_right / max(r.names, 1):4.0f}%")
    return tot


def floors(spec, tot, notes):
    labels, f1, furn, sides, names = (float(x) for x in spec.split(","))
    rows = [
        (f"labels right {tot.right}/{tot.total} >= {labels:.1%}", tot.right >= labels * tot.total),
        (f"question F1 {tot.f1():.3f} >= {f1:.2f}", tot.f1() >= f1),
        (f"furniture spoken {tot.furn_spoken}/{tot.furn} <= {furn:.1%}", tot.furn_spoken <= furn * tot.furn),
        (f"turns on the right side {tot.sides_right}/{tot.sides} >= {sides:.1%}",
         tot.sides_right >= sides * tot.sides),
        (f"named speakers right {tot.names_right}/{tot.names} >= {names:.1%}",
         tot.names_right >= names * tot.names),
    ]
    for n, (desc, good) in enumerate(rows, 1):
        print(f"{'ok' if good else 'not ok'} {n} - splitter corpus: {desc}")
    for line in notes:
        print(f"# {line}")
    return 0 if all(g for _, g in rows) else 1


def main(argv):
    floor_spec = next((a.split("=", 1)[1] for a in argv if a.startswith("--floors=")), None)
    tap = "--tap" in argv
    quiet = "--quiet" in argv
    paths = sorted(a for a in argv if not a.startswith("--"))
    by_layout = collections.defaultdict(Tally)
    failed = 0
    notes = []
    for n, path in enumerate(paths, 1):
        layout = json.load(open(path, encoding="utf-8")).get("layout", "other")
        t = Tally()
        misses = score(path, t)
        by_layout[layout].add(t)
        name = os.path.basename(path).replace(".expected.json", "")
        failed += t.right != t.total
        if floor_spec:
            notes += [f"{name}: {m}" for m in misses]
        elif tap:
            print(f"{'ok' if t.right == t.total else 'not ok'} {n} - splitter fixture {name}: {t.right}/{t.total}")
            for m in misses:
                print(f"#   {m}")
        elif misses and not quiet:
            print(f"{name}: {t.right}/{t.total}")
            for m in misses:
                print(f"    {m}")
    if floor_spec:
        tot = Tally()
        for r in by_layout.values():
            tot.add(r)
        return floors(floor_spec, tot, notes)
    if not tap:
        print()
        tot = table(by_layout)
        if "--json" in argv:
            print(json.dumps({"f1": tot.f1(), "furniture": [tot.furn_spoken, tot.furn],
                              "sides": [tot.sides_right, tot.sides], "labels": [tot.right, tot.total]}))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
