#!/usr/bin/env python3
"""gen-transcript.py LAYOUT MBYTES -- write a synthetic interview of about
MBYTES megabytes to stdout, for the linear-time benchmark.  LAYOUT is qa
(Q:/A: labels), speaker (NAME: labels) or header (unlabelled header lines).
Every question and answer differs (numbered), so nothing is deduplicated."""
import sys

layout, size = sys.argv[1], float(sys.argv[2]) * 1e6
out = sys.stdout
out.write("Synthetic Interview: A Long Conversation With Sam Example\n\n")
out.write("This is a synthetic interview used to measure how the splitter scales.\n\n")
n = written = 0
while written < size:
    n += 1
    q = f"What happened in year {1900 + n % 120} of project number {n}?"
    a = (f"Project {n} went well. We shipped {n * 7 % 97} releases, hired {n % 13} people, "
         f"and learned that {n % 5 + 2} small teams beat one large one. The rest is history.")
    if layout == "qa":
        chunk = f"Q: {q}\n\nA: {a}\n\n"
    elif layout == "speaker":
        chunk = f"HOST: {q}\n\nSam Example: {a}\n\n"
    else:
        chunk = f"Year and number of project {n}\n{a}\n\n"
    out.write(chunk)
    written += len(chunk)
out.write("Thank you, Sam, for all of it.\n")
