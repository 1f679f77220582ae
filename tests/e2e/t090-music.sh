#!/bin/sh
# Music from the show file: an intro bed (WAV, 48 kHz stereo), an outro bed
# (FLAC) and a sting (Ogg Vorbis), all generated here.  Judged with
# ffmpeg's filters: beds are low tones (55 Hz) that speech hardly touches,
# so a band-pass around them shows the bed's level under the voices.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1

show="$TMP/show"
mkdir -p "$show"
ffmpeg -v error -f lavfi -i "sine=frequency=55:sample_rate=48000:duration=12" -ac 2 "$show/intro.wav"
ffmpeg -v error -f lavfi -i "sine=frequency=55:sample_rate=32000:duration=15" "$show/outro.flac"
ffmpeg -v error -f lavfi -i "sine=frequency=880:sample_rate=22050:duration=1.2" -c:a libvorbis "$show/sting.ogg"
printf '[show]\nname = Music Test\nintro_music = intro.wav\noutro_music = outro.flac\nsting = sting.ogg\n' >"$show/show.ini"
cp transcripts/lighthouse-keeper.txt "$show/"
mp3="$TMP/music.mp3"
check "render with an intro bed, an outro bed and a sting" "$COLLOQUY" render "$show/lighthouse-keeper.txt" -o "$mp3" -q
[ -f "$mp3" ] || exit 1

# level (dB RMS) of a band around F Hz between S and E seconds
level() {
	ffmpeg -hide_banner -nostats -ss "$2" -to "$3" -i "$mp3" \
		-af "bandpass=f=$1:width_type=h:w=20,astats=metadata=0" -f null - 2>&1 |
		sed -n 's/.*RMS level dB: \(-*[0-9.]*\).*/\1/p' | head -1
}
first=$($PY -c "
import re
for line in open('$TMP/music.vtt'):
    m = re.match(r'(\d+):(\d\d):(\d\d)\.(\d{3}) -->', line)
    if m:
        h, mi, s, ms = map(int, m.groups())
        print(h * 3600 + mi * 60 + s + ms / 1000)
        break")
solo=$(level 55 0.3 2.3)
under=$(level 55 "$first" "$(echo "$first + 3" | bc)")
check "the intro bed plays alone before the first word ($solo dB)" $PY -c "import sys; sys.exit(0 if $solo > -30 else 1)"
check "... and ducks at least 10 dB under the opening words ($under dB)" $PY -c "import sys; sys.exit(0 if $solo - $under >= 10 else 1)"
end=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$mp3")
outro=$(level 55 "$(echo "$end - 4.5" | bc)" "$(echo "$end - 3" | bc)")
check "the outro bed plays out after the last word ($outro dB)" $PY -c "import sys; sys.exit(0 if $outro > -30 else 1)"

check "a sting sounds at the start of every question's chapter" $PY -c "
import json, subprocess, sys
ch = json.loads(subprocess.run(['ffprobe', '-v', 'error', '-show_chapters', '-of', 'json', '$mp3'], capture_output=True, check=True).stdout)['chapters']
def level(s, e):
    err = subprocess.run(['ffmpeg', '-hide_banner', '-nostats', '-ss', str(s), '-to', str(e), '-i', '$mp3', '-af',
                          'bandpass=f=880:width_type=h:w=40,astats=metadata=0', '-f', 'null', '-'], capture_output=True, text=True).stderr
    return float(err.split('RMS level dB: ')[1].split()[0].replace('-inf', '-200'))
for c in ch[1:-1]:
    s = float(c['start_time'])
    if level(s + 0.1, s + 1.0) < -35:
        sys.exit(f\"no sting at {c['tags']['title']!r}\")
"
check "loudness -16 LUFS within 0.5 LU with the music" $CHECK loudness "$mp3" -16 0.5
check "true peak at most -1 dBTP with the music" $CHECK truepeak "$mp3" -1.0
check "mp3val and ffmpeg find no problem" sh -c "! mp3val '$mp3' | grep -E 'WARNING|ERROR' && ! ffmpeg -v error -i '$mp3' -f null - 2>&1 | grep ."

# An MP3 bed (libsndfile reads MP3) works too; a file that is no audio fails.
ffmpeg -v error -f lavfi -i "sine=frequency=55:duration=8" -c:a libmp3lame "$show/bed.mp3"
printf '[show]\nname = Music Test\nintro_music = bed.mp3\n' >"$show/show.ini"
check "an MP3 intro bed renders" "$COLLOQUY" render "$show/lighthouse-keeper.txt" -o "$TMP/mp3bed.mp3" -q
printf 'not audio at all' >"$show/noise.wav"
printf '[show]\nname = Music Test\nsting = noise.wav\n' >"$show/show.ini"
"$COLLOQUY" render "$show/lighthouse-keeper.txt" -o "$mp3" -q 2>/dev/null
fails "a sting that is not audio" 1 "$COLLOQUY" render "$show/lighthouse-keeper.txt" -o "$mp3" -q
stderr_has "cannot read music '$show/noise.wav'"
