# lib.sh -- sourced by the benchmarks: a scratch folder $tmp, the sample
# interview $sample, and run/stats helpers.  Benchmarks print their figures
# and ratios; they are not tests.
cd "$(dirname "$0")/.." || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sample=../shared/corpus/open-source-ceo-19.txt
[ -f "$sample" ] || { echo "bench: the sample $sample is missing" >&2; exit 1; }
[ -x ./colloquy ] || make -s colloquy || exit 1
export XDG_CACHE_HOME="$tmp/cache"

# measure CMD...: run it, print "SECONDS PEAK_KB" (peak of the largest process)
measure() {
	/usr/bin/time -f '%e %M' -o "$tmp/time" "$@" >/dev/null 2>"$tmp/stderr" ||
		{ cat "$tmp/stderr" >&2; echo "bench: failed: $*" >&2; exit 1; }
	cat "$tmp/time"
}

# runs N CMD...: seconds of N runs, one a line
runs() {
	n=$1
	shift
	for i in $(seq "$n"); do measure "$@" | cut -d' ' -f1; done
}

# stats: min, median and max of the numbers on stdin
stats() {
	sort -n | awk '{ v[NR] = $1 } END { printf "%.2f %.2f %.2f\n", v[1], v[int((NR + 1) / 2)], v[NR] }'
}
