#!/bin/sh
# stock-pipeline.sh TRANSCRIPT OUT.mp3 [RATE] [KBPS] -- the baseline that
# bench/render-speed.sh measures colloquy against: what a user would script
# with stock tools, given colloquy's own labelling of the transcript.
# espeak-ng speaks each paragraph to a WAV file (one process each), sox joins
# them with pauses, lame encodes, and ffmpeg adds one chapter per question.
# It makes the same episode: the voices of voices/*.ini at the espeak-ng
# rates that colloquy calibrated (HOST_RATE and GUEST_RATE, from `colloquy
# voices`; the profiles' wpm when unset) and colloquy's pauses (0.45 s after
# a paragraph, 0.6 s after a question, 1.5 s before one), so that both
# pipelines speak and encode the same length of audio.
set -e
src=$1 out=$2 rate=${3:-22050} kbps=${4:-64}
colloquy=${COLLOQUY:-./colloquy}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$colloquy" split "$src" 2>/dev/null >"$work/script.txt"
# one file per paragraph: NNNN.role.speaker.txt
python3 - "$work" <<'PY'
import re, sys
work = sys.argv[1]
n = 0
for line in open(work + "/script.txt", encoding="utf-8"):
    m = re.match(r"(title|intro|question|answer|outro) \[([^\]]*)\]: (.*)", line)
    if m:
        n += 1
        with open("%s/%04d.%s.%s.txt" % (work, n, m.group(1), re.sub(r"\W", "_", m.group(2))), "w",
                  encoding="utf-8") as f:
            f.write(m.group(3) + "\n")
PY
for gap in 0.3 0.45 0.6 0.8 1.5; do
	sox -n -r 22050 -c 1 -b 16 "$work/gap$gap.wav" trim 0 "$gap"
done
printf ';FFMETADATA1\n' >"$work/meta.txt"
ms=300
set -- "$work/gap0.3.wav"
prev=
for txt in "$work"/[0-9]*.txt; do
	wav=${txt%.txt}.wav
	case $txt in
	*.host.txt) espeak-ng -v en-us+m3 -s "${HOST_RATE:-160}" -p 35 -w "$wav" -f "$txt" ;;
	*) espeak-ng -v en-gb+f3 -s "${GUEST_RATE:-170}" -p 60 -w "$wav" -f "$txt" ;;
	esac
	# the pause before this paragraph
	case $prev,$txt in
	,*) gap= ;;
	*,*.question.*) gap=1.5 ;;
	*.question.*,*) gap=0.6 ;;
	*) gap=0.45 ;;
	esac
	if [ -n "$gap" ]; then
		set -- "$@" "$work/gap$gap.wav"
		ms=$(echo "$ms $gap" | awk '{ printf "%d", $1 + $2 * 1000 }')
	fi
	case $txt in
	*.question.*)
		printf '[CHAPTER]\nTIMEBASE=1/1000\nSTART=%s\nEND=%s\ntitle=%s\n' "$ms" "$ms" \
			"$(head -c 60 "$txt" | tr -d '\n=;#')" >>"$work/meta.txt"
		;;
	esac
	ms=$(soxi -D "$wav" | awk -v ms="$ms" '{ printf "%d", ms + $1 * 1000 }')
	set -- "$@" "$wav"
	prev=$txt
done
set -- "$@" "$work/gap0.8.wav"
sox "$@" "$work/all.wav"
# each chapter ends where the next starts, the last with the audio
total=$(soxi -D "$work/all.wav" | awk '{ printf "%d", $1 * 1000 }')
awk -v total="$total" '
	/^START=/ { s[++n] = substr($0, 7) }
	{ line[NR] = $0 }
	END {
		c = 0
		for (i = 1; i <= NR; i++) {
			if (line[i] ~ /^START=/) c++
			if (line[i] ~ /^END=/) { print "END=" (c < n ? s[c + 1] : total); continue }
			print line[i]
		}
	}' "$work/meta.txt" >"$work/meta2.txt"
lame --quiet -b "$kbps" --resample "$(echo "$rate" | awk '{ print $1 / 1000 }')" "$work/all.wav" "$work/all.mp3"
ffmpeg -v error -y -i "$work/all.mp3" -i "$work/meta2.txt" -map_metadata 1 -c copy -id3v2_version 3 "$out"
