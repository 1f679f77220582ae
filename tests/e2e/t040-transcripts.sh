#!/bin/sh
# Every sample transcript in transcripts/ (what `make run` renders) gives an
# episode with a chapter per question that every reader accepts.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1

for f in transcripts/*.txt; do
	name=$(basename "$f" .txt)
	[ "$name" = lexicon ] && continue	# the show's words, not a transcript
	mp3="$TMP/$name.mp3"
	"$COLLOQUY" split "$f" --json >"$TMP/$name.json"
	$PY -c "
import json
d = json.load(open('$TMP/$name.json'))
json.dump([c['title'] for c in d['chapters']], open('$TMP/$name.titles', 'w'))
print(len(d['chapters']))" >"$TMP/$name.n"
	check "$name renders" "$COLLOQUY" render "$f" -o "$mp3" -q
	[ -f "$mp3" ] || continue
	check "$name: ffprobe sees the chapters split found" $CHECK chapters "$mp3" "$TMP/$name.titles"
	check "$name: chapters start in pauses" $CHECK pauses "$mp3"
	check "$name: mutagen reads CTOC and CHAP" $CHECK mutagen "$mp3" "$(cat "$TMP/$name.n")"
	check "$name: mp3val and ffmpeg find no problem" sh -c "
		! mp3val '$mp3' | grep -E 'WARNING|ERROR' && ! ffmpeg -v error -i '$mp3' -f null - 2>&1 | grep ."
	check "$name: duration right" $CHECK duration "$mp3"
	check "$name: loudness -16 LUFS within 0.5 LU" $CHECK loudness "$mp3" -16 0.5
	check "$name: true peak at most -1 dBTP" $CHECK truepeak "$mp3" -1.0
	check "$name: WebVTT parses and its sentence cues match the sound" sh -c "
		$CHECK vtt '$TMP/$name.vtt' '$mp3' && $CHECK cue-onsets '$TMP/$name.vtt' '$mp3'"
done
