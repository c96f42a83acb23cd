#!/usr/bin/env python3
"""Lists the longest Rust functions under the given folders (default: src).

Usage: scripts/fn-lengths.py [--top N] [--max LINES] [DIR ...]
Counts each `fn` from its signature line to its closing brace (comments and
strings are skipped when matching braces). With --max, exits 1 when a function
is longer, so CI can keep views small enough to read.
"""
import re, sys, pathlib

def functions(path):
    text = path.read_text()
    lines = text.split('\n')
    sig = re.compile(r'^\s*(pub(\([a-z:]+\))?\s+)?(async\s+)?(const\s+)?fn\s+([A-Za-z_][A-Za-z0-9_]*)')
    for i, line in enumerate(lines):
        m = sig.match(line)
        if not m:
            continue
        depth, started, j = 0, False, i
        in_str = False
        while j < len(lines):
            s = lines[j]
            k = 0
            while k < len(s):
                c = s[k]
                if in_str:
                    if c == '\\':
                        k += 1
                    elif c == '"':
                        in_str = False
                elif s.startswith('//', k):
                    break
                elif c == '"':
                    in_str = True
                elif c == "'" and k + 2 < len(s) and (s[k + 2] == "'" or (s[k + 1] == '\\' and "'" in s[k + 2:k + 5])):
                    k = s.index("'", k + 2)
                elif c == '{':
                    depth += 1
                    started = True
                elif c == '}':
                    depth -= 1
                elif c == ';' and not started and depth == 0:
                    break
                k += 1
            if (started and depth == 0) or (not started and ';' in s and '{' not in s):
                break
            j += 1
        if started:
            yield (j - i + 1, f'{path}:{i + 1}', m.group(5))

def main(argv):
    top, limit, dirs = 10, None, []
    it = iter(argv)
    for a in it:
        if a == '--top':
            top = int(next(it))
        elif a == '--max':
            limit = int(next(it))
        else:
            dirs.append(a)
    found = []
    for d in dirs or ['src']:
        for p in sorted(pathlib.Path(d).rglob('*.rs')):
            found.extend(functions(p))
    found.sort(reverse=True)
    for n, where, name in found[:top]:
        print(f'{n:5}  {name}  {where}')
    if limit is not None:
        over = [f for f in found if f[0] > limit]
        if over:
            print(f'{len(over)} function(s) longer than {limit} lines', file=sys.stderr)
            return 1
    return 0

sys.exit(main(sys.argv[1:]))
