"""Case-insensitive patterns run case-sensitively over the lower-cased text, when that
finds exactly the same matches.

`re.IGNORECASE` costs: a case-sensitive pattern compares characters directly and lets
`re` skip fast to the characters a match can start with. A pattern written in lower
case finds, case-sensitively over `text.lower()`, the matches it finds ignoring case
over `text` (the same spans, the same groups), provided that

- `text.lower()` has the length of `text` (each character lowers to one), and no
  character of it is in `UNSAFE`: the letters that `re` takes for other letters when it
  ignores case (`ſ` for `s`, `ı` for `i`, the old Cyrillic `ᲀ` for `в`, Greek variants).
  For every other character `c`, `re` reads it ignoring case as `c.lower()`, and `\\w`,
  `\\d`, `\\s` say the same of both (`tests/test_folding.py` checks every code point);
- the pattern's letters are all lower case and none is in `UNSAFE`, no part of it
  switches the case flag, and it has no back-reference (the test checks every `Folded`).

Otherwise the pattern runs ignoring case over the text, as before. A match found over
the lower-cased text is read again at its start over the text itself, so that its
groups are the text's own characters. Some patterns also name `needs`: words one of
which every match contains (in lower case), or a `cue` pattern that finds something
wherever they match; a text that has none of them is skipped.
A pattern that may not run over the lower-cased text can still name `needs`
(`fold=False`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# The characters `re` matches, ignoring case, with letters other than their
# `str.lower()` (Python's `re._casefix`), less the ASCII and Russian letters among them.
UNSAFE = frozenset(
    "\xb5\u0131\u017f\u0345\u0390\u03b0\u03b2\u03b5\u03b8\u03b9\u03ba\u03bc\u03c0\u03c1"
    "\u03c2\u03c3\u03c6\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\u0463\u1c80\u1c81\u1c82"
    "\u1c83\u1c84\u1c85\u1c86\u1c87\u1c88\u1e61\u1e9b\u1fbe\u1fd3\u1fe3\ua64b\ufb05\ufb06"
)
_UNSAFE = re.compile("[" + "".join(sorted(UNSAFE)) + "]")

_last: tuple[str, str | None] = ("", "")


def folded(text: str) -> str | None:
    """`text.lower()` if lower-case patterns may run over it for case-insensitive ones
    (see the module's docstring), else None. The last text's answer is kept."""
    global _last
    last = _last
    if last[0] is text:
        return last[1]
    low = text.lower()
    answer = low if len(low) == len(text) and not _UNSAFE.search(low) else None
    _last = (text, answer)
    return answer


class Folded:
    """A case-insensitive pattern whose `finditer` runs case-sensitively over the
    lower-cased text when that is exact; `any_case` is the pattern ignoring case."""

    def __init__(
        self,
        pattern: str,
        needs: tuple[str, ...] = (),
        fold: bool = True,
        cue: re.Pattern[str] | None = None,
    ) -> None:
        """`fold=False` for a pattern that may not run over the lower-cased text (one
        with capitals or a part that switches the case flag): only `needs` and `cue`
        are tested. `cue`: a pattern that finds something, in the lower-cased text,
        wherever this one matches (`\\d[:.][0-5]\\d` for a clock)."""
        self.any_case = re.compile(pattern, re.IGNORECASE)
        self.cased = re.compile(pattern) if fold else None
        self.needs = needs
        self.cue = cue
        FOLDED.append(self)

    @property
    def pattern(self) -> str:
        return self.any_case.pattern

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches of `any_case.finditer(text)`, found faster."""
        low = folded(text)
        if low is None:
            yield from self.any_case.finditer(text)
            return
        if self.needs and not any(word in low for word in self.needs):
            return
        if self.cue is not None and self.cue.search(low) is None:
            return
        if self.cased is None:
            yield from self.any_case.finditer(text)
            return
        again = self.any_case.match
        for m in self.cased.finditer(low):
            yield again(text, m.start())  # type: ignore[misc]

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.any_case.match(text, pos)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.any_case.search(text, pos)


FOLDED: list[Folded] = []  # every Folded pattern, for the tests
