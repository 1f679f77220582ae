#!/bin/sh
# split-linear.sh -- is `colloquy split` linear in its input?  Times split
# --json on 5 MB and 50 MB synthetic interviews of each layout in the same
# run and prints the ratio (10.0 is linear) and the peak memory.
cd "$(dirname "$0")/.." || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# seconds and peak KB of one split, as "S KB"
measure() {
	/usr/bin/time -f '%e %M' -o "$tmp/time" ./colloquy split "$1" --json >/dev/null 2>&1
	cat "$tmp/time"
}

printf '%-8s %10s %10s %8s %12s\n' layout "5 MB s" "50 MB s" ratio "50 MB peak"
for layout in qa speaker header; do
	python3 bench/gen-transcript.py $layout 5 >"$tmp/small.txt"
	python3 bench/gen-transcript.py $layout 50 >"$tmp/big.txt"
	# best of three for the small input, where noise weighs most
	best=$(for i in 1 2 3; do measure "$tmp/small.txt" | cut -d' ' -f1; done | sort -n | head -1)
	set -- $(measure "$tmp/big.txt")
	awk -v l=$layout -v s="$best" -v b="$1" -v kb="$2" \
		'BEGIN { printf "%-8s %10.2f %10.2f %8.1f %9.0f MB\n", l, s, b, b / s, kb / 1024 }'
done
