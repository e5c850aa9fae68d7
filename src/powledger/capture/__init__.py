"""Capture: read reports from files, directories, JSONL and stdin; clean them; detect their language.

Modules: ``base`` (result types, checks), ``files`` (paths, directories, stdin), ``jsonl``,
``clean`` (trafilatura), ``langid`` and ``pipeline`` (``ingest_paths``). Import from them directly:
this package imports nothing heavy on its own.
"""
