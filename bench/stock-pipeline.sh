#!/bin/sh
# stock-pipeline.sh TRANSCRIPT OUT.mp3 [RATE] [KBPS] -- the baseline that
# bench/render-speed.sh measures colloquy against: what a user would script
# with stock tools, given colloquy's own labelling of the transcript.
# espeak-ng speaks each paragraph to a WAV file (one process each), sox joins
# them with pauses, lame encodes, and ffmpeg adds one chapter per question.
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
sox -n -r 22050 -c 1 -b 16 "$work/gap.wav" trim 0 0.6
printf ';FFMETADATA1\n' >"$work/meta.txt"
ms=0
set --
for txt in "$work"/[0-9]*.txt; do
	wav=${txt%.txt}.wav
	case $txt in
	*.host.txt) espeak-ng -v en-us+m3 -s 160 -p 35 -w "$wav" -f "$txt" ;;
	*) espeak-ng -v en-gb+f3 -s 170 -p 60 -w "$wav" -f "$txt" ;;
	esac
	case $txt in
	*.question.*)
		printf '[CHAPTER]\nTIMEBASE=1/1000\nSTART=%s\nEND=%s\ntitle=%s\n' "$ms" "$ms" \
			"$(head -c 60 "$txt" | tr -d '\n=;#')" >>"$work/meta.txt"
		;;
	esac
	ms=$(soxi -D "$wav" | awk -v ms="$ms" '{ printf "%d", ms + $1 * 1000 + 600 }')
	set -- "$@" "$wav" "$work/gap.wav"
done
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
