#!/usr/bin/env python3
"""pauses.py EPISODE.mp3 EPISODE.json SPLIT.json -- the pauses of a
rendered episode, by kind, as ffmpeg's silencedetect finds them.

At each boundary between two cues of the episode's timed transcript
(EPISODE.json), the silence of 150 ms or more at -45 dB across it is a
sentence's (two cues of one paragraph), a paragraph's (the same speaker's
next paragraph), another speaker's, or a new question's (the chapter's
first cue).  Paragraphs and questions come from `colloquy split --json`
(SPLIT.json).  Prints count, min, quartiles, median and max of each kind.
"""
import json
import re
import statistics
import subprocess
import sys


def words(text):
    return re.findall(r"[a-z0-9]+", text.lower())


def main(mp3, transcript, split):
    cues = json.load(open(transcript, encoding="utf-8"))["segments"]
    doc = json.load(open(split, encoding="utf-8"))
    opens = {c["segment"] for c in doc["chapters"][1:]}
    # which paragraph each cue belongs to, in order
    para_of, at = [], 0
    for k, seg in enumerate(doc["segments"]):
        want, got = words(seg["text"]), []
        while at < len(cues) and len(got) < len(want):
            got += words(cues[at]["body"])
            para_of.append(k)
            at += 1
    if len(para_of) != len(cues):
        sys.exit(f"pauses.py: {len(cues)} cues, {len(para_of)} placed in paragraphs")
    out = subprocess.run(["ffmpeg", "-v", "info", "-i", mp3, "-af", "silencedetect=noise=-45dB:d=0.15",
                          "-f", "null", "-"], capture_output=True, text=True).stderr
    starts = [float(x) for x in re.findall(r"silence_start: ([0-9.]+)", out)]
    ends = [float(x) for x in re.findall(r"silence_end: ([0-9.]+)", out)]
    kinds = {"sentence": [], "paragraph": [], "another speaker": [], "new question": []}
    for i in range(1, len(cues)):
        # the silence across the boundary between cue i - 1 and cue i
        gap = (cues[i - 1]["endTime"], cues[i]["startTime"])
        span = [(s, e) for s, e in zip(starts, ends) if s < gap[1] + 0.05 and e > gap[0] - 0.05]
        if not span:
            continue
        a, b = para_of[i - 1], para_of[i]
        if a == b:
            kind = "sentence"
        elif b in opens:
            kind = "new question"
        elif cues[i - 1]["speaker"] != cues[i]["speaker"]:
            kind = "another speaker"
        else:
            kind = "paragraph"
        kinds[kind].append(max(e - s for s, e in span) * 1000)
    print(f"{'pause':<16} {'count':>5} {'min':>6} {'q1':>6} {'median':>6} {'q3':>6} {'max':>6}  (ms)")
    for kind, v in kinds.items():
        if len(v) < 2:
            print(f"{kind:<16} {len(v):5d}")
            continue
        q = statistics.quantiles(v, n=4)
        print(f"{kind:<16} {len(v):5d} {min(v):6.0f} {q[0]:6.0f} {statistics.median(v):6.0f} {q[2]:6.0f} {max(v):6.0f}")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
