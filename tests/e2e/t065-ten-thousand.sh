#!/bin/sh
# 10,000 questions: the one row of the bad-input matrix that succeeds.  The
# render streams a chunk at a time, so hours of audio take no more memory
# than minutes; the episode has 10,001 chapters under nested tables of
# contents, and the independent readers accept it.  Low rate and short
# pauses keep the test to a few minutes.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1

$PY -c "
print('Ten Thousand Questions\n')
print('A long evening of short questions, with the guest answering each.\n')
for i in range(1, 10001):
    print(f'Q: Question {i}?\n\nA: Answer {i}.\n')
" >"$TMP/ten-thousand.txt"
mkdir -p "$TMP/voices"
cp voices/host.ini voices/guest.ini "$TMP/voices/"
printf '[pacing]\nlead_ms = 100\ntail_ms = 300\nafter_question_ms = 150\nbefore_chapter_ms = 250\nlist_item_ms = 150\n' \
	>"$TMP/voices/pacing.ini"
mp3="$TMP/ten-thousand.mp3"
check "a transcript of 10,000 questions renders" \
	/usr/bin/time -f %M -o "$TMP/peak" \
	"$COLLOQUY" render "$TMP/ten-thousand.txt" -o "$mp3" --rate 8000 --bitrate 24 --voices "$TMP/voices" -q
# Not a memory target (bench/scale-10x.sh measures that), but the sign of
# streaming: the whole 18 hours in memory at once would take 2 GB.
# (AddressSanitizer keeps freed memory in quarantine: the plain build only.)
if ! grep -q fsanitize=address build/flags 2>/dev/null; then
	check "... a chunk at a time: no process grows past 256 MB" sh -c "test \$(tail -1 '$TMP/peak') -lt 262144"
else
	skip "... a chunk at a time: no process grows past 256 MB" "AddressSanitizer keeps freed memory"
fi
check "... with 10,001 chapters (ffprobe)" sh -c "
	test \$(ffprobe -v error -show_chapters -of csv=p=0 '$mp3' | wc -l) -eq 10001"
check "... under nested tables of contents (mutagen: CTOC and CHAP frames)" $CHECK mutagen "$mp3" 10001
check "... whose length mutagen, TLEN and ffprobe agree on with the decoded audio" $CHECK duration "$mp3"
check "... which mp3val finds sound" sh -c "! mp3val '$mp3' | grep -q 'WARNING\|ERROR'"
check "... and ffmpeg decodes without a message" sh -c "test -z \"\$(ffmpeg -v error -i '$mp3' -f null - 2>&1)\""
check "... with a chapters file of 10,001 entries" $PY -c "
import json, sys
d = json.load(open('$TMP/ten-thousand.chapters.json'))
sys.exit(0 if len(d['chapters']) == 10001 else len(d['chapters']))"
echo "1..$tap_n"
