#!/bin/sh
# The shared reference interview rendered with the defaults, judged by
# ffprobe, ffmpeg, mpg123, mp3val, mutagen and eyeD3.
. "$(dirname "$0")/lib.sh"
has_shared || { skip "render the shared sample" "../shared is missing"; exit 0; }
cd "$ROOT" || exit 1

ref="$SHARED/corpus/open-source-ceo-19.expected.json"
mp3="$TMP/ceo.mp3"
check "render the sample" "$COLLOQUY" render "$SHARED/corpus/open-source-ceo-19.txt" -o "$mp3" --quiet
[ -f "$mp3" ] || exit 1
$CHECK titles-from "$ref" "$TMP/titles.json"

check "ffprobe: the reference's 10 chapter titles, contiguous, ending with the audio" $CHECK chapters "$mp3" "$TMP/titles.json"
check "every chapter starts in a pause (>= 100 ms after speech, >= 20 ms before)" $CHECK pauses "$mp3"
check "mutagen: ID3v2.3, one top-level ordered CTOC over 10 CHAP frames with TIT2" $CHECK mutagen "$mp3" 10
check "eyeD3: title, artist, album, genre Podcast, date, table of contents" \
	$CHECK eyed3 "$mp3" "The Open Source CEO: Pete Childers (Part 19)"
check "MPEG-1 Layer III, 44100 Hz mono, 64 kbit/s CBR, Info frame with LAME tag" $CHECK stream "$mp3" 44100 cbr:64
check "mutagen, ffprobe and TLEN durations match the decoded length within 50 ms" $CHECK duration "$mp3"
check "mpg123 -t decodes without a message" sh -c "mpg123 -q -t '$mp3' 2>&1 | grep . && exit 1 || exit 0"
check "ffmpeg decodes without a message" sh -c "ffmpeg -v error -i '$mp3' -f null - 2>&1 | grep . && exit 1 || exit 0"
check "mp3val finds no problem" sh -c "mp3val '$mp3' | grep -E 'WARNING|ERROR' && exit 1 || exit 0"
check "chapters JSON (Podcasting 2.0) agrees with the MP3" $CHECK sidecar "$TMP/ceo.chapters.json" "$mp3"
check "integrated loudness -16 LUFS within 0.5 LU (ffmpeg ebur128)" $CHECK loudness "$mp3" -16 0.5
check "true peak at most -1 dBTP (ffmpeg ebur128)" $CHECK truepeak "$mp3" -1.0

check "WebVTT: header, increasing cues within the audio, <v Speaker> on each, short lines" $CHECK vtt "$TMP/ceo.vtt" "$mp3"
check "cues that start a sentence or turn start within 100 ms of the sound" $CHECK cue-onsets "$TMP/ceo.vtt" "$mp3"
check "host and guest within 1 LU of each other (ffmpeg ebur128 over each one's cues)" $CHECK speakers "$TMP/ceo.vtt" "$mp3" 1
"$COLLOQUY" split "$SHARED/corpus/open-source-ceo-19.txt" --json >"$TMP/ceo.split.json" 2>/dev/null
check "pauses (ffmpeg silencedetect): a sentence's < a paragraph's < another speaker's < a new question's, 0.7 to 1.2 s before a question, no two of a kind alike" $PY -c "
import subprocess, sys
out = subprocess.run(['$PY', 'bench/pauses.py', '$mp3', '$TMP/ceo.json', '$TMP/ceo.split.json'], capture_output=True, text=True, check=True).stdout
print(out)
rows = {l[:16].strip(): [float(x) for x in l[16:].split()] for l in out.splitlines()[1:]}
med = [rows[k][3] for k in ('sentence', 'paragraph', 'another speaker', 'new question')]
spread = [rows[k][5] - rows[k][1] for k in ('paragraph', 'another speaker', 'new question')]
q = rows['new question']
sys.exit(0 if med == sorted(med) and len(set(med)) == 4 and min(spread) >= 20 and 700 <= q[3] <= 1200 else (med, spread))"
check "the SubRip file has the same cues, numbered, with speakers" $CHECK srt "$TMP/ceo.srt" "$TMP/ceo.vtt"
check "the JSON transcript (Podcasting 2.0) has the cues' speakers, times and text" $PY -c "
import json, sys
d = json.load(open('$TMP/ceo.json'))
segs = d['segments']
ok = d['version'] == '1.0.0' and len(segs) > 50 and all(s['endTime'] > s['startTime'] for s in segs) \
     and {s['speaker'] for s in segs} == {'host', 'Pete Childers'}
sys.exit(0 if ok else 'bad transcript JSON')"
check "a second render gives identical bytes" sh -c "
	'$COLLOQUY' render '$SHARED/corpus/open-source-ceo-19.txt' -o '$TMP/again.mp3' --quiet &&
	cmp '$mp3' '$TMP/again.mp3' && cmp '$TMP/ceo.chapters.json' '$TMP/again.chapters.json' &&
	cmp '$TMP/ceo.vtt' '$TMP/again.vtt' && cmp '$TMP/ceo.json' '$TMP/again.json'"
check "no temporary file is left behind" sh -c "! ls '$TMP' | grep -q tmp"
