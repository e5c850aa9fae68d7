"""The ingest pipeline: read → skip what is stored → clean (+ optional stage) → store in batches."""

from __future__ import annotations

import functools
import hashlib
import logging
import multiprocessing
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import IO, Any, Generic, Literal, TypeVar

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from powledger.capture.base import STORE_FAILED, ReadResult
from powledger.capture.clean import clean_document
from powledger.capture.files import FileReader
from powledger.config import Settings
from powledger.errors import DatabaseError, InputError
from powledger.models import CleanDocument, RawDocument, Rejected
from powledger.store.db import session_scope
from powledger.store.documents import add_documents
from powledger.store.schema import Document

logger = logging.getLogger(__name__)

T = TypeVar("T")
OutcomeStatus = Literal["new", "existing", "skipped"]

#: Reason code when the optional per-document stage raised.
PROCESS_FAILED = "processing failed"

#: Defaults for batching: a batch is committed at this many documents or after this long,
#: whichever comes first, so a crash loses at most a fraction of a second of work.
BATCH_SIZE = 64
BATCH_SECONDS = 0.5
#: Raw inputs looked up in the store together before cleaning (one SELECT per chunk).
LOOKUP_CHUNK = 64
CHUNK_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one input: stored, already stored, or skipped with a reason."""

    source: str
    status: OutcomeStatus
    sha256: str | None = None
    document_id: int | None = None
    language: str | None = None
    reason: str | None = None
    message: str | None = None


@dataclass
class IngestReport:
    """Totals of one ingest run."""

    new: int = 0
    existing: int = 0
    skipped: Counter[str] = field(default_factory=Counter)

    @property
    def ingested(self) -> int:
        """Inputs that are in the store after the run (new or already there)."""
        return self.new + self.existing

    def count(self, outcome: Outcome) -> None:
        """Add one outcome to the totals."""
        if outcome.status == "new":
            self.new += 1
        elif outcome.status == "existing":
            self.existing += 1
        else:
            self.skipped[outcome.reason or "other"] += 1

    def summary(self) -> str:
        """One line such as ``3 new, 1 already stored, 2 skipped (empty: 1, binary: 1)``."""
        total = sum(self.skipped.values())
        line = f"{self.new} new, {self.existing} already stored, {total} skipped"
        if total:
            reasons = ", ".join(f"{r}: {n}" for r, n in sorted(self.skipped.items()))
            line += f" ({reasons})"
        return line


class _StageFailedError(Exception):
    """The caller's ``store_result`` raised; carries which document so the batch can go on."""

    def __init__(self, source: str, cause: BaseException) -> None:
        super().__init__(f"{source}: {cause}")
        self.source = source
        self.cause = cause


@dataclass
class _Pending(Generic[T]):
    doc: CleanDocument
    result: T | None


def ingest_paths(
    paths: Iterable[str],
    *,
    engine: Engine,
    settings: Settings,
    process: Callable[[CleanDocument], T] | None = None,
    store_result: Callable[[Session, int, T], None] | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
    stdin: IO[bytes] | None = None,
    batch_size: int = BATCH_SIZE,
    batch_seconds: float = BATCH_SECONDS,
    jobs: int = 1,
) -> IngestReport:
    """Capture every document under ``paths`` into the store at ``engine``; never raise per input.

    Each input ends as exactly one :class:`Outcome` (passed to ``on_outcome`` as it happens):
    ``new``, ``existing`` (the same raw bytes were stored before; nothing is cleaned or processed
    again) or ``skipped`` with a reason. Only database failures raise (:class:`DatabaseError`).

    Extension points, for later stages such as claim extraction:

    - ``process(doc)`` runs on each cleaned, not yet stored document *outside* any transaction
      (it may be slow); its return value is kept for ``store_result``. If it raises, the document
      is skipped (reason ``processing failed``) and not stored, so a later run retries it.
    - ``store_result(session, document_id, value)`` runs *inside* the transaction that inserts the
      document, right after its row exists: the document and what ``store_result`` writes are
      committed together or not at all.

    Documents are committed in batches (``batch_size`` documents or ``batch_seconds``, whichever
    comes first). A batch that fails on one document is retried one document per transaction,
    so one bad document never costs the others. A killed process leaves only whole documents;
    running the same command again stores the rest.

    With ``jobs`` > 1, cleaning and ``process`` run in that many worker processes (storing stays
    in this one); ``process`` must then be picklable, e.g. a module-level function.
    """
    report = IngestReport()

    def emit(outcome: Outcome) -> None:
        report.count(outcome)
        if on_outcome is not None:
            on_outcome(outcome)

    reader = FileReader(max_bytes=settings.max_bytes, stdin=stdin)
    stage = functools.partial(_stage, process=process)
    pool = _worker_pool(jobs) if jobs > 1 else None
    pending: list[_Pending[T]] = []
    batch_started = 0.0
    try:
        for chunk in _chunks(reader.read_all(paths), LOOKUP_CHUNK * max(jobs, 1)):
            known = _known_digests(engine, chunk)
            to_clean = [
                item
                for item, digest in chunk
                if isinstance(item, RawDocument) and digest not in known
            ]
            # Workers clean ahead while this process stores what is ready; results come back
            # in input order either way.
            staged_results: Iterator[_Pending[T] | Outcome] = (
                pool.map(stage, to_clean, chunksize=2) if pool is not None else map(stage, to_clean)
            )
            for item, digest in chunk:
                if isinstance(item, Rejected):
                    emit(Outcome(item.source, "skipped", reason=item.reason, message=item.message))
                    continue
                if digest in known:
                    emit(Outcome(item.source, "existing", sha256=digest, document_id=known[digest]))
                    continue
                staged = next(staged_results)
                if isinstance(staged, Outcome):
                    emit(staged)
                    continue
                if not pending:
                    batch_started = time.monotonic()
                pending.append(staged)
                if len(pending) >= batch_size or time.monotonic() - batch_started >= batch_seconds:
                    _flush(engine, pending, store_result, emit)
                    pending = []
        if pending:
            _flush(engine, pending, store_result, emit)
    except BrokenProcessPool:
        raise InputError(
            "a cleaning worker died (out of memory, or a page crashed the HTML parser); "
            "run again with --jobs 1 to find the page"
        ) from None
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return report


def _worker_pool(jobs: int) -> ProcessPoolExecutor:
    """Processes for cleaning; started by a fork server so no thread or lock of ours is copied."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return ProcessPoolExecutor(
            max_workers=jobs, mp_context=multiprocessing.get_context("spawn")
        )
    context = multiprocessing.get_context("forkserver")
    # Import the heavy modules once in the server; each worker then forks with them loaded.
    context.set_forkserver_preload(["powledger.capture.clean", "trafilatura", "htmldate"])
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context)


def _chunks(
    items: Iterator[ReadResult], size: int
) -> Iterator[list[tuple[ReadResult, str | None]]]:
    """Group inputs (``size`` at most, and about CHUNK_BYTES), hashing each document once."""
    chunk: list[tuple[ReadResult, str | None]] = []
    held = 0
    for item in items:
        if isinstance(item, RawDocument):
            chunk.append((item, hashlib.sha256(item.raw).hexdigest()))
            held += len(item.raw)
        else:
            chunk.append((item, None))
        # Bound memory as well as count: 64 inputs of 20 MB each would hold over a gigabyte.
        if len(chunk) >= size or held >= CHUNK_BYTES:
            yield chunk
            chunk, held = [], 0
    if chunk:
        yield chunk


def _known_digests(
    engine: Engine, chunk: Sequence[tuple[ReadResult, str | None]]
) -> dict[str, int]:
    digests = {digest for _, digest in chunk if digest}
    if not digests:
        return {}
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                select(Document.sha256, Document.id).where(Document.sha256.in_(digests))
            ).all()
    except SQLAlchemyError as exc:
        raise DatabaseError(f"cannot read the store: {_db_message(exc)}") from None
    return {sha: doc_id for sha, doc_id in rows}


def _stage(
    item: RawDocument, process: Callable[[CleanDocument], T] | None
) -> _Pending[T] | Outcome:
    cleaned = clean_document(item)
    if isinstance(cleaned, Rejected):
        return Outcome(cleaned.source, "skipped", reason=cleaned.reason, message=cleaned.message)
    if process is None:
        return _Pending(cleaned, None)
    try:
        return _Pending(cleaned, process(cleaned))
    except (
        Exception
    ) as exc:  # the stage is someone else's code; one document must not end the batch
        logger.debug("processing %s failed", item.source, exc_info=True)
        return Outcome(
            item.source, "skipped", sha256=cleaned.sha256, reason=PROCESS_FAILED, message=f"{exc}"
        )


def _flush(
    engine: Engine,
    pending: Sequence[_Pending[T]],
    store_result: Callable[[Session, int, T], None] | None,
    emit: Callable[[Outcome], None],
) -> None:
    """Store ``pending`` in one transaction; on a per-document failure, retry one by one."""
    values = {p.doc.sha256: p.result for p in pending}

    def after_insert(session: Session, doc_id: int, doc: CleanDocument) -> None:
        if store_result is None:
            return
        try:
            store_result(session, doc_id, values[doc.sha256])  # type: ignore[arg-type]
        except Exception as exc:  # isolate the failing document, see _StageFailedError
            raise _StageFailedError(doc.source, exc) from exc

    try:
        with session_scope(engine) as session:
            results = add_documents(
                session=session, documents=[p.doc for p in pending], after_insert=after_insert
            )
    except (IntegrityError, _StageFailedError) as exc:
        if len(pending) > 1:
            # Someone else stored one of these meanwhile, or one document's stage failed:
            # find which by storing each document in its own transaction.
            for one in pending:
                _flush(engine, [one], store_result, emit)
            return
        doc = pending[0].doc
        if isinstance(exc, IntegrityError):
            message = f"could not store: {_db_message(exc)}"
        else:
            message = f"could not store the processing result: {exc.cause}"
        emit(
            Outcome(doc.source, "skipped", sha256=doc.sha256, reason=STORE_FAILED, message=message)
        )
        return
    except SQLAlchemyError as exc:
        raise DatabaseError(f"cannot write to the store: {_db_message(exc)}") from None
    languages = {p.doc.sha256: p.doc.language for p in pending}
    for res in results:
        emit(
            Outcome(
                res.source,
                res.status,
                sha256=res.sha256,
                document_id=res.document_id,
                language=languages.get(res.sha256),
            )
        )


def _db_message(exc: SQLAlchemyError) -> str:
    orig: Any = getattr(exc, "orig", None)
    return " ".join(str(orig or exc).split())[:300]
