#!/bin/sh
# run.sh -- every benchmark in bench/, one after the other.  Benchmarks print
# figures and ratios measured in the same run; they are not timed tests and
# are not part of `make test`.
cd "$(dirname "$0")/.." || exit 1
for b in bench/*.sh; do
	case $b in bench/run.sh | bench/lib.sh | bench/stock-pipeline.sh) continue ;; esac
	echo "== $b"
	sh "$b"
done
