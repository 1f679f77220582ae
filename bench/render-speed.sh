#!/bin/sh
# render-speed.sh -- the sample rendered by colloquy (--rate 22050 --bitrate
# 64 --no-cache, all cores) against the stock pipeline at the same settings
# (bench/stock-pipeline.sh: espeak-ng, sox, lame and ffmpeg), in the same
# run: the two alternate, so that a machine slowing down or speeding up
# weighs on both.  Target: colloquy at most 0.35x the stock wall time.
. "$(dirname "$0")/lib.sh"
N=${N:-7}
# the stock pipeline speaks at the rates colloquy calibrated (not timed)
eval "$(./colloquy voices | awk '/espeak-ng rate/ {
	match($0, /rate [0-9]+/); r = substr($0, RSTART + 5, RLENGTH - 5)
	if ($1 == "host") print "HOST_RATE=" r; if ($1 == "guest") print "GUEST_RATE=" r }')"
export HOST_RATE GUEST_RATE
for i in $(seq "$N"); do
	s=$(measure sh bench/stock-pipeline.sh "$sample" "$tmp/stock.mp3" 22050 64 | cut -d' ' -f1)
	c=$(measure ./colloquy render "$sample" -o "$tmp/c.mp3" --rate 22050 --bitrate 64 --no-cache -q |
		cut -d' ' -f1)
	echo "$s $c"
done >"$tmp/pairs"
cut -d' ' -f1 "$tmp/pairs" | stats >"$tmp/s"
cut -d' ' -f2 "$tmp/pairs" | stats >"$tmp/c"
awk '{ print $2 / $1 }' "$tmp/pairs" | stats >"$tmp/r"
awk -v n="$N" 'FILENAME ~ /\/s$/ { s = $0 } FILENAME ~ /\/c$/ { c = $0 } FILENAME ~ /\/r$/ { r = $0 }
END {
	split(s, S, " "); split(c, C, " "); split(r, R, " ")
	printf "render of the sample, %d alternating runs (min / median / max, s):\n", n
	printf "  stock pipeline  %5.2f / %5.2f / %5.2f\n", S[1], S[2], S[3]
	printf "  colloquy        %5.2f / %5.2f / %5.2f\n", C[1], C[2], C[3]
	printf "  ratio of each pair: %.2fx / %.2fx / %.2fx (target <= 0.35x)\n", R[1], R[2], R[3]
}' "$tmp/s" "$tmp/c" "$tmp/r"
for f in stock c; do
	ffprobe -v error -show_entries format=duration -of csv=p=0 "$tmp/$f.mp3"
done | awk 'NR == 1 { s = $1 } NR == 2 { printf "  audio: stock %.1f s, colloquy %.1f s (rates: host %s, guest %s)\n", s, $1, ENVIRON["HOST_RATE"], ENVIRON["GUEST_RATE"] }'
