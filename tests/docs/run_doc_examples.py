#!/usr/bin/env python3
"""Runs every ```console example of the given Markdown files and checks its output.

In a console block, a line starting with "$ " is a command; the lines after it, up to
the next command or the end of the block, are what it must print (stdout and stderr as
a terminal shows them, in order). A last line "[exit N]" means the command must exit
with N (otherwise 0). In an expected line, "[...]" matches any text (for times that
change run to run). A console block without a command, or one left open at the end of
the file, is an error: a slip in the markup must not quietly leave examples unchecked.
Commands run with bash in a fresh directory per Markdown file, with the built hsg first
on PATH and HSG_DB pointing at hsg.db there, so a guide's examples run in order against
the same database, like a reader typing them. The directory has `docs` and `rules`
(links to the repository's), so paths like docs/examples/… work, and every file a guide shows in a
named block (a fence like ```python check_chain.py) is written there before the first
command runs, so scripts a guide gives to its readers are run exactly as printed.

Usage: run_doc_examples.py HSG_DIRECTORY REPO_ROOT FILE.md...
"""
import os
import re
import subprocess
import sys
import tempfile


class BadBlock(Exception):
    """A console block that would look tested and check nothing."""


def examples(path):
    """Yields (line number, command, expected lines, expected exit) in file order."""
    in_console = False
    current = None
    block_start = block_commands = 0
    with open(path, encoding="utf-8") as markdown:
        for number, line in enumerate(markdown, start=1):
            line = line.rstrip("\n")
            if not in_console:
                in_console = line.strip() == "```console"
                block_start, block_commands = number, 0
                continue
            if line.strip() == "```":
                in_console = False
                if block_commands == 0:
                    raise BadBlock(f"{path}:{block_start}: console block without a '$ ' command")
                if current:
                    yield current
                current = None
            elif line.startswith("$ "):
                block_commands += 1
                if current:
                    yield current
                current = [number, line[2:], [], 0]
            elif current is not None:
                exit_code = re.fullmatch(r"\[exit (\d+)\]", line)
                if exit_code:
                    current[3] = int(exit_code.group(1))
                else:
                    current[2].append(line)
    if in_console:
        raise BadBlock(f"{path}:{block_start}: console block never closed with ```")


def named_files(path):
    """Yields (name, text) of every fenced block whose info string is "LANG NAME"."""
    name, lines = None, []
    with open(path, encoding="utf-8") as markdown:
        for line in markdown:
            fence = re.fullmatch(r"```\w+ ([\w.-]+)\n?", line)
            if name is None and fence:
                name, lines = fence.group(1), []
            elif name is not None and line.strip() == "```":
                yield name, "".join(lines)
                name = None
            elif name is not None:
                lines.append(line)


def matches(expected, actual):
    pattern = "".join(
        ".*" if part == "[...]" else re.escape(part)
        for part in re.split(r"(\[\.\.\.\])", expected))
    return re.fullmatch(pattern, actual) is not None


def run(path, hsg_directory, root, directory):
    failures = 0
    count = 0
    for shared in ("docs", "rules"):
        os.symlink(os.path.join(root, shared), os.path.join(directory, shared))
    for name, text in named_files(path):
        with open(os.path.join(directory, name), "w", encoding="utf-8") as out:
            out.write(text)
    environment = dict(os.environ, HSG_DB=os.path.join(directory, "hsg.db"), LC_ALL="C.UTF-8",
                       PATH=hsg_directory + os.pathsep + os.environ["PATH"])
    for number, command, expected, exit_code in examples(path):
        count += 1
        result = subprocess.run(["bash", "-c", command], cwd=directory, env=environment,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                text=True, timeout=300)
        actual = result.stdout.splitlines()
        ok = result.returncode == exit_code and len(actual) == len(expected) and all(
            matches(want, got) for want, got in zip(expected, actual))
        if not ok:
            failures += 1
            print(f"{path}:{number}: $ {command}")
            print(f"  exit {result.returncode}, expected {exit_code}")
            print("  expected:\n    " + "\n    ".join(expected))
            print("  got:\n    " + "\n    ".join(actual))
    return count, failures


def main():
    hsg_directory, root, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    failed = 0
    for path in files:
        with tempfile.TemporaryDirectory(prefix="hsg-docs-") as directory:
            try:
                count, failures = run(os.path.join(root, path), hsg_directory, root, directory)
            except BadBlock as error:
                print(error)
                return 1
        # A guide without console blocks (e.g. the developer guide) simply has none.
        print(f"{path}: {count} examples, {failures} failed")
        failed += failures
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
