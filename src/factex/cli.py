"""The `factex` command."""

from __future__ import annotations

import argparse
import codecs
import json
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from . import __version__
from .reading import InputError, read_input
from .record import DocInfo, error_record
from .time.reference import Reference

EXAMPLES = """examples:
  factex extract article.txt
  factex extract article.txt --date 2025-11-11 --tokens
  factex extract news/*.txt --format jsonl -o records.jsonl
  factex extract news/*.txt --format csv -o tables/
  factex extract article.txt --format html -o article.html
  factex extract article.txt --disable facts
  factex extract article.txt --facts occupation,quote
  cat article.txt | factex extract -
"""


def _date(value: str) -> str:
    try:
        Reference.parse(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None
    return value


def _encoding(value: str) -> str:
    try:
        codecs.lookup(value)
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding {value!r}") from None
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factex",
        description="Extract persons, places, organisations, dates, numbers and facts "
        "from Russian news as JSON records (see SPEC.md).",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"factex {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    extract = commands.add_parser(
        "extract",
        help="extract records from text files",
        description="Read Russian texts and print one factex record per text.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    extract.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="text files to read; '-' reads standard input (e.g. article.txt)",
    )
    extract.add_argument(
        "--format",
        choices=["json", "jsonl", "csv", "parquet", "html"],
        default=None,
        help="json: one indented object for one file, for several a list with one record "
        "per line (default); "
        "jsonl: one record per line; csv, parquet: the tables documents, entities, "
        "mentions, dates, numbers and facts as files in the directory given by -o; "
        "html: one readable page with highlighted text and facts (e.g. --format csv -o tables/)",
    )
    extract.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="write to PATH instead of standard output (e.g. -o out.json); "
        "for csv and parquet a directory, created if missing (e.g. -o tables/)",
    )
    extract.add_argument(
        "--date",
        type=_date,
        metavar="YYYY-MM-DD",
        help="reference date for relative and partial dates (e.g. --date 2025-11-11); "
        "without it a dateline with a year is used, and nothing is taken from the clock",
    )
    extract.add_argument(
        "--tokens",
        action="store_true",
        help="add sentences and tokens with lemma, POS and features to each record",
    )
    extract.add_argument(
        "--encoding",
        type=_encoding,
        metavar="NAME",
        help="encoding of the input files (e.g. --encoding cp1251); "
        "default: UTF-8, or cp1251/KOI8-R/cp866 recognised automatically",
    )
    extract.add_argument(
        "--disable",
        action="append",
        default=[],
        metavar="STAGES",
        help="stages not to run, comma-separated, and with them the stages that need them "
        "(stages: segment, header, morph, ner, entities, dates, numbers, facts; "
        "e.g. --disable facts)",
    )
    extract.add_argument(
        "--facts",
        action="append",
        metavar="TYPES",
        help="fact types to extract, comma-separated (default: all: occupation, visit, "
        "meeting, event, quote, signing; e.g. --facts occupation,quote)",
    )
    extract.add_argument(
        "--strict",
        action="store_true",
        help="a stage that fails on a document fails the document, instead of leaving "
        "that stage's layer empty with a warning in the record",
    )
    return parser


def _names(values: list[str] | None) -> list[str] | None:
    """`--disable a,b --disable c` as ['a', 'b', 'c'] (None when not given)."""
    if values is None:
        return None
    return [name.strip() for value in values for name in value.split(",") if name.strip()]


@dataclass
class Options:
    """How the pipeline is built and called for every document."""

    date: str | None = None
    tokens: bool = False
    disable: list[str] = field(default_factory=list)
    facts: list[str] | None = None
    strict: bool = False

    @classmethod
    def of(cls, args: argparse.Namespace) -> Options:
        return cls(args.date, args.tokens, _names(args.disable) or [], _names(args.facts),
                   args.strict)  # fmt: skip

    def pipeline(self) -> Any:
        from .pipeline import Pipeline

        return Pipeline(disable=self.disable, facts=self.facts, strict=self.strict or None)


_CYRILLIC = re.compile("[А-ЯЁа-яё]")


@dataclass
class Source:
    """One input as named on the command line; its text is read only when its turn comes."""

    name: str
    info: DocInfo

    @classmethod
    def named(cls, name: str) -> Source:
        doc_id = "stdin" if name == "-" else Path(name).stem
        return cls(name, DocInfo(id=doc_id, source=name))

    def read(self, encoding: str | None) -> str:
        """The text, decoded; says on stderr what is unusual about it."""
        decoded = read_input(self.name, encoding)
        if decoded.encoding not in ("utf-8", "utf-8-sig") and not encoding:
            print(f"factex: {self.name}: decoded as {decoded.encoding}", file=sys.stderr)
        if decoded.encoding != "utf-8":
            self.info.encoding = decoded.encoding
        if decoded.text.strip() and not _CYRILLIC.search(decoded.text):
            print(f"factex: {self.name}: no Cyrillic letters; factex reads Russian text",
                  file=sys.stderr)  # fmt: skip
        return decoded.text


Result = tuple[Source, dict[str, Any], str]


def records(sources: list[Source], encoding: str | None, options: Options) -> Iterator[Result]:
    """Read and process each source in turn: its record and text, or an error record
    in its place when it cannot be read or processed. A stage that failed on a
    document is named on stderr (its record carries the warning)."""
    nlp = None
    for src in sources:
        text = ""
        try:
            text = src.read(encoding)
            nlp = nlp or options.pipeline()
            doc = nlp(text, options.date, doc_id=src.info.id, source=src.info.source,
                      tokens=options.tokens)  # fmt: skip
            doc.info.encoding = src.info.encoding
            for w in doc.warnings:
                print(f"factex: {src.name}: stage {w.stage} failed, its layer is empty: "
                      f"{w.message}", file=sys.stderr)  # fmt: skip
            yield src, doc.to_dict(), text
        except InputError as err:
            yield src, error_record(src.info, err.code, err.message), text
        except Exception as err:  # one broken document must not stop a batch
            message = " ".join(f"{type(err).__name__}: {err}".split())
            yield src, error_record(src.info, "processing-error", message), text


def _progress(items: list[Source]) -> Any:
    if len(items) < 2 or not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    return tqdm(items, unit="doc", desc="factex", file=sys.stderr)


def write(out: TextIO | LazyFile, fmt: str, results: Iterator[Result], many: bool) -> int:
    """Write records as JSON or JSON Lines; return how many documents failed."""
    failed = 0
    first = True
    if fmt == "json" and many:
        out.write("[\n")
    for src, record, _ in results:
        if "error" in record:
            failed += 1
            print(f"factex: {src.name}: {record['error']['message']}", file=sys.stderr)
            if not many:
                continue
        if fmt == "jsonl":
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif many:  # a JSON list, one record per line (SPEC, "Many documents")
            out.write(("" if first else ",\n") + json.dumps(record, ensure_ascii=False))
            first = False
        else:
            out.write(json.dumps(record, ensure_ascii=False, indent=2))
            first = False
        out.flush()
    if fmt == "json":
        out.write("\n]\n" if many else ("\n" if not first else ""))
    return failed


TABLES = ("csv", "parquet")


def _report(src: Source, record: dict[str, Any]) -> int:
    if "error" not in record:
        return 0
    print(f"factex: {src.name}: {record['error']['message']}", file=sys.stderr)
    return 1


def write_tables(directory: str, fmt: str, results: Iterator[Result]) -> int:
    """Write the pandas tables of all records as CSV or Parquet files; return failures."""
    from .frames import to_frames, write_tables

    kept = [(src, record) for src, record, _ in results]
    failed = sum(_report(src, record) for src, record in kept)
    write_tables(to_frames([record for _, record in kept]), directory, fmt)
    return failed


def write_html(out: TextIO, results: Iterator[Result]) -> int:
    """Write one self-contained HTML page for all records; return failures."""
    from .html import to_html

    kept = list(results)
    failed = sum(_report(src, record) for src, record, _ in kept)
    out.write(to_html([r for _, r, _ in kept], texts=[text for _, _, text in kept]))
    return failed


def _check_format(fmt: str, output: str | None) -> str | None:
    """Why `fmt` cannot be written to `output`, or None."""
    if fmt in TABLES:
        if not output:
            return f"--format {fmt} writes one file per table: give a directory with -o DIR"
        if Path(output).exists() and not Path(output).is_dir():
            return f"--format {fmt} needs a directory for -o, and {output} is a file"
    if fmt == "parquet":
        from .extras import MissingExtra, require

        try:
            require("pyarrow", "parquet")
        except MissingExtra as err:
            return f"--format parquet: {err}"
    return None


class LazyFile:
    """An output file opened (and truncated) on the first write, so that a run that
    writes nothing, such as one failed document, leaves an existing file as it was."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._file: TextIO | None = None

    def write(self, text: str) -> None:
        if not text:
            return
        if self._file is None:
            self._file = open(self.path, "w", encoding="utf-8")  # noqa: SIM115
        self._file.write(text)

    def flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()


def _unwritable(path: str) -> str | None:
    """Why a file cannot be written at `path` (checked before any work), or None."""
    p = Path(path)
    if p.is_dir():
        return "Is a directory"
    if not p.parent.is_dir():
        return "No such file or directory"
    if not os.access(p if p.exists() else p.parent, os.W_OK):
        return "Permission denied"
    return None


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def _check_files(files: list[str], output: str | None) -> str | None:
    """Why the inputs cannot be read as given, or None."""
    if files.count("-") > 1:
        return "standard input '-' can be read only once"
    clash = next((f for f in files if output and f != "-" and _same_file(f, output)), None)
    if clash is not None:
        return f"-o {output} is also an input file; it would be overwritten"
    return None


def run_extract(args: argparse.Namespace) -> int:
    fmt = args.format or "json"
    from .pipeline import check_names

    options = Options.of(args)
    problem = (
        check_names(options.disable, (), options.facts)
        or _check_format(fmt, args.output)
        or _check_files(args.files, args.output)
    )
    if problem:
        print(f"factex: {problem}", file=sys.stderr)
        return 2
    reason = _unwritable(args.output) if args.output and fmt not in TABLES else None
    if reason:
        print(f"factex: cannot write {args.output}: {reason}", file=sys.stderr)
        return 2
    sources = [Source.named(name) for name in args.files]
    many = len(sources) > 1
    results = records(_progress(sources), args.encoding, options)
    try:
        if fmt in TABLES:
            try:
                failed = write_tables(args.output, fmt, results)
            except OSError as err:
                print(f"factex: cannot write {args.output}: {err.strerror}", file=sys.stderr)
                return 2
        elif fmt == "html" and not args.output:
            failed = write_html(sys.stdout, results)
        elif fmt == "html":
            try:
                with open(args.output, "w", encoding="utf-8") as page:
                    failed = write_html(page, results)
            except OSError as err:
                print(f"factex: cannot write {args.output}: {err.strerror}", file=sys.stderr)
                return 2
        elif args.output:
            out = LazyFile(args.output)
            try:
                failed = write(out, fmt, results, many)
                out.close()
            except OSError as err:
                print(f"factex: cannot write {args.output}: {err.strerror}", file=sys.stderr)
                return 2
        else:
            failed = write(sys.stdout, fmt, results, many)
    except BrokenPipeError:  # `factex extract ... | head`
        sys.stderr.close()
        return 1
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command != "extract":
        parser.print_help()
        return 2
    try:
        return run_extract(args)
    except KeyboardInterrupt:
        print("factex: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
