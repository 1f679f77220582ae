#!/bin/sh
# Transcripts as people save them: Windows-1252 from a word processor,
# ISO-8859-2 and KOI8-R from older systems, UTF-16 with and without a byte
# order mark.  Each is read as what it is (uchardet names it, iconv
# converts it) with one warning, and what is spoken is judged against
# Python's own decoding of the same bytes.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1

# enc FILE CODEC: write the interview below in CODEC.
enc() {
	$PY -c "
import sys
text = sys.stdin.read()
open(sys.argv[1], 'wb').write(text.encode(sys.argv[2]))" "$1" "$2"
}

cat >"$TMP/cp1252.src" <<'TXT'
A Café on the Quay

Renée Marchetti has run the café on Pier 3 for twenty-two years. We asked her about the “early shift”, the regulars and the pastries.

Q: When does the day start?

A: At half past four. The coffee machine takes forty minutes to come up to heat, and the fishermen don’t wait — they knock on the glass at five.

Q: What do they order?

A: A double espresso and a croissant, then another espresso. Nobody has ordered a crème brûlée before noon in twenty-two years.

Q: Would you ever leave?

A: Only for a week in Évora every September. Then I miss the gulls.
TXT
enc "$TMP/cafe.txt" cp1252 <"$TMP/cp1252.src"
"$COLLOQUY" split "$TMP/cafe.txt" >"$TMP/cafe.script" 2>"$TMP/stderr"
check "a Windows-1252 transcript splits" test -s "$TMP/cafe.script"
check "... with one warning that names the file and the encoding" sh -c "
	[ \$(grep -c warning '$TMP/stderr') -eq 1 ] && grep -q \"cafe.txt' is not UTF-8; read it as WINDOWS-1252\" '$TMP/stderr'"
check "... and speaks its curly quotes, dashes and accents as Python decodes them" $PY -c "
import sys
src = open('$TMP/cafe.txt', 'rb').read().decode('cp1252')
script = open('$TMP/cafe.script', encoding='utf-8').read()
want = ['“early shift”', 'don’t wait — they', 'crème brûlée', 'Évora']
miss = [w for w in want if w not in src or w not in script]
sys.exit(f'missing {miss}' if miss else 0)"
check "... and renders" "$COLLOQUY" render "$TMP/cafe.txt" -o "$TMP/cafe.mp3" -q
check "... with its title in the tag as UTF-8 text (mutagen)" $PY -c "
import sys
from mutagen.id3 import ID3
t = str(ID3('$TMP/cafe.mp3')['TIT2'])
sys.exit(0 if t == 'A Café on the Quay' else repr(t))"
check "... and three question chapters (ffprobe)" sh -c "
	[ \$(ffprobe -v error -show_chapters -of csv=p=0 '$TMP/cafe.mp3' | grep -c '?') -eq 3 ]"

# the same interview in other encodings: the same script
"$COLLOQUY" split "$TMP/cafe.txt" 2>/dev/null | grep -v '^#' >"$TMP/want"
for codec in utf-16 utf-16-le utf-16-be utf-8-sig; do
	enc "$TMP/cafe-$codec.txt" "$codec" <"$TMP/cp1252.src"
	"$COLLOQUY" split "$TMP/cafe-$codec.txt" 2>"$TMP/stderr" | grep -v '^#' >"$TMP/got"
	check "$codec (Python's codec) gives the same script" cmp -s "$TMP/want" "$TMP/got"
done

printf 'Wywiad z pisarką z Łodzi\n\nQ: Dlaczego piszesz o Łodzi, skoro od dwudziestu lat mieszkasz w Gdańsku?\n\nA: Bo to miasto, w którym się urodziłam, i wciąż śni mi się ulica Piotrkowska. Źródła są ważne.\n\nQ: Czy wrócisz?\n\nA: Może. Żółte tramwaje wciąż tam jeżdżą.\n' >"$TMP/pl.src"
enc "$TMP/pl.txt" iso-8859-2 <"$TMP/pl.src"
"$COLLOQUY" split "$TMP/pl.txt" >"$TMP/pl.script" 2>"$TMP/stderr"
check "an ISO-8859-2 transcript is read as ISO-8859-2" grep -q "read it as ISO-8859-2" "$TMP/stderr"
check "... and its Polish letters are spoken as written" grep -q "Żółte tramwaje" "$TMP/pl.script"

printf 'Интервью с писателем\n\nQ: Почему вы пишете о море, хотя живёте в Москве уже тридцать лет?\n\nA: Потому что я вырос на берегу, и каждое утро начиналось с шума волн. Это моя память.\n\nQ: Вернётесь ли вы туда?\n\nA: Каждое лето я возвращаюсь на неделю.\n' >"$TMP/ru.src"
enc "$TMP/ru.txt" koi8-r <"$TMP/ru.src"
"$COLLOQUY" split "$TMP/ru.txt" >"$TMP/ru.script" 2>"$TMP/stderr"
check "a KOI8-R transcript is read as KOI8-R" grep -q "read it as KOI8-R" "$TMP/stderr"
check "... and its Cyrillic is spoken as written" grep -q "Каждое лето я возвращаюсь" "$TMP/ru.script"

check "a UTF-8 transcript gives no encoding warning" sh -c "
	! '$COLLOQUY' split transcripts/lighthouse-keeper.txt 2>&1 >/dev/null | grep -q 'not UTF-8'"
echo "1..$tap_n"
