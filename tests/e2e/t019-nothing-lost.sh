#!/bin/sh
# Nothing lost whatever the user types: a cache prune touches only a
# colloquy cache (CACHEDIR.TAG) and only its entries; an output that is
# the transcript, a device or a read-only file is refused before anything
# is written; a replaced episode keeps its mode; sizes and loudness that
# are not numbers are refused.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1

mkdir -p "$TMP/home/notes/ab" "$TMP/home/speech/zz"
echo "my letters" >"$TMP/home/letters.txt"
echo "a draft" >"$TMP/home/notes/ab/draft-two"
echo "not an entry" >"$TMP/home/speech/zz/readme"
fails "cache --prune of a folder that is not a cache" 1 \
	"$COLLOQUY" cache --prune --max-size 0 --cache-dir "$TMP/home"
stderr_has "is not a colloquy cache"
check "... removes nothing" sh -c "
	test -s '$TMP/home/letters.txt' && test -s '$TMP/home/notes/ab/draft-two' && test -s '$TMP/home/speech/zz/readme'"
"$COLLOQUY" render transcripts/river-survey.txt -o "$TMP/rs.mp3" --cache-dir "$TMP/home" 2>"$TMP/stderr" >/dev/null
check "a render given that folder as its cache warns, renders, and leaves it alone" sh -c "
	grep -q 'is not a colloquy cache' '$TMP/stderr' && test -s '$TMP/rs.mp3' &&
	[ \$(find '$TMP/home' -type f | wc -l) -eq 3 ]"

"$COLLOQUY" render transcripts/river-survey.txt -o "$TMP/rs2.mp3" -q --cache-dir "$TMP/cache2"
echo "a stranger" >"$TMP/cache2/speech/notes.txt"
mkdir -p "$TMP/cache2/speech/00"
echo "not a key" >"$TMP/cache2/speech/00/short"
check "a cache is tagged as one (CACHEDIR.TAG with its signature)" \
	grep -q '^Signature: 8a477f597d28d172789f06886806bc55' "$TMP/cache2/CACHEDIR.TAG"
check "cache --prune --max-size 0 empties its entries" "$COLLOQUY" cache --prune --max-size 0 --cache-dir "$TMP/cache2"
check "... and keeps what is not an entry, and the tag" sh -c "
	test -s '$TMP/cache2/speech/notes.txt' && test -s '$TMP/cache2/speech/00/short' && test -s '$TMP/cache2/CACHEDIR.TAG' &&
	[ \$(find '$TMP/cache2' -type f | wc -l) -eq 3 ]"
fails "--max-size -0" 2 "$COLLOQUY" cache --prune --max-size -0 --cache-dir "$TMP/cache2"
fails "--loudness nan" 2 "$COLLOQUY" render transcripts/river-survey.txt -o "$TMP/x.mp3" --loudness nan

cp transcripts/river-survey.txt "$TMP/in.txt"
sum=$(md5sum <"$TMP/in.txt")
fails "render in.txt -o in.txt" 1 "$COLLOQUY" render "$TMP/in.txt" -o "$TMP/in.txt" -q
stderr_has "it is the transcript"
check "... leaves the transcript as it was" sh -c "[ \"\$(md5sum <'$TMP/in.txt')\" = '$sum' ]"
printf 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Ada Stone>Why lighthouses?\n\n00:00:03.000 --> 00:00:06.000\n<v Ben Okafor>Because ships still need them.\n' >"$TMP/ep.vtt"
vsum=$(md5sum <"$TMP/ep.vtt")
fails "render ep.vtt -o ep.mp3, whose caption sidecar is ep.vtt" 1 "$COLLOQUY" render "$TMP/ep.vtt" -o "$TMP/ep.mp3" -q
check "... leaves the captions as they were, and writes no episode" sh -c "
	[ \"\$(md5sum <'$TMP/ep.vtt')\" = '$vsum' ] && test ! -e '$TMP/ep.mp3'"
fails "an output that is not a regular file (/dev/null)" 1 "$COLLOQUY" render "$TMP/in.txt" -o /dev/null -q
stderr_has "is not a regular file"
check "... /dev/null is still a character device" test -c /dev/null

"$COLLOQUY" render "$TMP/in.txt" -o "$TMP/ro.mp3" -q
chmod 444 "$TMP/ro.mp3"
ro=$(md5sum <"$TMP/ro.mp3")
printf '\n\nQ: One more?\n\nA: One more.\n' >>"$TMP/in.txt"
fails "replacing a read-only episode" 1 "$COLLOQUY" render "$TMP/in.txt" -o "$TMP/ro.mp3" -q
stderr_has "is read-only"
check "... leaves it as it was, read-only" sh -c "[ \"\$(md5sum <'$TMP/ro.mp3')\" = '$ro' ] && [ \$(stat -c %a '$TMP/ro.mp3') = 444 ]"
chmod 640 "$TMP/ro.mp3"
check "a writable episode with mode 640 is replaced" "$COLLOQUY" render "$TMP/in.txt" -o "$TMP/ro.mp3" -q
check "... and keeps mode 640" sh -c "[ \$(stat -c %a '$TMP/ro.mp3') = 640 ] && [ \"\$(md5sum <'$TMP/ro.mp3')\" != '$ro' ]"
# An episode is replaced as a set: a render that fails after its MP3 (here
# the WAV, cut short by the file size limit) leaves the old MP3 and every
# old sidecar, and no temporary file.
"$COLLOQUY" render transcripts/river-survey.txt -o "$TMP/set.mp3" --wav -q
for x in .mp3 .vtt .srt .json .chapters.json .episode.json; do md5sum <"$TMP/set$x"; done >"$TMP/set.sums"
sh -c "ulimit -f 4000; exec '$COLLOQUY' render transcripts/lighthouse-keeper.txt -o '$TMP/set.mp3' --wav -q" 2>/dev/null
rc=$?
check "a render that fails after writing its MP3 exits 1" test "$rc" -eq 1
check "... and the old MP3 and all its sidecars stay, with no temporary file" sh -c "
	for x in .mp3 .vtt .srt .json .chapters.json .episode.json; do md5sum <'$TMP/set'\$x; done | cmp -s - '$TMP/set.sums' &&
	! ls '$TMP' | grep -q '\.tmp\$'"

# Two renders racing to one output: the set is one render's, whole.
"$COLLOQUY" render transcripts/lighthouse-keeper.txt -o "$TMP/ra.mp3" -q
"$COLLOQUY" render transcripts/river-survey.txt -o "$TMP/rb.mp3" -q
mixed=0
for i in 1 2 3 4 5 6; do
	"$COLLOQUY" render transcripts/lighthouse-keeper.txt -o "$TMP/race.mp3" -q &
	p1=$!
	"$COLLOQUY" render transcripts/river-survey.txt -o "$TMP/race.mp3" -q
	wait $p1
	for r in ra rb; do
		whole=1
		for x in .mp3 .vtt .srt .json .chapters.json; do cmp -s "$TMP/race$x" "$TMP/$r$x" || whole=0; done
		[ $whole = 1 ] && break
	done
	[ $whole = 1 ] || mixed=$((mixed + 1))
done
check "two renders racing to one output leave one render's set, whole, every time (6 races)" test "$mixed" -eq 0

# Inputs that are not regular files: refused at once, never waited on.
mkfifo "$TMP/pipe.txt"
check "a FIFO named like a transcript: split refuses it at once" sh -c "
	timeout 20 '$COLLOQUY' split '$TMP/pipe.txt' 2>'$TMP/fifo.err'; [ \$? -eq 1 ] && grep -q 'not a regular file' '$TMP/fifo.err'"
ln -s /dev/zero "$TMP/zero.txt"
check "a link to /dev/zero: render refuses it at once" sh -c "
	timeout 20 '$COLLOQUY' render '$TMP/zero.txt' -o '$TMP/zero.mp3' -q 2>'$TMP/zero.err'; [ \$? -eq 1 ] &&
	grep -q 'not a regular file' '$TMP/zero.err' && test ! -e '$TMP/zero.mp3'"
mkdir "$TMP/withpipe"
cp transcripts/river-survey.txt "$TMP/withpipe/"
mkfifo "$TMP/withpipe/pipe.txt"
check "a batch over a folder with a FIFO in it renders the rest and ends (exit 1)" sh -c "
	timeout 120 '$COLLOQUY' batch '$TMP/withpipe' -o '$TMP/withpipe-out' -q 2>/dev/null; [ \$? -eq 1 ] &&
	test -s '$TMP/withpipe-out/river-survey.mp3'"
fails "--cache-dir ''" 2 "$COLLOQUY" render transcripts/river-survey.txt -o "$TMP/x.mp3" --cache-dir ''
echo "a file" >"$TMP/afile"
"$COLLOQUY" render transcripts/river-survey.txt -o "$TMP/cf.mp3" --cache-dir "$TMP/afile" >/dev/null 2>"$TMP/cf.err"
check "--cache-dir naming a file: a warning, a render without a cache, the file untouched" sh -c "
	grep -q 'is not a folder' '$TMP/cf.err' && test -s '$TMP/cf.mp3' && [ \"\$(cat '$TMP/afile')\" = 'a file' ]"

# batch --plan prints one command a line for GNU parallel: a name with a
# line break (or any control character) must not become a second command.
bad=0
for c in $(seq 1 31) 127; do
	rm -rf "$TMP/plan"
	mkdir "$TMP/plan"
	name=$(printf "ep\\$(printf %03o "$c")touch PWNED\\012x.txt")
	cp transcripts/river-survey.txt "$TMP/plan/$name" 2>/dev/null || continue
	if (cd "$TMP/plan" && "$COLLOQUY" batch . -o "$TMP/plan-out" --plan >"$TMP/plan.out" 2>"$TMP/plan.err"); then
		bad=$((bad + 1))
	elif [ -s "$TMP/plan.out" ] || ! grep -q "holds a control character" "$TMP/plan.err"; then
		bad=$((bad + 1))
	fi
	(cd "$TMP/plan" && sh "$TMP/plan.out" >/dev/null 2>&1)
	[ -e "$TMP/plan/PWNED" ] && bad=$((bad + 1))
done
check "batch --plan refuses a transcript whose name holds any control character, printing no command" test "$bad" -eq 0

# A render killed with SIGKILL cannot clean up after itself: its workers
# must die with it, and what it left (a scratch folder, temporary files
# beside the outputs) is removed by the next run on this machine.
python3 bench/gen-transcript.py qa 0.3 >"$TMP/long.txt"
mkdir -p "$TMP/kill-out" "$TMP/kill-tmp"
TMPDIR="$TMP/kill-tmp" setsid "$COLLOQUY" render "$TMP/long.txt" -o "$TMP/kill-out/ep.mp3" \
	--cache-dir "$TMP/kill-cache" >/dev/null 2>&1 &
pid=$!
# wait until the workers are speaking
for i in $(seq 1 100); do
	[ "$(ps -o pid= -g "$pid" | wc -l)" -ge 3 ] && break
	sleep 0.1
done
workers=$(ps -o pid= -g "$pid" | wc -l)
kill -9 "$pid"
wait "$pid" 2>/dev/null
alive=1
for i in $(seq 1 30); do
	alive=$(ps -o stat= -g "$pid" | grep -vc '^Z')
	[ "$alive" -eq 0 ] && break
	sleep 0.1
done
check "a render killed with SIGKILL takes its $((workers - 1)) workers with it within 3 s" \
	test "$workers" -ge 3 -a "$alive" -eq 0

host=$(uname -n | tr -c 'A-Za-z0-9-\n' '-' | cut -c1-32)
dead=$(sh -c 'echo $$')
mkdir -p "$TMP/kill-tmp/colloquy.$host-$dead.Ab12Cd" "$TMP/kill-tmp/colloquy.$host-$$.Ef34Gh" \
	"$TMP/kill-tmp/colloquy.otherhost-$dead.Ij56Kl"
echo pcm >"$TMP/kill-tmp/colloquy.$host-$dead.Ab12Cd/0001.raw"
echo partial >"$TMP/kill-out/ep.mp3.$host-$dead.Mn78Op.tmp"
echo partial >"$TMP/kill-out/ep.vtt.$host-$dead.Qr90St.tmp"
echo live >"$TMP/kill-out/ep.mp3.$host-$$.Uv12Wx.tmp"
echo elsewhere >"$TMP/kill-out/ep.mp3.otherhost-$dead.Yz34Ab.tmp"
echo mine >"$TMP/kill-out/notes.tmp"
TMPDIR="$TMP/kill-tmp" "$COLLOQUY" render transcripts/river-survey.txt -o "$TMP/kill-out/ep.mp3" -q --no-cache
check "the next render (one without a cache, which makes a scratch folder) removes a dead run's scratch folder and temporary files" sh -c "
	! test -e '$TMP/kill-tmp/colloquy.$host-$dead.Ab12Cd' &&
	! test -e '$TMP/kill-out/ep.mp3.$host-$dead.Mn78Op.tmp' && ! test -e '$TMP/kill-out/ep.vtt.$host-$dead.Qr90St.tmp'"
check "... and keeps a live run's, another machine's and the user's own" sh -c "
	test -d '$TMP/kill-tmp/colloquy.$host-$$.Ef34Gh' && test -d '$TMP/kill-tmp/colloquy.otherhost-$dead.Ij56Kl' &&
	test -s '$TMP/kill-out/ep.mp3.$host-$$.Uv12Wx.tmp' && test -s '$TMP/kill-out/ep.mp3.otherhost-$dead.Yz34Ab.tmp' &&
	test -s '$TMP/kill-out/notes.tmp'"
check "... and leaves no scratch folder or temporary file of its own" sh -c "
	[ \$(ls '$TMP/kill-tmp' | wc -l) -eq 2 ] && [ \$(ls '$TMP/kill-out' | grep -c '\\.tmp\$') -eq 3 ]"

# A paragraph near the 100 KB limit is spoken in pieces cut at sentence
# ends: all of it is said, in about the time the same words take as 120
# paragraphs, without holding the whole paragraph's audio at once.
python3 - "$TMP" <<'PY'
import random, sys
random.seed(3)
words = "the tide came in over the flats and we counted the birds on every post".split()
sentences = [" ".join(random.choice(words) for _ in range(14)).capitalize() + "." for _ in range(1450)]
sentences[-1] = "And that is the very last sentence of the long answer."
head = "A Long Answer\n\nQ: Tell me about the count?\n\nA: "
open(sys.argv[1] + "/one-para.txt", "w").write(head + " ".join(sentences) + "\n")
open(sys.argv[1] + "/many-para.txt", "w").write(
    head + "\n\n".join(" ".join(sentences[i:i + 12]) for i in range(0, 1450, 12)) + "\n")
PY
check "a paragraph of $(($(wc -c <"$TMP/one-para.txt") / 1024)) KB renders" /usr/bin/time -f %M -o "$TMP/one-peak" \
	"$COLLOQUY" render "$TMP/one-para.txt" -o "$TMP/one-para.mp3" --rate 8000 --bitrate 24 -q --no-cache
"$COLLOQUY" render "$TMP/many-para.txt" -o "$TMP/many-para.mp3" --rate 8000 --bitrate 24 -q --no-cache
check "... all of it said: its last sentence is the last caption" sh -c "
	grep -v '^$' '$TMP/one-para.vtt' | tail -1 | grep -q 'very last sentence of the long answer'"
check "... in the time the same words take as 120 paragraphs, within 3 % (ffprobe)" sh -c "
	a=\$(ffprobe -v error -show_entries format=duration -of csv=p=0 '$TMP/one-para.mp3')
	b=\$(ffprobe -v error -show_entries format=duration -of csv=p=0 '$TMP/many-para.mp3')
	awk -v a=\$a -v b=\$b 'BEGIN { exit !(a > 0.97 * b && a < 1.03 * b) }'"
if ! grep -q fsanitize=address build/flags 2>/dev/null; then
	check "... with no process past 512 MB (the whole paragraph's audio at once took 2.4 GB)" \
		sh -c "test \$(tail -1 '$TMP/one-peak') -lt 524288"
else
	skip "... with no process past 512 MB" "AddressSanitizer keeps freed memory"
fi

# Every cache entry carries a checksum of its content: one damaged in any
# way (a byte changed in place, a hand-made rate entry, a file too big to
# be ours) is said, removed and made again, and the episode is the same.
export XDG_CACHE_HOME="$TMP/sum-cache"
"$COLLOQUY" render transcripts/river-survey.txt -o "$TMP/sum-fresh.mp3" -q
f=$(find "$XDG_CACHE_HOME/colloquy/speech" -type f | head -1)
size=$(stat -c %s "$f")
printf 'Z' | dd of="$f" bs=1 seek=$((size / 2)) conv=notrunc 2>/dev/null
for r in $(find "$XDG_CACHE_HOME/colloquy/rate" -type f); do echo "99999 -20.8" >"$r"; done
m=$(find "$XDG_CACHE_HOME/colloquy/mp3" -type f | head -1)
truncate -s 1100M "$m"
"$COLLOQUY" render transcripts/river-survey.txt -o "$TMP/sum-healed.mp3" 2>"$TMP/sum.err" >/dev/null
check "a byte changed inside a speech entry, same size: said and spoken again" \
	grep -q "speech/.*is damaged; speaking its paragraph again" "$TMP/sum.err"
check "a rate entry written by hand ('99999 -20.8'): said and measured again" \
	grep -q "rate/.*is damaged; measuring its voice again" "$TMP/sum.err"
check "an encoded chunk of 1.1 GB: said and encoded again, not read" \
	grep -q "mp3/.*is damaged; encoding its chunk again" "$TMP/sum.err"
check "... and the episode is byte for byte the undamaged render's" cmp "$TMP/sum-fresh.mp3" "$TMP/sum-healed.mp3"
check "... and the cache holds nothing of 1.1 GB any more" sh -c "
	[ -z \"\$(find '$XDG_CACHE_HOME/colloquy' -size +100M)\" ]"

# A prune while a render uses the cache waits for it, and never takes an
# entry from under it.
rm -rf "$TMP/race-cache"
python3 bench/gen-transcript.py qa 0.03 >"$TMP/mid.txt"
"$COLLOQUY" render "$TMP/mid.txt" -o "$TMP/race.mp3" -q --cache-dir "$TMP/race-cache" 2>"$TMP/race.err" &
rpid=$!
for i in $(seq 1 100); do
	[ -n "$(find "$TMP/race-cache" -path '*speech*' -type f 2>/dev/null | head -1)" ] && break
	sleep 0.1
done
"$COLLOQUY" cache --prune --max-size 0 --cache-dir "$TMP/race-cache" >"$TMP/prune.out" 2>"$TMP/prune.err"
prc=$?
# and again and again while it runs (a prune that does not wait)
while kill -0 "$rpid" 2>/dev/null; do
	"$COLLOQUY" cache --prune --max-size 0 --cache-dir "$TMP/race-cache" >/dev/null 2>&1
	sleep 0.05
done
wait "$rpid"
rrc=$?
check "a prune to nothing during a render: the render ends well, with no entry damaged or missing" sh -c "
	[ $rrc -eq 0 ] && ! grep -q 'damaged\|missing' '$TMP/race.err' && $CHECK duration '$TMP/race.mp3'"
check "... the prune says it waits, and then empties the cache" sh -c "
	[ $prc -eq 0 ] && grep -q 'waiting for the renders that use the cache' '$TMP/prune.err' &&
	[ -z \"\$(find '$TMP/race-cache' -path '*speech*' -type f)\" ]"

# Artwork goes into every episode's ID3 tag: an image too big for that is
# refused before anything is written, and the episode already there stays.
python3 - "$TMP/huge.png" <<'PY'
import struct, sys, zlib
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
w = 1400
raw = b"".join(b"\0" + bytes(w * 3) for _ in range(w))
png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, w, 8, 2, 0, 0, 0)) +
       chunk(b"IDAT", zlib.compress(raw, 0)) + chunk(b"tEXt", b"pad\0" + b"x" * (17 << 20)) + chunk(b"IEND", b""))
open(sys.argv[1], "wb").write(png)
PY
mkdir -p "$TMP/art"
printf '[show]\nartwork = %s\n' "$TMP/huge.png" >"$TMP/art/show.ini"
"$COLLOQUY" render transcripts/river-survey.txt -o "$TMP/art/ep.mp3" -q
before=$(md5sum <"$TMP/art/ep.mp3")
fails "artwork of 22 MB" 1 "$COLLOQUY" render transcripts/river-survey.txt -o "$TMP/art/ep.mp3" -q --show "$TMP/art/show.ini"
stderr_has "huge.png' is 22.6 MB ("
stderr_has "bytes); artwork goes into every episode's tag, and may be 16 MB (16777216 bytes) at most"
check "... and the episode there stays as it was" sh -c "[ \"\$(md5sum <'$TMP/art/ep.mp3')\" = '$before' ]"

# show.ini is read as the README writes it, and as Python's configparser
# reads it (comments after a blank and '#', ';' inside values, indented
# lines going on with the value, lines of any length).
mkdir -p "$TMP/ini"
long=$(python3 -c 'print(" ".join(["Interviews from the coast; tides, boats and the people who mend them."] * 9))')
{
	echo "; the show"
	echo "[show]"
	echo "name = Harbour Voices; Second Series     # a comment after the name"
	echo "author = Harbour Radio"
	echo "description = $long"
	echo "    and a second line that goes on with it"
	echo "url = https://example.org/harbour      # where out/ is published"
	echo "language = en"
	echo "explicit = false"
} >"$TMP/ini/show.ini"
cp transcripts/river-survey.txt "$TMP/ini/tide talk.txt"
check "a render with that show file" "$COLLOQUY" batch "$TMP/ini" -o "$TMP/ini/out" -q
"$COLLOQUY" feed "$TMP/ini/out" >/dev/null
cat >"$TMP/ini.py" <<'PY'
import configparser, sys, xml.etree.ElementTree as ET
import mutagen.id3
d = sys.argv[1]
cp = configparser.ConfigParser(inline_comment_prefixes=("#",), comment_prefixes=("#", ";"),
                               delimiters=("=",), interpolation=None)
cp.read(d + "/show.ini", encoding="utf-8")
want = {k: " ".join(v.split("\n")) for k, v in cp["show"].items()}
ch = ET.parse(d + "/out/feed.xml").getroot().find("channel")
got = {"name": ch.findtext("title"), "description": ch.findtext("description"), "url": ch.findtext("link")}
bad = [(k, got[k], want[k]) for k in got if got[k] != want[k]]
album = str(mutagen.id3.ID3(d + "/out/tide talk.mp3")["TALB"])
if album != want["name"]:
    bad.append(("TALB", album, want["name"]))
enc = ch.find("item").find("enclosure").get("url")
if enc != "https://example.org/harbour/tide%20talk.mp3":
    bad.append(("enclosure", enc, "https://example.org/harbour/tide%20talk.mp3"))
print(bad or "same")
sys.exit(1 if bad else 0)
PY
check "... the feed and the ID3 tag hold what configparser reads, and the enclosure URL is escaped" \
	$PY "$TMP/ini.py" "$TMP/ini"
printf '[show]\nname = Bell\007s\n' >"$TMP/ini/ctl.ini"
fails "a show file with a control character" 1 \
	"$COLLOQUY" render transcripts/river-survey.txt -o "$TMP/ini/c.mp3" --show "$TMP/ini/ctl.ini"
stderr_has "ctl.ini' line 2: byte 12 is a control character"
printf '[show]\nauthor = Caf\351 Radio\n' >"$TMP/ini/latin1.ini"
fails "a show file in Latin-1" 1 \
	"$COLLOQUY" render transcripts/river-survey.txt -o "$TMP/ini/l.mp3" --show "$TMP/ini/latin1.ini"
stderr_has "latin1.ini' line 2: byte 13 is not UTF-8"

# Names and front matter are the user's too: control characters and bytes
# that are not UTF-8 in them still give a well-formed feed and whole tags.
mkdir -p "$TMP/odd"
cp transcripts/river-survey.txt "$TMP/odd/$(printf 'ep\001\351x.txt')"
{ printf -- '---\ntitle: "Bell\\x07 and \\u0001 tide"\n---\n'; cat transcripts/river-survey.txt; } >"$TMP/odd/fm.txt"
printf '[show]\nname = Odd\nurl = https://example.org/odd\n' >"$TMP/odd/show.ini"
"$COLLOQUY" batch "$TMP/odd" -o "$TMP/odd/out" -q 2>/dev/null
check "control characters and a Latin-1 byte in a file name and a title: the feed is well-formed (xmllint)" \
	xmllint --noout "$TMP/odd/out/feed.xml"
cat >"$TMP/odd.py" <<'PY'
import sys, mutagen.id3, xml.etree.ElementTree as ET
urls = [e.get("url") for e in ET.parse(sys.argv[1] + "/feed.xml").iter("enclosure")]
title = str(mutagen.id3.ID3(sys.argv[1] + "/fm.mp3")["TIT2"])
ok = "https://example.org/odd/ep%01%E9x.mp3" in urls and title == "Bell  and   tide"
print(urls, repr(title))
sys.exit(0 if ok else 1)
PY
check "... the URL escapes them, and the ID3 title is whole (mutagen)" $PY "$TMP/odd.py" "$TMP/odd/out"

# Nothing is changed without a word: a bit rate the format does not have
# is refused with the ones it has, a loudness the peak ceiling will not
# allow is reported as what it became, an impossible date is said to be
# unused, and an answer that is only a stage direction is dropped, not
# left as a label.
fails "--bitrate 100 (MP3 has 96 and 112)" 1 "$COLLOQUY" render transcripts/river-survey.txt -o "$TMP/br.mp3" --bitrate 100 -q
stderr_has "100 kbit/s is not an MP3 bit rate at 44100 Hz; the bit rates there are 32, 40, 48, 56, 64, 80, 96, 112"
fails "--rate 8000 --bitrate 320 (MPEG 2.5 stops at 64)" 1 \
	"$COLLOQUY" render transcripts/river-survey.txt -o "$TMP/br.mp3" --rate 8000 --bitrate 320 -q
stderr_has "320 kbit/s is not an MP3 bit rate at 8000 Hz; the bit rates there are 8, 16, 24, 32, 40, 48, 56, 64"
check "... and no episode is written" test ! -e "$TMP/br.mp3"
"$COLLOQUY" render transcripts/river-survey.txt -o "$TMP/loud.mp3" --loudness -6 2>"$TMP/loud.err" >/dev/null
check "--loudness -6: a warning gives the loudness the episode has, which ffmpeg's ebur128 measures too" sh -c "
	lufs=\$(sed -n \"s/.*loud.mp3' is \\(-[0-9.]*\\) LUFS, not the -6.0 asked for.*/\\1/p\" '$TMP/loud.err')
	[ -n \"\$lufs\" ] && $CHECK loudness '$TMP/loud.mp3' \"\$lufs\" 1.0"
"$COLLOQUY" render transcripts/river-survey.txt -o "$TMP/quiet.mp3" --loudness -23 2>"$TMP/quiet.err" >/dev/null
check "... and a target that is met gives no such warning" sh -c "! grep -q 'asked for' '$TMP/quiet.err'"
printf -- '---\ntitle: Tides\ndate: 2024-02-31\n---\nQ: Why did you start?\n\nA: Because of my father.\n\nQ: And then?\n\nA: (laughs)\n\nQ: What happened next?\n\nA: Then we left the harbour early.\n' >"$TMP/silent.txt"
"$COLLOQUY" split "$TMP/silent.txt" >"$TMP/silent.out" 2>"$TMP/silent.err"
check "date: 2024-02-31 is said not to be a date, and is not used" \
	grep -q "silent.txt' line 3: date '2024-02-31' is not an ISO 8601 date" "$TMP/silent.err"
check "an answer that is only '(laughs)' is dropped (listed as such), not left as a label 'A:'" sh -c "
	! grep -q ': A:\$' '$TMP/silent.out' && grep -q '^# dropped: A: (laughs)' '$TMP/silent.out' &&
	grep -q '^answer \\[guest\\]: Then we left the harbour early.' '$TMP/silent.out'"

# The first render in a fresh home (no PulseAudio cookie yet, as on a new
# machine) makes the same bytes as every render after it: the noise in
# espeak-ng's breathy voices does not depend on what reseeds rand().
for h in 1 2 3; do
	mkdir -p "$TMP/home$h"
	HOME="$TMP/home$h" XDG_CACHE_HOME="$TMP/home$h/cache" \
		"$COLLOQUY" render transcripts/bread-and-code.txt -o "$TMP/home$h/ep.mp3" -q
done
check "three first renders, each in a fresh home, give the same bytes and the same rate entries" sh -c "
	cmp '$TMP/home1/ep.mp3' '$TMP/home2/ep.mp3' && cmp '$TMP/home1/ep.mp3' '$TMP/home3/ep.mp3' &&
	[ \"\$(cd '$TMP/home1/cache/colloquy' && find rate -type f | sort | xargs cat | md5sum)\" = \
	  \"\$(cd '$TMP/home2/cache/colloquy' && find rate -type f | sort | xargs cat | md5sum)\" ]"

# What an outside attack on the above found next.
mkdir -p "$TMP/red" && cd "$TMP/red" || exit 1
echo mine >.json
fails "-o '' (an unset variable)" 2 "$COLLOQUY" render "$ROOT/transcripts/river-survey.txt" -o '' --voices "$ROOT/voices"
check "... writes nothing, and the user's .json stays" sh -c "
	[ \"\$(cat .json)\" = mine ] && [ \$(ls -A | wc -l) -eq 1 ]"
cd "$ROOT" || exit 1

mkdir -p "$TMP/plan2/in"
cp transcripts/river-survey.txt transcripts/lighthouse-keeper.txt "$TMP/plan2/in/"
"$COLLOQUY" batch "$TMP/plan2/in" -o "$TMP/plan2/out" -q
rm "$TMP/plan2/out/river-survey.vtt"
touch -d 2000-01-01 "$TMP/plan2/out/lighthouse-keeper.srt"
"$COLLOQUY" batch "$TMP/plan2/in" -o "$TMP/plan2/out" --plan >"$TMP/plan2/plan"
check "batch --plan plans an episode again when a sidecar of its set is missing, or older than the transcript" sh -c "
	grep -q 'river-survey.txt' '$TMP/plan2/plan' && grep -q 'lighthouse-keeper.txt' '$TMP/plan2/plan'"

mkdir -p "$TMP/guid/in"
for b in 351 350; do cp transcripts/river-survey.txt "$TMP/guid/in/$(printf "caf\\$b").txt"; done
"$COLLOQUY" batch "$TMP/guid/in" -o "$TMP/guid/out" -q 2>/dev/null
check "two names that are not UTF-8 and differ get two guids in the feed" sh -c "
	[ \$(xmllint --xpath '//item/guid/text()' '$TMP/guid/out/feed.xml' | sort -u | wc -l) -eq 2 ]"

mkdir -p "$TMP/fifo"
mkfifo "$TMP/fifo/intro.wav"
printf '[show]\nname = Pipes\nintro_music = intro.wav\n' >"$TMP/fifo/show.ini"
cp transcripts/river-survey.txt "$TMP/fifo/ep.txt"
fails "a FIFO as intro music: refused at once, not waited on" 1 \
	timeout 20 "$COLLOQUY" render "$TMP/fifo/ep.txt" -o "$TMP/fifo/ep.mp3" -q
stderr_has "intro.wav': it is not a regular file"
mkfifo "$TMP/plan2/out/zz.episode.json"
timeout 20 "$COLLOQUY" feed "$TMP/plan2/out" >/dev/null 2>"$TMP/stderr"
check "a FIFO named like an episode's metadata: feed skips it and ends" sh -c "
	[ $? -eq 0 ] && grep -q 'zz.episode.json.: not a regular file; left out of the feed' '$TMP/stderr'"
rm -f "$TMP/plan2/out/zz.episode.json"

printf '/a/ = %s\n' "$(printf 'a %.0s' $(seq 1 38))" >"$TMP/lex.txt"
{ printf 'Amplified\n\nQ: What?\n\nA: '; printf 'a a a a. %.0s' $(seq 1 1500); echo; } >"$TMP/amp.txt"
fails "a lexicon entry that repeats itself (13 KB of text would become 1.6 GB of work)" 1 \
	/usr/bin/time -f %M -o "$TMP/amp.peak" "$COLLOQUY" render "$TMP/amp.txt" -o "$TMP/amp.mp3" --lexicon "$TMP/lex.txt" -q
stderr_has "the paragraph at line 5 grows to 135 KB once normalised and run through the lexicon"

SOURCE_DATE_EPOCH=99999999999999 "$COLLOQUY" render transcripts/river-survey.txt -o "$TMP/sde.mp3" 2>"$TMP/stderr" >/dev/null
check "SOURCE_DATE_EPOCH past the year 9999: a warning, and the date is not from it (mutagen)" sh -c "
	grep -q \"SOURCE_DATE_EPOCH '99999999999999' is not a count of seconds\" '$TMP/stderr' &&
	$PY -c \"import mutagen.id3,sys; sys.exit(str(mutagen.id3.ID3('$TMP/sde.mp3')['TDRC']) < '1971')\""

mkdir -p "$TMP/vol"
cp voices/*.ini "$TMP/vol/"
sed -i 's/^volume = .*/volume = 0/' "$TMP/vol/guest.ini"
fails "a voice at volume 0 (a silent speaker)" 1 "$COLLOQUY" render transcripts/river-survey.txt -o "$TMP/vol.mp3" --voices "$TMP/vol" -q
stderr_has "guest.ini' line"

chmod 444 "$TMP/plan2/out/feed.xml"
fails "a read-only feed.xml" 1 "$COLLOQUY" feed "$TMP/plan2/out"
stderr_has "will not replace '$TMP/plan2/out/feed.xml': it is read-only"
chmod 644 "$TMP/plan2/out/feed.xml"

mkdir -p "$TMP/pipe/in"
cp transcripts/river-survey.txt transcripts/bread-and-code.txt "$TMP/pipe/in/"
sh -c "'$COLLOQUY' batch '$TMP/pipe/in' -o '$TMP/pipe/out' -j 2 2>'$TMP/pipe.err' | head -c 0"
check "a batch whose standard output is closed still renders every set, and no render is said to be killed" sh -c "
	for s in river-survey bread-and-code; do
		for x in .mp3 .vtt .srt .json .chapters.json .episode.json; do test -s '$TMP/pipe/out/'\$s\$x || exit 1; done
	done
	! grep -q 'killed by signal' '$TMP/pipe.err'"

"$COLLOQUY" render transcripts/river-survey.txt -o "$TMP/own.mp3" -q --cache-dir "$TMP/own-cache"
mkdir -p "$TMP/own-cache/speech/ab"
echo "a diary" >"$TMP/own-cache/speech/ab/0123456789abcdef0123456789abcd"
"$COLLOQUY" cache --prune --max-size 0 --cache-dir "$TMP/own-cache" >/dev/null
check "a file with an entry's name but no entry's trailer is not pruned" \
	test -s "$TMP/own-cache/speech/ab/0123456789abcdef0123456789abcd"
if [ "$(id -u)" -eq 0 ]; then
	chown 1000:1000 "$TMP/own.mp3"
	"$COLLOQUY" render transcripts/river-survey.txt -o "$TMP/own.mp3" -q --cache-dir "$TMP/own-cache"
	check "an episode of another user's, replaced by root, keeps its owner" \
		test "$(stat -c %u:%g "$TMP/own.mp3")" = 1000:1000
else
	skip "an episode of another user's, replaced by root, keeps its owner" "not run as root"
fi

# What the check of those fixes found next.
mkdir -p "$TMP/hidden" && echo mine >"$TMP/hidden/.json"
fails "-o DIR/.mp3 (a name that is only the extension)" 1 \
	"$COLLOQUY" render transcripts/river-survey.txt -o "$TMP/hidden/.mp3" -q
check "... writes nothing, and the user's .json stays" sh -c "
	[ \"\$(cat '$TMP/hidden/.json')\" = mine ] && [ \$(ls -A '$TMP/hidden' | wc -l) -eq 1 ]"
mkdir -p "$TMP/untitled/in"
for b in 351 350; do
	printf 'Q: Why did you go?\n\nA: To see the harbour in the morning light.\n\nQ: And after that?\n\nA: We came home by the coast road.\n' \
		>"$TMP/untitled/in/$(printf "caf\\$b").txt"
done
check "untitled transcripts whose names are not UTF-8 are both in a well-formed feed" sh -c "
	'$COLLOQUY' batch '$TMP/untitled/in' -o '$TMP/untitled/out' -q &&
	[ \$(xmllint --xpath 'count(//item)' '$TMP/untitled/out/feed.xml') -eq 2 ]"
"$COLLOQUY" render transcripts/lighthouse-keeper.txt -o "$TMP/low.mp3" --rate 8000 --bitrate 24 -q
check "at 8 kHz the true peak stays at -1 dBTP or under (ffmpeg's ebur128)" $CHECK truepeak "$TMP/low.mp3" -1.0
echo "1..$tap_n"
