#!/bin/sh
# edit-one.sh -- re-render after editing one answer, with the cache, against
# a cold render (empty cache), and the bytes against a cold render of the
# edited text.  Target: at most 0.2x the cold time, identical bytes.
. "$(dirname "$0")/lib.sh"
opts="--rate 22050 --bitrate 64 -q"
line=$(grep -n 'Zmanda' "$sample" | sed -n 3p | cut -d: -f1)
sed "${line}s/Zmanda/the company/" "$sample" >"$tmp/edited.txt"
cp "$sample" "$tmp/orig.txt"
for i in 1 2 3; do
	rm -rf "$XDG_CACHE_HOME"
	cold=$(measure ./colloquy render "$tmp/orig.txt" -o "$tmp/orig.mp3" $opts | cut -d' ' -f1)
	edit=$(measure ./colloquy render "$tmp/edited.txt" -o "$tmp/edited.mp3" $opts | cut -d' ' -f1)
	echo "$cold $edit"
done >"$tmp/pairs"
rm -rf "$XDG_CACHE_HOME"
./colloquy render "$tmp/edited.txt" -o "$tmp/edited-cold.mp3" $opts 2>/dev/null
same=$(cmp -s "$tmp/edited.mp3" "$tmp/edited-cold.mp3" && echo identical || echo DIFFERENT)
awk -v same="$same" '{ c[NR] = $1; e[NR] = $2; r[NR] = $2 / $1 }
END {
	lo = hi = r[1]
	for (i = 1; i <= NR; i++) { printf "  run %d: cold %.2f s, after the edit %.2f s (%.2fx)\n", i, c[i], e[i], r[i]
		if (r[i] < lo) lo = r[i]; if (r[i] > hi) hi = r[i] }
	printf "re-render after editing one answer: %.2fx to %.2fx of cold (target <= 0.2x); bytes %s to a cold render of the edit\n", lo, hi, same
}' "$tmp/pairs"
