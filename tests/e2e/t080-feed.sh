#!/bin/sh
# A folder of episodes and its feed: front matter, show metadata, and
# feed.xml as xmllint, Python's feedparser and a Podcasting 2.0 parser from
# the npm registry (podcast-partytime, run with node) read it.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1

show="$TMP/show"
pub="$TMP/pub"
mkdir -p "$show" "$pub"
cat >"$show/show.ini" <<'INI'
[show]
name = Harbour Voices & Friends
author = Harbour Radio
description = Interviews from the coast, <unscripted>.
language = en
url = https://example.org/harbour
email = editor@example.org
category = Society & Culture
explicit = false
INI
{ printf -- '---\ntitle: The Keeper\ndate: 2024-05-01\nepisode: 7\nseason: 2\ndescription: Eleven winters on a rock.\n---\n'; cat transcripts/lighthouse-keeper.txt; } >"$show/keeper.txt"
{ printf -- '---\ndate: 2024-06-12\nepisode: 8\nseason: 2\n---\n'; cat transcripts/bread-and-code.txt; } >"$show/bread.txt"
for t in keeper bread; do
	check "render $t with front matter and a show file" "$COLLOQUY" render "$show/$t.txt" -o "$pub/$t.mp3" -q
done
check "colloquy feed writes feed.xml" "$COLLOQUY" feed "$pub" -q
check "xmllint finds feed.xml well-formed" xmllint --noout "$pub/feed.xml"

check "feedparser: no error, two items newest first, exact enclosure lengths" $PY -c "
import feedparser, os, sys
f = feedparser.parse('$pub/feed.xml')
if f.bozo:
    sys.exit(f'bozo: {f.bozo_exception}')
titles = [e.title for e in f.entries]
if titles != ['Bread & Code: Tomás Ferreira on Running a Bakery Like a Software Team', 'The Keeper']:
    sys.exit(f'titles {titles}')
for e, name in zip(f.entries, ('bread', 'keeper')):
    enc = e.enclosures[0]
    if int(enc.length) != os.path.getsize(f'$pub/{name}.mp3') or enc.type != 'audio/mpeg':
        sys.exit(f'enclosure {enc}')
    if not enc.href.startswith('https://example.org/harbour/'):
        sys.exit(f'href {enc.href}')
if f.feed.title != 'Harbour Voices & Friends' or f.feed.author != 'Harbour Radio':
    sys.exit(f'channel {f.feed.title} {f.feed.get(\"author\")}')
if f.entries[1].itunes_episode != '7' or f.entries[1].itunes_season != '2':
    sys.exit('episode and season')
if f.entries[1].published_parsed[:3] != (2024, 5, 1):
    sys.exit(f'pubDate {f.entries[1].published}')
"
check "feed durations are the MP3s' (mutagen), to the second" $PY -c "
import feedparser, sys
from mutagen.mp3 import MP3
f = feedparser.parse('$pub/feed.xml')
for e, name in zip(f.entries, ('bread', 'keeper')):
    if abs(int(e.itunes_duration) - MP3(f'$pub/{name}.mp3').info.length) > 1:
        sys.exit(f'{name}: {e.itunes_duration}')
"
check "the guids stay the same when an episode is rendered again" sh -c "
	grep -o '<guid[^<]*</guid>' '$pub/feed.xml' >'$TMP/guids1' &&
	'$COLLOQUY' render '$show/keeper.txt' -o '$pub/keeper.mp3' -q && '$COLLOQUY' feed '$pub' -q &&
	grep -o '<guid[^<]*</guid>' '$pub/feed.xml' | cmp -s - '$TMP/guids1'"
check "the front matter's title, date and numbers reach the ID3 tag (mutagen)" $PY -c "
import sys
from mutagen.id3 import ID3
t = ID3('$pub/keeper.mp3')
got = (str(t['TIT2']), str(t['TDRC']), str(t['TALB']), str(t['COMM::eng']))
sys.exit(0 if got == ('The Keeper', '2024', 'Harbour Voices & Friends', 'Eleven winters on a rock.') else got)"

# The Podcasting 2.0 parser, which make test-deps installs.
node_dir="$ROOT/build/node"
[ -d "$node_dir/node_modules/podcast-partytime" ] ||
	echo "# podcast-partytime is missing: run make test-deps"
cat >"$TMP/partytime.mjs" <<'JS'
import { createRequire } from "module";
import { readFileSync } from "fs";
const require = createRequire(process.argv[2] + "/");
const { parseFeed } = require("podcast-partytime");
const feed = parseFeed(readFileSync(process.argv[3], "utf8"));
const bad = [];
for (const item of feed.items) {
	if (!item.podcastChapters || item.podcastChapters.type !== "application/json+chapters")
		bad.push(`${item.title}: chapters ${JSON.stringify(item.podcastChapters)}`);
	const types = (item.podcastTranscripts || []).map(t => t.type).sort();
	if (types.join() !== "application/json,application/srt,text/vtt")
		bad.push(`${item.title}: transcripts ${types}`);
	if (!item.podcastPeople || !item.podcastPeople.some(p => p.role.toLowerCase() === "guest"))
		bad.push(`${item.title}: no guest in podcast:person`);
}
if (feed.items.length !== 2) bad.push(`${feed.items.length} items`);
if (bad.length) { console.log(bad.join("\n")); process.exit(1); }
JS
check "podcast-partytime (npm) sees chapters, three transcripts and the guest of each item" \
	node "$TMP/partytime.mjs" "$node_dir/node_modules" "$pub/feed.xml"

fails "feed on a folder without episodes" 1 "$COLLOQUY" feed "$TMP/show"
stderr_has "no episodes in"
printf -- '---\ndate: 2024-13-01\n---\nQ: Why?\n\nA: Because.\n' >"$TMP/baddate.txt"
check "a front matter date that is no date: the render goes on with a warning naming the line" sh -c "
	'$COLLOQUY' render '$TMP/baddate.txt' -o '$TMP/x.mp3' >/dev/null 2>'$TMP/bd.err' &&
	grep -q \"line 2: date '2024-13-01' is not an ISO 8601 date\" '$TMP/bd.err'"

# Artwork: a square PNG made here, embedded as APIC, published beside the
# episodes and named by the feed.
$PY - "$show" <<'PY'
import struct, sys, zlib
def png(path, w, h):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\0" + bytes([40, 90, 160]) * w for _ in range(h))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))
png(sys.argv[1] + "/cover.png", 1400, 1400)
png(sys.argv[1] + "/wide.png", 1600, 900)
PY
printf 'artwork = cover.png\n' >>"$show/show.ini"
check "render with square PNG artwork" "$COLLOQUY" render "$show/keeper.txt" -o "$pub/keeper.mp3" -q
check "mutagen reads the artwork back as the front cover, byte for byte" $PY -c "
import sys
from mutagen.id3 import ID3
pics = ID3('$pub/keeper.mp3').getall('APIC')
ok = len(pics) == 1 and pics[0].type == 3 and pics[0].mime == 'image/png' and pics[0].data == open('$show/cover.png', 'rb').read()
sys.exit(0 if ok else [(p.type, p.mime, len(p.data)) for p in pics])"
check "the artwork is published beside the episodes" cmp "$show/cover.png" "$pub/cover.png"
"$COLLOQUY" feed "$pub" -q
check "feedparser finds the artwork as the feed's itunes:image" $PY -c "
import feedparser, sys
f = feedparser.parse('$pub/feed.xml')
sys.exit(0 if f.feed.image.href == 'https://example.org/harbour/cover.png' else f.feed.get('image'))"
sed -i 's/^artwork = .*/artwork = wide.png/' "$show/show.ini"
fails "artwork that is not square" 1 "$COLLOQUY" render "$show/keeper.txt" -o "$pub/keeper.mp3" -q
stderr_has "is 1600x900; podcast artwork is square"
printf 'not an image' >"$show/fake.jpg"
sed -i 's/^artwork = .*/artwork = fake.jpg/' "$show/show.ini"
fails "artwork that is not an image" 1 "$COLLOQUY" render "$show/keeper.txt" -o "$pub/keeper.mp3" -q
stderr_has "fake.jpg' is not a PNG or JPEG image"

# Chapter lint: a short episode is warned about.
printf '# colloquy script 1\ntitle [host]: T\n\nquestion [host]: Why?\n\nanswer [guest]: Yes.\n' >"$TMP/short.script"
"$COLLOQUY" render "$TMP/short.script" -o "$TMP/short.mp3" 2>"$TMP/lint" >/dev/null
check "chapter lint warns of too few and too short chapters" sh -c "
	grep -q '2 chapters; apps show a chapter list from 3' '$TMP/lint' && grep -q 'chapters under 10 s' '$TMP/lint'"
