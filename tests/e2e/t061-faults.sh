#!/bin/sh
# Faults: too big, a full disk, signals, two renders racing to one file,
# an output folder that cannot be written.  Each failure exits 1 (or dies
# by its signal) leaving no temporary file, and the episode already at the
# output path is untouched or replaced whole.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1

good=transcripts/river-survey.txt
ep="$TMP/out.mp3"
"$COLLOQUY" render "$good" -o "$ep" -q
sum=$(md5sum <"$ep")
untouched() {
	if [ "$(md5sum <"$ep")" = "$sum" ] && ! ls "$TMP" | grep -q '\.tmp$'; then
		ok "... the existing episode is untouched, no temporary file left"
	else
		notok "... the existing episode is untouched, no temporary file left"
	fi
}

$PY -c "
import sys
with open('$TMP/big.txt', 'w') as f:
    f.write('A Long Talk\n\n')
    while f.tell() < 50 * 1024 * 1024:
        f.write('Q: What happened next in the story we were telling?\n\nA: The same as before, only more so, and for longer than anyone expected.\n\n')
"
fails "a 50 MB transcript" 1 "$COLLOQUY" render "$TMP/big.txt" -o "$ep" -q
stderr_has "is 50 MB; colloquy renders transcripts of up to 10 MB"
untouched
$PY -c "open('$TMP/para.txt', 'w').write('One Line\n\n' + 'and then it went on ' * 52429 + '\n')"
fails "a 1 MB paragraph" 1 "$COLLOQUY" render "$TMP/para.txt" -o "$ep" -q
stderr_has "line 3: a paragraph of 1024 KB"
untouched

# A full disk: the file size limit stops the write of the MP3 half way.
sh -c "ulimit -f 200; exec '$COLLOQUY' render '$good' -o '$ep' -q" >"$TMP/stdout" 2>"$TMP/stderr"
rc=$?
check "a write cut short by a full disk exits 1" test "$rc" -eq 1
stderr_has "cannot write '$ep': File too large"
untouched

# Signals at several moments of a render: the process dies of the signal,
# and nothing but the old episode is left.
for sig in INT TERM; do
	for delay in 0.2 0.8 1.5; do
		"$COLLOQUY" render transcripts/lighthouse-keeper.txt -o "$ep" -q 2>/dev/null &
		pid=$!
		sleep $delay
		kill -$sig $pid 2>/dev/null
		wait $pid
		sleep 0.2
		if ls "$TMP" | grep -q '\.tmp$'; then
			notok "SIG$sig after $delay s leaves no temporary file"
		else
			ok "SIG$sig after $delay s leaves no temporary file"
		fi
		if mp3val "$ep" | grep -qE 'WARNING|ERROR'; then
			notok "... and the episode at the output path is whole"
		else
			ok "... and the episode at the output path is whole"
		fi
	done
done

# Two renders of different transcripts racing to one output: one wins whole.
"$COLLOQUY" render transcripts/lighthouse-keeper.txt -o "$TMP/a.mp3" -q
"$COLLOQUY" render transcripts/river-survey.txt -o "$TMP/b.mp3" -q
"$COLLOQUY" render transcripts/lighthouse-keeper.txt -o "$TMP/race.mp3" -q &
p1=$!
"$COLLOQUY" render transcripts/river-survey.txt -o "$TMP/race.mp3" -q &
p2=$!
wait $p1
r1=$?
wait $p2
r2=$?
check "two renders racing to one output both succeed" test "$r1" -eq 0 -a "$r2" -eq 0
check "... and the file is one of them, byte for byte" sh -c "cmp -s '$TMP/race.mp3' '$TMP/a.mp3' || cmp -s '$TMP/race.mp3' '$TMP/b.mp3'"

fails "an output folder that cannot be written" 1 "$COLLOQUY" render "$good" -o /sys/colloquy-test.mp3 -q
stderr_has "cannot create '/sys/colloquy-test.mp3'"
