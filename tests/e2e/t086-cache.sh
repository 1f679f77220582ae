#!/bin/sh
# The cache and the chunked encoder: the same bytes cold, warm, without a
# cache and at any -j; an edited answer re-spoken alone and giving the bytes
# of a cold render of the edited text; chunk joins that decoders accept and
# that keep the master's exact samples; pruning; a scratch folder that does
# not outlive the render; batch --plan run through GNU parallel.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1

src=transcripts/river-survey.txt
entries() { find "$XDG_CACHE_HOME/colloquy/$1" -type f 2>/dev/null | wc -l; }

check "a cold render fills the cache" "$COLLOQUY" render "$src" -o "$TMP/cold.mp3" -q --wav
speech=$(entries speech)
mp3s=$(entries mp3)
check "... with the speech of each paragraph and the encoded chunks" test "$speech" -gt 5 -a "$mp3s" -gt 1
check "a warm render gives the same bytes" sh -c "'$COLLOQUY' render '$src' -o '$TMP/warm.mp3' -q && cmp '$TMP/cold.mp3' '$TMP/warm.mp3'"
check "... and speaks and encodes nothing new" test "$(entries speech)" -eq "$speech" -a "$(entries mp3)" -eq "$mp3s"
check "--no-cache -j 1 gives the same bytes" sh -c "'$COLLOQUY' render '$src' -o '$TMP/j1.mp3' -q --no-cache -j 1 && cmp '$TMP/cold.mp3' '$TMP/j1.mp3'"
check "--no-cache -j 3 gives the same bytes" sh -c "'$COLLOQUY' render '$src' -o '$TMP/j3.mp3' -q --no-cache -j 3 && cmp '$TMP/cold.mp3' '$TMP/j3.mp3'"
for x in .vtt .srt .json .chapters.json; do
	check "... and the same $x" cmp "$TMP/cold$x" "$TMP/j3$x"
done

# the joined chunks, read by decoders that know nothing of colloquy
check "mpg123 decodes exactly the master's samples (gapless by the Info frame)" $CHECK samples-as "$TMP/cold.mp3" "$TMP/cold.wav"
check "the LAME tag's CRC is right (computed in Python)" $CHECK lame-crc "$TMP/cold.mp3"
check "mutagen, TLEN and ffprobe agree with the decoded length" $CHECK duration "$TMP/cold.mp3"
check "mp3val finds no problem in the joins" sh -c "mp3val '$TMP/cold.mp3' | grep -v '^Done' | grep -qv 'WARNING\|ERROR' && ! mp3val '$TMP/cold.mp3' | grep -q 'WARNING\|ERROR'"
check "ffmpeg decodes without a message" sh -c "test -z \"\$(ffmpeg -v error -i '$TMP/cold.mp3' -f null - 2>&1)\""
check "mpg123 decodes without a message" sh -c "test -z \"\$(mpg123 -q -t '$TMP/cold.mp3' 2>&1)\""

# edit one answer
sed 's/they hide under the banks/they hide below the banks/' "$src" >"$TMP/edited.txt"
touch -r "$src" "$TMP/edited.txt"
check "the edit changed the text" sh -c "! cmp -s '$src' '$TMP/edited.txt'"
check "a render of the edited text" "$COLLOQUY" render "$TMP/edited.txt" -o "$TMP/edited.mp3" -q
check "... speaks one paragraph again, no more" test "$(entries speech)" -eq $((speech + 1))
check "... encodes at most three chunks again" test "$(entries mp3)" -le $((mp3s + 3))
check "... and gives the bytes of a render of it without the cache" sh -c "
	'$COLLOQUY' render '$TMP/edited.txt' -o '$TMP/edited-cold.mp3' -q --no-cache && cmp '$TMP/edited.mp3' '$TMP/edited-cold.mp3'"

# pruning
check "cache --prune --max-size 0 empties the cache" sh -c "'$COLLOQUY' cache --prune --max-size 0 | grep -q ': 0 entries'"
check "a render after pruning gives the same bytes" sh -c "'$COLLOQUY' render '$src' -o '$TMP/again.mp3' -q && cmp '$TMP/cold.mp3' '$TMP/again.mp3'"
check "cache --prune --max-size 1M leaves at most 1 MB" sh -c "
	'$COLLOQUY' cache --prune --max-size 1M | tail -1 | grep -Eq ': [0-9]+ entries, (0\.[0-9]|1\.0) MB'"
fails "cache --max-size with a bad size" 2 "$COLLOQUY" cache --prune --max-size lots
stderr_has "--max-size 'lots'"

# the scratch folder of --no-cache goes, also on a signal
mkdir -p "$TMP/scratch"
check "a --no-cache render leaves no scratch files" sh -c "
	TMPDIR='$TMP/scratch' '$COLLOQUY' render '$src' -o '$TMP/s.mp3' -q --no-cache && test -z \"\$(ls -A '$TMP/scratch')\""
TMPDIR="$TMP/scratch" "$COLLOQUY" render "$src" -o "$TMP/s.mp3" -q --no-cache -j 2 &
pid=$!
sleep 0.4
kill -INT "$pid"
wait "$pid"
check "... nor does one stopped by SIGINT" sh -c "test -z \"\$(ls -A '$TMP/scratch')\""

# batch --plan through GNU parallel
mkdir -p "$TMP/in"
cp transcripts/lighthouse-keeper.txt transcripts/river-survey.txt "$TMP/in/"
check "batch --plan prints one command per transcript" sh -c "
	'$COLLOQUY' batch '$TMP/in' -o '$TMP/planned' --plan >'$TMP/plan' && test \$(wc -l <'$TMP/plan') -eq 2"
check "... and makes the output folder the commands write into" test -d "$TMP/planned"
check "GNU parallel runs the plan" sh -c "cd / && parallel --will-cite -j 2 <'$TMP/plan'"
check "a batch of the same folder" "$COLLOQUY" batch "$TMP/in" -o "$TMP/batched" -q
check "the plan's episodes are the batch's, byte for byte" sh -c "
	for f in lighthouse-keeper river-survey; do
		for x in .mp3 .vtt .json .chapters.json; do cmp '$TMP/planned/'\$f\$x '$TMP/batched/'\$f\$x || exit 1; done
	done"
check "with every episode up to date, the plan is empty" sh -c "
	'$COLLOQUY' batch '$TMP/in' -o '$TMP/planned' --plan >'$TMP/plan2' && test ! -s '$TMP/plan2'"
touch "$TMP/in/river-survey.txt"
check "a transcript edited since is planned again, alone" sh -c "
	'$COLLOQUY' batch '$TMP/in' -o '$TMP/planned' --plan | grep -c render | grep -qx 1"
check "names with quotes are quoted for the shell" sh -c "
	mkdir -p \"$TMP/it's\" && cp '$src' \"$TMP/it's/a b.txt\" &&
	'$COLLOQUY' batch \"$TMP/it's\" -o \"$TMP/it's/out\" --plan >'$TMP/plan3' &&
	sh '$TMP/plan3' && test -s \"$TMP/it's/out/a b.mp3\""
check "the batch summary gives hours of audio and the realtime factor" sh -c "
	'$COLLOQUY' batch '$TMP/in' -o '$TMP/summary' | grep -Eq '^2 transcripts rendered, 0 failed, in [0-9.]+ s: [0-9.]+ hours of audio, [0-9]+x realtime'"
# on a terminal, a progress bar stands for the report lines
check "on a terminal, batch draws a progress bar to 2/2" sh -c "
	script -qc \"'$COLLOQUY' batch '$TMP/in' -o '$TMP/tty'\" /dev/null | tr '\\r' '\\n' >'$TMP/tty.out' &&
	grep -q '^.*\\[=*\\] 2/2' '$TMP/tty.out' && ! grep -q 'chapters, ' '$TMP/tty.out'"
check "... and otherwise prints one line per episode" sh -c "
	'$COLLOQUY' batch '$TMP/in' -o '$TMP/notty' 2>/dev/null | grep -c 'chapters, ' | grep -qx 2"

# damaged entries are made again: in a cache of this render's own, so
# that every entry damaged is one it needs
XDG_CACHE_HOME="$TMP/heal-cache"
"$COLLOQUY" render "$src" -o "$TMP/fresh.mp3" -q
if [ -n "$(find "$XDG_CACHE_HOME/colloquy/speech" -type f | head -1)" ]; then
	find "$XDG_CACHE_HOME/colloquy/speech" -type f | head -3 | while read -r f; do printf x >"$f"; done
	f=$(find "$XDG_CACHE_HOME/colloquy/mp3" -type f | head -1)
	head -c 100 "$f" >"$TMP/short" && cat "$TMP/short" >"$f"
	check "a render over damaged cache entries" sh -c "
		'$COLLOQUY' render '$src' -o '$TMP/healed.mp3' >/dev/null 2>'$TMP/heal.err'"
	check "... says which it speaks and encodes again" sh -c "
		grep -q 'is damaged; speaking its paragraph again' '$TMP/heal.err' &&
		grep -q 'is damaged; encoding its chunk again' '$TMP/heal.err'"
	check "... and gives the same bytes" cmp "$TMP/fresh.mp3" "$TMP/healed.mp3"
	check "... and the next render finds nothing damaged" sh -c "
		'$COLLOQUY' render '$src' -o '$TMP/healed2.mp3' -q 2>'$TMP/heal2.err' && test ! -s '$TMP/heal2.err'"
else
	notok "the render left entries in its cache to damage"
fi

# a cache folder that cannot be made
check "a cache folder that cannot be made: a warning, and the render anyway" sh -c "
	'$COLLOQUY' render '$src' -o '$TMP/nocache.mp3' --cache-dir /proc/colloquy-cache >/dev/null 2>'$TMP/nc.err' &&
	grep -q \"cannot use the cache folder '/proc/colloquy-cache'\" '$TMP/nc.err' && cmp '$TMP/cold.mp3' '$TMP/nocache.mp3'"
echo "1..$tap_n"
