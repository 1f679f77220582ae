#!/bin/sh
# pauses.sh -- the pauses of the sample episode by kind (a sentence's, a
# paragraph's, another speaker's, a new question's), as ffmpeg's
# silencedetect measures them: the hierarchy, and the spread within each
# kind.  Not a timing: figures of the audio itself.
. "$(dirname "$0")/lib.sh"
./colloquy render "$sample" -o "$tmp/sample.mp3" -q || exit 1
./colloquy split "$sample" --json >"$tmp/split.json" 2>/dev/null || exit 1
python3 bench/pauses.py "$tmp/sample.mp3" "$tmp/sample.json" "$tmp/split.json"
