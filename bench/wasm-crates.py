#!/usr/bin/env python3
"""Code size of a wasm module per crate, from its name section.

usage: python3 bench/wasm-crates.py target/wasm32-unknown-unknown/release/customer-activity.wasm [TOP]

Reads the code section (each function body's size) and the name section
(each function's name, demangled by the linker), and sums the bodies by the
crate that the name starts with (a generic instantiated for another crate
counts for the crate that defines it; `<T as Trait>::f` counts for T's
crate). The module must keep its names: the cargo output before wasm-opt
does (the release profile does not strip). Sizes are before wasm-opt, so
they are shares, not the shipped bytes.
"""
import re
import sys
from collections import Counter


def leb(b, i):
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            return r, i


def sections(b):
    i = 8
    while i < len(b):
        sid = b[i]
        size, j = leb(b, i + 1)
        yield sid, b[j : j + size]
        i = j + size


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    b = open(path, "rb").read()
    imports = 0
    bodies = []
    names = {}
    data = 0
    for sid, s in sections(b):
        if sid == 2:  # imports: functions among them come first in the index space
            n, i = leb(s, 0)
            for _ in range(n):
                for _ in range(2):
                    ln, i = leb(s, i)
                    i += ln
                kind = s[i]
                i += 1
                if kind == 0:
                    imports += 1
                    _, i = leb(s, i)
                elif kind == 1:
                    i += 1
                    flag, i = leb(s, i)
                    _, i = leb(s, i)
                    if flag & 1:
                        _, i = leb(s, i)
                elif kind == 2:
                    flag, i = leb(s, i)
                    _, i = leb(s, i)
                    if flag & 1:
                        _, i = leb(s, i)
                elif kind == 3:
                    i += 2
                else:
                    i += 2
        elif sid == 10:
            n, i = leb(s, 0)
            for _ in range(n):
                size, j = leb(s, i)
                bodies.append(size + (j - i))
                i = j + size
        elif sid == 11:
            data = len(s)
        elif sid == 0:
            ln, i = leb(s, 0)
            if s[i : i + ln] != b"name":
                continue
            i += ln
            while i < len(s):
                sub = s[i]
                size, j = leb(s, i + 1)
                if sub == 1:
                    n, k = leb(s, j)
                    for _ in range(n):
                        idx, k = leb(s, k)
                        ln, k = leb(s, k)
                        names[idx] = s[k : k + ln].decode("utf-8", "replace")
                        k += ln
                i = j + size
    if not names:
        sys.exit("no name section: use the module cargo wrote, before wasm-opt")
    per = Counter()
    for k, size in enumerate(bodies):
        per[crate_of(names.get(imports + k, "?"))] += size
    total = sum(bodies)
    print(f"code {total:,} bytes in {len(bodies):,} functions; data {data:,} bytes")
    print(f"{'crate':32} {'bytes':>10} {'share':>7}")
    for c, n in per.most_common(top):
        print(f"{c:32} {n:>10,} {100 * n / total:>6.1f}%")


def crate_of(name):
    n = name.strip()
    # <T as Trait>::f: T's crate; <&T as ...>, <[T] as ...>: T's crate.
    m = re.match(r"^<+[&*\[\(]*(?:mut |const |dyn )?([A-Za-z_][A-Za-z0-9_]*)", n)
    if m:
        return m.group(1)
    m = re.match(r"^([A-Za-z_][A-Za-z0-9_]*)::", n)
    if m:
        return m.group(1)
    return "(other: " + n.split("(")[0][:20] + ")" if n != "?" else "(unnamed)"


if __name__ == "__main__":
    main()
