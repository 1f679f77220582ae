#!/bin/sh
# read-formats.sh -- what reading a structured format costs over plain
# text.  The same synthetic interview (bench/gen-transcript.py, 5 MB as
# text) is written as a web page, a Markdown post and WebVTT captions, and
# `split --json` of each is timed against `split --json` of the text in
# the same run (farm-bench pairs the runs, so drift cancels); also a page
# in Windows-1252 against the same page in UTF-8.  Prints the medians and
# each ratio to text.
. "$(dirname "$0")/lib.sh"

python3 bench/gen-transcript.py qa 5 >"$tmp/t.txt"
python3 - "$tmp" <<'PY'
import html, re, sys
tmp = sys.argv[1]
paras = [p.strip() for p in open(tmp + '/t.txt', encoding='utf-8').read().split('\n\n') if p.strip()]
with open(tmp + '/t.html', 'w', encoding='utf-8') as f:
    f.write('<!DOCTYPE html><html><head><meta charset="utf-8"><title>Bench</title></head><body>'
            '<nav><a href="/">Home</a></nav><article>')
    for p in paras:
        m = re.match(r'(Q|A): (.*)', p)
        if m and m.group(1) == 'Q':
            f.write('<p><strong>%s</strong></p>\n' % html.escape(m.group(2)))
        else:
            f.write('<p>%s</p>\n' % html.escape(m.group(2) if m else p))
    f.write('</article><footer>Copyright</footer></body></html>\n')
with open(tmp + '/t.md', 'w', encoding='utf-8') as f:
    for p in paras:
        m = re.match(r'(Q|A): (.*)', p)
        f.write(('**%s**' % m.group(2) if m and m.group(1) == 'Q' else (m.group(2) if m else p)) + '\n\n')
with open(tmp + '/t.vtt', 'w', encoding='utf-8') as f:
    f.write('WEBVTT\n\n')
    for i, p in enumerate(paras):
        m = re.match(r'(Q|A): (.*)', p)
        who, words = ('Host' if m.group(1) == 'Q' else 'Guest', m.group(2)) if m else ('Host', p)
        f.write('00:%02d:%02d.000 --> 00:%02d:%02d.500\n<v %s>%s\n\n' % (i // 60 % 60, i % 60, i // 60 % 60, i % 60, who, words))
open(tmp + '/t1252.html', 'wb').write(open(tmp + '/t.html', encoding='utf-8').read()
    .replace('charset="utf-8"', 'charset="windows-1252"').encode('cp1252', errors='replace'))
PY

# report NAME NOTE: the medians of A and B's wall seconds and of A/B, from
# farm-bench's table in $tmp/fb
report() {
	awk -v f="$1" -v note="$2" '$1 == "A" && $2 == "wall" { a = $5 } $1 == "B" && $2 == "wall" { b = $5 }
		$1 == "A/B" && $2 == "wall" { r = $4 }
		END { printf "%-26s %10s %10s %8s%s\n", f, a, b, r, note }' "$tmp/fb"
}

printf '%-26s %10s %10s %8s\n' input "A median s" "B: text s" "A/B"
for f in t.html t.md t.vtt; do
	farm-bench -n 5 --timeout 600 --vs "./colloquy split --json $tmp/t.txt" -- \
		./colloquy split --json "$tmp/$f" >"$tmp/fb" 2>&1 || { cat "$tmp/fb"; exit 1; }
	report "$f (5 MB as text)" ""
done
farm-bench -n 5 --timeout 600 --vs "./colloquy split --json $tmp/t.html" -- \
	./colloquy split --json "$tmp/t1252.html" >"$tmp/fb" 2>&1 || { cat "$tmp/fb"; exit 1; }
report "t1252.html" "   (B: the UTF-8 page)"
