/* voice.c -- see voice.h. */
#include "voice.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "conf.h"
#include "util.h"

struct parse_state {
	struct voice *v;
	struct pacing *pacing;
	char *bad;           /* first problem, for the message */
	FILE *f;
	int line;            /* of the key being handled */
};


static int parse_int(const char *s, int lo, int hi, int *out)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (!*s || *end || v < lo || v > hi)
		return -1;
	*out = (int)v;
	return 0;
}

char voice_parse_gender(const char *s)
{
	static const char *const female[] = { "female", "f", "woman", "she" };
	static const char *const male[] = { "male", "m", "man", "he" };

	for (size_t i = 0; i < sizeof(female) / sizeof(female[0]); i++) {
		if (!strcasecmp(s, female[i]))
			return 'f';
		if (!strcasecmp(s, male[i]))
			return 'm';
	}
	return 0;
}

static int on_key(void *user, const char *section, const char *key, const char *value, int line)
{
	static const struct {
		const char *key;
		int lo, hi;
		size_t off;
	} ints[] = {
		{ "wpm", 80, 450, offsetof(struct voice, wpm) },
		{ "pitch", 0, 100, offsetof(struct voice, pitch) },
		{ "range", 0, 100, offsetof(struct voice, range) },
		{ "volume", 10, 200, offsetof(struct voice, volume) },	/* below 10, espeak-ng is all but silent */
		{ "word_gap", 0, 100, offsetof(struct voice, word_gap) },
	};
	struct parse_state *st = user;
	struct voice *v = st->v;
	struct sb msg = SB_INIT;

	st->line = line;
	if (strcmp(section, "voice")) {
		sb_addf(&msg, "section [%s] is not [voice]", section);
		goto bad;
	}
	if (!strcmp(key, "espeak")) {
		free(v->espeak);
		v->espeak = xstrdup(value);
		v->espeak_line = st->line;
		if (!*value) {
			sb_addstr(&msg, "espeak needs a voice name");
			goto bad;
		}
		return 1;
	}
	if (!strcmp(key, "variant")) {
		free(v->variant);
		v->variant = xstrdup(value);
		v->variant_line = st->line;
		return 1;
	}
	if (!strcmp(key, "gender")) {
		v->gender = voice_parse_gender(value);
		if (!v->gender) {
			sb_addf(&msg, "gender '%s' is not female or male", value);
			goto bad;
		}
		return 1;
	}
	if (!strcmp(key, "pause_ms")) {
		int ms;
		if (parse_int(value, 0, 10000, &ms) < 0) {
			sb_addf(&msg, "pause_ms '%s' is not a number from 0 to 10000", value);
			goto bad;
		}
		v->pause_ms = (unsigned)ms;
		return 1;
	}
	for (size_t i = 0; i < sizeof(ints) / sizeof(ints[0]); i++) {
		if (strcmp(key, ints[i].key))
			continue;
		if (parse_int(value, ints[i].lo, ints[i].hi, (int *)((char *)v + ints[i].off)) < 0) {
			sb_addf(&msg, "%s '%s' is not a number from %d to %d", key, value,
				ints[i].lo, ints[i].hi);
			goto bad;
		}
		return 1;
	}
	sb_addf(&msg, "unknown key '%s' (keys: espeak, variant, wpm, pitch, range, volume, word_gap, pause_ms, gender)", key);
bad:
	if (!st->bad)
		st->bad = sb_detach(&msg, NULL);
	sb_release(&msg);
	return 0;
}

static int parse_stream(const char *name, FILE *f, conf_handler handler, struct parse_state *st)
{
	char *why;
	int line;

	st->f = f;
	line = conf_parse(f, handler, st, &why);
	if (line) {
		if (line < 0)
			error("cannot read '%s': %s", name, why);
		else
			error("'%s' line %d: %s", name, line, st->bad ? st->bad : why);
		free(st->bad);
		free(why);
		return -1;
	}
	return 0;
}

static int parse_file(const char *path, conf_handler handler, struct parse_state *st)
{
	FILE *f = fopen(path, "r");
	int ret;

	if (!f)
		return error("cannot read '%s': %s", path, strerror(errno));
	ret = parse_stream(path, f, handler, st);
	fclose(f);
	return ret;
}

static int on_pacing(void *user, const char *section, const char *key, const char *value, int line)
{
	static const struct {
		const char *key;
		size_t off;
	} keys[] = {
		{ "lead_ms", offsetof(struct pacing, lead_ms) },
		{ "after_question_ms", offsetof(struct pacing, after_question_ms) },
		{ "speaker_change_ms", offsetof(struct pacing, speaker_change_ms) },
		{ "before_chapter_ms", offsetof(struct pacing, before_chapter_ms) },
		{ "list_item_ms", offsetof(struct pacing, list_item_ms) },
		{ "tail_ms", offsetof(struct pacing, tail_ms) },
	};
	struct parse_state *st = user;
	struct sb msg = SB_INIT;

	st->line = line;
	if (strcmp(section, "pacing")) {
		sb_addf(&msg, "section [%s] is not [pacing]", section);
	} else {
		for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
			int ms;

			if (strcmp(key, keys[i].key))
				continue;
			if (parse_int(value, 0, 10000, &ms) < 0) {
				sb_addf(&msg, "%s '%s' is not a number from 0 to 10000", key, value);
				break;
			}
			*(unsigned *)((char *)st->pacing + keys[i].off) = (unsigned)ms;
			return 1;
		}
		if (!msg.len)
			sb_addf(&msg, "unknown key '%s' (keys: lead_ms, after_question_ms, speaker_change_ms, "
				"before_chapter_ms, list_item_ms, tail_ms)", key);
	}
	if (!st->bad)
		st->bad = sb_detach(&msg, NULL);
	sb_release(&msg);
	return 0;
}

static void pacing_defaults(struct pacing *p)
{
	p->lead_ms = 300;
	p->after_question_ms = 600;
	p->speaker_change_ms = 650;
	p->before_chapter_ms = 900;
	p->list_item_ms = 350;
	p->tail_ms = 800;
}

static void voice_defaults(struct voice *v, const char *path)
{
	memset(v, 0, sizeof(*v));
	v->name = util_stem(path);
	v->path = xstrdup(path);
	v->espeak = xstrdup("en-us");
	v->variant = xstrdup("");
	v->wpm = 165;
	v->pitch = 50;
	v->range = 50;
	v->volume = 100;
	v->pause_ms = 450;
}

/* voice_read() on a file; v is filled with defaults even when the file
 * cannot be opened, so the caller can release it either way. */
static int voice_load(const char *path, struct voice *v)
{
	FILE *f = fopen(path, "r");
	int ret;

	if (!f) {
		voice_defaults(v, path);
		return error("cannot read '%s': %s", path, strerror(errno));
	}
	ret = voice_read(path, f, v);
	fclose(f);
	return ret;
}

/* A profile that says no gender has its variant's: "f3" a woman's. */
static void settle_gender(struct voice *v)
{
	if (!v->gender && (v->variant[0] == 'f' || v->variant[0] == 'm') && isdigit((unsigned char)v->variant[1]))
		v->gender = v->variant[0];
}

int voice_read(const char *name, FILE *f, struct voice *v)
{
	struct parse_state st;
	int ret;

	voice_defaults(v, name);
	memset(&st, 0, sizeof(st));
	st.v = v;
	ret = parse_stream(name, f, on_key, &st);
	settle_gender(v);
	return ret;
}

int pacing_read(const char *name, FILE *f, struct pacing *p)
{
	struct parse_state st;

	pacing_defaults(p);
	memset(&st, 0, sizeof(st));
	st.pacing = p;
	return parse_stream(name, f, on_pacing, &st);
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void voice_release(struct voice *v)
{
	free(v->name);
	free(v->path);
	free(v->espeak);
	free(v->variant);
}

const struct voice *voices_find(const struct voiceset *vs, const char *name)
{
	for (size_t i = 0; i < vs->n; i++) {
		const char *a = vs->v[i].name, *b = name;

		/* "Jane Roe" matches jane-roe.ini */
		while (*a && *b && tolower((unsigned char)*a) ==
		       (*b == ' ' ? '-' : tolower((unsigned char)*b))) {
			a++;
			b++;
		}
		if (!*a && !*b)
			return &vs->v[i];
	}
	return NULL;
}

int voices_load(const char *dir, struct voiceset *vs)
{
	char **names = NULL;
	size_t n = 0, alloc = 0;
	struct dirent *de;
	DIR *d;
	int ret = 0;

	memset(vs, 0, sizeof(*vs));
	pacing_defaults(&vs->pacing);
	d = opendir(dir);
	if (!d)
		return error("cannot open voices folder '%s': %s", dir, strerror(errno));
	while ((de = readdir(d))) {
		size_t len = strlen(de->d_name);
		if (len > 4 && de->d_name[0] != '.' && !strcmp(de->d_name + len - 4, ".ini") &&
		    strcmp(de->d_name, "pacing.ini")) {
			XGROW(names, alloc, n + 1);
			names[n++] = util_path_join(dir, de->d_name);
		}
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), cmp_names);
	for (size_t i = 0; i < n && !ret; i++) {
		XGROW(vs->v, vs->alloc, vs->n + 1);
		if (voice_load(names[i], &vs->v[vs->n]) < 0) {
			voice_release(&vs->v[vs->n]);
			ret = -1;
		} else {
			vs->n++;
		}
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	if (!ret && (!voices_find(vs, "host") || !voices_find(vs, "guest")))
		ret = error("voices folder '%s' needs host.ini and guest.ini", dir);
	if (!ret) {
		char *pacing = util_path_join(dir, "pacing.ini");
		struct parse_state st;

		memset(&st, 0, sizeof(st));
		st.pacing = &vs->pacing;
		if (access(pacing, F_OK) == 0)
			ret = parse_file(pacing, on_pacing, &st);
		free(pacing);
	}
	if (ret)
		voices_release(vs);
	return ret;
}

void voices_release(struct voiceset *vs)
{
	for (size_t i = 0; i < vs->n; i++)
		voice_release(&vs->v[i]);
	free(vs->v);
	free(vs->cast);
	memset(vs, 0, sizeof(*vs));
}

/* Voices for the third speaker on, derived from guest.ini: espeak-ng
 * voice, variant, pitch, range and gender.  Chosen by measurement
 * (bench/intelligibility.sh): each is as clear as espeak-ng's own en-us,
 * and the first six, with the shipped host and guest, are eight pitch
 * levels 3.4 semitones apart (about 82, 100, 122, 148, 180, 219, 267 and
 * 325 Hz; measured with aubio).  The spares repeat a level in another
 * timbre, for a ninth speaker on. */
static const struct {
	const char *espeak, *variant;
	int pitch, range;
	char gender;
	int spare;           /* at a level already taken: for a ninth speaker on */
} palette[] = {
	{ "en-us", "m6", 20, 40, 'm', 0 },	/* about 82 Hz */
	{ "en-us", "f2", 36, 50, 'f', 0 },	/* 180 Hz */
	{ "en-us", "m5", 71, 50, 'm', 0 },	/* 122 Hz */
	{ "en-us", "f2", 79, 55, 'f', 0 },	/* 267 Hz */
	{ "en-us", "m6", 84, 50, 'm', 0 },	/* 148 Hz */
	{ "en-us", "f5", 90, 60, 'f', 0 },	/* 325 Hz */
	{ "en-us", "m3", 50, 60, 'm', 1 },	/* the host's level, another timbre */
	{ "en-us", "f1", 60, 60, 'f', 1 },	/* the guest's level, another timbre */
};
#define NPALETTE (sizeof(palette) / sizeof(palette[0]))

static size_t add_derived(struct voiceset *vs, const char *speaker, size_t k)
{
	const struct voice *guest;
	struct voice *v;
	struct sb name = SB_INIT;

	sb_addf(&name, "%s (auto %zu)", speaker, k + 1);
	XGROW(vs->v, vs->alloc, vs->n + 1);
	guest = voices_find(vs, "guest");	/* vs->v may have moved */
	v = &vs->v[vs->n];
	*v = *guest;
	v->name = sb_detach(&name, NULL);
	v->path = xstrdup(guest->path);
	v->espeak = xstrdup(palette[k].espeak);
	v->variant = xstrdup(palette[k].variant);
	v->pitch = palette[k].pitch;
	v->range = palette[k].range;
	v->gender = palette[k].gender;
	return vs->n++;
}

static void cast_add(struct voiceset *vs, const char *speaker, size_t voice)
{
	XGROW(vs->cast, vs->cast_alloc, vs->ncast + 1);
	vs->cast[vs->ncast].speaker = speaker;
	vs->cast[vs->ncast].voice = voice;
	vs->ncast++;
}

static long cast_find(const struct voiceset *vs, const char *speaker)
{
	for (size_t i = 0; i < vs->ncast; i++)
		if (!strcmp(vs->cast[i].speaker, speaker))
			return (long)vs->cast[i].voice;
	return -1;
}

/* Common first names, for a speaker whose gender the show file does not
 * give: a guess that picks a voice, never a claim.  Sorted, lower case. */
static const char *const women[] = {
	"abigail", "ada", "adriana", "agnes", "aisha", "alice", "alicia", "amanda", "amara", "amelia",
	"amy", "ana", "andrea", "angela", "anna", "anne", "ava", "barbara", "beatrice", "bella", "carla",
	"carmen", "caroline", "catherine", "charlotte", "chloe", "claire", "clara", "deborah", "diana",
	"dolores", "eleanor", "elena", "elizabeth", "ella", "ellen", "emily", "emma", "eva", "fatima",
	"fiona", "frances", "grace", "hana", "hannah", "helen", "ines", "ingrid", "irene", "isabel",
	"jane", "janet", "jennifer", "jessica", "joan", "julia", "karen", "kate", "laura", "leila",
	"lena", "linda", "lisa", "lucia", "lucy", "maria", "marie", "marta", "mary", "maya", "megan",
	"mia", "michelle", "mira", "nadia", "nancy", "natalie", "nina", "nora", "olivia", "priya",
	"rachel", "rebecca", "rosa", "ruth", "sara", "sarah", "sofia", "sophie", "susan", "teresa",
	"vera", "victoria", "wren", "yasmin", "zoe",
};
static const char *const men[] = {
	"aaron", "adam", "ahmed", "alan", "albert", "alex", "ali", "andrew", "anthony", "arthur", "ben",
	"benjamin", "bob", "brian", "carl", "carlos", "charles", "chris", "daniel", "david", "dennis",
	"dev", "diego", "edward", "eric", "felix", "frank", "gareth", "george", "greg", "harry", "henry",
	"hugo", "ian", "isaac", "jack", "jacob", "james", "jason", "javier", "john", "jonah", "jonas",
	"jose", "joseph", "juan", "kevin", "kofi", "leo", "liam", "lucas", "luis", "marcus", "mark",
	"martin", "matthew", "michael", "miguel", "mohamed", "nathan", "nick", "noah", "oliver", "omar",
	"oscar", "owen", "patrick", "paul", "pedro", "pete", "peter", "raj", "ravi", "richard", "robert",
	"ryan", "sam", "samuel", "scott", "sean", "simon", "stephen", "steven", "thomas", "tim", "tom",
	"tomas", "victor", "william",
};

static int cmp_name(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

/* 'f' or 'm' as the speaker's first name suggests, else 0. */
static char guess_gender(const char *speaker)
{
	char first[32];
	size_t n = 0;

	/* Latin-1 letters as their base letter: "Tomás" is tomas */
	static const char latin[] = "aaaaaaaceeeeiiii" "dnooooo" "\0" "ouuuuy";
	const unsigned char *p = (const unsigned char *)speaker;

	while (*p && *p != ' ' && n + 1 < sizeof(first)) {
		size_t k = p[0] == 0xc3 && p[1] >= 0x80 && p[1] <= 0xbf ? (size_t)(p[1] & 0x1f) : sizeof(latin);

		if (k < sizeof(latin) - 1 && latin[k]) {
			first[n++] = latin[k];
			p += 2;
		} else {
			first[n++] = (char)tolower(*p++);
		}
	}
	first[n] = '\0';
	if (bsearch(first, women, sizeof(women) / sizeof(women[0]), sizeof(women[0]), cmp_name))
		return 'f';
	if (bsearch(first, men, sizeof(men) / sizeof(men[0]), sizeof(men[0]), cmp_name))
		return 'm';
	return 0;
}

/* The palette voice for a speaker: the name picks where to start, so the
 * same name gets the same voice from one episode to the next; the first
 * of that gender (any, when unknown) not yet taken, else one again. */
static size_t pick(const char *speaker, char gender, const unsigned char *taken)
{
	uint32_t h = 2166136261u;

	for (const char *p = speaker; *p; p++)
		h = (h ^ (unsigned char)tolower((unsigned char)*p)) * 16777619u;
	for (int pass = 0; pass < 3; pass++)	/* a level of its own, a spare, any */
		for (size_t i = 0; i < NPALETTE; i++) {
			size_t k = (h + i) % NPALETTE;

			if ((!gender || palette[k].gender == gender) && (pass == 2 || !taken[k]) &&
			    (pass || !palette[k].spare))
				return k;
		}
	return h % NPALETTE;
}

static const struct cast_hint *hint_for(const struct cast_hint *hints, size_t n, const char *speaker)
{
	for (size_t i = 0; i < n; i++)
		if (!strcasecmp(hints[i].speaker, speaker))
			return &hints[i];
	return NULL;
}

void voices_cast(struct voiceset *vs, const struct episode *ep, const struct cast_hint *hints, size_t nhints)
{
	size_t host = (size_t)(voices_find(vs, "host") - vs->v);
	size_t guest = (size_t)(voices_find(vs, "guest") - vs->v);
	size_t speakers;
	unsigned char taken[NPALETTE] = { 0 };
	int guest_taken = 0;

	/* First count the speakers: the palette is for three or more. */
	vs->ncast = 0;
	for (size_t i = 0; i < ep->nsegs; i++)
		if (cast_find(vs, ep->segs[i].speaker) < 0)
			cast_add(vs, ep->segs[i].speaker, 0);
	speakers = vs->ncast;
	vs->ncast = 0;
	for (size_t i = 0; i < ep->nsegs; i++) {
		const char *who = ep->segs[i].speaker;
		/* an unlabelled "guest" or "host" is the person the text names */
		const char *person = !strcmp(who, "guest") && ep->guest_name ? ep->guest_name :
				     !strcmp(who, "host") && ep->host_name ? ep->host_name : who;
		const struct cast_hint *h = hint_for(hints, nhints, who);
		const struct voice *own;
		char said, gender;
		size_t voice;

		if (cast_find(vs, who) >= 0)
			continue;
		if (!h)
			h = hint_for(hints, nhints, person);
		said = h ? h->gender : 0;
		gender = said ? said : guess_gender(person);
		own = h && h->profile ? voices_find(vs, h->profile) : NULL;
		if (!own && strcmp(who, "host") && strcmp(who, "guest"))
			own = voices_find(vs, who);
		if (own) {
			voice = (size_t)(own - vs->v);
		} else if (!strcmp(who, "host") || (ep->host_name && !strcmp(who, ep->host_name))) {
			voice = host;
			if (gender && vs->v[host].gender && vs->v[host].gender != gender) {
				size_t k = pick(person, gender, taken);

				taken[k] = 1;
				voice = add_derived(vs, who, k);
			}
		} else if ((!guest_taken || speakers < 3) &&
			   (!gender || !vs->v[guest].gender || vs->v[guest].gender == gender)) {
			voice = guest;
		} else {
			size_t k = pick(person, gender, taken);

			taken[k] = 1;
			voice = add_derived(vs, who, k);
		}
		guest_taken |= voice == guest;
		cast_add(vs, who, voice);
	}
}

const struct voice *voices_for(const struct voiceset *vs, const struct segment *seg)
{
	long k = cast_find(vs, seg->speaker);

	if (k >= 0)
		return &vs->v[k];
	return voices_find(vs, seg->role == ROLE_ANSWER ? "guest" : "host");
}
