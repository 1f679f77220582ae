#!/bin/sh
# intelligibility.sh -- how well a listener can follow each shipped voice,
# judged by an independent speech recogniser (pocketsphinx, en-us model):
# the word error rate on bench/passage.txt (about 1,500 words of plain
# prose) read by plain `espeak-ng -v en-us` and by colloquy's host, guest
# and eight palette voices, and each voice's ratio to plain espeak-ng with
# a 95 % interval (paired bootstrap over the 21 paragraphs).  The absolute
# rates are high, for the recogniser learnt human speech; the ratio is
# what counts (1.05 or under: as clear as the synthesiser's own default).
. "$(dirname "$0")/lib.sh"

model=/usr/share/pocketsphinx/model/en-us
for tool in pocketsphinx_continuous espeak-ng ffmpeg; do
	command -v $tool >/dev/null || { echo "bench: $tool is missing (make bench installs it)" >&2; exit 1; }
done
[ -d "$model" ] || { echo "bench: the pocketsphinx en-us model is missing" >&2; exit 1; }
jobs=$(nproc)

# host and guest take their profiles; s1 to s8, the palette, in order
voices="host guest s1 s2 s3 s4 s5 s6 s7 s8"
python3 bench/wer.py prepare bench/passage.txt "$tmp" $voices || exit 1
mkdir -p "$tmp/wav" "$tmp/hyp"

# colloquy: every voice reads the passage, each paragraph found again by
# the episode's timed transcript
./colloquy render "$tmp/passage.script" -o "$tmp/passage.mp3" -q || exit 1
python3 bench/wer.py slice "$tmp" "$tmp/passage.mp3" "$tmp/passage.json" $voices || exit 1

# the baseline: espeak-ng as it comes
for ref in "$tmp"/ref/*.txt; do
	k=$(basename "$ref" .txt)
	espeak-ng -v en-us -w "$tmp/raw-$k.wav" -f "$ref" &&
		ffmpeg -v error -y -i "$tmp/raw-$k.wav" -ac 1 -ar 16000 "$tmp/wav/espeak-ng-$k.wav" || exit 1
done

# the judge, on every clip, $jobs at a time
ls "$tmp"/wav/*.wav | xargs -P "$jobs" -I{} sh -c '
	pocketsphinx_continuous -infile "$1" -hmm "$2/en-us" -lm "$2/en-us.lm.bin" \
		-dict "$2/cmudict-en-us.dict" -logfn /dev/null >"$3/$(basename "$1" .wav).txt" 2>/dev/null' \
	_ {} "$model" "$tmp/hyp" || exit 1

./colloquy voices | sed -n '/^voice profiles/,/^$/p'
echo "the palette (s1 to s8): the guest's profile with the voices of src/voice.c's palette[]"
python3 bench/wer.py score "$tmp" espeak-ng $voices
