#!/bin/sh
# What people feed colloquy (tests/fixtures/formats/, written in the shape
# of real exports and saved pages): one interview as text, Markdown, a
# saved news page and a Teams WebVTT gives one script; saved WordPress and
# Substack pages speak no chrome; a three-person meeting's captions become
# three named voices; --from forces a reading.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1
F=tests/fixtures/formats

for f in txt md html vtt; do
	"$COLLOQUY" split --json "$F/same-interview.$f" >"$TMP/same-$f.json" 2>"$TMP/same-$f.err"
done
check "one interview as text, Markdown, HTML and WebVTT: the same answers, word for word" $PY -c "
import json, re, sys
def said(f, role):
    d = json.load(open('$TMP/same-%s.json' % f))
    return [re.sub(r'\W+', ' ', s['text']).strip().lower() for s in d['segments'] if s['role'] == role]
want = said('txt', 'answer')
bad = [f for f in ('md', 'html', 'vtt') if ' '.join(said(f, 'answer')) != ' '.join(want)]
sys.exit(f'answers differ in {bad}' if bad or len(want) < 6 else 0)"
check "... the same questions in text, Markdown and HTML, and each within the WebVTT's host turns" $PY -c "
import json, re, sys
def said(f, role):
    d = json.load(open('$TMP/same-%s.json' % f))
    return [re.sub(r'\W+', ' ', s['text']).strip().lower() for s in d['segments'] if s['role'] == role]
want = said('txt', 'question')
bad = [f for f in ('md', 'html') if said(f, 'question') != want]
vtt = ' '.join(said('vtt', 'question'))
bad += ['vtt: ' + q for q in want if q not in vtt]
sys.exit(f'questions differ: {bad}' if bad or len(want) < 6 else 0)"
check "... and the page's and the post's own title" $PY -c "
import json, sys
t = {f: json.load(open('$TMP/same-%s.json' % f))['title'] for f in ('txt', 'md', 'html')}
sys.exit(0 if len(set(t.values())) == 1 else t)"
check "... each saying how it was read" $PY -c "
import json, sys
got = [json.load(open('$TMP/same-%s.json' % f)).get('read_as') for f in ('txt', 'md', 'html', 'vtt')]
want = ['text', 'Markdown with front matter', 'HTML page', 'WebVTT or SubRip captions']
sys.exit(0 if got == want else got)"

check "the saved pages and posts against their labelling: furniture at most 3 %, questions found" \
	$PY tests/splitter-score.py --floors=0.85,0.9,0.03,0.9,0.9 \
	"$F/same-interview.txt.expected.json" "$F/same-interview.md.expected.json" \
	"$F/same-interview.html.expected.json" "$F/wordpress-post.expected.json" "$F/substack-post.expected.json"

# A saved news page, rendered: its captions hold none of the page's chrome,
# as the labelling lists it (judged on the WebVTT sidecar, not the split).
check "a saved news page renders" "$COLLOQUY" render "$F/same-interview.html" -o "$TMP/news.mp3" -q
check "... and speaks no navigation, cookie, share, newsletter, related or footer text" $PY -c "
import json, re, sys
norm = lambda s: re.sub(r'\W+', '', re.sub(r'<[^>]+>', '', s).lower())
blocks = open('$TMP/news.vtt', encoding='utf-8').read().split('\n\n')[1:]
cues = [norm(' '.join(b.split('\n')[1:])) for b in blocks]
said = ''.join(cues)
exp = json.load(open('$F/same-interview.html.expected.json', encoding='utf-8'))
chrome = [p['starts'] for p in exp['paragraphs'] if p['role'] == 'drop' and not p.get('optional')]
# a short line is spoken when a cue is, or opens with, it; a longer one anywhere
spoken = [c for c in chrome if (len(norm(c)) >= 25 and norm(c) in said) or
          any(q.startswith(norm(c)) for q in cues)]
sys.exit(f'spoken: {spoken}' if spoken or len(chrome) < 10 else 0)"
check "... with the page's og:title as its title (mutagen)" $PY -c "
import re, sys
from mutagen.id3 import ID3
page = open('$F/same-interview.html', encoding='utf-8').read()
og = re.search(r'property=\"og:title\" content=\"([^\"]+)\"', page).group(1)
t = str(ID3('$TMP/news.mp3')['TIT2'])
sys.exit(0 if t == og.replace('&amp;', '&') else (t, og))"

# A meeting tool's captions of three people: three voices, by name.
check "a Teams WebVTT of three people renders" "$COLLOQUY" render "$F/meeting-three.vtt" -o "$TMP/meeting.mp3" -q
check "... its WebVTT names the three, entities read and 'Surname, Name' turned round" $PY -c "
import re, sys
names = set(re.findall(r'<v ([^>]+)>', open('$TMP/meeting.vtt', encoding='utf-8').read()))
sys.exit(0 if names == {'Renée Duval', 'Marcus Oyelaran', 'Beth Kowalczyk'} else sorted(names))"
check "... and each of the three speaks at a pitch of their own (8 % apart, from the audio)" \
	$CHECK speaker-pitches "$TMP/meeting.vtt" "$TMP/meeting.mp3" 3 1.08
check "an SRT panel with 'Name:' on each speaker's first card splits into three speakers" $PY -c "
import json, subprocess, sys
d = json.loads(subprocess.run(['$COLLOQUY', 'split', '--json', '$F/panel.srt'], capture_output=True, text=True).stdout)
who = {s['speaker'] for s in d['segments']}
sys.exit(0 if len(who) == 3 and not any(':' in s['text'][:20] for s in d['segments']) else sorted(who))"

# --from forces the reading; a wrong one says so.
cp "$F/same-interview.html" "$TMP/page.txt"
"$COLLOQUY" split --json "$TMP/page.txt" >"$TMP/sniffed.json" 2>/dev/null
check "a page saved as .txt is still read as HTML, by its content" grep -q '"read_as": "HTML page"' "$TMP/sniffed.json"
"$COLLOQUY" split --json --from text "$TMP/page.txt" >"$TMP/forced.json" 2>/dev/null
check "... and --from text reads it as text" grep -q '"read_as": "text"' "$TMP/forced.json"
fails "--from captions on what is no caption file" 1 "$COLLOQUY" split --from captions "$F/same-interview.txt"
stderr_has "is not WebVTT or SubRip captions"
fails "--from with a format colloquy does not know" 2 "$COLLOQUY" split --from docx "$F/same-interview.txt"
stderr_has "use text, markdown, html, vtt, srt or script"
echo "1..$tap_n"
