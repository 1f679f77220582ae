#!/bin/sh
# long-paragraph.sh -- the same 96 KB of answer as one paragraph (just under
# the 100 KB a paragraph may be) and as 120 paragraphs of 800 bytes, at the
# same settings (--no-cache): time and peak memory of the largest process.
# A long paragraph is spoken in pieces cut at sentence ends, so the targets
# are: at most 1.5x the time and at most 256 MB.
. "$(dirname "$0")/lib.sh"
python3 - "$tmp" <<'PY'
import random, sys
random.seed(7)
words = ("the river runs past old mills and we measured every bend of it "
         "with care over many long summers").split()
sentences = [" ".join(random.choice(words) for _ in range(14)).capitalize() + "."
             for _ in range(1320)]
head = "A Long Answer\n\nQ: Tell me about the survey?\n\nA: "
with open(sys.argv[1] + "/one.txt", "w") as f:
    f.write(head + " ".join(sentences) + "\n")
with open(sys.argv[1] + "/many.txt", "w") as f:
    f.write(head + "\n\n".join(" ".join(sentences[i:i + 11]) for i in range(0, 1320, 11)) + "\n")
PY
opts="--no-cache -q"
set -- $(measure ./colloquy render "$tmp/many.txt" -o "$tmp/many.mp3" $opts)
tm=$1 km=$2
set -- $(measure ./colloquy render "$tmp/one.txt" -o "$tmp/one.mp3" $opts)
t1=$1 k1=$2
set -- $(measure ./colloquy render "$tmp/many.txt" -o "$tmp/many.mp3" $opts)
tm2=$1 km2=$2
wc -c <"$tmp/one.txt" | awk '{ printf "one paragraph of %.0f KB\n", $1 / 1024 }'
awk -v tm="$tm" -v tm2="$tm2" -v t1="$t1" -v km="$km" -v km2="$km2" -v k1="$k1" 'BEGIN {
	m = tm < tm2 ? tm : tm2
	printf "120 paragraphs: %.2f / %.2f s, peak %.1f / %.1f MB\n", tm, tm2, km / 1024, km2 / 1024
	printf "one paragraph:  %.2f s, peak %.1f MB\n", t1, k1 / 1024
	printf "  time ratio %.2fx (target <= 1.5x); peak %.1f MB (target <= 256 MB)\n", t1 / m, k1 / 1024
}'
ffprobe -v error -show_entries format=duration -of csv=p=0 "$tmp/one.mp3" |
	awk '{ printf "  episode: %.1f minutes of audio\n", $1 / 60 }'
