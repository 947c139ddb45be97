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


ESCAPES = {"$LT$": "<", "$GT$": ">", "$u20$": " ", "$RF$": "&", "$BP$": "*", "$C$": ",",
           "$LP$": "(", "$RP$": ")", "$u7b$": "{", "$u7d$": "}", "$u27$": "'", "$u5b$": "[",
           "$u5d$": "]", "$u3b$": ";", "$u7e$": "~", "$u21$": "!", "$u23$": "#"}


def demangle(name):
    """Rust's legacy mangling (_ZN...E) to a path; v0 (_R...) to its first crate."""
    if name.startswith("_R"):
        m = re.search(r"C(?:s[0-9a-zA-Z]*_)?(\d+)", name)
        if m:
            n = int(m.group(1))
            return name[m.end() : m.end() + n] + "::"
        return name
    if not name.startswith("_ZN"):
        return name
    i, parts = 3, []
    while i < len(name) and name[i].isdigit():
        j = i
        while name[j].isdigit():
            j += 1
        n = int(name[i:j])
        parts.append(name[j : j + n])
        i = j + n
    if parts and re.fullmatch(r"h[0-9a-f]{16}", parts[-1]):
        parts.pop()
    out = "::".join(parts)
    for k, v in ESCAPES.items():
        out = out.replace(k, v)
    out = out.replace("..", "::")
    if out.startswith("_<"):
        out = out[1:]
    return out


def crate_of(name):
    n = demangle(name.strip())
    if n.startswith("__wbindgen_describe"):
        return "(wasm-bindgen descriptors, removed by wasm-bindgen)"
    # <T as Trait>::f with a generic T: the trait's crate.
    m = re.match(r"^<+[&*\[\(]*(?:mut |const |dyn )?[A-Z][A-Za-z0-9]?(?:<.*?>)? as ([A-Za-z_][A-Za-z0-9_]*)::", n)
    if m:
        return m.group(1)
    # <T as Trait>::f: T's crate; <&T as ...>, <[T] as ...>: T's crate.
    m = re.match(r"^<+[&*\[\(]*(?:mut |const |dyn )?([A-Za-z_][A-Za-z0-9_]*)", n)
    if m:
        return m.group(1)
    m = re.match(r"^([A-Za-z_][A-Za-z0-9_]*)::", n)
    if m:
        return m.group(1)
    if n == "?":
        return "(unnamed)"
    return "(std and runtime: " + re.split(r"[.$(]", n)[0][:24] + ")" if n[:1] in "_." else "(" + n[:24] + ")"


if __name__ == "__main__":
    main()
