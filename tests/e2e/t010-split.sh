#!/bin/sh
# The splitter: the shared reference interview, our sample transcripts,
# JSON read by Python's json module, and the editable script round trip.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1

if has_shared; then
	check "shared sample labelled as its reference (score-split.py)" \
		sh -c "'$SHARED/tools/score-split.py' '$SHARED/corpus/open-source-ceo-19.expected.json' '$SHARED/corpus/open-source-ceo-19.txt' | tail -1 | grep -qx '32/32 labelled right'"
	"$COLLOQUY" split "$SHARED/corpus/open-source-ceo-19.txt" --json >"$TMP/ceo.json"
	check "split --json chapters match the reference list" $PY -c "
import json, sys
got = [c['title'] for c in json.load(open('$TMP/ceo.json'))['chapters']]
want = json.load(open('$SHARED/corpus/open-source-ceo-19.expected.json'))['chapters']
sys.exit(0 if got == want else f'{got} != {want}')"
else
	skip "shared sample labelled as its reference" "../shared is missing"
fi

# Expected roles of our own transcripts, one letter a segment:
# T title, I intro, Q question, A answer, O outro.
expect() {
	"$COLLOQUY" split "transcripts/$1" --json >"$TMP/$1.json" 2>"$TMP/err" || {
		notok "split $1"
		return
	}
	check "split $1: roles $2, speakers $3" $PY -c "
import json, sys
d = json.load(open('$TMP/$1.json'))
roles = ''.join(s['role'][0].upper() for s in d['segments'])
speakers = ','.join(sorted({s['speaker'] for s in d['segments']}))
sys.exit(0 if (roles, speakers) == ('$2', '$3') else f'got {roles} {speakers}')"
}
expect lighthouse-keeper.txt TIQAQAAQAQAO guest,host
expect bread-and-code.txt TIQAQAAQAO MAYA,TOMÁS
expect river-survey.txt TIQAQAQAQAO guest,host

for f in transcripts/*.txt; do
	name=$(basename "$f" .txt)
	[ "$name" = lexicon ] && continue	# the show's words, not a transcript
	"$COLLOQUY" split "$f" >"$TMP/$name.script"
	"$COLLOQUY" split "$TMP/$name.script" >"$TMP/$name.again"
	check "$name: the script reads back as itself" cmp "$TMP/$name.script" "$TMP/$name.again"
	"$COLLOQUY" split "$f" --json >"$TMP/a.json"
	"$COLLOQUY" split "$TMP/$name.script" --json >"$TMP/b.json"
	check "$name: the script labels as the transcript does" $PY -c "
import json, sys
a, b = (json.load(open(p)) for p in ('$TMP/a.json', '$TMP/b.json'))
strip = lambda d: [(s['role'], s['speaker'], s['text']) for s in d['segments']]
sys.exit(0 if (a['title'], strip(a), a['chapters']) == (b['title'], strip(b), b['chapters']) else 'differ')"
done

# An edit to the script is honoured: a question relabelled as an answer
# loses its chapter.
sed '0,/^question \[host\]: What did an ordinary day look like?/s//answer [guest]: What did an ordinary day look like?/' \
	"$TMP/lighthouse-keeper.script" >"$TMP/edited.script"
check "an edited label changes the chapters" $PY -c "
import json, subprocess, sys
d = json.loads(subprocess.run(['$COLLOQUY', 'split', '$TMP/edited.script', '--json'], capture_output=True, check=True).stdout)
titles = [c['title'] for c in d['chapters']]
sys.exit(0 if 'What did an ordinary day look like?' not in titles and len(titles) == 5 else titles)"

printf 'title [host]: A\n\nchorus [host]: la la\n' >"$TMP/bad.script"
sed -i '1i # colloquy script 1' "$TMP/bad.script"
fails "an unknown role in a script fails" 1 "$COLLOQUY" split "$TMP/bad.script"
stderr_has "line 4"

# What the synthesiser is given, shown without rendering: numbers as said,
# the show's lexicon applied, emoji gone; the script itself unchanged.
mkdir "$TMP/spoken"
printf 'Q: Did the $14 million come in the 1990s?\n\nA: Yes, Childers said so \360\237\232\200 on 11/30/2026, and again on Nov. 30.\n' >"$TMP/spoken/money.txt"
printf "Childers = [[tS'Ild3z]]\n" >"$TMP/spoken/lexicon.txt"
check "split --spoken shows each paragraph as the synthesiser is given it" sh -c "
	'$COLLOQUY' split '$TMP/spoken/money.txt' --spoken >'$TMP/spoken.out' &&
	grep -qxF 'question [host]: Did the 14 million dollars come in the 19 nineties?' '$TMP/spoken.out' &&
	grep -qxF \"answer [guest]: Yes, [[tS'Ild3z]] said so on November 30, 2026, and again on November 30.\" '$TMP/spoken.out'"
check "... with another lexicon by --lexicon" sh -c "
	printf 'Childers = Chilled Ears\n' >'$TMP/other-lexicon.txt' &&
	'$COLLOQUY' split '$TMP/spoken/money.txt' --spoken --lexicon '$TMP/other-lexicon.txt' | grep -q 'Yes, Chilled Ears said so'"
fails "--json and --spoken together are refused" 2 "$COLLOQUY" split "$TMP/spoken/money.txt" --json --spoken
stderr_has "two different outputs"
