#!/bin/sh
# Render options: rate, bit rate, VBR, the WAV master, the default output.
. "$(dirname "$0")/lib.sh"
src="$ROOT/transcripts/lighthouse-keeper.txt"
voices="--voices $ROOT/voices"

check "--rate 22050 --bitrate 56 renders" "$COLLOQUY" render "$src" -o "$TMP/low.mp3" --rate 22050 --bitrate 56 $voices -q
check "... as 22050 Hz mono at 56 kbit/s CBR with an Info frame" $CHECK stream "$TMP/low.mp3" 22050 cbr:56
check "... whose reported duration matches the decoded length" $CHECK duration "$TMP/low.mp3"

check "--vbr 4 --wav renders" "$COLLOQUY" render "$src" -o "$TMP/vbr.mp3" --vbr 4 --wav $voices -q
check "... as VBR with a Xing frame" $CHECK stream "$TMP/vbr.mp3" 44100 vbr
check "... and reports its duration right" $CHECK duration "$TMP/vbr.mp3"
check "the WAV master has exactly the samples the MP3 decodes to" $PY -c "
import json, subprocess, sys
def samples(p):
    raw = subprocess.run(['ffmpeg', '-v', 'error', '-i', p, '-f', 's16le', '-'], capture_output=True, check=True).stdout
    return len(raw) // 2
w, m = samples('$TMP/vbr.wav'), samples('$TMP/vbr.mp3')
sys.exit(0 if w == m else f'wav {w} samples, mp3 {m}')"
check "the WAV master is 16-bit mono PCM at 44100 Hz" sh -c "ffprobe -v error -show_streams '$TMP/vbr.wav' | grep -q 'codec_name=pcm_s16le' && ffprobe -v error -show_streams '$TMP/vbr.wav' | grep -q 'sample_rate=44100'"

mkdir -p "$TMP/cwd"
check "without -o the episode goes to out/NAME.mp3 with its chapters beside it" sh -c "
	cd '$TMP/cwd' && '$COLLOQUY' render '$src' $voices -q &&
	test -s out/lighthouse-keeper.mp3 && test -s out/lighthouse-keeper.chapters.json"
check "render prints a one-line report unless --quiet" sh -c "
	'$COLLOQUY' render '$src' -o '$TMP/r.mp3' $voices | grep -Eq '^$TMP/r.mp3: 6 chapters, [0-9]+:[0-9]{2}, -?[0-9.]+ LUFS'"
check "-o without .mp3 still gets its sidecar" sh -c "
	'$COLLOQUY' render '$src' -o '$TMP/episode' $voices -q && test -s '$TMP/episode' && test -s '$TMP/episode.chapters.json'"
