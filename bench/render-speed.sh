#!/bin/sh
# render-speed.sh -- the sample rendered by colloquy (--rate 22050 --bitrate
# 64 --no-cache, all cores) against the stock pipeline at the same settings
# (bench/stock-pipeline.sh: espeak-ng, sox, lame and ffmpeg), in the same
# run.  Target: colloquy at most 0.35x the stock wall time.
. "$(dirname "$0")/lib.sh"
N=${N:-5}
set -- $(runs "$N" sh bench/stock-pipeline.sh "$sample" "$tmp/stock.mp3" 22050 64 | stats)
stock_min=$1 stock_med=$2 stock_max=$3
set -- $(runs "$N" ./colloquy render "$sample" -o "$tmp/c.mp3" --rate 22050 --bitrate 64 --no-cache -q | stats)
awk -v n="$N" -v smin="$stock_min" -v smed="$stock_med" -v smax="$stock_max" -v cmin="$1" -v cmed="$2" -v cmax="$3" 'BEGIN {
	printf "render of the sample, %d runs each (min / median / max, s):\n", n
	printf "  stock pipeline  %5.2f / %5.2f / %5.2f\n", smin, smed, smax
	printf "  colloquy        %5.2f / %5.2f / %5.2f\n", cmin, cmed, cmax
	printf "  ratio (median)  %.2fx  (best %.2fx, worst %.2fx; target <= 0.35x)\n", cmed / smed, cmin / smax, cmax / smin
}'
