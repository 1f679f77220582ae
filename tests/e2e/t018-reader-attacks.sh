#!/bin/sh
# What an outside attack on the readers found, each kept from coming back:
# pages whose wrappers carry chrome-like classes, nesting thousands deep,
# a text saved as .html, Latin-1 labels on Windows-1252 bytes, and caption
# files as editors and video sites leave them.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1

# said FILE WORDS...: `split --json FILE` speaks each of WORDS somewhere.
said() {
	f=$1
	shift
	"$COLLOQUY" split --json "$f" 2>/dev/null | $PY -c "
import json, sys
d = json.load(sys.stdin)
text = ' '.join(s['text'] for s in d['segments'])
miss = [w for w in sys.argv[1:] if w not in text]
sys.exit(f'not said: {miss}' if miss else 0)" "$@"
}

qa='<p><strong>Why bread?</strong></p><p>Because it waits for nobody and I like that in a food.</p><p><strong>And the oven?</strong></p><p>It came from a bakery in Lyon that closed in 1998.</p><p><strong>What next?</strong></p><p>A second oven, if the landlord agrees to the flue.</p>'
printf '<!DOCTYPE html><html><head><title>Bread</title></head><body class="home no-sidebar">
<article class="post type-post tag-cookies tag-newsletter hentry has-share-buttons"><h1>Bread</h1>%s</article></body></html>\n' "$qa" >"$TMP/tags.html"
check "a post tagged 'cookies' on a theme's 'no-sidebar' body is spoken whole" said "$TMP/tags.html" \
	"Because it waits for nobody" "bakery in Lyon" "second oven"
printf '<html><body><div class="site-wrapper newsletter-layout"><h1>Bread</h1>%s</div></body></html>\n' "$qa" >"$TMP/wrapper.html"
check "... and so is a page inside a wrapper named for a newsletter" said "$TMP/wrapper.html" \
	"Because it waits for nobody" "second oven"
printf '<html><body><h1>Bread</h1>%s<div class="share-buttons"><a href="#">Share on Facebook</a></div></body></html>\n' "$qa" >"$TMP/share.html"
check "... while a share box is still left out, and listed as dropped" sh -c "
	'$COLLOQUY' split '$TMP/share.html' 2>/dev/null >'$TMP/share.script' &&
	grep -q '^# dropped: Share on Facebook' '$TMP/share.script' && ! grep -v '^#' '$TMP/share.script' | grep -q Facebook"

$PY -c "
pairs = ''.join('<font size=2><p><b>Question %d, what happened in %d?</b></p><p>In %d the mill ran %d shifts.</p>' % (i, 1900 + i, 1900 + i, i) for i in range(150))
print('<html><body>' + pairs + '</body></html>')" >"$TMP/font.html"
check "150 questions under unclosed <font> tags, nesting 300 deep: all 150 asked" sh -c "
	[ \$('$COLLOQUY' split --json '$TMP/font.html' 2>/dev/null | grep -c '\"role\": \"question\"') -eq 150 ]"

printf 'Mina Osei: Thanks for coming in today, Felix. Why violins?\n\nFelix Arden: My grandfather made them, and I liked the smell of the varnish.\n\nMina Osei: And why here?\n\nFelix Arden: The wood comes through the port.\n' >"$TMP/text.html"
check "a transcript saved as .html with no tags is read as text" sh -c "
	'$COLLOQUY' split --json '$TMP/text.html' 2>/dev/null | grep -q '\"read_as\": \"text\"'"

printf '<html><head><meta charset="iso-8859-1"><title>Shop</title></head><body><p><b>Who runs it?</b></p><p>Sean O\222Neill \226 for twenty years, at \20015 a repair.</p><p><b>Why?</b></p><p>Because bikes \223deserve\224 it.</p></body></html>\n' >"$TMP/latin1.html"
check "a page labelled ISO-8859-1 with Windows-1252 bytes keeps its quotes, dashes and euros" \
	said "$TMP/latin1.html" "O’Neill – for" "€15" "“deserve”"

printf '<html><body><h1>Tides</h1><p class="byline">By <a href="/a">Lukas Meier</a><time datetime="2024-04-03">Apr 3, 2024</time></p><p><b>Why tides?</b></p><p>Because the moon insists.</p><p><b>And storms?</b></p><p>They add a metre on a bad night.</p></body></html>\n' >"$TMP/byline.html"
check "a byline and its <time> are two things: the date is not part of the name" sh -c "
	! '$COLLOQUY' split '$TMP/byline.html' 2>/dev/null | grep -q 'MeierApr'"

printf 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Ana Ruiz>Which organ was the worst?</v> <v Ben Holt>The one in Ely.</v>\n\n00:00:03.500 --> 00:00:05.000\n<v Ana Ruiz>Why?</v>\n\n00:00:05.500 --> 00:00:08.000\n<v Ben Holt>A mouse had eaten the bellows.</v>\n' >"$TMP/two.vtt"
check "two voices on one caption line are two turns" $PY -c "
import json, subprocess, sys
d = json.loads(subprocess.run(['$COLLOQUY', 'split', '--json', '$TMP/two.vtt'], capture_output=True, text=True).stdout)
got = [(s['speaker'], s['text']) for s in d['segments']]
sys.exit(0 if ('Ben Holt', 'The one in Ely.') in got else got)"

printf '1\n00:00:00,000 --> 00:00:02,000\n{\\an8}Helen Cho: Welcome to the show, Arjun.\n\n2\n00:00:02,500 --> 00:00:04,000\nArjun Rao: Thanks, Helen.\n3\n00:00:04,500 --> 00:00:06,000\nHelen Cho: Why rice on a roof?\n\n4\n00:00:06,500 --> 00:00:09,000\n- Arjun Rao: Because the roof was empty.\n- Helen Cho: And the water?\n\n5\n00:00:09,500 --> 00:00:11,000\nArjun Rao: The rain brings it.\n' >"$TMP/edited.srt"
check "an edited SRT (a placement tag, a missing blank line, dash dialogue) speaks no label, number or time" sh -c "
	'$COLLOQUY' split '$TMP/edited.srt' 2>/dev/null | grep -v '^#' >'$TMP/edited.script' &&
	! grep -qE 'an8|-->|Helen Cho:|Arjun Rao:|^[a-z]+ \\[[^]]+\\]: 3$' '$TMP/edited.script' &&
	grep -q '^question \\[Helen Cho\\]: And the water?' '$TMP/edited.script'"

printf 'WEBVTT\nKind: captions\nLanguage: en\n\n00:00:00.000 --> 00:00:02.879 align:start position:0%%\n \nso<00:00:00.480><c> today</c><00:00:00.719><c> we talk</c>\n\n00:00:02.879 --> 00:00:02.889 align:start position:0%%\nso today we talk\n \n\n00:00:02.889 --> 00:00:05.590 align:start position:0%%\nso today we talk\nabout<00:00:03.199><c> sourdough</c><00:00:03.760><c> and bread</c>\n\n00:00:05.590 --> 00:00:05.600 align:start position:0%%\nabout sourdough and bread\n \n' >"$TMP/rolling.vtt"
check "rolling auto-captions say each line once" sh -c "
	[ \$('$COLLOQUY' split '$TMP/rolling.vtt' 2>/dev/null | grep -o 'about sourdough' | wc -l) -eq 1 ] &&
	[ \$('$COLLOQUY' split '$TMP/rolling.vtt' 2>/dev/null | grep -o 'so today we talk' | wc -l) -eq 1 ]"
printf '# Breaking Ground\n\n## Early\n\n**Q:** When did you first build with clay?\n\n**A:** In my uncle'"'"'s village, at nine.\n\n## Later\n\n**Q:** What next?\n\n**A:** A school in Kano, with a clay roof.\n' >"$TMP/sections.md"
check "a Markdown post's one H1 is its title, and its section headings are said by no one" sh -c "
	'$COLLOQUY' split '$TMP/sections.md' 2>/dev/null | grep -v '^#' >'$TMP/sections.script' &&
	grep -q '^title \\[host\\]: Breaking Ground\$' '$TMP/sections.script' && ! grep -qE ': (Early|Later)\$' '$TMP/sections.script'"
printf '# Quickfire\n\n- **Q:** Favourite knot?\n  **A:** The bowline. It holds and it lets go.\n- **Q:** Worst storm?\n  **A:** Biscay, in 2009. Three days of grey.\n- **Q:** Best advice?\n  **A:** Reef early, always.\n' >"$TMP/list.md"
check "Q: and A: inside Markdown list items are labels, never said" sh -c "
	'$COLLOQUY' split '$TMP/list.md' 2>/dev/null | grep -v '^#' >'$TMP/list.script' &&
	! grep -qE ': (Q|A):' '$TMP/list.script' && [ \$(grep -c '^question' '$TMP/list.script') -eq 3 ]"
echo "1..$tap_n"
