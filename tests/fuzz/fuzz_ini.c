/* fuzz_ini.c -- voice profiles, pacing and show files on any bytes, read
 * from memory as from a file: they parse within their ranges or refuse. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "show.h"
#include "voice.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct voice v;
	struct pacing p;
	struct show sh;
	FILE *f;

	if (!size)
		return 0;
	f = fmemopen((void *)data, size, "r");
	if (f && voice_read("fuzz.ini", f, &v) == 0 &&
	    (v.wpm < 80 || v.wpm > 450 || v.pitch < 0 || v.pitch > 100 || v.range < 0 || v.range > 100))
		abort();
	if (f) {
		voice_release(&v);
		fclose(f);
	}
	f = fmemopen((void *)data, size, "r");
	if (f) {
		if (pacing_read("pacing.ini", f, &p) == 0 && p.before_chapter_ms > 10000)
			abort();
		fclose(f);
	}
	f = fmemopen((void *)data, size, "r");
	if (f) {
		show_read("dir/show.ini", f, &sh);
		show_release(&sh);
		fclose(f);
	}
	return 0;
}
