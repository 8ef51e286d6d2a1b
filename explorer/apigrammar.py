"""The grammar of an API as the action tables write it, shared by the importer, ``validate`` and the graph.

::

    api          = [method (ws | "/" method)* ws?] target
    method       = GET | POST | PUT | DELETE | PATCH | HEAD | OPTIONS     (any case)
    target       = [scheme "://" host] path
    path         = "/" segment ("/" segment)* [query]  |  "/"
    segment      = (literal | placeholder)*
    placeholder  = "{" anything but braces and line ends "}"               e.g. {project_id}, {? limit,marker}
    query        = "?" (literal | placeholder | "&")*

A catalog API is in canonical form: ``METHOD /path`` (or ``/path`` when the documentation names no
method), the method upper-case, no space inside the path or a placeholder, no scheme or host.

The scanner reads the API cells of real tables, which break the grammar in known ways. Each of
these is read and *repaired*, and the repair is named so the import report can list it with the
cell's text: a method glued to the path (``PUT/v1/...``), the method written twice, a method in
lower case, a space after a ``/`` or inside a placeholder (``/elb/ certificates``, ``{ key_id }``),
a placeholder with a brace missing or doubled (``project_id}``, ``{{project_id}}``), a path
without its leading ``/``, a scheme and host before the path, prose glued right after the
path (``/action外部文件制作镜像前...``), and a path with no method. The text around APIs is returned
as well, so callers can keep it as notes. Scanning is linear in the length of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

METHODS = ("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS")
_METHOD = re.compile(r"(?<![A-Za-z0-9_])(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)(?![A-Za-z0-9_])", re.IGNORECASE)
_SCHEME = re.compile(r"https?://", re.IGNORECASE)
# One API in canonical form, and nothing else (the scanner would read it as itself, with no repair).
_CANONICAL = re.compile(
    r"(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS) (/(?:[A-Za-z0-9\-_~@!$*+=%/]|\{[^{}\s]*\}|[.:](?!$))*"
    r"(?:\?(?:[A-Za-z0-9\-_~@!$*+=%/&?,;.:]|\{[^{}\s]*\})*[A-Za-z0-9\-_~@!$*+=%/&?,;}])?)"
)
# Where an API may start: a method word, or a "/" (a path without a method)
_CANDIDATE = re.compile(r"(?<![A-Za-z0-9_])(?:GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)(?![A-Za-z0-9_])|/", re.IGNORECASE)
# Characters of a path segment outside placeholders (RFC 3986 pchar without ',' ';' '(' ')' and quotes,
# which in these tables always end the path), and of a query.
_LITERAL = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:@!$*+=%")
_QUERY = _LITERAL | frozenset("&/?,;")
_HOST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._:")
_PUNCTUATION = re.compile(r"[\W_]*")
_PLACEHOLDER_MAX = 400  # a "{" without its "}" this close is prose, not a placeholder
_TRAILING = ".:"  # sentence punctuation after a path

# Repair kinds, as the import report counts them.
GLUED_METHOD = "method glued to the path"
REPEATED_METHOD = "method written twice"
METHOD_CASE = "method not in upper case"
SPACE_IN_PATH = "space inside the path"
SPACE_IN_PLACEHOLDER = "space inside a placeholder"
LINE_BREAK_IN_PATH = "path broken over two lines"
DOUBLED_BRACES = "placeholder in doubled braces"
UNBALANCED_BRACE = "placeholder missing a brace"
NO_LEADING_SLASH = "path without a leading '/'"
SCHEME_HOST = "scheme and host before the path dropped"
GLUED_PROSE = "prose glued after the path"
NO_METHOD = "no HTTP method"
METHOD_PUNCTUATION = "colon between the method and the path"


@dataclass(frozen=True, slots=True)
class Api:
    """One API in canonical form."""

    method: str | None
    path: str

    @property
    def text(self) -> str:
        return f"{self.method} {self.path}" if self.method else self.path


@dataclass(frozen=True, slots=True)
class Found:
    """An API found in a text: where it is (``start``..``end``) and what had to be repaired to read it."""

    api: Api
    start: int
    end: int
    repairs: tuple[str, ...]


def _is_path_start(text: str, i: int) -> bool:
    """True where a path without its leading '/' begins: a token holding a '/' or a placeholder."""
    j = i
    n = len(text)
    while j < n and (text[j] in _LITERAL or text[j] == "{"):
        if text[j] == "{":
            return True
        j += 1
    return j > i and j < n and text[j] == "/"


def _placeholder_end(text: str, i: int) -> int:
    """Index after the '}' closing the placeholder opened at ``i``, or -1."""
    limit = min(len(text), i + _PLACEHOLDER_MAX)
    j = i + 1
    while j < limit:
        c = text[j]
        if c == "}":
            return j + 1
        if c in "{\n":
            return -1
        j += 1
    return -1


def _placeholder(text: str, i: int, repairs: list[str]) -> tuple[str, int] | None:
    """The canonical placeholder opened at ``i`` and the index after it, or None when it is not one.

    ``{{name}}`` is one placeholder; ``{name/`` (no closing brace before the next segment) is closed there.
    """
    if text.startswith("{{", i):
        end = _placeholder_end(text, i + 1)
        if end > 0 and text.startswith("}", end):
            repairs.append(DOUBLED_BRACES)
            inner = text[i + 2 : end - 1]
            return "{" + "".join(inner.split()) + "}", end + 1
    end = _placeholder_end(text, i)
    if end < 0:
        j = i + 1
        while j < len(text) and text[j] in _LITERAL:
            j += 1
        if j > i + 1 and j < len(text) and text[j] == "/":
            repairs.append(UNBALANCED_BRACE)
            return "{" + text[i + 1 : j] + "}", j
        return None
    inner = text[i + 1 : end - 1]
    squeezed = "".join(inner.split())
    if squeezed != inner:
        repairs.append(SPACE_IN_PLACEHOLDER)
    return "{" + squeezed + "}", end


def _continues_after_space(text: str, i: int) -> bool:
    """After a '/' followed by blanks at ``i``: does the path go on?

    It does when the next token holds a '/' or a placeholder (``/elb/ certificates/{id}``), or is one
    lower-case segment ending the text or its line (``/elb/ certificates``); a sentence does not.
    """
    j = i
    n = len(text)
    while j < n and text[j] in " \t\n":
        j += 1
    if j == i or j >= n:
        return False
    if _is_path_start(text, j):
        return True
    k = j
    while k < n and text[k] in _LITERAL:
        k += 1
    return k > j and text[j].islower() and (k == n or text[k] == "\n")


_VERSION_ROOT = re.compile(r"/v[0-9]|/api\b|/openstack\b|/[A-Z]")


def _segment_after_space(text: str, i: int, path: str) -> bool:
    """At blanks ``i`` inside a path: do they stand before a further segment of the same path?

    They do before ``/{placeholder}``, and before ``/segment`` when the path already has two segments
    and the next one does not open a path of its own (``/v2/...``, ``/api/...``), so two APIs written
    side by side stay two.
    """
    j = i
    n = len(text)
    while j < n and text[j] in " \t":
        j += 1
    if j + 1 >= n or text[j] != "/" or path.endswith("/") or path.count("/") < 2:
        return False
    if text[j + 1] == "{":
        return True
    return text[j + 1] in _LITERAL and text[j + 1].islower() and _VERSION_ROOT.match(text, j) is None


def _path(text: str, i: int, repairs: list[str]) -> tuple[str, int]:
    """The canonical path starting at ``i`` (a '/' or a path start) and the index after it."""
    out: list[str] = []
    n = len(text)
    query = False
    if text[i] != "/":
        out.append("/")
        repairs.append(NO_LEADING_SLASH)
    segment = len(out)  # where the current segment starts in ``out``
    while i < n:
        c = text[i]
        if c == "{":
            placeholder = _placeholder(text, i, repairs)
            if placeholder is None:
                break
            out.append(placeholder[0])
            i = placeholder[1]
            continue
        if c == "}" and not query and segment < len(out) and "{" not in "".join(out[segment:]):
            # "project_id}": a placeholder that lost its opening brace
            repairs.append(UNBALANCED_BRACE)
            out.insert(segment, "{")
            out.append("}")
            i += 1
            continue
        if c == "/" and not query:
            out.append("/")
            segment = len(out)
            i += 1
            if i < n and text[i] in " \t\n" and _continues_after_space(text, i):
                start = i
                while text[i] in " \t\n":
                    i += 1
                repairs.append(LINE_BREAK_IN_PATH if "\n" in text[start:i] else SPACE_IN_PATH)
            continue
        if c in " \t" and not query and _segment_after_space(text, i, "".join(out)):
            # "/elb/whitelists /{whitelist_id}": a stray space before a segment; "/{whitelist_id}" is no API
            while text[i] in " \t":
                i += 1
            repairs.append(SPACE_IN_PATH)
            continue
        if c == "?" and not query:
            query = True
            out.append(c)
            i += 1
            continue
        if c in (_QUERY if query else _LITERAL):
            out.append(c)
            i += 1
            continue
        break
    path = "".join(out)
    stripped = path.rstrip(_TRAILING) or path
    cut = len(path) - len(stripped)
    i -= cut
    if not cut and _glued_prose(text, i):
        repairs.append(GLUED_PROSE)
    return stripped, i


def _glued_prose(text: str, i: int) -> bool:
    """Prose touching the end of a path: a letter (``action外部...``), or a comma and then one (``job,SQL``)."""
    if i < len(text) and text[i] in ",;" and i + 1 < len(text):
        i += 1
    return i < len(text) and text[i].isalnum() and _METHOD.match(text, i) is None


def _methods_at(text: str, i: int) -> tuple[list[str], int, list[str]] | None:
    """Methods written at ``i`` ("GET", "GET/POST", "POST POST") and where the target starts."""
    m = _METHOD.match(text, i)
    if m is None:
        return None
    methods = [m.group(1)]
    repairs: list[str] = []
    j = m.end()
    n = len(text)
    while True:
        k = j
        slash = k < n and text[k] == "/"
        if slash:
            k += 1
        while k < n and text[k] in " \t\n":
            k += 1
        nxt = _METHOD.match(text, k)
        if nxt is None or (not slash and k == j):
            break
        if nxt.group(1).upper() == methods[-1].upper():
            repairs.append(REPEATED_METHOD)
        else:
            methods.append(nxt.group(1))
        j = nxt.end()
    if any(x != x.upper() for x in methods):
        repairs.append(METHOD_CASE)
    upper = list(dict.fromkeys(x.upper() for x in methods))
    return upper, j, repairs


def _target(text: str, j: int, repairs: list[str]) -> tuple[str, int] | None:
    """The path of the target after a method at ``j`` (blanks, scheme and host skipped), or None."""
    n = len(text)
    if j < n and text[j] == ":" and j + 1 < n and text[j + 1] in " /":
        repairs.append(METHOD_PUNCTUATION)  # "GET: /v1/..."
        j += 1
    glued = j < n and text[j] == "/"
    k = j
    while k < n and text[k] in " \t\n":
        k += 1
    if k >= n:
        return None
    scheme = _SCHEME.match(text, k)
    if scheme is not None:
        h = scheme.end()
        while h < n and (text[h] in _HOST or text[h] == "{"):
            if text[h] == "{":
                end = _placeholder_end(text, h)
                if end < 0:
                    break
                h = end
            else:
                h += 1
        repairs.append(SCHEME_HOST)
        if h >= n or text[h] != "/":
            return "/", h
        return _path(text, h, repairs)
    if text[k] == "/":
        if glued:
            repairs.append(GLUED_METHOD)
        return _path(text, k, repairs)
    if k > j and _is_path_start(text, k):
        return _path(text, k, repairs)
    return None


def _line_ends(text: str, i: int) -> bool:
    while i < len(text) and text[i] in " \t":
        i += 1
    return i >= len(text) or text[i] == "\n"


def _bare_path_at(text: str, i: int) -> bool:
    """A path with no method: '/' then a segment character or a placeholder, not inside a word."""
    if text[i] != "/" or i + 1 >= len(text):
        return False
    if i > 0 and not text[i - 1].isspace() and text[i - 1] not in "(,;:\"'":
        return False
    return text[i + 1] in _LITERAL or text[i + 1] == "{"


def scan(text: str) -> list[Found]:
    """Every API in ``text``, in order. Text between them is not an API (see :func:`rest`)."""
    canonical = _CANONICAL.fullmatch(text)
    if canonical is not None:  # most cells: one API, already canonical
        return [Found(Api(canonical.group(1), canonical.group(2)), 0, len(text), ())]
    found: list[Found] = []
    candidate = _CANDIDATE.search(text)
    while candidate is not None:
        i = candidate.start()
        c = text[i]
        if c != "/":
            at = _methods_at(text, i)
            if at is not None:
                methods, j, repairs = at
                target = _target(text, j, repairs)
                # "Delete / modify ..." is prose: a bare "/" is an API only as the whole line ("GET /")
                if target is not None and target[0] == "/" and not _line_ends(text, target[1]):
                    target = None
                if target is not None:
                    path, end = target
                    for method in methods:
                        found.append(Found(Api(method, path), i, end, tuple(dict.fromkeys(repairs))))
                    candidate = _CANDIDATE.search(text, end)
                    continue
        elif _bare_path_at(text, i):
            repairs = [NO_METHOD]
            path, end = _path(text, i, repairs)
            if path != "/":
                found.append(Found(Api(None, path), i, end, tuple(dict.fromkeys(repairs))))
                candidate = _CANDIDATE.search(text, end)
                continue
        candidate = _CANDIDATE.search(text, i + 1)
    return found


def rest(text: str, found: list[Found]) -> list[str]:
    """The pieces of ``text`` outside the APIs ``found`` in it, trimmed, empty ones left out."""
    pieces: list[str] = []
    pos = 0
    for f in found:
        pieces.append(text[pos : f.start])
        pos = max(pos, f.end)
    pieces.append(text[pos:])
    kept = (p.strip(" \t\n,;") for p in pieces)
    return [p for p in kept if not _PUNCTUATION.fullmatch(p)]


def problems(text: str) -> list[str]:
    """Why ``text`` is not one API in canonical form; empty when it is."""
    found = scan(text)
    if not found:
        return ["not an API: expected METHOD /path (e.g. GET /v2/{project_id}/servers)"]
    out: list[str] = []
    if len({(f.start, f.end) for f in found}) > 1:
        out.append(f"{len(found)} APIs in one string; expected one")
    first = found[0]
    out.extend(r for r in first.repairs if r != NO_METHOD)
    left = rest(text, found)
    if left:
        out.append(f"text that is not part of the API: {' '.join(left)!r}")
    if not out and first.api.text != text:
        out.append(f"not in canonical form; expected {first.api.text!r}")
    return out


_PLACEHOLDER = re.compile(r"\{[^}]*\}")


@lru_cache(maxsize=16384)
def lookup_key(text: str) -> str | None:
    """The key two spellings of one API share: the first API of ``text`` with its placeholders blanked.

    ``GET /v2/{project_id}/servers/`` and ``get /v2/{tenant}/servers`` give ``GET /v2/{}/servers``.
    None when the text holds no API.
    """
    found = scan(text)
    if not found:
        return None
    api = found[0].api
    path = _PLACEHOLDER.sub("{}", api.path).rstrip("/") or "/"
    return f"{api.method} {path}" if api.method else path
