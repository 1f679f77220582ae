#!/bin/sh
# Posts as blogs and static sites write them: Jekyll's YAML front matter
# (keys colloquy does not use, lists, a full ISO 8601 date-time) and
# Hugo's TOML render, and the tags say what the front matter said.  A
# WebVTT caption file is read as the transcript its voices speak.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1

cat >"$TMP/jekyll.md" <<'MD'
---
layout: post
title: "Five Questions for a Lighthouse Keeper"
date: 2008-09-10T09:36:22+00:00
permalink: /interviews/lighthouse-keeper/
slug: lighthouse-keeper
categories: [interviews, coast]
tags:
  - lighthouses
  - islands
author: Mira Castell
summary: Eleven winters on a rock, in five questions.
credits: "Portrait by a friend of the keeper"
---

# Five Questions for a Lighthouse Keeper

*We talked to Ruth Calder, who kept the light at Sule Point for eleven years.*

### How did you become a keeper?

I answered an advert in the paper. They wanted someone who could fix an engine and did not mind their own company.

### What was a normal day like?

Weather readings every three hours, then the engine, then the lens. The lens took most of the morning.

### Did you ever feel lonely?

Not once. There were always birds, and the relief boat came every fortnight.

*Ruth's memoir, [The Turning Light](https://example.org/book), is out now.*
MD
cat >"$TMP/hugo.md" <<'MD'
+++
title = "Night Shift at the Bakery"
date = 2023-02-01T05:00:00-05:00
draft = false
tags = ["bread", "night"]
[params]
  hero = "oven.jpg"
+++

## When does your day start?

At eleven at night, when everyone else is going to bed. The ovens take an hour to come up to heat.

## What do you bake first?

Rye, because it needs the longest in the oven and the longest to cool.
MD

check "a Jekyll post renders" "$COLLOQUY" render "$TMP/jekyll.md" -o "$TMP/jekyll.mp3" -q
check "... with the front matter's title, year and summary in the tag, and no furniture spoken (mutagen)" $PY -c "
import sys
from mutagen.id3 import ID3
t = ID3('$TMP/jekyll.mp3')
got = (str(t['TIT2']), str(t.get('TDRC', '')), str(t['COMM::eng']) if 'COMM::eng' in t else '')
want = ('Five Questions for a Lighthouse Keeper', '2008', 'Eleven winters on a rock, in five questions.')
sys.exit(0 if got[:2] == want[:2] and want[2] in got[2] else f'{got} != {want}')"
check "... and three question chapters between an introduction and a closing (ffprobe)" sh -c "
	ffprobe -v error -show_chapters -of csv=p=0 '$TMP/jekyll.mp3' | cut -d, -f7- >'$TMP/jc' &&
	[ \"\$(head -1 '$TMP/jc')\" = Introduction ] && [ \"\$(tail -1 '$TMP/jc')\" = Closing ] &&
	[ \$(grep -c '?' '$TMP/jc') -eq 3 ]"
check "... and its WebVTT has no Markdown marks or link addresses" sh -c "
	! grep -E '\\*|\\]\\(|https?://|^#' '$TMP/jekyll.vtt'"
check "a Hugo post with TOML front matter renders" "$COLLOQUY" render "$TMP/hugo.md" -o "$TMP/hugo.mp3" -q
check "... with its title and two question chapters (ffprobe)" sh -c "
	ffprobe -v error -show_entries format_tags=title -of default=nw=1:nk=1 '$TMP/hugo.mp3' | grep -qx 'Night Shift at the Bakery' &&
	[ \$(ffprobe -v error -show_chapters -of csv=p=0 '$TMP/hugo.mp3' | grep -c '?') -eq 2 ]"

mkdir "$TMP/captions"
cat >"$TMP/captions/kiln.vtt" <<'VTT'
WEBVTT - Firing With Wood

NOTE exported from the editor

00:00:01.000 --> 00:00:04.000
<v Bea Ashdown>Welcome to Kiln Talk. My guest today

00:00:04.200 --> 00:00:07.000
<v Bea Ashdown>is Hollis Grey. Hollis, how long does a firing take?

00:00:07.500 --> 00:00:11.000
<v Hollis Grey>Three days of stoking, and a week

00:00:11.200 --> 00:00:14.000
<v Hollis Grey>of waiting before you can open the door.

00:00:14.500 --> 00:00:16.000
<v Bea Ashdown>And what goes wrong?

00:00:16.200 --> 00:00:19.000
<v Hollis Grey>Everything, once. That is how you learn.
VTT
check "a WebVTT file renders" "$COLLOQUY" render "$TMP/captions/kiln.vtt" -o "$TMP/kiln.mp3" -q
check "... titled from its header, with two question chapters (ffprobe)" sh -c "
	ffprobe -v error -show_entries format_tags=title -of default=nw=1:nk=1 '$TMP/kiln.mp3' | grep -qx 'Firing With Wood' &&
	[ \$(ffprobe -v error -show_chapters -of csv=p=0 '$TMP/kiln.mp3' | grep -v -e ',Introduction\$' -e ',Closing\$' | wc -l) -eq 2 ]"
check "... spoken by its two voices, no timing read aloud (its own WebVTT)" $PY -c "
import re, sys
v = open('$TMP/kiln.vtt', encoding='utf-8').read()
names = set(re.findall(r'<v ([^>]+)>', v))
words = ' '.join(l for l in v.splitlines() if l.startswith('<v'))
sys.exit(0 if names == {'Bea Ashdown', 'Hollis Grey'} and '-->' not in words and 'NOTE' not in words else (names, words[:200]))"

# A date as people write it is read; one that is no date is passed over.
printf -- '---\ntitle: Written Dates\ndate: March 2, 2023\n---\nQ: Why?\n\nA: Because.\n' >"$TMP/written.txt"
check "a front matter date written 'March 2, 2023' dates the episode (mutagen)" sh -c "
	'$COLLOQUY' render '$TMP/written.txt' -o '$TMP/written.mp3' -q &&
	$PY -c \"from mutagen.id3 import ID3; import sys; sys.exit(0 if str(ID3('$TMP/written.mp3')['TDRC']).startswith('2023') else 1)\""

# An export that lost the "---" lines keeps its keys; a Jekyll post in
# HTML has front matter too.
printf 'title: Salt Roads, an interview with Ines Falk\nlayout: post\ndate: 2013-02-11T09:12:40+00:00\npermalink: salt_roads\n\nQ: Why salt?\n\nA: Because it keeps.\n' >"$TMP/fenceless.txt"
check "front matter without its '---' lines titles and dates the episode, and is not spoken (ffprobe)" sh -c "
	'$COLLOQUY' render '$TMP/fenceless.txt' -o '$TMP/fenceless.mp3' -q &&
	ffprobe -v error -show_entries format_tags=title,date -of default=nw=1 '$TMP/fenceless.mp3' >'$TMP/fl' &&
	grep -qx 'TAG:title=Salt Roads, an interview with Ines Falk' '$TMP/fl' && grep -q '^TAG:date=2013' '$TMP/fl' &&
	! grep -qi -e permalink -e layout '$TMP/fenceless.vtt'"
printf -- '---\nlayout: post\ntitle: Tide Tables\ndate: 2019-06-01\n---\n<p>Q: <i>Who reads them?</i></p>\n\n<p>A: Anyone with a boat.</p>\n' >"$TMP/post.html"
check "an HTML post with front matter takes its title and speaks no key (ffprobe)" sh -c "
	'$COLLOQUY' render '$TMP/post.html' -o '$TMP/post.mp3' -q &&
	ffprobe -v error -show_entries format_tags=title -of default=nw=1:nk=1 '$TMP/post.mp3' | grep -qx 'Tide Tables' &&
	! grep -qi -e layout -e '2019' '$TMP/post.vtt'"
printf -- '---\ntitle: >\n  Salt Roads,\n  with Ines Falk\n---\nQ: Why salt?\n\nA: Because it keeps.\n' >"$TMP/folded.txt"
check "a folded YAML title ('title: >') is one line, with no line break at its end (ffprobe)" sh -c "
	'$COLLOQUY' render '$TMP/folded.txt' -o '$TMP/folded.mp3' -q &&
	[ \"\$(ffprobe -v error -show_entries format_tags=title -of default=nw=1:nk=1 '$TMP/folded.mp3')\" = 'Salt Roads, with Ines Falk' ]"
printf 'title: Salt Roads\n\nQ: Why salt?\n\nA: Because it keeps.\n' >"$TMP/notfront.txt"
check "one 'title:' line alone is no front matter: it is read as text" sh -c "
	'$COLLOQUY' split '$TMP/notfront.txt' --json | $PY -c \"import json, sys; d = json.load(sys.stdin); assert d['read_as'] == 'text', d['read_as']\""

# Front matter that is not YAML is skipped with a warning, not a failure.
printf -- '---\ntitle: [unclosed\n---\nQ: Why?\n\nA: Because.\n' >"$TMP/badyaml.txt"
check "front matter that is not YAML: split warns and goes on" sh -c "
	'$COLLOQUY' split '$TMP/badyaml.txt' --json >'$TMP/by.json' 2>'$TMP/by.err' &&
	grep -q 'not YAML' '$TMP/by.err' && $PY -c \"import json; d = json.load(open('$TMP/by.json')); assert [s['role'] for s in d['segments']] == ['question', 'answer']\""
echo "1..$tap_n"
