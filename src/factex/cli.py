"""The `factex` command."""

from __future__ import annotations

import argparse
import codecs
import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal, TextIO

from . import __version__
from .corpus.inputs import Columns, Item, check_table, count, is_table, items
from .corpus.process import Options, Outcome
from .corpus.progress import say, tracked
from .facts.registry import FACT_TYPES
from .json_stream import write_json
from .layers import LAYERS
from .stages import STAGES
from .time.reference import Reference

EXAMPLES = """examples:
  factex extract article.txt
  factex extract article.txt --date 2025-11-11 --tokens
  factex extract news/*.txt --format jsonl -o records.jsonl
  factex extract news/ --jobs 0 -o records.jsonl --resume
  factex extract articles.csv --text-column body --id-column url --format jsonl
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
        help="text files to read; '-' reads standard input; a folder is read recursively "
        "(see --glob); a .jsonl, .csv or .parquet file is a table with one text per row "
        "(see --text-column) (e.g. article.txt, news/, articles.csv)",
    )
    extract.add_argument(
        "--format",
        choices=["json", "jsonl", "csv", "parquet", "html"],
        default=None,
        help="json: one indented object for one file, for several a list with one record "
        "per line (default; jsonl when -o names a .jsonl file); "
        "jsonl: one record per line; csv, parquet: the tables documents, entities, "
        f"mentions, {', '.join(LAYERS)} and facts as files in the directory given by -o; "
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
    stages = extract.add_argument_group("what runs")
    stages.add_argument(
        "--disable",
        action="append",
        metavar="STAGES",
        help="stages not to run, comma-separated, and with them the stages that need them "
        f"(stages: {', '.join(STAGES)}; e.g. --disable facts)",
    )
    stages.add_argument(
        "--facts",
        action="append",
        metavar="TYPES",
        help="fact types to extract, comma-separated "
        f"(default: all: {', '.join(FACT_TYPES)}; e.g. --facts occupation,quote)",
    )
    stages.add_argument(
        "--strict",
        action="store_true",
        help="a stage that fails on a document fails the document (an error record), "
        "instead of leaving that stage's layer empty with a warning in the record",
    )
    corpus = extract.add_argument_group("many documents")
    corpus.add_argument(
        "--glob",
        default="*.txt",
        metavar="PATTERN",
        help="which files of a folder to read (default: *.txt; a pattern with / is matched "
        "against the path inside the folder, e.g. --glob '2025/*.txt')",
    )
    corpus.add_argument(
        "--text-column",
        default="text",
        metavar="NAME",
        help="the column (or JSON key) of a table that holds the text (default: text)",
    )
    corpus.add_argument(
        "--id-column",
        metavar="NAME",
        help="the column of a table that holds the document id (default: the row number)",
    )
    corpus.add_argument(
        "--date-column",
        metavar="NAME",
        help="the column of a table that holds each document's reference date "
        "(YYYY-MM-DD, e.g. its publication date; it takes the place of --date for that "
        "row; default: the `date` key of a JSON Lines row, if any); a row whose date is "
        "no date gets an error record",
    )
    corpus.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="worker processes (default: 1; 0: one per core, e.g. --jobs 0)",
    )
    corpus.add_argument(
        "--resume",
        action="store_true",
        help="with -o FILE.jsonl: keep the complete records already in FILE, "
        "process only the other documents and append theirs",
    )
    corpus.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on a Dask cluster (e.g. --scheduler tcp://scheduler:8786; needs "
        'pip install "factex[dask]"): -o DIR gets one JSON Lines file per partition '
        "(or, with --format parquet, a Parquet dataset per table); a rerun skips the "
        "partitions already complete; the workers read the input files at the same paths",
    )
    corpus.add_argument(
        "--partition-size",
        type=_positive,
        default=1000,
        metavar="N",
        help="documents per partition with --scheduler (default: 1000)",
    )
    shown = corpus.add_mutually_exclusive_group()
    shown.add_argument(
        "--progress",
        action="store_true",
        help="show a progress bar on standard error even when it is not a terminal",
    )
    shown.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress bar and no notes (errors are still reported)",
    )
    from .serve.command import add_parser

    add_parser(commands)
    return parser


def _names(values: list[str] | None) -> list[str] | None:
    """`--disable a,b --disable c` as ['a', 'b', 'c'] (None when not given)."""
    if values is None:
        return None
    return [name.strip() for value in values for name in value.split(",") if name.strip()]


def _pipeline(args: argparse.Namespace) -> dict[str, Any]:
    """The Pipeline options of --disable, --facts and --strict (only those given)."""
    out: dict[str, Any] = {}
    if args.disable:
        out["disable"] = _names(args.disable)
    if args.facts is not None:
        out["facts"] = _names(args.facts)
    if args.strict:
        out["strict"] = True
    return out


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number, not {value!r}")
    return number


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = -1
    if jobs < 0:
        raise argparse.ArgumentTypeError(f"expected 0 (every core) or a number of processes, "
                                         f"not {value!r}")  # fmt: skip
    return jobs


Result = tuple[Item, dict[str, Any], str]


def write(out: TextIO | LazyFile, fmt: str, results: Iterator[Result], many: bool) -> int:
    """Write records as JSON or JSON Lines; return how many documents failed."""
    failed = 0
    first = True
    if fmt == "json" and many:
        out.write("[\n")
    for item, record, _ in results:
        if "error" in record:
            failed += 1
            say(f"factex: {item.label}: {record['error']['message']}")
            if not many:
                continue
        # written in pieces: a huge text's record is never one string (json_stream.py)
        if fmt == "jsonl":
            with _atomic():  # a whole line, or none of it
                write_json(out, record)
                out.write("\n")
                out.flush()
            continue
        elif many:  # a JSON list, one record per line (SPEC, "Many documents")
            out.write("" if first else ",\n")
            write_json(out, record)
            first = False
        else:
            write_json(out, record, indent=2)
            first = False
        out.flush()
    if fmt == "json":
        out.write("\n]\n" if many else ("\n" if not first else ""))
    return failed


TABLES = ("csv", "parquet")


def _report(item: Item, record: dict[str, Any]) -> int:
    if "error" not in record:
        return 0
    say(f"factex: {item.label}: {record['error']['message']}")
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

    def __init__(self, path: str, mode: Literal["w", "a"] = "w") -> None:
        self.path = path
        self.mode = mode
        self._file: TextIO | None = None

    def write(self, text: str) -> None:
        if not text:
            return
        if self._file is None:
            self._file = self._open()
        self._file.write(text)

    def _open(self) -> TextIO:
        return open(self.path, self.mode, encoding="utf-8")  # noqa: SIM115

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


def _check_files(args: argparse.Namespace, fmt: str) -> str | None:
    """Why the inputs cannot be read as given, or None."""
    files, output = args.files, args.output
    if files.count("-") > 1:
        return "standard input '-' can be read only once"
    clash = next((f for f in files if output and f != "-" and _same_file(f, output)), None)
    if clash is not None:
        return f"-o {output} is also an input file; it would be overwritten"
    if args.resume and (fmt != "jsonl" or not output):
        return "--resume needs JSON Lines written to a file: --format jsonl -o FILE.jsonl"
    columns = Columns(args.text_column, args.id_column, args.date_column)
    for name in files:
        if name != "-" and is_table(name) and os.path.isfile(name):
            problem = check_table(name, args.encoding, columns)
            if problem:
                return problem
    return None


class _Interrupts:
    """Ctrl-C and SIGTERM raise KeyboardInterrupt, but never in the middle of writing a
    record: an interrupted run leaves only complete lines."""

    def __init__(self) -> None:
        self.writing = False
        self.pending: int | None = None

    def handle(self, signum: int, frame: Any) -> None:
        if self.writing:
            self.pending = signum
            return
        raise KeyboardInterrupt(signum)

    @contextmanager
    def atomic(self) -> Iterator[None]:
        self.writing = True
        try:
            yield
        finally:
            self.writing = False
        if self.pending is not None:
            raise KeyboardInterrupt(self.pending)


_interrupts = _Interrupts()
_atomic = _interrupts.atomic


def _outcomes(args: argparse.Namespace, fmt: str) -> Iterator[Outcome]:
    """The documents named on the command line, processed, in input order."""
    from .corpus.pool import run
    from .corpus.resume import completed, skip_done

    columns = Columns(args.text_column, args.id_column, args.date_column)
    stream = items(args.files, args.glob, columns, args.encoding)
    if args.resume:
        stream = skip_done(stream, completed(args.output))
    options = Options(args.encoding, args.date, args.tokens, keep_text=fmt == "html",
                      pipeline=_pipeline(args))  # fmt: skip
    outcomes = run(stream, options, jobs=args.jobs)
    show = args.progress or (not args.quiet and sys.stderr.isatty() and _several(args))
    if show:
        outcomes = tracked(outcomes, lambda: count(args.files, args.glob))
    return outcomes


def _several(args: argparse.Namespace) -> bool:
    """More than one document may come: several names, a folder or a table."""
    return len(args.files) > 1 or any(
        name != "-" and (os.path.isdir(name) or is_table(name)) for name in args.files
    )


def _results(outcomes: Iterator[Outcome], quiet: bool) -> Iterator[Result]:
    for outcome in outcomes:
        if not quiet:
            for note in outcome.notes:
                say(f"factex: {outcome.item.label}: {note}")
        yield outcome.item, outcome.record, outcome.text


def _format_of(output: str | None, resume: bool) -> str:
    """The format when --format is not given: JSON Lines for -o *.jsonl or --resume."""
    if resume or (output and output.lower().endswith((".jsonl", ".ndjson"))):
        return "jsonl"
    return "json"


def _check_cluster(args: argparse.Namespace, fmt: str) -> str | None:
    """Why --scheduler cannot be used as given, or None."""
    if fmt not in ("jsonl", "parquet"):
        return f"--scheduler writes jsonl or parquet, not {fmt}"
    if not args.output or (os.path.exists(args.output) and not os.path.isdir(args.output)):
        return "--scheduler writes one file per partition: give a directory with -o DIR"
    if "-" in args.files:
        return "--scheduler cannot read standard input: name files, folders or tables"
    from .extras import MissingExtra, require

    try:
        require("distributed", "dask")
    except MissingExtra as err:
        return f"--scheduler: {err}"
    return None


def run_cluster(args: argparse.Namespace, fmt: str) -> int:
    """`--scheduler`: partitions on a Dask cluster, written per partition."""
    from .corpus.cluster import run_on_cluster

    columns = Columns(args.text_column, args.id_column, args.date_column)
    stream = items(args.files, args.glob, columns, args.encoding)
    options = Options(args.encoding, args.date, args.tokens, pipeline=_pipeline(args))
    failed = done = skipped = 0
    try:
        for report in run_on_cluster(args.scheduler, stream, args.output, fmt, options,
                                     args.partition_size):  # fmt: skip
            done += report.documents
            skipped += not report.documents
            failed += len(report.failed)
            for label, message in report.failed:
                say(f"factex: {label}: {message}")
            for label, note in [] if args.quiet else report.notes:
                say(f"factex: {label}: {note}")
    except OSError as err:
        print(f"factex: --scheduler {args.scheduler}: {err}", file=sys.stderr)
        return 2
    if not args.quiet:
        print(f"factex: {done} documents written to {args.output}"
              f"{f', {skipped} partitions already complete' if skipped else ''}",
              file=sys.stderr)  # fmt: skip
    return 1 if failed else 0


def run_extract(args: argparse.Namespace) -> int:
    fmt = args.format or _format_of(args.output, args.resume or bool(args.scheduler))
    from .pipeline import check_names

    chosen = _pipeline(args)
    unknown = check_names(chosen.get("disable", ()), (), chosen.get("facts"))
    if unknown:
        print(f"factex: {unknown}", file=sys.stderr)
        return 2
    if args.scheduler:
        problem = _check_cluster(args, fmt) or _check_files(args, fmt)
        if problem:
            print(f"factex: {problem}", file=sys.stderr)
            return 2
        return run_cluster(args, fmt)
    problem = _check_format(fmt, args.output) or _check_files(args, fmt)
    if problem:
        print(f"factex: {problem}", file=sys.stderr)
        return 2
    reason = _unwritable(args.output) if args.output and fmt not in TABLES else None
    if reason:
        print(f"factex: cannot write {args.output}: {reason}", file=sys.stderr)
        return 2
    many = _several(args)
    results = _results(_outcomes(args, fmt), args.quiet)
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
            out = LazyFile(args.output, "a" if args.resume else "w")
            try:
                failed = write(out, fmt, results, many)
            except OSError as err:
                print(f"factex: cannot write {args.output}: {err.strerror}", file=sys.stderr)
                return 2
            finally:
                out.close()
        else:
            failed = write(sys.stdout, fmt, results, many)
    except BrokenPipeError:  # `factex extract ... | head`
        sys.stderr.close()
        return 1
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown and args.command == "serve":
        print(f"factex serve: unrecognized arguments: {' '.join(unknown)} "
              "(see factex serve --help)", file=sys.stderr)  # fmt: skip
        return 2
    if unknown:
        parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    if args.command == "serve":
        from .serve.command import run_serve

        return run_serve(args)
    if args.command != "extract":
        parser.print_help()
        return 2
    previous = {}
    if threading.current_thread() is threading.main_thread():
        previous = {sig: signal.signal(sig, _interrupts.handle) for sig in _SIGNALS}
    try:
        return run_extract(args)
    except KeyboardInterrupt as err:
        print("factex: interrupted", file=sys.stderr)
        signum = err.args[0] if err.args and isinstance(err.args[0], int) else signal.SIGINT
        return 128 + signum
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


_SIGNALS = (signal.SIGINT, signal.SIGTERM)


if __name__ == "__main__":
    sys.exit(main())
