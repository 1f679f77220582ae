#!/bin/sh
# The splitter on hostile and extreme input: random UTF-8, no questions,
# thousands of questions, low confidence.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1

# 300 random texts of random code points, lines, labels and punctuation:
# split must answer each with JSON (exit 0) or one message (exit 1).
check "300 random UTF-8 texts: JSON or one clear message, never a crash" $PY -c "
import json, random, subprocess, sys
rnd = random.Random(20261128)
pieces = ['Q: ', 'A: ', 'JANE: ', 'Jane Roe: ', '# ', '**', '?', ':', '. ', '\n', '\n\n', '\r\n',
          '[Editor\'s note: ', ']', '(laughs)', '1. ', '- ', '\u201c', '\u201d', '\u2014', '\u00a0',
          '\ufeff', 'Tell me about it.', 'Thanks, Jane.', 'Skip to content', '\t']
for n in range(300):
    parts = []
    for _ in range(rnd.randint(0, 60)):
        r = rnd.random()
        if r < 0.4:
            parts.append(rnd.choice(pieces))
        elif r < 0.8:
            parts.append(''.join(rnd.choice('abcdefghij ABCDEFG') for _ in range(rnd.randint(1, 40))))
        else:
            parts.append(''.join(chr(rnd.choice([rnd.randint(0x20, 0x7e), rnd.randint(0xa0, 0x2fff),
                                                rnd.randint(0x4e00, 0x9fff), rnd.randint(0x1f300, 0x1faff)]))
                                 for _ in range(rnd.randint(1, 10))))
    path = '$TMP/r.txt'
    open(path, 'w', encoding='utf-8').write(''.join(parts))
    p = subprocess.run(['$COLLOQUY', 'split', path, '--json'], capture_output=True)
    if p.returncode == 0:
        json.loads(p.stdout)
    elif p.returncode != 1 or p.stderr.count(b'error:') != 1:
        sys.exit(f'text {n}: exit {p.returncode}: {p.stderr[:300]!r}')
"

printf 'A Walk on the Moor\n\nThe path climbs from the village past the old chapel. Heather covers the slopes.\n\nAt the top the wind never stops. On a clear day you can see the sea.\n' >"$TMP/narration.txt"
"$COLLOQUY" render "$TMP/narration.txt" -o "$TMP/narration.mp3" >/dev/null 2>"$TMP/warn"
check "a text without questions becomes a narrated episode with one chapter" sh -c "
	ffprobe -v error -show_chapters -of csv '$TMP/narration.mp3' | grep -c '^chapter' | grep -qx 1"
check "... and render says so on stderr" grep -q "no questions found" "$TMP/warn"

$PY - "$TMP/many.txt" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("Ten Thousand Questions\n\n")
    for n in range(1, 10001):
        f.write(f"Q: What is the answer to question {n}?\n\nA: It is {n}.\n\n")
PY
check "10,000 questions split into 10,001 chapters with every segment labelled" $PY -c "
import json, subprocess, sys
d = json.loads(subprocess.run(['$COLLOQUY', 'split', '$TMP/many.txt', '--json'], capture_output=True, check=True).stdout)
roles = [s['role'] for s in d['segments']]
ok = len(d['chapters']) == 10001 and roles.count('question') == 10000 and roles.count('answer') == 10000
sys.exit(0 if ok else f\"{len(d['chapters'])} chapters, {roles.count('question')} questions\")"

head -n 1202 "$TMP/many.txt" >"$TMP/three-hundred.txt"
check "300 questions render: more chapters than one CTOC holds" "$COLLOQUY" render "$TMP/three-hundred.txt" -o "$TMP/300.mp3" -q
check "... and mutagen finds the nested tables of contents over 301 CHAP frames" $CHECK mutagen "$TMP/300.mp3" 301
check "... and ffprobe lists 301 chapters" sh -c "ffprobe -v error -show_chapters -of csv '$TMP/300.mp3' | grep -c '^chapter' | grep -qx 301"

check "split --json gives every segment a confidence between 0 and 1" $PY -c "
import json, subprocess, sys
d = json.loads(subprocess.run(['$COLLOQUY', 'split', 'transcripts/river-survey.txt', '--json'], capture_output=True, check=True).stdout)
sys.exit(0 if all(0 <= s['confidence'] <= 1 for s in d['segments']) else 'bad confidence')"
printf 'Notes\n\nWhat is the plan?\n\nWe plant in spring.\n\n- one\n- two\n\nThe garden opens in May and everyone is welcome to come along.\n' >"$TMP/doubt.txt"
"$COLLOQUY" split "$TMP/doubt.txt" --json >/dev/null 2>"$TMP/warn"
check "a doubtful labelling is reported on stderr with its lines" grep -q "low confidence (line" "$TMP/warn"
