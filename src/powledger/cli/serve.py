"""``powledger serve``: the web dashboard and the REST API."""

from __future__ import annotations

import click

from powledger.cli.app import AppContext, main
from powledger.errors import ConfigError


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(1, 65535),
    help="Port to listen on.",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Worker processes (each opens its own database connections).",
)
@click.pass_obj
def serve(app: AppContext, host: str, port: int, workers: int) -> None:
    """Serve the dashboard and the REST API (/api/v1) over HTTP."""
    try:
        import uvicorn

        from powledger.api import create_app  # noqa: F401  (fails early without the web extras)
    except ImportError as exc:
        raise ConfigError(
            f"the web server needs the web extras ({exc.name} is missing): pip install 'powledger[web]'"
        ) from None
    # Open (and migrate) the database once here, so a bad URL fails before the server starts.
    app.engine()
    click.echo(f"Serving powledger on http://{host}:{port}/ (Ctrl+C to stop)", err=True)
    if workers == 1:
        from powledger.api import create_app as build

        uvicorn.run(
            build(app.settings), host=host, port=port, log_level="warning", access_log=False
        )
        return
    # Several workers need an import string; the factory reads the database URL from the environment.
    import os

    os.environ["POWLEDGER_DATABASE_URL"] = app.settings.database_url
    uvicorn.run(
        "powledger.api.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        access_log=False,
    )
