#!/bin/sh
# Voices: host and guest sound different, and markup-like text is spoken
# as text.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1

text="The harbour lights were on when we came back, and the nets were full of herring for the first time that year."
printf '# colloquy script 1\nintro [host]: %s\n' "$text" >"$TMP/host.script"
printf '# colloquy script 1\nanswer [guest]: %s\n' "$text" >"$TMP/guest.script"
"$COLLOQUY" render "$TMP/host.script" -o "$TMP/host.mp3" -q
"$COLLOQUY" render "$TMP/guest.script" -o "$TMP/guest.mp3" -q
check "the guest's median pitch is at least 1.3 x the host's (autocorrelation of the decoded audio)" \
	$CHECK pitch "$TMP/host.mp3" "$TMP/guest.mp3" 1.3

# If '<b>' or '&amp;' were read as markup they would be silent: the marked
# up paragraph must take longer to speak than the same words without them.
printf '# colloquy script 1\nintro [host]: Tags like <b> and </b> & "quotes", 東京 and Ελλάδα.\n' >"$TMP/markup.script"
printf '# colloquy script 1\nintro [host]: Tags like and quotes.\n' >"$TMP/plain.script"
check "text with < > & quotes and non-Latin letters renders" "$COLLOQUY" render "$TMP/markup.script" -o "$TMP/markup.mp3" -q
"$COLLOQUY" render "$TMP/plain.script" -o "$TMP/plain.mp3" -q
check "... and its markup is spoken, not swallowed" $PY -c "
import json, subprocess, sys
d = lambda p: float(json.loads(subprocess.run(['ffprobe', '-v', 'error', '-show_format', '-of', 'json', p], capture_output=True, check=True).stdout)['format']['duration'])
a, b = d('$TMP/markup.mp3'), d('$TMP/plain.mp3')
sys.exit(0 if a > b + 1.5 else f'{a:.2f} s with markup, {b:.2f} s without')"
