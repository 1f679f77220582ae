# lib.sh -- sourced by every end-to-end script.  Sets ROOT, COLLOQUY,
# SHARED, PY (Debian's python3, which has mutagen and eyeD3), CHECK (the
# independent-reader checks) and a scratch folder TMP removed on exit, which
# holds the render cache ($XDG_CACHE_HOME);
# prints TAP lines through ok, notok and check.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
COLLOQUY="$ROOT/colloquy"
SHARED="$ROOT/../shared"
PY=/usr/bin/python3
CHECK="$PY $ROOT/tests/e2e/mp3check.py"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# each script has a cache of its own, and leaves the user's alone
XDG_CACHE_HOME="$TMP/cache"
export XDG_CACHE_HOME
tap_n=0

ok() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $*"
}

notok() {
	tap_n=$((tap_n + 1))
	echo "not ok $tap_n - $*"
}

# skip DESC WHY: a check that cannot run here, said as a TAP skip, which
# tests/run.sh counts apart.
skip() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1 # SKIP $2"
}

# check DESC CMD...: passes when CMD exits 0; shows its output when not.
check() {
	desc=$1
	shift
	if out=$("$@" 2>&1); then
		ok "$desc"
	else
		notok "$desc"
		printf '%s\n' "$out" | head -20 | sed 's/^/#   /'
	fi
}

# fails DESC STATUS CMD...: passes when CMD exits with STATUS and prints
# exactly one line on stderr.
fails() {
	desc=$1
	want=$2
	shift 2
	"$@" >"$TMP/stdout" 2>"$TMP/stderr"
	rc=$?
	lines=$(wc -l <"$TMP/stderr")
	if [ "$rc" -eq "$want" ] && { [ "$want" -eq 2 ] || [ "$lines" -eq 1 ]; }; then
		ok "$desc"
	else
		notok "$desc (exit $rc, want $want; $lines lines on stderr)"
		head -5 "$TMP/stderr" | sed 's/^/#   /'
	fi
}

# stderr_has TEXT: the last fails' message contains TEXT.
stderr_has() {
	if grep -qF -- "$1" "$TMP/stderr"; then
		ok "message names '$1'"
	else
		notok "message names '$1'"
		sed 's/^/#   /' "$TMP/stderr"
	fi
}

has_shared() {
	[ -f "$SHARED/corpus/open-source-ceo-19.txt" ]
}
