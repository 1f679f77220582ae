/* fuzz_lexicon.c -- lexicon parsing on any bytes, then the parsed lexicon
 * applied to a sentence. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lexicon lx;
	char *text = xstrndup((const char *)data, size);

	memset(&lx, 0, sizeof(lx));
	if (lexicon_parse("fuzz.lex", text, &lx) == 0)
		free(lexicon_apply(&lx, "Pete Childers of Zmanda said the RHX P&L grew 20% in 2007."));
	lexicon_release(&lx);
	free(text);
	return 0;
}
