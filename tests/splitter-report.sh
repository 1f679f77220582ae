#!/bin/sh
# splitter-report.sh -- accuracy of `colloquy split` by layout class: over
# the fixture corpus (real layouts in sentences of our own; make test holds
# it to its floors), over the held-out interviews (written apart from the
# splitter and never tuned to: only their tables are shown), and on the
# shared reference.
cd "$(dirname "$0")/.." || exit 1
echo "== corpus: tests/fixtures/interviews"
python3 tests/splitter-score.py ${VERBOSE:+} ${VERBOSE:---quiet} tests/fixtures/interviews/*.expected.json
status=$?
if ls tests/fixtures/holdout/*.expected.json >/dev/null 2>&1; then
	echo
	echo "== held out: tests/fixtures/holdout (tables only)"
	python3 tests/splitter-score.py --quiet tests/fixtures/holdout/*.expected.json
fi
if [ -f ../shared/corpus/open-source-ceo-19.txt ]; then
	printf '\n== shared reference: '
	../shared/tools/score-split.py ../shared/corpus/open-source-ceo-19.expected.json \
		../shared/corpus/open-source-ceo-19.txt 2>/dev/null | tail -1
fi
exit $status
