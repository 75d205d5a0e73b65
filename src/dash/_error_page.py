"""The debug answer to a callback that raised: a self-contained HTML traceback page.

In debug mode the `_dash-update-component` route answers 500 with this page; the
renderer's error overlay shows it in an iframe. With `prune_errors` the frames
leading from the route into the user's callback (Dash, Flask, Werkzeug and the
standard library) are left out, so the traceback starts at the user's code. The
plain-text traceback is repeated in a trailing HTML comment for tools that read
the raw body. Everything here is pure: exceptions in, strings out.
"""

from __future__ import annotations

import html
import linecache
import os
import sysconfig
import traceback
from dataclasses import dataclass
from types import TracebackType

__all__ = [
    "ErrorSection",
    "error_page",
    "is_internal_frame",
    "plain_traceback",
    "traceback_sections",
]

# Top-level modules whose frames are plumbing between the request and the callback.
_INTERNAL_PACKAGES = frozenset({"dash", "flask", "werkzeug", "asgiref"})
_CONTEXT_BEFORE = 3
_CONTEXT_AFTER = 2
_CHAIN_NOTES = {
    "cause": "The above exception was the direct cause of the following exception:",
    "context": "During handling of the above exception, another exception occurred:",
}


@dataclass(frozen=True)
class Frame:
    """One frame to show: where it is, and whether it is the user's code."""

    filename: str
    lineno: int
    name: str
    internal: bool


@dataclass(frozen=True)
class ErrorSection:
    """One exception of a chain, with the frames shown for it.

    `note` says how it relates to the previous section (None for the first).
    `hidden` counts the frames pruned from the front.
    """

    exception: BaseException
    frames: tuple[Frame, ...]
    hidden: int
    note: str | None


def _library_directories() -> tuple[tuple[str, ...], tuple[str, ...]]:
    paths = sysconfig.get_paths()
    stdlib = tuple(
        os.path.join(os.path.realpath(paths[key]), "")
        for key in ("stdlib", "platstdlib")
        if paths.get(key)
    )
    installed = tuple(
        os.path.join(os.path.realpath(paths[key]), "")
        for key in ("purelib", "platlib")
        if paths.get(key)
    )
    return stdlib, installed


_STDLIB_DIRECTORIES, _INSTALLED_DIRECTORIES = _library_directories()


def is_internal_frame(module_name: str, filename: str) -> bool:
    """True for frames of Dash, Flask, Werkzeug or the standard library.

    Dash, Flask and Werkzeug are recognised by module name, the standard library
    by file location (so a user's own `test.py` is not mistaken for it).
    """
    if module_name.partition(".")[0] in _INTERNAL_PACKAGES:
        return True
    if filename.startswith("<frozen "):
        return True
    path = os.path.realpath(filename)
    return path.startswith(_STDLIB_DIRECTORIES) and not path.startswith(_INSTALLED_DIRECTORIES)


def _frames(tb: TracebackType | None) -> list[Frame]:
    frames = []
    for frame, lineno in traceback.walk_tb(tb):
        code = frame.f_code
        module = frame.f_globals.get("__name__", "")
        internal = is_internal_frame(module, code.co_filename)
        frames.append(Frame(code.co_filename, lineno, code.co_name, internal))
    return frames


def _prune(frames: list[Frame]) -> tuple[list[Frame], int]:
    """Drop the leading internal frames; keep the last frame if nothing else is left."""
    first_user = next((index for index, frame in enumerate(frames) if not frame.internal), None)
    if first_user is None:
        first_user = max(len(frames) - 1, 0)
    return frames[first_user:], first_user


def _chain(error: BaseException) -> list[tuple[BaseException, str | None]]:
    """The exceptions of `error`'s chain, oldest first, each with how the next relates to it."""
    chain: list[tuple[BaseException, str | None]] = []
    seen: set[int] = set()
    current: BaseException | None = error
    relation: str | None = None
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append((current, relation))
        if current.__cause__ is not None:
            current, relation = current.__cause__, "cause"
        elif current.__context__ is not None and not current.__suppress_context__:
            current, relation = current.__context__, "context"
        else:
            current = None
    chain.reverse()
    # Each exception's relation describes the link to the *next* (newer) one.
    notes = [None] + [relation for _exception, relation in chain[:-1]]
    return [(exception, note) for (exception, _), note in zip(chain, notes, strict=True)]


def traceback_sections(error: BaseException, prune: bool = True) -> list[ErrorSection]:
    """The sections of `error`'s traceback, oldest exception of the chain first."""
    sections = []
    for exception, relation in _chain(error):
        frames = _frames(exception.__traceback__)
        hidden = 0
        if prune:
            frames, hidden = _prune(frames)
        note = _CHAIN_NOTES[relation] if relation else None
        sections.append(ErrorSection(exception, tuple(frames), hidden, note))
    return sections


def _exception_line(exception: BaseException) -> str:
    return "".join(traceback.format_exception_only(type(exception), exception)).strip()


def plain_traceback(sections: list[ErrorSection]) -> str:
    """The sections as Python prints a traceback (pruned frames left out)."""
    parts = []
    for section in sections:
        if section.note:
            parts.append(f"\n{section.note}\n\n")
        parts.append("Traceback (most recent call last):\n")
        for frame in section.frames:
            parts.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}\n')
            line = linecache.getline(frame.filename, frame.lineno).strip()
            if line:
                parts.append(f"    {line}\n")
        parts.append(_exception_line(section.exception) + "\n")
    return "".join(parts)


# ------------------------------------------------------------------------ HTML

_STYLE = """
body { margin: 0; background: #fff; color: #1f2933;
  font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, sans-serif; }
main { padding: 16px 20px; }
h1 { margin: 0 0 4px; font-size: 20px; color: #b42318; }
.message { margin: 0 0 12px; font-size: 15px; white-space: pre-wrap; word-break: break-word; }
.where { margin: 0 0 16px; color: #52606d; }
.note { margin: 20px 0 8px; color: #52606d; font-style: italic; }
.hidden-frames { margin: 0 0 8px; color: #7b8794; font-size: 12px; }
.frame { margin: 0 0 10px; border: 1px solid #e4e7eb; border-radius: 4px; overflow: hidden; }
.frame.internal { opacity: 0.7; }
.location { padding: 4px 10px; background: #f5f7fa; border-bottom: 1px solid #e4e7eb;
  font-size: 12px; }
.location code { font-family: Menlo, Consolas, monospace; }
pre.source { margin: 0; padding: 6px 0; overflow-x: auto;
  font: 12px/1.45 Menlo, Consolas, monospace; }
pre.source span { display: block; padding: 0 10px; white-space: pre; }
pre.source .current { background: #fef3f2; color: #b42318; font-weight: 600; }
pre.source .lineno { display: inline; padding: 0 8px 0 0; color: #9aa5b1; }
pre.exception { margin: 6px 0 0; padding: 8px 10px; background: #fef3f2; color: #b42318;
  border-radius: 4px; white-space: pre-wrap; font: 12px/1.45 Menlo, Consolas, monospace; }
"""


def _source_html(frame: Frame) -> str:
    lines = linecache.getlines(frame.filename)
    if not lines:
        return ""
    first = max(frame.lineno - _CONTEXT_BEFORE, 1)
    last = min(frame.lineno + _CONTEXT_AFTER, len(lines))
    rows = []
    for number in range(first, last + 1):
        text = html.escape(lines[number - 1].rstrip("\n"))
        marker = ' class="current"' if number == frame.lineno else ""
        rows.append(f'<span{marker}><span class="lineno">{number:>5}</span>{text}</span>')
    return f'<pre class="source">{"".join(rows)}</pre>'


def _frame_html(frame: Frame) -> str:
    kind = "frame internal" if frame.internal else "frame user"
    location = (
        f"File <code>{html.escape(frame.filename)}</code>, line {frame.lineno}, "
        f"in <code>{html.escape(frame.name)}</code>"
    )
    return f'<div class="{kind}"><div class="location">{location}</div>{_source_html(frame)}</div>'


def _section_html(section: ErrorSection) -> str:
    parts = []
    if section.note:
        parts.append(f'<p class="note">{html.escape(section.note)}</p>')
    if section.hidden:
        plural = "s" if section.hidden != 1 else ""
        parts.append(
            f'<p class="hidden-frames">{section.hidden} frame{plural} of Dash, Flask and the '
            "standard library before your code are hidden (dev_tools_prune_errors).</p>"
        )
    parts.extend(_frame_html(frame) for frame in section.frames)
    exception_text = html.escape(_exception_line(section.exception))
    parts.append(f'<pre class="exception">{exception_text}</pre>')
    return f'<section class="traceback">{"".join(parts)}</section>'


def _comment(text: str) -> str:
    # A comment ends at the first "-->" (or "--!>"); break such sequences up.
    safe = text.replace("--", "- -")
    return f"<!--\n{safe}\n-->"


def _message(error: BaseException) -> str:
    try:
        return str(error)
    except Exception:  # an exception whose __str__ fails still gets a page
        return f"<{type(error).__name__} with an unprintable message>"


def error_page(error: BaseException, *, prune: bool = True, where: str | None = None) -> str:
    """A complete HTML document describing `error` and its traceback.

    `prune` hides the frames before the user's code; `where` (e.g. "Callback
    error updating out.children") is shown under the exception message.
    """
    sections = traceback_sections(error, prune)
    name = type(error).__name__
    message = _message(error)
    title = f"{name}: {message}" if message else name
    where_html = f'<p class="where">{html.escape(where)}</p>' if where else ""
    body = "".join(_section_html(section) for section in sections)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f'<main class="dash-error-page">\n<h1>{html.escape(name)}</h1>\n'
        f'<p class="message">{html.escape(message)}</p>\n{where_html}\n{body}\n'
        "</main>\n</body>\n</html>\n"
        f"{_comment(plain_traceback(sections))}\n"
    )
