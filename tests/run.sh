#!/bin/sh
# run.sh [PATTERN] -- run every unit test binary (build/tests/test_*) and
# every end-to-end script (tests/e2e/t*.sh) whose name contains PATTERN.
# Each prints TAP lines ("ok N - ...", "not ok N - ..."); this counts them
# and ends with the summary line "N passed, N failed, N skipped" (a check
# that cannot run here says "ok N - ... # SKIP why").  A test program that
# exits non-zero without reporting a failure counts as one failure.
cd "$(dirname "$0")/.." || exit 1
pattern=${1:-}
passed=0
failed=0
skipped=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

for t in build/tests/test_* tests/e2e/t*.sh; do
	[ -e "$t" ] || continue
	case "$t" in *.d) continue ;; esac
	case "$t" in *"$pattern"*) ;; *) continue ;; esac
	echo "# $t"
	case "$t" in
	*.sh) sh "$t" >"$log" 2>&1 ;;
	*) "./$t" >"$log" 2>&1 ;;
	esac
	rc=$?
	cat "$log"
	k=$(grep -c '^ok .*# SKIP' "$log")
	p=$(($(grep -c '^ok ' "$log") - k))
	f=$(grep -c '^not ok ' "$log")
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "not ok - $t exited $rc without reporting a failure"
		f=1
	fi
	passed=$((passed + p))
	skipped=$((skipped + k))
	failed=$((failed + f))
done
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
