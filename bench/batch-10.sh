#!/bin/sh
# batch-10.sh -- a batch of ten transcripts (copies of the sample, without
# the cache so each is rendered whole) with -j 2 against -j 1.
# Target: -j 2 at most 0.6x the time of -j 1.
. "$(dirname "$0")/lib.sh"
mkdir -p "$tmp/ten"
for i in 01 02 03 04 05 06 07 08 09 10; do cp "$sample" "$tmp/ten/interview-$i.txt"; done
opts="--rate 22050 --bitrate 64 --no-cache -q"
for i in 1 2; do
	a=$(measure ./colloquy batch "$tmp/ten" -o "$tmp/out1" -j 1 $opts | cut -d' ' -f1)
	b=$(measure ./colloquy batch "$tmp/ten" -o "$tmp/out2" -j 2 $opts | cut -d' ' -f1)
	echo "$a $b"
done | awk '{ printf "  run %d: -j 1 %.2f s, -j 2 %.2f s (%.2fx)\n", NR, $1, $2, $2 / $1
	r = $2 / $1; if (NR == 1 || r < lo) lo = r; if (NR == 1 || r > hi) hi = r }
END { printf "batch of 10: -j 2 takes %.2fx to %.2fx of -j 1 (target <= 0.6x)\n", lo, hi }'
same=yes
for f in "$tmp"/out1/*.mp3; do cmp -s "$f" "$tmp/out2/${f##*/}" || same=no; done
echo "  -j 1 and -j 2 episodes identical: $same"
