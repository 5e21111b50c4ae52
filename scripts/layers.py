#!/usr/bin/env python3
"""layers.py: check that src/ and include/ keep to the layered layout.

The tree is split into layers, lowest first:

    base < form < engine < store < report < ui < cmd

A layer may use itself and the layers below it, never the ones above, so
each layer can be built, tested and understood without what sits above it.
This script checks four rules and prints one line per problem,
"path:line: message", sorted, then "layers: N problems".  It exits 1 if
there is any problem and 0 otherwise.

 1. No upward include.  A file under src/<L>/ or include/<L>/ includes only
    headers of layer L or lower.  A quoted include is looked up beside the
    including file (a private header), then under include/, then under src/,
    as the compiler does with -Iinclude (and -Isrc for unit tests).  An
    include found nowhere is a problem too: it is a stale path.
 2. Library headers stay in their layer (SYSTEM_HEADERS below): curses only
    in ui/tty.c and ui/input.c, sqlite3.h only in store/sqlite*,
    libpq-fe.h only in store/, csv.h only in engine/ and report/.  This
    keeps form/, engine/ and report/ pure, and the kiosk's modes too.
 3. No include cycle between modules.  A module is a .c file and its headers
    of the same basename (include/<L>/<name>.h, src/<L>/<name>.h); a private
    header <name>_int.h belongs to module <name>.  Module A depends on B
    when a file of A includes a header of B.  For each dependency that lies
    on a cycle, the shortest such cycle is printed once, as a chain
    a -> b -> c -> a, at the include of its first step.
 4. One name, one place.  A function (static or not) is defined in one
    file only, and a non-static function defined in src/<L>/<name>.c is
    called <name> or <name>_*, except for the names in PREFIX_EXCEPTIONS.

Usage: scripts/layers.py [ROOT]   (ROOT defaults to the repository root)
Python 3 standard library only.
"""
import fnmatch
import os
import re
import sys

LAYERS = ["base", "form", "engine", "store", "report", "ui", "cmd"]

# Library headers (angle includes) and where they may be included: globs
# over "<layer>/<file>", e.g. "ui/*" or "report/export*.c".
SYSTEM_HEADERS = [
    # (what, header globs, allowed in)
    # Only the terminal side of the kiosk: its modes and layout see
    # requests and pages, never curses.
    ("curses", ["curses.h", "ncurses.h", "ncursesw/*"],
     ["ui/tty.c", "ui/input.c"]),
    # Spoken words: one file of the kiosk, behind speech.h.
    ("espeak-ng", ["espeak-ng/*", "espeak/*"], ["ui/speech.c"]),
    # Only the SQLite backend, behind the store's ops tables.
    ("SQLite", ["sqlite3.h"], ["store/sqlite*"]),
    ("libpq", ["libpq-fe.h"], ["store/*"]),
    # engine/answers.c reads paper answers with libcsv; report/ exports.
    ("libcsv", ["csv.h"], ["engine/*", "report/*"]),
    # Real images of the stage pictures: one file, like curses.
    ("libchafa", ["chafa.h", "chafa/*", "glib.h", "glib/*"], ["ui/pixels.c"]),
]

# Non-static functions allowed without their file's prefix, by file
# ("<layer>/<name>.c"): the x-allocators (tmux's names, used everywhere),
# diex() beside die() (house style rule 10) and the program entry point.
PREFIX_EXCEPTIONS = {
    "base/die.c": {"diex"},
    "base/xmalloc.c": {"xmalloc", "xcalloc", "xrealloc", "xreallocarray",
                       "xstrdup", "xstrndup", "xasprintf", "xvasprintf",
                       "xfree_secret"},
    "cmd/main.c": {"main"},
}

INCLUDE_RE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


class Tree:
    """The files under ROOT/src and ROOT/include, and the problems found."""

    def __init__(self, root):
        self.root = root
        self.files = []         # paths relative to root, sorted
        self.problems = []      # (path, line, message)
        for top in ("src", "include"):
            for d, dirs, names in os.walk(os.path.join(root, top)):
                dirs.sort()
                for n in sorted(names):
                    if n.endswith((".c", ".h")):
                        p = os.path.join(d, n)
                        self.files.append(os.path.relpath(p, root))

    def problem(self, path, line, msg):
        self.problems.append((path, line, msg))

    def read(self, path):
        with open(os.path.join(self.root, path), encoding="utf-8",
                  errors="replace") as f:
            return f.read()

    def exists(self, path):
        return os.path.isfile(os.path.join(self.root, path))


def layer_of(path):
    """"src/form/lex.c" -> "form"; None when not in a layer folder."""
    parts = path.split(os.sep)
    if len(parts) == 3 and parts[1] in LAYERS:
        return parts[1]
    return None


def in_layer(path):
    """"src/form/lex.c" -> "form/lex.c", the name the globs match."""
    return "/".join(path.split(os.sep)[1:])


def module_of(path):
    """"src/form/form_int.h" -> "form/form": layer and basename."""
    base = os.path.splitext(os.path.basename(path))[0]
    if path.endswith(".h") and base.endswith("_int"):
        base = base[:-len("_int")]
    return layer_of(path) + "/" + base


def resolve(tree, path, name):
    """Where the quoted include "name" in file path lands, or None."""
    for cand in (os.path.join(os.path.dirname(path), name),
                 os.path.join("include", name), os.path.join("src", name)):
        cand = os.path.normpath(cand)
        if tree.exists(cand):
            return cand
    return None


def check_includes(tree):
    """Rules 1 and 2; return the module graph {a: {b: (path, line)}}."""
    deps = {}
    for path in tree.files:
        layer = layer_of(path)
        if layer is None:
            tree.problem(path, 1, "not in a layer folder (%s)" %
                         ", ".join(LAYERS))
            continue
        deps.setdefault(module_of(path), {})
        for no, text in enumerate(tree.read(path).splitlines(), 1):
            m = INCLUDE_RE.match(text)
            if m is None:
                continue
            kind, name = m.groups()
            if kind == "<":
                check_system(tree, path, no, name)
                continue
            target = resolve(tree, path, name)
            if target is None:
                tree.problem(path, no, 'includes "%s", which is not in '
                             'the tree (stale path?)' % name)
                continue
            tlayer = layer_of(target)
            if tlayer is None:
                continue        # reported as a file outside the layers
            if LAYERS.index(tlayer) > LAYERS.index(layer):
                tree.problem(path, no, 'upward include: %s is in layer %s, '
                             'above %s' % (name, tlayer, layer))
            a, b = module_of(path), module_of(target)
            if a != b and b not in deps[a]:
                deps[a][b] = (path, no)
    return deps


def check_system(tree, path, no, name):
    for what, headers, allowed in SYSTEM_HEADERS:
        if not any(fnmatch.fnmatch(name, h) for h in headers):
            continue
        if not any(fnmatch.fnmatch(in_layer(path), a) for a in allowed):
            tree.problem(path, no, "includes <%s>: %s is only for %s" %
                         (name, what, ", ".join(allowed)))


def shortest_path(deps, src, dst):
    """Shortest chain of modules src -> ... -> dst, or None (BFS)."""
    prev = {src: None}
    queue = [src]
    for node in queue:
        if node == dst:
            chain = []
            while node is not None:
                chain.append(node)
                node = prev[node]
            return chain[::-1]
        for nxt in sorted(deps.get(node, {})):
            if nxt not in prev:
                prev[nxt] = node
                queue.append(nxt)
    return None


def check_cycles(tree, deps):
    """Rule 3: for every edge a -> b, the shortest cycle through it."""
    seen = set()
    for a in sorted(deps):
        for b in sorted(deps[a]):
            back = shortest_path(deps, b, a)
            if back is None:
                continue
            cycle = [a] + back[:-1]             # a, b, ..., (back to a)
            i = cycle.index(min(cycle))         # start at the least name
            cycle = cycle[i:] + cycle[:i]
            if tuple(cycle) in seen:
                continue
            seen.add(tuple(cycle))
            path, no = deps[cycle[0]][cycle[1]]
            tree.problem(path, no, "include cycle: " +
                         " -> ".join(cycle + [cycle[0]]))


# Comments, string and char literals, and preprocessor lines (with their
# backslash continuations): what blank_code() turns into spaces.
NOT_CODE_RE = re.compile(r"""/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\\n])*"|"""
                         r"""'(?:\\.|[^'\\\n])*'|^[ \t]*#(?:\\\n|[^\n])*""",
                         re.S | re.M)


def blank_code(text):
    """text with everything that is not code replaced by spaces; newlines
    are kept, so an offset in the result has the same line as in text."""
    return NOT_CODE_RE.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)


def definitions(text):
    """Yield (name, line, static) for each function defined in C text.

    At brace depth 0, the text since the last ';' or '}' that is followed
    by '{' is a definition when it ends in "name(...)"; it is static when
    that text (the return type lines) says so."""
    code = blank_code(text)
    depth, start = 0, 0
    for i, c in enumerate(code):
        if c == "{":
            if depth == 0:
                found = defined_name(code, start, i)
                if found is not None:
                    pos, name = found
                    static = re.search(r"\bstatic\b", code[start:pos])
                    yield name, code.count("\n", 0, pos) + 1, bool(static)
            depth += 1
        elif c == "}":
            depth = max(depth - 1, 0)
            if depth == 0:
                start = i + 1
        elif c == ";" and depth == 0:
            start = i + 1


def defined_name(code, start, end):
    """(offset, name) of "name(...)" ending code[start:end], or None."""
    head = code[start:end].rstrip()
    if not head.endswith(")") or "=" in head:
        return None
    level = 0
    for j in range(len(head) - 1, -1, -1):      # find the matching '('
        level += {")": 1, "(": -1}.get(head[j], 0)
        if level == 0:
            break
    m = re.search(r"([A-Za-z_]\w*)\s*$", head[:j])
    if m is None or m.group(1) in ("if", "while", "for", "switch"):
        return None
    return start + m.start(1), m.group(1)


def check_names(tree):
    """Rule 4: each function defined once; exported names carry the prefix."""
    where = {}
    for path in tree.files:
        if not path.endswith(".c") or layer_of(path) is None:
            continue
        rel = in_layer(path)
        prefix = os.path.splitext(os.path.basename(path))[0]
        allowed = PREFIX_EXCEPTIONS.get(rel, set())
        for name, no, static in definitions(tree.read(path)):
            where.setdefault(name, []).append((path, no))
            if static or name in allowed:
                continue
            if name != prefix and not name.startswith(prefix + "_"):
                tree.problem(path, no, "%s is exported from %s but does not "
                             "start with %s_ (make it static, rename or "
                             "move it)" % (name, rel, prefix))
    for name, sites in where.items():
        if len({p for p, _ in sites}) < 2:
            continue
        for path, no in sites:
            others = ", ".join("%s:%d" % s for s in sites
                               if s != (path, no))
            tree.problem(path, no, "%s is also defined at %s" %
                         (name, others))


def main(argv):
    if len(argv) > 2 or (len(argv) == 2 and argv[1].startswith("-")):
        sys.stderr.write("usage: layers.py [ROOT]\n")
        return 2
    here = os.path.dirname(os.path.abspath(__file__))
    root = argv[1] if len(argv) == 2 else os.path.dirname(here)
    if not os.path.isdir(os.path.join(root, "src")):
        sys.stderr.write("layers.py: %s: no src/ folder\n" % root)
        return 2
    tree = Tree(root)
    deps = check_includes(tree)
    check_cycles(tree, deps)
    check_names(tree)
    for path, no, msg in sorted(set(tree.problems)):
        print("%s:%d: %s" % (path, no, msg))
    n = len(set(tree.problems))
    print("layers: %d problems" % n)
    return 1 if n else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
