#!/bin/sh
# colloquy batch: every transcript of a folder, each in its own process,
# past failures, then the feed; the same bytes whatever -j.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1

in="$TMP/in"
mkdir -p "$in"
cp transcripts/lighthouse-keeper.txt transcripts/river-survey.txt "$in/"
printf 'caf\000\001\002\n' >"$in/broken.txt"
"$COLLOQUY" batch "$in" -o "$TMP/one" -j 1 >"$TMP/stdout" 2>"$TMP/stderr"
rc=$?
check "a batch with one broken transcript exits 1" test "$rc" -eq 1
check "... names the broken file and why" grep -q "broken.txt' is binary data" "$TMP/stderr"
check "... renders the others anyway" sh -c "test -s '$TMP/one/lighthouse-keeper.mp3' && test -s '$TMP/one/river-survey.mp3' && test ! -e '$TMP/one/broken.mp3'"
check "... and writes a feed of the two (feedparser)" $PY -c "
import feedparser, sys
f = feedparser.parse('$TMP/one/feed.xml')
sys.exit(0 if not f.bozo and len(f.entries) == 2 else (f.bozo, len(f.entries)))"
check "... with a summary line" grep -q "^2 transcripts rendered, 1 failed" "$TMP/stdout"
rm "$in/broken.txt"
check "a batch with -j 2 succeeds" "$COLLOQUY" batch "$in" -o "$TMP/two" -j 2 -q
check "-j 1 and -j 2 give the same bytes" sh -c "
	for f in lighthouse-keeper river-survey; do
		for x in .mp3 .vtt .srt .json .chapters.json; do cmp '$TMP/one/'\$f\$x '$TMP/two/'\$f\$x || exit 1; done
	done"
mkdir "$TMP/inplace"
cp transcripts/lighthouse-keeper.txt "$TMP/inplace/"
check "a batch that renders into its own folder" "$COLLOQUY" batch "$TMP/inplace" -o "$TMP/inplace" -q
check "... then plans nothing: its .vtt and .srt are the episode's sidecars, not transcripts" sh -c "
	[ -z \"\$('$COLLOQUY' batch '$TMP/inplace' -o '$TMP/inplace' --plan)\" ]"
cp "$TMP/inplace/lighthouse-keeper.vtt" "$in/captions.vtt"
printf '<p><b>Why lamps?</b></p>\n<p>Because ships need them.</p>\n<p><b>And fog?</b></p>\n<p>A horn.</p>\n' >"$in/page.html"
check "a batch takes .vtt and .html transcripts too" sh -c "
	'$COLLOQUY' batch '$in' -o '$TMP/mixed' --plan | grep -c ' render ' | grep -qx 4"
rm "$in/captions.vtt" "$in/page.html"
fails "a batch of a folder without transcripts" 1 "$COLLOQUY" batch "$TMP/two" -o "$TMP/three"
stderr_has "no transcripts (*.txt, *.md, *.html, *.vtt, *.srt) in"

# lexicon.txt among the transcripts is the show's words, not an episode;
# the sample folder ships one, and every transcript there is read with it.
check "lexicon.txt in a batch's folder is no transcript" sh -c "
	'$COLLOQUY' batch transcripts -o '$TMP/withlex' --plan >'$TMP/lexplan' &&
	[ \$(grep -c ' render ' '$TMP/lexplan') -eq \$(ls transcripts/*.txt | grep -vc '/lexicon.txt\$') ] &&
	! grep -q 'lexicon.txt -o' '$TMP/lexplan'"
check "... and what it says is spoken: the guest's name as the lexicon spells it" sh -c "
	'$COLLOQUY' split transcripts/lighthouse-keeper.txt --spoken | grep -qF \"[[i:n'Es]] Varga\""
