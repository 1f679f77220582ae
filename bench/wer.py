#!/usr/bin/env python3
"""wer.py -- the parts of bench/intelligibility.sh that are not shell.

  wer.py prepare PASSAGE DIR SPEAKER...
      DIR/ref/K.txt for each paragraph of PASSAGE, and DIR/passage.script:
      a colloquy script in which each SPEAKER reads every paragraph.
  wer.py slice DIR EPISODE.mp3 EPISODE.json SPEAKER...
      DIR/wav/SPEAKER-K.wav: each paragraph, found by the episode's timed
      transcript, cut out with ffmpeg at 16 kHz mono.
  wer.py score DIR BASELINE SPEAKER...
      the word error rate of each voice, from DIR/hyp/VOICE-K.txt against
      DIR/ref/K.txt, with its ratio to BASELINE's and a 95 % interval of
      that ratio by a paired bootstrap over paragraphs.
"""
import json
import os
import random
import re
import subprocess
import sys

BOOTSTRAP = 2000


def words(text):
    text = text.lower().replace("\u2019", "'")
    return re.findall(r"[a-z]+(?:'[a-z]+)?", text)


def errors(ref, hyp):
    """Word-level edit distance."""
    prev = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        cur = [i] + [0] * len(hyp)
        for j, h in enumerate(hyp, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (r != h))
        prev = cur
    return prev[-1]


def paragraphs(path):
    text = open(path, encoding="utf-8").read()
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def prepare(passage, d, speakers):
    paras = paragraphs(passage)
    os.makedirs(os.path.join(d, "ref"), exist_ok=True)
    for k, p in enumerate(paras):
        with open(os.path.join(d, "ref", f"{k}.txt"), "w", encoding="utf-8") as f:
            f.write(p + "\n")
    with open(os.path.join(d, "passage.script"), "w", encoding="utf-8") as f:
        f.write("# colloquy script 1\n\ntitle [host]: Intelligibility\n")
        for s in speakers:
            for p in paras:
                f.write(f"\nanswer [{s}]: {p}\n")


def slice_(d, mp3, transcript, speakers):
    """Each voice's paragraphs are found among the episode's timed cues
    (its transcript JSON), in order, and cut out of the MP3."""
    npara = len(os.listdir(os.path.join(d, "ref")))
    ref = [words(open(os.path.join(d, "ref", f"{k}.txt"), encoding="utf-8").read()) for k in range(npara)]
    cues = json.load(open(transcript, encoding="utf-8"))["segments"][1:]    # past the title
    os.makedirs(os.path.join(d, "wav"), exist_ok=True)
    at = 0
    for s in speakers:
        for k in range(npara):
            start, got = at, []
            while at < len(cues) and len(got) < len(ref[k]):
                got += words(cues[at]["body"])
                at += 1
            if got != ref[k]:
                sys.exit(f"wer.py: {s}'s paragraph {k} is not the cues {start} to {at}")
            subprocess.run(["ffmpeg", "-v", "error", "-y", "-ss", f"{cues[start]['startTime']:.3f}", "-to",
                            f"{cues[at - 1]['endTime'] + 0.05:.3f}", "-i", mp3, "-ac", "1", "-ar", "16000",
                            os.path.join(d, "wav", f"{s}-{k}.wav")], check=True)


def score(d, baseline, voices):
    npara = len(os.listdir(os.path.join(d, "ref")))
    ref = [words(open(os.path.join(d, "ref", f"{k}.txt"), encoding="utf-8").read()) for k in range(npara)]

    def errs(v):
        out = []
        for k in range(npara):
            hyp = words(open(os.path.join(d, "hyp", f"{v}-{k}.txt"), encoding="utf-8").read())
            out.append(errors(ref[k], hyp))
        return out

    nref = [len(r) for r in ref]
    base = errs(baseline)
    rng = random.Random(1)
    draws = [[rng.randrange(npara) for _ in range(npara)] for _ in range(BOOTSTRAP)]
    print(f"{'voice':<22} {'WER':>7} {'ratio':>6}   95 % interval of the ratio")
    print(f"{baseline:<22} {100 * sum(base) / sum(nref):6.1f}% {1:6.2f}")
    for v in voices:
        e = errs(v)
        ratios = sorted(sum(e[i] for i in dr) / max(sum(base[i] for i in dr), 1) for dr in draws)
        lo, hi = ratios[int(0.025 * BOOTSTRAP)], ratios[int(0.975 * BOOTSTRAP) - 1]
        print(f"{v:<22} {100 * sum(e) / sum(nref):6.1f}% {sum(e) / sum(base):6.2f}   [{lo:.2f}, {hi:.2f}]")


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "prepare":
        prepare(args[0], args[1], args[2:])
    elif cmd == "slice":
        slice_(args[0], args[1], args[2], args[3:])
    elif cmd == "score":
        score(args[0], args[1], args[2:])
    else:
        sys.exit(__doc__)
