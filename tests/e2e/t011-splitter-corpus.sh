#!/bin/sh
# Every interview in tests/fixtures/interviews/ is labelled as its
# expected file says (roles, speakers, title, chapters).
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1
python3 tests/splitter-score.py --tap tests/fixtures/interviews/*.expected.json
