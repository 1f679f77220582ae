#!/bin/sh
# The splitter over the fixture corpus (tests/fixtures/interviews/: real
# layouts, our own sentences), held to floors on what a listener notices:
# paragraphs labelled right, questions found (F1), furniture kept out of
# the audio, turns on the right side, named speakers.  The floors are the
# figures measured when they were last raised, less a little; raise them
# as the splitter improves.  `make splitter-report` shows the corpus by
# layout class and the held-out set apart.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1
$PY tests/splitter-score.py --floors=0.77,0.90,0.24,0.92,0.85 tests/fixtures/interviews/*.expected.json
