#!/bin/sh
# valgrind's memcheck on a whole render (speaker processes included) and on
# split: no error, nothing definitely or indirectly lost.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1
command -v valgrind >/dev/null 2>&1 || { skip "memcheck" "valgrind is not installed"; exit 0; }
# memcheck cannot run a program built with AddressSanitizer
grep -q fsanitize=address build/flags 2>/dev/null && { skip "memcheck" "a sanitizer build: memcheck is for the plain one"; exit 0; }

vg="valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=9 -q"
printf '# colloquy script 1\ntitle [host]: A Short One\n\nquestion [host]: Why is it short?\n\nanswer [guest]: Because it is a test & <nothing> more.\n\noutro [host]: Thanks.\n' >"$TMP/short.script"
check "memcheck: a render, its speaker processes included" $vg "$COLLOQUY" render "$TMP/short.script" -o "$TMP/vg.mp3" -q
check "memcheck: split --json of a transcript" sh -c "$vg '$COLLOQUY' split transcripts/bread-and-code.txt --json >/dev/null"
check "memcheck: a render that fails (unknown voice)" sh -c "
	mkdir -p '$TMP/v' && cp voices/*.ini '$TMP/v/' && sed -i 's/^espeak = .*/espeak = nowhere/' '$TMP/v/host.ini' &&
	$vg '$COLLOQUY' render '$TMP/short.script' -o '$TMP/vg2.mp3' -q --voices '$TMP/v' 2>'$TMP/err'; test \$? -eq 1"
