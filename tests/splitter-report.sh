#!/bin/sh
# splitter-report.sh -- accuracy of `colloquy split` per layout: over the
# fixture corpus (which make test requires to be all right), over the
# held-out interviews (written apart from the splitter's rules, reported
# only, to show how it generalises), and on the shared reference.
cd "$(dirname "$0")/.." || exit 1
echo "== corpus: tests/fixtures/interviews"
python3 tests/splitter-score.py tests/fixtures/interviews/*.expected.json
status=$?
if ls tests/fixtures/holdout/*.expected.json >/dev/null 2>&1; then
	echo
	echo "== held out: tests/fixtures/holdout"
	python3 tests/splitter-score.py tests/fixtures/holdout/*.expected.json
fi
if [ -f ../shared/corpus/open-source-ceo-19.txt ]; then
	printf '\n== shared reference: '
	../shared/tools/score-split.py ../shared/corpus/open-source-ceo-19.expected.json \
		../shared/corpus/open-source-ceo-19.txt 2>/dev/null | tail -1
fi
exit $status
