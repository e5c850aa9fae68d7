"""`powledger user` and `powledger serve` called as a user would."""

from __future__ import annotations

import subprocess
import sys

from click.testing import CliRunner
from sqlalchemy import select

from powledger.cli import main
from powledger.store.db import open_engine, session_scope
from powledger.store.schema_accounts import User
from powledger.web.accounts import authenticate


def test_user_add_hashes_the_password_with_argon2(sqlite_url: str) -> None:
    runner = CliRunner()
    result = runner.invoke(
        main,
        ["--db", sqlite_url, "user", "add", "maria", "--password-stdin"],
        input="long enough pass\n",
    )
    assert result.exit_code == 0, result.output
    assert "Editor maria added." in result.output
    with session_scope(open_engine(sqlite_url)) as session:
        stored = session.scalar(select(User.password_hash).where(User.name == "maria"))
        assert stored is not None and stored.startswith("$argon2id$")
        assert "long enough pass" not in stored
        assert (
            authenticate(session=session, name="maria", password="long enough pass").name == "maria"
        )
    listed = runner.invoke(main, ["--db", sqlite_url, "user", "list"])
    assert listed.output.startswith("maria\teditor\tactive")


def test_user_add_prompts_twice_without_echo(sqlite_url: str) -> None:
    result = CliRunner().invoke(
        main, ["--db", sqlite_url, "user", "add", "ivan"], input="secret-pass-9\nsecret-pass-9\n"
    )
    assert result.exit_code == 0, result.output
    assert "secret-pass-9" not in result.output


def test_user_add_bad_input_is_one_line(sqlite_url: str) -> None:
    runner = CliRunner()
    args = ["--db", sqlite_url, "user", "add"]
    cases = [
        (["olga", "--password-stdin"], "short\n", "at least 8 characters"),
        (["two words", "--password-stdin"], "long enough pass\n", "without spaces"),
        (["olga", "--password-stdin"], "", "no password"),
    ]
    for extra, stdin, message in cases:
        result = runner.invoke(main, args + extra, input=stdin)
        assert result.exit_code == 1, result.output
        assert result.output.strip().splitlines()[-1].startswith("Error:")
        assert message in result.output
        assert "Traceback" not in result.output
    runner.invoke(main, [*args, "olga", "--password-stdin"], input="long enough pass\n")
    again = runner.invoke(main, [*args, "olga", "--password-stdin"], input="long enough pass\n")
    assert again.exit_code == 1
    assert "already exists" in again.output


def test_serve_with_an_unusable_database_fails_cleanly(tmp_path: object) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "powledger",
            "--db",
            f"sqlite:///{tmp_path}/missing/dir/x.db",
            "serve",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("Error:")
    assert "Traceback" not in result.stderr
