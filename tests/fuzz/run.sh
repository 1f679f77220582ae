#!/bin/sh
# run.sh SECONDS TARGET... -- run each libFuzzer target for SECONDS from its
# seeds (tests/fuzz/seeds/TARGET; the transcripts too for split), as many
# at once as there are cores, then print each one's executions and the
# total.  Exit 1 on a finding (the log in build/fuzz/ says what).
cd "$(dirname "$0")/../.." || exit 1
seconds=$1
shift
total=0
status=0
cores=$(nproc 2>/dev/null || echo 1)
running=0
for t in "$@"; do
	corpus=build/fuzz/corpus/$t
	mkdir -p "$corpus"
	seeds=tests/fuzz/seeds/$t
	[ "$t" = split ] && seeds="transcripts tests/fuzz/seeds/split tests/fuzz/seeds/script"
	(cd build/fuzz && ../../build/fuzz/fuzz_"$t" -max_total_time="$seconds" -print_final_stats=1 \
		-timeout=10 -rss_limit_mb=2048 -max_len=8192 -close_fd_mask=2 "../../$corpus" \
		$(for s in $seeds; do echo "../../$s"; done) >"$t.log" 2>&1; echo $? >"$t.rc") &
	running=$((running + 1))
	if [ "$running" -ge "$cores" ]; then
		wait
		running=0
	fi
done
wait
for t in "$@"; do
	log=build/fuzz/$t.log
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	found=
	if [ "$(cat build/fuzz/$t.rc)" != 0 ]; then
		status=1
		found=", FINDING: see $log"
	fi
	echo "fuzz_$t: ${runs:-0} executions in ${seconds} s$found"
	total=$((total + ${runs:-0}))
done
echo "total: $total executions"
exit $status
