"""The documentation tests itself: every command is documented, and the README's commands are real."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import click
import pytest

from powledger.cli import main

ROOT = Path(__file__).resolve().parents[1]


def _command_paths(group: click.Group, prefix: str = "powledger") -> list[str]:
    paths = []
    for name, command in sorted(group.commands.items()):
        path = f"{prefix} {name}"
        if isinstance(command, click.Group):
            paths.extend(_command_paths(command, path))
        else:
            paths.append(path)
    return paths


COMMANDS = _command_paths(main)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_a_section_in_the_cli_reference(command: str) -> None:
    reference = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    headings = re.findall(r"^#+ `([^`]+)`", reference, flags=re.MULTILINE)
    assert command in headings, f"docs/cli.md has no section '## `{command}`'"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    args = [*command.split()[1:], "--help"]
    result = subprocess.run(
        [sys.executable, "-m", "powledger", *args], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "Usage:" in result.stdout


def test_readme_has_exactly_two_setup_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:sh|bash|console)\n(.*?)```", readme, flags=re.DOTALL)
    setup = [b.strip() for b in blocks[:2]]
    assert len(setup) == 2
    assert all("\n" not in command for command in setup), "each set-up command is one line"
    assert setup[0].endswith("powledger demo")
    assert "pytest" in setup[1]


def test_ci_runs_exactly_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    test_command = re.findall(r"```(?:sh|bash|console)\n(.*?)```", readme, flags=re.DOTALL)[1].strip()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines()
