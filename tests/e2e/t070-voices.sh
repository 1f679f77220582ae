#!/bin/sh
# Voices: profiles and their errors, previews, a cast for a panel, the
# lexicon, and rate and pitch measured from the audio.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1

check "colloquy voices lists the profiles and espeak-ng's voices" sh -c "
	'$COLLOQUY' voices >'$TMP/list' && grep -q '^  host ' '$TMP/list' && grep -q '^  guest ' '$TMP/list' &&
	grep -q 'gmw/en-US' '$TMP/list'"
check "voices --preview host -o FILE.mp3 speaks a sample" "$COLLOQUY" voices --preview host -o "$TMP/host.mp3" -q
check "... that every reader decodes" sh -c "
	ffprobe -v error -show_format '$TMP/host.mp3' | grep -q 'duration=' && ! mp3val '$TMP/host.mp3' | grep -E 'WARNING|ERROR'"
fails "a preview of a profile that does not exist" 1 "$COLLOQUY" voices --preview nobody -o "$TMP/x.mp3"
stderr_has "profiles: guest, host"

# Profile errors name the file and line and suggest what was meant.
mkdir "$TMP/voices"
cp voices/*.ini "$TMP/voices/"
sed -i 's/^espeak = .*/espeak = en-gbb/' "$TMP/voices/guest.ini"
fails "an unknown espeak-ng voice" 1 "$COLLOQUY" render transcripts/river-survey.txt -o "$TMP/x.mp3" --voices "$TMP/voices"
stderr_has "guest.ini' line 4: espeak-ng has no voice 'en-gbb'; did you mean 'en-gb'"
cp voices/guest.ini "$TMP/voices/"
sed -i 's/^variant = .*/variant = f33/' "$TMP/voices/guest.ini"
fails "an unknown espeak-ng variant" 1 "$COLLOQUY" render transcripts/river-survey.txt -o "$TMP/x.mp3" --voices "$TMP/voices"
stderr_has "guest.ini' line 5: espeak-ng has no variant 'f33'; did you mean 'f3'"
cp voices/guest.ini "$TMP/voices/"
printf '[pacing]\nafter_question_ms = soon\n' >"$TMP/voices/pacing.ini"
fails "a malformed pacing.ini" 1 "$COLLOQUY" render transcripts/river-survey.txt -o "$TMP/x.mp3" --voices "$TMP/voices"
stderr_has "pacing.ini' line 2"
rm "$TMP/voices/pacing.ini"

# Rate and pitch, measured from the decoded audio.  The passage is 60
# words of prose; the wpm each profile asks for is read from its file.
prose="My grandmother kept bees behind the school for forty years. Every August she took the frames into the kitchen, cut the wax caps with a warm knife and let the honey run into an old enamel bowl. The whole house smelled of it for a week, and the children from the village came to the back door with jars and spoons."
for who in host guest; do
	role=intro
	[ $who = guest ] && role=answer
	printf '# colloquy script 1\n%s [%s]: %s\n' $role $who "$prose" >"$TMP/$who.script"
	"$COLLOQUY" render "$TMP/$who.script" -o "$TMP/$who-prose.mp3" -q
	wpm=$($PY -c "import configparser; c = configparser.ConfigParser(inline_comment_prefixes='#'); c.read('voices/$who.ini'); print(c['voice']['wpm'])")
	check "$who speaks within 10 % of its $wpm words a minute" $CHECK rate "$TMP/$who-prose.mp3" 60 "$wpm" 0.1
	check "$who never clips" $CHECK noclip "$TMP/$who-prose.mp3"
done

# Two profiles that differ only in pitch differ in pitch by as much.
mkdir "$TMP/pitch"
for p in 30 70; do
	printf '[voice]\nespeak = en-us\nvariant = m3\nwpm = 160\npitch = %s\nrange = 40\n' $p >"$TMP/pitch/p$p.ini"
done
cp voices/host.ini voices/guest.ini "$TMP/pitch/"
printf '# colloquy script 1\nintro [p30]: %s\n' "$prose" >"$TMP/p30.script"
printf '# colloquy script 1\nintro [p70]: %s\n' "$prose" >"$TMP/p70.script"
"$COLLOQUY" render "$TMP/p30.script" -o "$TMP/p30.mp3" -q --voices "$TMP/pitch"
"$COLLOQUY" render "$TMP/p70.script" -o "$TMP/p70.mp3" -q --voices "$TMP/pitch"
check "pitch 70 is measured at least 1.3 x pitch 30 (same voice otherwise)" $CHECK pitch "$TMP/p30.mp3" "$TMP/p70.mp3" 1.3

# A panel of four: the host, and three guests who each get a voice.
cat >"$TMP/panel.txt" <<'TXT'
Three Bakers at One Table

HOST: Welcome, all three of you. Ana, what do you bake first each morning?

Ana Lima: Rye, always rye, because it needs the longest in the oven and the longest to cool.

Ana Lima: So it goes in before anything else and comes out when the street is still dark and quiet outside.

HOST: Ben, what about you?

Ben Okoro: Baguettes for the early crowd. People on their way to the station want something warm in their hands.

Ben Okoro: A baguette is gone in ten minutes, so we bake small batches every half hour until nine.

HOST: And Chloe, what comes out of your oven first?

Chloe Martin: Croissants, which we shaped the evening before and left to prove in the cold room overnight.

Chloe Martin: That way the layers stay separate and the butter does not melt into the dough before the heat sets it.

HOST: Thank you all.
TXT
check "a panel of four renders" "$COLLOQUY" render "$TMP/panel.txt" -o "$TMP/panel.mp3" -q
"$COLLOQUY" render "$TMP/panel.txt" -o "$TMP/panel2.mp3" -q
check "... the same voices on every render" cmp "$TMP/panel.mp3" "$TMP/panel2.mp3"

# A panel where each guest speaks once, as published panels often run:
# four speakers, each with a voice of their own.
cat >"$TMP/once.txt" <<'TXT'
Four Voices on the Night Bus

Mira Castell: Good evening. Three people who ride the last bus every night are with me. Ada, you drive it. What is the route like after midnight?

Ada Stone: Quiet until the clubs close, then it is full in ten minutes and everybody is singing. I keep the heating low so nobody falls asleep past their stop.

Mira Castell: Ben, you clean the buses at the depot when they come in. What do you find?

Ben Okafor: Umbrellas, mostly, and once a wedding cake in its box, untouched. We kept it in the fridge for a week and nobody ever called.

Mira Castell: Carla, you ride it home from the hospital. Why the bus and not a taxi?

Carla Diaz: Because after a twelve-hour shift I like to sit among strangers who are going home too. It is the calmest part of my day.

Mira Castell: Thank you, all three of you.
TXT
"$COLLOQUY" render "$TMP/once.txt" -o "$TMP/once.mp3" -q
check "a panel whose guests speak once each: four speakers in the WebVTT" $PY -c "
import re, sys
names = set(re.findall(r'<v ([^>]+)>', open('$TMP/once.vtt', encoding='utf-8').read()))
sys.exit(0 if names == {'Mira Castell', 'Ada Stone', 'Ben Okafor', 'Carla Diaz'} else sorted(names))"
check "... every two of the four voices at least 3 semitones apart (aubio's pitch tracker)" \
	$CHECK speaker-semitones "$TMP/once.vtt" "$TMP/once.mp3" 4 3
check "the bakers' panel too: four voices, every two 3 semitones apart (aubio)" \
	$CHECK speaker-semitones "$TMP/panel.vtt" "$TMP/panel.mp3" 4 3

# Voices follow the speakers' genders: a name's (Ben a man's, Carla and
# Mira a woman's), or what the show file says, which wins.
check "Ben speaks lower than 150 Hz, Ada, Carla and Mira higher than 170 Hz (aubio)" $PY -c "
import subprocess, sys
out = subprocess.run(['$PY', '$ROOT/tests/e2e/mp3check.py', 'speaker-semitones', '$TMP/once.vtt', '$TMP/once.mp3', '4', '0'],
                     capture_output=True, text=True, check=True).stdout
hz = dict((k.strip(), float(v)) for k, v in (p.split(':') for p in out.strip().split(' Hz') if p.strip()))
sys.exit(0 if hz['Ben Okafor'] < 150 and min(hz['Ada Stone'], hz['Carla Diaz'], hz['Mira Castell']) > 170 else hz)"
mkdir "$TMP/cast"
cp "$TMP/once.txt" "$TMP/cast/once.txt"
printf '[show]\nname = Night Bus\ngender.Carla Diaz = male\nvoice.Ada Stone = host\n' >"$TMP/cast/show.ini"
"$COLLOQUY" render "$TMP/cast/once.txt" -o "$TMP/cast.mp3" -q
check "show.ini's gender.Carla Diaz = male gives Carla a man's voice, and voice.Ada Stone = host Ada the host's" $PY -c "
import subprocess, sys
out = subprocess.run(['$PY', '$ROOT/tests/e2e/mp3check.py', 'speaker-semitones', '$TMP/cast.vtt', '$TMP/cast.mp3', '4', '0'],
                     capture_output=True, text=True, check=True).stdout
hz = dict((k.strip(), float(v)) for k, v in (p.split(':') for p in out.strip().split(' Hz') if p.strip()))
host = subprocess.run(['$PY', '$ROOT/tests/e2e/mp3check.py', 'speaker-semitones', '$TMP/panel.vtt', '$TMP/panel.mp3', '4', '0'],
                      capture_output=True, text=True, check=True).stdout
h = dict((k.strip(), float(v)) for k, v in (p.split(':') for p in host.strip().split(' Hz') if p.strip()))['host']
sys.exit(0 if hz['Carla Diaz'] < 150 and abs(hz['Ada Stone'] - h) < h * 0.06 else (hz, h))"
printf '[show]\nvoice.Ada Stone = narrator\n' >"$TMP/cast/show.ini"
fails "a show file that names a voice with no profile" 1 "$COLLOQUY" render "$TMP/cast/once.txt" -o "$TMP/x.mp3"
stderr_has "has no narrator.ini"

# The lexicon: beside the transcript, applied to speech only.
mkdir "$TMP/show"
printf 'Keeping the Light\n\nQ: What is a Fresnel lens?\n\nA: A lens in rings of glass that throws the light far out to sea.\n' >"$TMP/show/lens.txt"
"$COLLOQUY" render "$TMP/show/lens.txt" -o "$TMP/plain.mp3" -q
printf '# how the show says it\nFresnel = the lens that Augustin Fresnel designed for lighthouses in eighteen twenty two\n' >"$TMP/show/lexicon.txt"
"$COLLOQUY" render "$TMP/show/lens.txt" -o "$TMP/lex.mp3" -q
check "lexicon.txt beside the transcript changes the speech" $PY -c "
import json, subprocess, sys
d = lambda p: float(json.loads(subprocess.run(['ffprobe', '-v', 'error', '-show_format', '-of', 'json', p], capture_output=True, check=True).stdout)['format']['duration'])
sys.exit(0 if d('$TMP/lex.mp3') > d('$TMP/plain.mp3') + 2 else 'no longer with the lexicon')"
check "... but not the chapter titles" sh -c "ffprobe -v error -show_chapters '$TMP/lex.mp3' | grep -q 'title=What is a Fresnel lens?'"
mkdir "$TMP/showfiles"
printf '[show]\nname = Keeping the Light\n' >"$TMP/showfiles/show.ini"
printf 'Fresnel = the lens that Augustin Fresnel designed for lighthouses in eighteen twenty two\n' >"$TMP/showfiles/lexicon.txt"
rm -f "$TMP/show/lexicon.txt"
: >"$TMP/empty-lexicon.txt"
"$COLLOQUY" render "$TMP/show/lens.txt" -o "$TMP/shown-plain.mp3" -q --show "$TMP/showfiles/show.ini" --lexicon "$TMP/empty-lexicon.txt"
"$COLLOQUY" render "$TMP/show/lens.txt" -o "$TMP/shown-lex.mp3" -q --show "$TMP/showfiles/show.ini"
check "a show's lexicon.txt beside its show file (--show) is read for an episode elsewhere" $PY -c "
import json, subprocess, sys
d = lambda p: float(json.loads(subprocess.run(['ffprobe', '-v', 'error', '-show_format', '-of', 'json', p], capture_output=True, check=True).stdout)['format']['duration'])
sys.exit(0 if d('$TMP/shown-lex.mp3') > d('$TMP/shown-plain.mp3') + 2 else 'no longer with the show lexicon')"
printf 'ok = fine\n/(unclosed/ = x\n' >"$TMP/show/lexicon.txt"
fails "a bad lexicon pattern" 1 "$COLLOQUY" render "$TMP/show/lens.txt" -o "$TMP/x.mp3"
stderr_has "lexicon.txt' line 2: bad pattern"

# A show file: the episode opens by naming the show, and the show fills
# the album and artist tags.
printf '[show]\nname = Harbour Voices\nauthor = Harbour Radio\n' >"$TMP/show/show.ini"
rm -f "$TMP/show/lexicon.txt"
"$COLLOQUY" render "$TMP/show/lens.txt" -o "$TMP/shown.mp3" -q
check "show.ini beside the transcript names the show at the start" $PY -c "
import json, subprocess, sys
d = lambda p: float(json.loads(subprocess.run(['ffprobe', '-v', 'error', '-show_format', '-of', 'json', p], capture_output=True, check=True).stdout)['format']['duration'])
sys.exit(0 if d('$TMP/shown.mp3') > d('$TMP/plain.mp3') + 0.8 else 'not longer with a show name')"
check "... and mutagen reads the show as album and its author as artist" $PY -c "
import sys
from mutagen.id3 import ID3
t = ID3('$TMP/shown.mp3')
sys.exit(0 if (str(t['TALB']), str(t['TPE1'])) == ('Harbour Voices', 'Harbour Radio') else (str(t['TALB']), str(t['TPE1'])))"
printf '[show]\nname = X\ncolour = blue\n' >"$TMP/show/show.ini"
fails "a show file with an unknown key" 1 "$COLLOQUY" render "$TMP/show/lens.txt" -o "$TMP/x.mp3"
stderr_has "show.ini' line 3: unknown key 'colour'"
