"""``powledger user``: editor accounts for the web dashboard."""

from __future__ import annotations

import sys

import click

from powledger.cli.app import AppContext, main
from powledger.errors import ConfigError, InputError


@main.group()
def user() -> None:
    """Manage editor accounts (anyone may read; editors may change)."""


@user.command("add")
@click.argument("name")
@click.option(
    "--password-stdin",
    is_flag=True,
    help="Read the password from the first line of standard input instead of prompting.",
)
@click.pass_obj
def add(app: AppContext, name: str, password_stdin: bool) -> None:
    """Create the editor account NAME (the password is stored as an argon2 hash)."""
    try:
        from powledger.web.accounts import add_user
    except ImportError as exc:
        raise ConfigError(
            f"accounts need the web extras ({exc.name} is missing): pip install 'powledger[web]'"
        ) from None
    from powledger.store.db import session_scope

    if password_stdin:
        line = sys.stdin.readline()
        if not line:
            raise InputError("no password on standard input")
        password = line.rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    with session_scope(app.engine()) as session:
        add_user(session=session, name=name, password=password)
    click.echo(f"Editor {name} added.")


@user.command("list")
@click.pass_obj
def list_(app: AppContext) -> None:
    """List the editor accounts."""
    try:
        from powledger.web.accounts import list_users
    except ImportError as exc:
        raise ConfigError(
            f"accounts need the web extras ({exc.name} is missing): pip install 'powledger[web]'"
        ) from None
    from powledger.store.db import session_scope

    with session_scope(app.engine()) as session:
        users = list_users(session=session)
        for account in users:
            state = "active" if account.active else "disabled"
            click.echo(f"{account.name}\t{account.role}\t{state}\t{account.created_at:%Y-%m-%d}")
        if not users:
            click.echo("No accounts yet: add one with `powledger user add NAME`.")
