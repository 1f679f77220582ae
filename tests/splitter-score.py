#!/usr/bin/env python3
"""splitter-score.py [--tap] FIXTURE.expected.json... -- score `colloquy split`.

Each fixture is NAME.txt with NAME.expected.json beside it (the format of
../shared/corpus/*.expected.json plus "layout").  A paragraph is found in
the segments by its first words (letters and digits, case folded), as
../shared/tools/score-split.py does.  A 'drop' paragraph must be in no
segment; an 'optional' one may be absent; any other must be in segments
of the expected role and speaker.  The title and the chapter titles must
match too.  Prints a table per layout, or with --tap one TAP line per
fixture.  Exit status 0 when every fixture is right.
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


def score(exp_path):
    exp = json.load(open(exp_path, encoding="utf-8"))
    txt = os.path.join(os.path.dirname(exp_path), exp["source"])
    p = subprocess.run([os.path.join(ROOT, "colloquy"), "split", txt, "--json"],
                       capture_output=True, text=True, timeout=60)
    if p.returncode != 0:
        return 0, len(exp["paragraphs"]), [f"split exited {p.returncode}: {p.stderr.strip()[:200]}"]
    doc = json.loads(p.stdout)
    segs = doc.get("segments", [])
    misses = []
    right = 0
    for para in exp["paragraphs"]:
        key = norm(para["starts"])[:60]
        hits = [s for s in segs if key in norm(s.get("text", ""))]
        if para["role"] == "drop":
            good = not hits
        elif para.get("optional") and not hits:
            good = True
        else:
            want = (para["role"], para.get("speaker"))
            good = bool(hits) and all((h["role"], h["speaker"]) == want for h in hits)
        right += good
        if not good:
            got = [(h["role"], h["speaker"]) for h in hits] or "absent"
            misses.append(f"{para['starts'][:40]!r}: want {para['role']}/{para.get('speaker')}, got {got}")
    total = len(exp["paragraphs"]) + 2
    if doc.get("title") == exp["title"]:
        right += 1
    else:
        misses.append(f"title {doc.get('title')!r}, want {exp['title']!r}")
    got_ch = [c["title"] for c in doc.get("chapters", [])]
    if got_ch == exp["chapters"]:
        right += 1
    else:
        misses.append(f"chapters {got_ch}, want {exp['chapters']}")
    return right, total, misses


def main(argv):
    tap = "--tap" in argv
    paths = sorted(a for a in argv if a != "--tap")
    by_layout = collections.defaultdict(lambda: [0, 0, 0, 0])
    failed = 0
    for n, path in enumerate(paths, 1):
        layout = json.load(open(path, encoding="utf-8")).get("layout", "other")
        right, total, misses = score(path)
        name = os.path.basename(path).replace(".expected.json", "")
        row = by_layout[layout]
        row[0] += right == total
        row[1] += 1
        row[2] += right
        row[3] += total
        failed += right != total
        if tap:
            print(f"{'ok' if right == total else 'not ok'} {n} - splitter fixture {name}: {right}/{total}")
            for m in misses:
                print(f"#   {m}")
        elif misses:
            print(f"{name}: {right}/{total}")
            for m in misses:
                print(f"    {m}")
    if not tap:
        print()
        print(f"{'layout':<10} {'fixtures right':>15} {'labels right':>14}")
        tot = [0, 0, 0, 0]
        for layout in sorted(by_layout):
            r = by_layout[layout]
            tot = [a + b for a, b in zip(tot, r)]
            print(f"{layout:<10} {r[0]:>7}/{r[1]:<7} {r[2]:>6}/{r[3]:<7} {100 * r[2] / r[3]:5.1f}%")
        print(f"{'all':<10} {tot[0]:>7}/{tot[1]:<7} {tot[2]:>6}/{tot[3]:<7} {100 * tot[2] / max(tot[3], 1):5.1f}%")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
