/* test_lexicon.c -- the pronunciation lexicon: parsing, errors with their
 * line, whole words, case, patterns, phonemes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "tap.h"

static void applies(const char *lexicon, const char *text, const char *want)
{
	struct lexicon lx;
	char *got;

	memset(&lx, 0, sizeof(lx));
	if (!CHECK(lexicon_parse("t", lexicon, &lx) == 0, "lexicon for '%s' parses", text))
		return;
	got = lexicon_apply(&lx, text);
	CHECK(!strcmp(got, want), "'%s' -> '%s' (got '%s')", text, want, got);
	free(got);
	lexicon_release(&lx);
}

/* The parse fails, and the one message (on stderr) names file and line. */
static void refuses(const char *lexicon, const char *why)
{
	struct lexicon lx;
	char buf[512] = "";
	FILE *saved = stderr, *tmp = tmpfile();
	int rc;

	memset(&lx, 0, sizeof(lx));
	stderr = tmp;
	rc = lexicon_parse("show.lex", lexicon, &lx);
	stderr = saved;
	rewind(tmp);
	if (!fgets(buf, sizeof(buf), tmp))
		buf[0] = '\0';
	fclose(tmp);
	CHECK(rc < 0 && strstr(buf, "'show.lex' line ") && strstr(buf, why), "refuses (%s): %s", why, buf);
	lexicon_release(&lx);
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	applies("Zmanda = Zee manda\n", "Zmanda and zmanda", "Zee manda and zmanda");
	applies("zmanda = Zee manda\n", "Zmanda and ZMANDA", "Zee manda and Zee manda");
	applies("cat = dog\n", "cat catalog cat's bobcat", "dog catalog cat's bobcat");
	applies("# a comment\n\n  RHX = R H X  \n", "RHX is new", "R H X is new");
	applies("/[Kk]ube(rnetes)?/ = koo-ber-net-eez\n", "Kubernetes and kube", "koo-ber-net-eez and koo-ber-net-eez");
	applies("/gif/i = jif\n", "GIF and gif", "jif and jif");
	applies("/a=b/ = equals\n", "x a=b y", "x equals y");
	applies("Childers = [[tS'Ild3z]]\n", "Pete Childers said", "Pete [[tS'Ild3z]] said");
	applies("one = two\ntwo = three\n", "one", "three");	/* in file order */
	applies("", "unchanged", "unchanged");
	refuses("ok = fine\nbroken line\n", "line 2");
	refuses("/(unclosed/ = x\n", "bad pattern");
	refuses("/x/g = y\n", "/REGEX/i");
	refuses("two words = x\n", "more than one word");
	refuses("word = [[no close\n", "[[");
	refuses("word =\n", "expected");
	return tap_done();
}
