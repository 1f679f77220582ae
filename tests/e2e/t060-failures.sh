#!/bin/sh
# Bad input: exit 1, one message naming the file and the cause, no output
# left behind, an existing episode untouched.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1

good=transcripts/lighthouse-keeper.txt
out="$TMP/out.mp3"
"$COLLOQUY" render "$good" -o "$out" -q
sum=$(md5sum <"$out")

# bad DESC INPUT FILE CAUSE [OPTION...]: rendering INPUT fails with a
# message that names FILE and CAUSE.
bad() {
	desc=$1
	input=$2
	file=$3
	cause=$4
	shift 4
	fails "$desc" 1 "$COLLOQUY" render "$input" -o "$out" -q "$@"
	if grep -qF -- "$file" "$TMP/stderr" && grep -qF -- "$cause" "$TMP/stderr"; then
		ok "... the message names '$file' and '$cause'"
	else
		notok "... the message names '$file' and '$cause'"
		sed 's/^/#   /' "$TMP/stderr"
	fi
	if [ "$(md5sum <"$out")" = "$sum" ] && ! ls "$TMP" | grep -q '\.tmp$'; then
		ok "... the existing episode is untouched, no temporary file left"
	else
		notok "... the existing episode is untouched, no temporary file left"
	fi
}

bad "a missing file" "$TMP/nope.txt" "$TMP/nope.txt" "No such file"
mkdir "$TMP/dir"
bad "a directory" "$TMP/dir" "$TMP/dir" "is a directory"
: >"$TMP/empty.txt"
bad "an empty file" "$TMP/empty.txt" "$TMP/empty.txt" "no text"
printf '  \n\t\n\n' >"$TMP/blank.txt"
bad "a whitespace-only file" "$TMP/blank.txt" "$TMP/blank.txt" "no text"
printf '\377\376T\000i\000t\000\000' >"$TMP/utf16.txt"
bad "UTF-16 whose mark is followed by bytes that are not" "$TMP/utf16.txt" "$TMP/utf16.txt" "not: undecodable bytes at offset 8"
head -c 2000 /bin/sh >"$TMP/binary.txt"
bad "binary data" "$TMP/binary.txt" "$TMP/binary.txt" "binary data"
# a NUL on the third line after lone CRs: the line and byte are right
printf 'Title\r\rQ: why\000 not?\rA: yes\r' >"$TMP/nul-cr.txt"
bad "a NUL byte after lone CR line ends" "$TMP/nul-cr.txt" "$TMP/nul-cr.txt" "line 3, byte 7"

mkdir "$TMP/voices"
cp voices/*.ini "$TMP/voices/"
sed -i 's/^espeak = .*/espeak = klingon-xx/' "$TMP/voices/guest.ini"
bad "an unknown espeak-ng voice" "$good" "$TMP/voices/guest.ini" "no voice 'klingon-xx'" --voices "$TMP/voices"
cp voices/guest.ini "$TMP/voices/guest.ini"
printf '[voice]\nwpm = fast\n' >"$TMP/voices/host.ini"
bad "a malformed voice profile" "$good" "$TMP/voices/host.ini" "line 2" --voices "$TMP/voices"

bad "a bit rate too low for the Info frame" "$good" "Info frame" "use --bitrate 56" --rate 22050 --bitrate 32

fails "a missing output folder" 1 "$COLLOQUY" render "$good" -o "$TMP/no/such/dir/x.mp3" -q
stderr_has "does not exist"
check "... and nothing is created" test ! -e "$TMP/no"
