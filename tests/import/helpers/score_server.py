#!/usr/bin/env python3
"""The official scorer (score_import.py) kept running for a test process: one request per line,
"TRUTH.json<TAB>DRAFT.json", answered with the scorer's own JSON line.

Its text similarity is a pure function of two strings, so it is memoised: mutation testing scores
thousands of drafts that differ from each other in a goal or two, and the pairs it compared before
are not compared again. The figures are the scorer's, unchanged.
"""
import contextlib, functools, importlib.util, io, json, sys

spec = importlib.util.spec_from_file_location("score_import", sys.argv[1])
scorer = importlib.util.module_from_spec(spec)
spec.loader.exec_module(scorer)
scorer.norm = functools.lru_cache(maxsize=None)(scorer.norm)
scorer.sim = functools.lru_cache(maxsize=None)(scorer.sim)

for line in sys.stdin:
    truth_path, _, draft_path = line.rstrip("\n").partition("\t")
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            scorer.main(truth_path, draft_path)
        answer = out.getvalue().strip().splitlines()[-1]
    except Exception as e:  # reported to the test, which fails on it
        answer = json.dumps({"error": f"scorer failed: {e}"})
    sys.stdout.write(answer + "\n")
    sys.stdout.flush()
