/* feed.h -- feed.xml for a folder of episodes.
 * In:  OUTDIR/NAME.episode.json beside each OUTDIR/NAME.mp3 (render writes
 *      both), and the show as the newest episode was rendered with.
 * Out: OUTDIR/feed.xml, RSS 2.0 with the itunes and podcast namespaces: one
 *      item per episode, newest first (title, guid, pubDate, enclosure
 *      with the MP3's exact byte length, itunes:duration, episode and
 *      season, podcast:chapters, podcast:transcript, podcast:person).
 *      Written with libxml2's writer, which escapes every string.
 * Errs: returns 0, or -1 after one message naming the file and the cause. */
#ifndef COLLOQUY_FEED_H
#define COLLOQUY_FEED_H

int feed_write(const char *outdir, int quiet);

#endif
