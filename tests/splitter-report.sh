#!/bin/sh
# splitter-report.sh -- accuracy of `colloquy split` per layout over the
# fixture corpus, then the shared reference interview.
cd "$(dirname "$0")/.." || exit 1
python3 tests/splitter-score.py tests/fixtures/interviews/*.expected.json
status=$?
if [ -f ../shared/corpus/open-source-ceo-19.txt ]; then
	printf '\nshared reference: '
	../shared/tools/score-split.py ../shared/corpus/open-source-ceo-19.expected.json \
		../shared/corpus/open-source-ceo-19.txt | tail -1
fi
exit $status
