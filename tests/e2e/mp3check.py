#!/usr/bin/python3
"""mp3check.py CHECK ARGS... -- judge an episode with independent readers.

Every check reads the files with tools that share no code with colloquy:
ffprobe and ffmpeg (chapters, stream, decoding, loudness), mutagen and
eyeD3 (ID3 frames), the json module (sidecars).  Exit 0 when the check
holds; otherwise print why and exit 1.

  chapters MP3 TITLES.json   ffprobe's chapters: titles, order, contiguity
  pauses MP3                 every chapter starts in silence: >= 100 ms after
                             the speech before it, >= 20 ms before the next
  mutagen MP3 N              CTOC (top-level, ordered) listing N CHAPs with TIT2
  eyed3 MP3 TITLE            eyeD3 reads ID3v2.3 title, genre, chapters
  duration MP3               reported durations match the decoded length (50 ms)
  stream MP3 RATE MODE       codec, rate, mono, MODE cbr:KBPS or vbr; Info/Xing frame
  loudness MP3 LUFS TOL      ffmpeg's ebur128 integrated loudness within TOL
  truepeak MP3 MAX           ffmpeg's ebur128 true peak at most MAX dBTP
  sidecar JSON MP3           Podcasting 2.0 chapters JSON agrees with ffprobe
  titles-from REF.json OUT   write the reference's chapter titles as a JSON list
  pitch A.mp3 B.mp3 RATIO    median pitch of B over A is at least RATIO
  chapter-pitches MP3 RATIO  the median pitch of every question's chapter
                             differs from every other's by RATIO at least
  rate MP3 WORDS WPM TOL     WORDS spoken from first to last sound at WPM words
                             a minute, within TOL (0.1 is 10 %)
  noclip MP3                 no decoded sample reaches full scale
  vtt VTT MP3                the WebVTT parses: header, cue times increasing
                             within the audio, a <v Speaker> on every cue,
                             lines of at most 70 characters
  cue-onsets VTT MP3         every cue that starts a sentence or a turn starts
                             within 100 ms of a sound that follows a pause, in
                             the decoded audio
  speakers VTT MP3 MAXLU     each speaker's cues, cut from the decoded audio,
                             measured by ffmpeg's ebur128, within MAXLU
  srt SRT VTT                the SubRip file has the same cues and times
  speaker-pitches VTT MP3 N RATIO  N speakers in the WebVTT's <v> spans, the
                             median pitch of each one's cues in the decoded audio
                             differing from every other's by RATIO at least
"""
import array
import json
import re
import subprocess
import sys


def fail(msg):
    print(msg)
    sys.exit(1)


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, check=True, **kw)


def probe(path):
    out = run(["ffprobe", "-v", "error", "-show_chapters", "-show_format",
               "-show_streams", "-of", "json", path]).stdout
    return json.loads(out)


def decode(path):
    """Samples as ffmpeg decodes them (gapless: encoder delay and padding
    removed as the Info frame says), mono int16, and the rate."""
    info = probe(path)
    rate = int(info["streams"][0]["sample_rate"])
    raw = run(["ffmpeg", "-v", "error", "-i", path, "-f", "s16le", "-ac", "1", "-"]).stdout
    a = array.array("h")
    a.frombytes(raw)
    return a, rate


def chapters(mp3, titles_path):
    want = json.load(open(titles_path, encoding="utf-8"))
    ch = probe(mp3)["chapters"]
    got = [c.get("tags", {}).get("title") for c in ch]
    if got != want:
        fail(f"titles differ:\n got  {got}\n want {want}")
    starts = [float(c["start_time"]) for c in ch]
    ends = [float(c["end_time"]) for c in ch]
    if starts[0] != 0:
        fail(f"first chapter starts at {starts[0]}")
    for k in range(1, len(ch)):
        if not starts[k] > starts[k - 1]:
            fail(f"chapter {k} does not start after chapter {k - 1}")
        if abs(ends[k - 1] - starts[k]) > 0.0015:
            fail(f"chapter {k - 1} ends at {ends[k - 1]}, next starts at {starts[k]}")
    samples, rate = decode(mp3)
    if abs(ends[-1] - len(samples) / rate) > 0.05:
        fail(f"last chapter ends at {ends[-1]}, audio at {len(samples) / rate}")


def pauses(mp3):
    samples, rate = decode(mp3)
    ch = probe(mp3)["chapters"]
    quiet = 32768 * 0.01     # -40 dBFS
    for c in ch[1:]:
        start = int(float(c["start_time"]) * rate)
        lo, hi = start - rate // 10, start + rate // 50
        loud = max(abs(s) for s in samples[lo:hi])
        if loud > quiet:
            fail(f"chapter '{c['tags']['title']}' at {c['start_time']} s is not in a pause "
                 f"(peak {loud} between -100 ms and +20 ms)")


def mutagen_check(mp3, n):
    from mutagen.id3 import ID3, CTOCFlags
    tag = ID3(mp3)
    if tag.version[:2] != (2, 3):
        fail(f"ID3 version {tag.version}")
    tocs = tag.getall("CTOC")
    top = [t for t in tocs if t.flags & CTOCFlags.TOP_LEVEL]
    if len(top) != 1 or not top[0].flags & CTOCFlags.ORDERED:
        fail(f"want one top-level ordered CTOC, got {[(t.element_id, t.flags) for t in tocs]}")
    chaps = tag.getall("CHAP")
    if len(chaps) != n:
        fail(f"{len(chaps)} CHAP frames, want {n}")
    ids = []
    for t in tocs:
        if t.flags & CTOCFlags.TOP_LEVEL:
            for cid in t.child_element_ids:
                sub = [s for s in tocs if s.element_id == cid]
                ids += sub[0].child_element_ids if sub else [cid]
    byid = {c.element_id: c for c in chaps}
    if sorted(ids) != sorted(byid):
        fail(f"CTOC lists {ids}, CHAPs are {sorted(byid)}")
    times = [(byid[i].start_time, byid[i].end_time) for i in ids]
    for k, (s, e) in enumerate(times):
        if e <= s or (k and s != times[k - 1][1]):
            fail(f"chapter {ids[k]} spans {s}..{e} ms after {times[k - 1] if k else None}")
        if "TIT2" not in byid[ids[k]].sub_frames:
            fail(f"chapter {ids[k]} has no TIT2")


def eyed3_check(mp3, title):
    import eyed3
    eyed3.log.setLevel("ERROR")
    f = eyed3.load(mp3)
    t = f.tag
    if t.version != (2, 3, 0):
        fail(f"eyeD3 reads version {t.version}")
    if t.title != title:
        fail(f"eyeD3 title {t.title!r}, want {title!r}")
    if not t.genre or t.genre.name != "Podcast":
        fail(f"eyeD3 genre {t.genre}")
    if not t.artist or not t.album:
        fail(f"artist {t.artist!r}, album {t.album!r}")
    if not t.getBestDate():
        fail("no date")
    toc = list(t.table_of_contents)
    if len(toc) < 1 or not toc[0].toplevel or not toc[0].ordered:
        fail("eyeD3 sees no top-level ordered table of contents")
    if len(list(t.chapters)) < 1:
        fail("eyeD3 sees no chapters")


def duration(mp3):
    from mutagen.mp3 import MP3
    samples, rate = decode(mp3)
    real = len(samples) / rate
    fmt = probe(mp3)["format"]
    reported = {
        "mutagen": MP3(mp3).info.length,
        # ffprobe counts from start_time, the encoder delay that the Info
        # frame tells decoders to skip.
        "ffprobe": float(fmt["duration"]) - float(fmt.get("start_time", 0)),
    }
    tlen = MP3(mp3).tags.get("TLEN")
    if tlen:
        reported["TLEN"] = int(str(tlen)) / 1000
    # ffprobe's duration keeps the encoder's padding at the end, up to a
    # frame and a half (1,728 samples): 216 ms at 8 kHz
    padding = 1728 / rate
    for who, d in reported.items():
        late = padding if who == "ffprobe" else 0
        if d < real - 0.05 or d > real + late + 0.05:
            fail(f"{who} reports {d:.3f} s, decoded audio is {real:.3f} s")


def stream(mp3, rate, mode):
    from mutagen.mp3 import MP3, BitrateMode
    s = probe(mp3)["streams"][0]
    if s["codec_name"] != "mp3" or int(s["sample_rate"]) != int(rate) or int(s["channels"]) != 1:
        fail(f"stream is {s['codec_name']} {s['sample_rate']} Hz {s['channels']} ch")
    info = MP3(mp3).info
    if int(rate) >= 32000 and (info.version != 1 or info.layer != 3):
        fail(f"MPEG version {info.version} layer {info.layer}")
    data = open(mp3, "rb").read()
    size = 10 + ((data[6] << 21) | (data[7] << 14) | (data[8] << 7) | data[9])
    first = data[size:size + 200]
    if first[:2] != b"\xff\xfb" and first[0] != 0xFF:
        fail(f"no frame sync right after the ID3 tag (offset {size})")
    if mode.startswith("cbr:"):
        if b"Info" not in first:
            fail("no Info frame first")
        if info.bitrate_mode not in (BitrateMode.CBR, BitrateMode.UNKNOWN) or \
           abs(info.bitrate - int(mode[4:]) * 1000) > 1000:
            fail(f"bitrate {info.bitrate} mode {info.bitrate_mode}, want CBR {mode[4:]} kbps")
    else:
        if b"Xing" not in first:
            fail("no Xing frame first")
        if info.bitrate_mode != BitrateMode.VBR:
            fail(f"bitrate mode {info.bitrate_mode}, want VBR")
    if not info.encoder_info.startswith("LAME"):
        fail(f"no LAME tag in the Info frame (encoder_info {info.encoder_info!r})")


def ebur128(mp3):
    err = subprocess.run(["ffmpeg", "-hide_banner", "-nostats", "-i", mp3, "-af",
                          "ebur128=peak=true", "-f", "null", "-"],
                         capture_output=True, text=True).stderr
    summary = err[err.rindex("Summary:"):]
    i = float(re.search(r"I:\s+(-?[\d.]+) LUFS", summary).group(1))
    tp = float(re.search(r"Peak:\s+(-?[\d.]+|-inf) dBFS", summary).group(1))
    return i, tp


def loudness(mp3, target, tol):
    i, _ = ebur128(mp3)
    if abs(i - float(target)) > float(tol):
        fail(f"integrated loudness {i} LUFS, want {target} +- {tol}")
    print(f"{i} LUFS")


def truepeak(mp3, most):
    _, tp = ebur128(mp3)
    if tp > float(most):
        fail(f"true peak {tp} dBTP above {most}")


def sidecar(path, mp3):
    doc = json.load(open(path, encoding="utf-8"))
    if doc.get("version") != "1.2.0":
        fail(f"version {doc.get('version')!r}")
    ch = probe(mp3)["chapters"]
    side = doc["chapters"]
    if len(side) != len(ch):
        fail(f"{len(side)} chapters in JSON, {len(ch)} in the MP3")
    for a, b in zip(side, ch):
        if a["title"] != b["tags"]["title"] or abs(a["startTime"] - float(b["start_time"])) > 0.0015:
            fail(f"JSON {a} differs from MP3 {b['tags']['title']} at {b['start_time']}")


def titles_from(ref, out):
    json.dump(json.load(open(ref, encoding="utf-8"))["chapters"], open(out, "w", encoding="utf-8"))


def median_pitch(mp3, start=None, end=None):
    """Median fundamental of the voiced 40 ms frames, by autocorrelation."""
    import numpy as np
    samples, rate = decode(mp3)
    x = np.asarray(samples, dtype=np.float64) / 32768
    if start is not None:
        x = x[int(start * rate):int(end * rate)]
    f0 = frame_pitches(x, rate)
    if len(f0) < 10:
        fail(f"{mp3}: too few voiced frames")
    return float(np.median(f0))


def pitch(a, b, ratio):
    pa, pb = median_pitch(a), median_pitch(b)
    print(f"{pa:.0f} Hz, {pb:.0f} Hz")
    if pb < pa * float(ratio):
        fail(f"median pitch {pb:.0f} Hz is not {ratio} x {pa:.0f} Hz")


def chapter_pitches(mp3, ratio):
    ch = [c for c in probe(mp3)["chapters"] if c["tags"]["title"] not in ("Introduction", "Closing")]
    f0 = [median_pitch(mp3, float(c["start_time"]), float(c["end_time"])) for c in ch]
    print(" ".join(f"{f:.0f}" for f in f0))
    for i in range(len(f0)):
        for j in range(i + 1, len(f0)):
            hi, lo = max(f0[i], f0[j]), min(f0[i], f0[j])
            if hi < lo * float(ratio):
                fail(f"chapters {i + 1} and {j + 1} have pitches {f0[i]:.0f} and {f0[j]:.0f} Hz")


def speech_span(samples, rate):
    quiet = 32768 * 0.0056
    first = next(i for i, s in enumerate(samples) if abs(s) > quiet)
    last = len(samples) - next(i for i, s in enumerate(reversed(samples)) if abs(s) > quiet)
    return (last - first) / rate


def rate(mp3, words, wpm, tol):
    samples, sr = decode(mp3)
    got = int(words) * 60 / speech_span(samples, sr)
    print(f"{got:.0f} words a minute")
    if abs(got - float(wpm)) > float(wpm) * float(tol):
        fail(f"{got:.0f} words a minute, set to {wpm}")


def noclip(mp3):
    samples, _ = decode(mp3)
    peak = max(abs(s) for s in samples)
    if peak >= 32767:
        fail(f"a sample reaches full scale ({peak})")


def parse_vtt(path):
    text = open(path, encoding="utf-8").read()
    if not text.startswith("WEBVTT"):
        fail("no WEBVTT header")
    cues = []
    for block in text.split("\n\n")[1:]:
        lines = block.strip("\n").split("\n")
        if not lines or not lines[0]:
            continue
        m = re.match(r"(\d+):(\d\d):(\d\d)\.(\d{3}) --> (\d+):(\d\d):(\d\d)\.(\d{3})$", lines[0])
        if not m:
            fail(f"bad cue timing line {lines[0]!r}")
        g = [int(x) for x in m.groups()]
        start = g[0] * 3600 + g[1] * 60 + g[2] + g[3] / 1000
        end = g[4] * 3600 + g[5] * 60 + g[6] + g[7] / 1000
        v = re.match(r"<v ([^>]+)>(.*)", lines[1]) if len(lines) > 1 else None
        if not v:
            fail(f"cue at {lines[0]} has no <v Speaker>")
        cues.append((start, end, v.group(1), [v.group(2)] + lines[2:]))
    return cues


def vtt(path, mp3):
    cues = parse_vtt(path)
    samples, rate = decode(mp3)
    length = len(samples) / rate
    last = 0
    for start, end, who, lines in cues:
        if start < last - 0.0005 or end <= start or end > length + 0.001:
            fail(f"cue {start}-{end} after {last} in {length} s of audio")
        last = end
        for line in lines:
            if len(line) > 70:
                fail(f"a line of {len(line)} characters: {line!r}")
    print(f"{len(cues)} cues")


def onsets(samples, rate):
    """Times where sound follows at least 40 ms of silence (10 ms frames)."""
    frame = rate // 100
    quiet = 32768 * 0.01
    loud = [max((abs(s) for s in samples[i:i + frame]), default=0) > quiet
            for i in range(0, len(samples), frame)]
    return [i / 100 for i in range(4, len(loud)) if loud[i] and not any(loud[i - 4:i])]


def cue_onsets(path, mp3):
    cues = parse_vtt(path)
    samples, rate = decode(mp3)
    found = onsets(samples, rate)
    worst = 0
    checked = 0
    for n, (start, _, who, lines) in enumerate(cues):
        # mid-sentence cues (cut at a comma) need not follow a pause
        if n and cues[n - 1][2] == who and not re.search(r"[.?!][\"')\u201d]*$", cues[n - 1][3][-1]):
            continue
        checked += 1
        near = min(abs(t - start) for t in found)
        worst = max(worst, near)
        if near > 0.1:
            fail(f"cue at {start:.3f} s ({lines[0][:40]!r}) is {near * 1000:.0f} ms from a sound")
    print(f"{checked} of {len(cues)} cues start a sentence or turn; worst {worst * 1000:.0f} ms")


def speakers(path, mp3, maxlu):
    import wave, tempfile, os
    cues = parse_vtt(path)
    samples, rate = decode(mp3)
    levels = {}
    for who in sorted({c[2] for c in cues}):
        part = array.array("h")
        for start, end, w, _ in cues:
            if w == who:
                part.extend(samples[int(start * rate):int(end * rate)])
        if len(part) < rate * 3:
            continue
        fd, wav = tempfile.mkstemp(suffix=".wav")
        os.close(fd)
        with wave.open(wav, "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(rate)
            w.writeframes(part.tobytes())
        levels[who] = ebur128(wav)[0]
        os.unlink(wav)
    print(" ".join(f"{w}: {l} LUFS" for w, l in levels.items()))
    if len(levels) < 2 or max(levels.values()) - min(levels.values()) > float(maxlu):
        fail(f"speakers' loudness {levels}")


def frame_pitches(x, rate):
    """The fundamental of each voiced 40 ms frame of x, by autocorrelation."""
    import numpy as np
    n = int(rate * 0.04)
    lo, hi = int(rate / 400), int(rate / 60)
    f0 = []
    for i in range(0, len(x) - n, n):
        fr = x[i:i + n] - x[i:i + n].mean()
        if np.sqrt(np.mean(fr * fr)) < 0.05:
            continue
        ac = np.correlate(fr, fr, "full")[n - 1:]
        lag = lo + int(np.argmax(ac[lo:hi]))
        if ac[lag] > 0.5 * ac[0]:
            f0.append(rate / lag)
    return f0


def speaker_pitches(path, mp3, n, ratio):
    import numpy as np
    cues = parse_vtt(path)
    who = sorted({c[2] for c in cues})
    if len(who) != int(n):
        fail(f"{len(who)} speakers {who}, want {n}")
    samples, rate = decode(mp3)
    x = np.asarray(samples, dtype=np.float64) / 32768
    f0 = {}
    for w in who:
        frames = []
        for start, end, v, _ in cues:
            if v == w:
                frames += frame_pitches(x[int(start * rate):int(end * rate)], rate)
        if len(frames) < 10:
            fail(f"{w}: too few voiced frames")
        f0[w] = float(np.median(frames))
    print(" ".join(f"{w}: {f:.0f} Hz" for w, f in f0.items()))
    names = list(f0)
    for i in range(len(names)):
        for j in range(i + 1, len(names)):
            hi, lo = max(f0[names[i]], f0[names[j]]), min(f0[names[i]], f0[names[j]])
            if hi < lo * float(ratio):
                fail(f"{names[i]} and {names[j]} speak at {f0[names[i]]:.0f} and {f0[names[j]]:.0f} Hz")


def speaker_semitones(path, mp3, n, semitones):
    """Each speaker's median F0 by aubio's pitch tracker (yinfft), over
    their cues; every two speakers at least semitones apart."""
    import os
    import statistics
    import tempfile
    import wave
    cues = parse_vtt(path)
    who = sorted({c[2] for c in cues})
    if len(who) != int(n):
        fail(f"{len(who)} speakers {who}, want {n}")
    samples, rate = decode(mp3)
    midi = {}
    with tempfile.TemporaryDirectory() as d:
        for w in who:
            part = array.array("h")
            for start, end, v, _ in cues:
                if v == w:
                    part += samples[int(start * rate):int(end * rate)]
            wav = os.path.join(d, "speaker.wav")
            with wave.open(wav, "wb") as f:
                f.setnchannels(1)
                f.setsampwidth(2)
                f.setframerate(rate)
                f.writeframes(part.tobytes())
            out = run(["aubiopitch", "-i", wav, "-u", "midi", "-s", "-45"]).stdout.decode()
            voiced = [float(line.split()[1]) for line in out.splitlines() if float(line.split()[1]) > 30]
            if len(voiced) < 50:
                fail(f"{w}: too few voiced frames ({len(voiced)})")
            midi[w] = statistics.median(voiced)
    print(" ".join(f"{w}: {440 * 2 ** ((m - 69) / 12):.0f} Hz" for w, m in midi.items()))
    for i in range(len(who)):
        for j in range(i + 1, len(who)):
            if abs(midi[who[i]] - midi[who[j]]) < float(semitones):
                fail(f"{who[i]} and {who[j]} are {abs(midi[who[i]] - midi[who[j]]):.1f} semitones apart")


def srt(path, vtt_path):
    cues = parse_vtt(vtt_path)
    blocks = [b for b in open(path, encoding="utf-8").read().split("\n\n") if b.strip()]
    if len(blocks) != len(cues):
        fail(f"{len(blocks)} SubRip cues, {len(cues)} WebVTT cues")
    for n, (b, c) in enumerate(zip(blocks, cues), 1):
        lines = b.strip().split("\n")
        want = f"{c[0]:.3f}"
        m = re.match(r"(\d+):(\d\d):(\d\d),(\d{3}) --> ", lines[1])
        got = int(m.group(1)) * 3600 + int(m.group(2)) * 60 + int(m.group(3)) + int(m.group(4)) / 1000
        if lines[0] != str(n) or abs(got - c[0]) > 0.0005 or not lines[2].startswith(c[2] + ": "):
            fail(f"SubRip cue {n} {lines[:3]} does not match {c[:3]}")


def samples_as(mp3, wav):
    """mpg123 decodes (gapless, by the LAME tag) exactly the WAV master's
    samples: every chunk boundary was taken out of its pause."""
    got = int(run(["mpg123", "-q", "-s", mp3]).stdout.__len__() // 2)
    want = int(probe(wav)["streams"][0]["duration_ts"])
    if got != want:
        fail(f"mpg123 decodes {got} samples, the master has {want}")


def lame_crc(mp3):
    """The LAME tag's CRC-16 over the Info frame, computed here."""
    data = open(mp3, "rb").read()
    size = 10 + ((data[6] << 21) | (data[7] << 14) | (data[8] << 7) | data[9])
    frame = data[size:]
    mpeg1 = (frame[1] >> 3) & 3 == 3
    tag = 4 + (17 if mpeg1 else 9)
    if frame[tag:tag + 4] not in (b"Info", b"Xing"):
        fail("no Info frame")
    crc = 0
    for b in frame[:tag + 154]:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    if crc != (frame[tag + 154] << 8 | frame[tag + 155]):
        fail(f"LAME tag CRC {crc:04x}, the tag says {frame[tag + 154]:02x}{frame[tag + 155]:02x}")


CHECKS = {
    "samples-as": samples_as, "lame-crc": lame_crc,
    "chapters": chapters, "pauses": pauses,
    "mutagen": lambda m, n: mutagen_check(m, int(n)),
    "eyed3": eyed3_check, "duration": duration, "stream": stream,
    "loudness": loudness, "truepeak": truepeak, "sidecar": sidecar,
    "titles-from": titles_from, "pitch": pitch, "chapter-pitches": chapter_pitches,
    "rate": rate, "noclip": noclip, "vtt": vtt, "cue-onsets": cue_onsets,
    "speakers": lambda v, m, x: speakers(v, m, x), "srt": srt, "speaker-pitches": speaker_pitches,
    "speaker-semitones": speaker_semitones,
}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in CHECKS:
        sys.exit(__doc__)
    try:
        CHECKS[sys.argv[1]](*sys.argv[2:])
    except subprocess.CalledProcessError as e:
        fail(f"{e.cmd[0]} failed: {e.stderr.decode(errors='replace').strip()[:300]}")
