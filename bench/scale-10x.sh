#!/bin/sh
# scale-10x.sh -- a transcript ten times the sample against the sample, at
# the same settings (--rate 22050 --bitrate 64 --no-cache): peak memory of
# the largest process and time.  Targets: at most 64 MB, at most 10.5x.
. "$(dirname "$0")/lib.sh"
cp "$sample" "$tmp/x1.txt"
{ cat "$sample"; for i in 2 3 4 5 6 7 8 9 10; do echo; tail -n +2 "$sample"; done; } >"$tmp/x10.txt"
opts="--rate 22050 --bitrate 64 --no-cache -q"
set -- $(for i in 1 2 3; do measure ./colloquy render "$tmp/x1.txt" -o "$tmp/x1.mp3" $opts; done |
	sort -n | head -1)
t1=$1 kb1=$2
set -- $(measure ./colloquy render "$tmp/x10.txt" -o "$tmp/x10.mp3" $opts)
t10=$1 kb10=$2
set -- $(measure ./colloquy render "$tmp/x10.txt" -o "$tmp/x10.mp3" $opts)
awk -v t1="$t1" -v kb1="$kb1" -v t10="$t10" -v t10b="$1" -v kb10="$kb10" -v kb10b="$2" 'BEGIN {
	a = t10 < t10b ? t10 : t10b; b = t10 < t10b ? t10b : t10
	printf "sample x1:  %.2f s (best of 3), peak %.1f MB\n", t1, kb1 / 1024
	printf "sample x10: %.2f / %.2f s (2 runs), peak %.1f / %.1f MB\n", a, b, kb10 / 1024, kb10b / 1024
	printf "  time ratio %.1fx to %.1fx (target <= 10.5x); peak %.1f MB (target <= 64 MB)\n",
		a / t1, b / t1, (kb10 > kb10b ? kb10 : kb10b) / 1024
}'
ffprobe -v error -show_entries format=duration -of csv=p=0 "$tmp/x10.mp3" |
	awk '{ printf "  x10 episode: %.1f minutes of audio\n", $1 / 60 }'
