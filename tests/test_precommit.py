"""factlint as a pre-commit hook, end to end with the real pre-commit; and the CI examples in docs/ci/.

The hook repository is a copy of this checkout's files (tracked and untracked, not ignored) committed in a
temporary git repo, so the test sees the working tree as it is, on a clean clone as well as in a checkout
with uncommitted changes. An editorial repository points at it with `repo:` and `rev:` (its HEAD), and
`git commit` runs the installed hook. pre-commit builds the hook environment like for any user: a new
virtualenv and `pip install .`, which needs PyPI (hatchling and factlint's dependencies). It is built once
for the module (one PRE_COMMIT_HOME): a few seconds with pip's cache, up to a minute without.

The CI examples are parsed, their `factlint check` lines are checked against factlint's own argument
parser, and their shell steps are run in a simulated pull/merge request and a push to the default branch.
"""
from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from linter.cli import DRAFT_SUFFIXES

ROOT = Path(__file__).resolve().parents[1]
WRONG = "---\ndate: 2024-03-01\n---\n# Sora\n\nDie Clips von Sora sind bis zu zwei Minuten lang.\n"
RIGHT = "---\ndate: 2024-03-01\n---\n# Sora\n\nDie Clips von Sora sind bis zu einer Minute lang.\n"
FINDING = re.compile(r"drafts/sora\.md:6:\d+: error \[sora\.clip\.max-length\]")
NOT_COPIED = {".git", ".venv", "build", "dist", ".pytest_cache", "__pycache__"}


def _run(cmd, cwd: Path, env: dict, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)


def _env(pre_commit_home: Path) -> dict:
    """The environment without anything that would point git or Python elsewhere (a GIT_DIR from a hook
    running these tests, the user's global git config with its hooksPath or signing)."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("GIT_", "PRE_COMMIT")) and k not in ("PYTHONPATH", "PYTHONHOME", "SKIP")}
    env.update(PRE_COMMIT_HOME=str(pre_commit_home), GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
    return env


def _git(repo: Path, env: dict, *args: str) -> subprocess.CompletedProcess:
    done = _run(["git", *args], repo, env)
    assert done.returncode == 0, f"git {' '.join(args)}: {done.stdout}{done.stderr}"
    return done


def _init(repo: Path, env: dict) -> None:
    repo.mkdir(parents=True, exist_ok=True)
    _git(repo, env, "init", "-q")
    _git(repo, env, "config", "user.name", "factlint test")
    _git(repo, env, "config", "user.email", "factlint-test@example.invalid")
    _git(repo, env, "config", "commit.gpgsign", "false")


def _pre_commit(repo: Path, env: dict, *args: str) -> subprocess.CompletedProcess:
    return _run([sys.executable, "-m", "pre_commit", *args], repo, env)


def _checkout_files() -> list[Path]:
    """The checkout's files as a commit would have them: tracked and untracked, not ignored, not deleted."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, text=True)
    if listed.returncode == 0:
        names = [Path(n) for n in listed.stdout.split("\0") if n]
    else:  # not a git checkout (an unpacked sdist): everything but caches and build output
        names = [p.relative_to(ROOT) for p in ROOT.rglob("*")
                 if not NOT_COPIED.intersection(p.relative_to(ROOT).parts) and not p.suffix == ".pyc"]
    return [n for n in names if (ROOT / n).is_file()]


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> dict:
    return _env(tmp_path_factory.mktemp("pre-commit-home"))


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory, env) -> tuple[Path, str]:
    """A git repo with this working tree committed: (path, HEAD sha)."""
    repo = tmp_path_factory.mktemp("factlint-hook-repo")
    for name in _checkout_files():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, repo / name)
    _init(repo, env)
    _git(repo, env, "add", "-A")
    _git(repo, env, "commit", "-q", "--no-verify", "-m", "factlint under test")
    return repo, _git(repo, env, "rev-parse", "HEAD").stdout.strip()


def _config(hook_repo: tuple[Path, str], hooks: str) -> str:
    path, sha = hook_repo
    return f"repos:\n  - repo: {path.as_posix()}\n    rev: {sha}\n    hooks:\n{hooks}"


BOTH_HOOKS = "      - id: factlint\n      - id: factlint-all\n"


@pytest.fixture(scope="module")
def installed(tmp_path_factory, env, hook_repo) -> None:
    """Build the hook environment once (clone + virtualenv + pip install .) for every test here."""
    repo = tmp_path_factory.mktemp("install")
    _init(repo, env)
    (repo / ".pre-commit-config.yaml").write_text(_config(hook_repo, BOTH_HOOKS), encoding="utf-8")
    done = _pre_commit(repo, env, "install-hooks")
    if done.returncode != 0:
        pytest.fail("pre-commit could not build the factlint hook environment. It runs `pip install .` of "
                    "the hook repository in a new virtualenv, which downloads hatchling and factlint's "
                    "dependencies: is PyPI reachable from here (network, proxy, pip config)?\n"
                    f"--- pre-commit install-hooks ---\n{done.stdout}{done.stderr}", pytrace=False)


def _editorial(path: Path, env: dict, config: str) -> Path:
    """A newsroom repo with the hooks installed as git's pre-commit hook."""
    _init(path, env)
    (path / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    _git(path, env, "add", ".pre-commit-config.yaml")
    done = _pre_commit(path, env, "install")
    assert done.returncode == 0, done.stdout + done.stderr
    return path


def _commit(repo: Path, env: dict, *paths: str) -> subprocess.CompletedProcess:
    _git(repo, env, "add", *paths)
    return _run(["git", "commit", "-m", "draft"], repo, env)


def _head(repo: Path, env: dict) -> str | None:
    done = _run(["git", "rev-parse", "-q", "--verify", "HEAD"], repo, env)
    return done.stdout.strip() if done.returncode == 0 else None


def _write(repo: Path, name: str, text: str) -> None:
    (repo / name).parent.mkdir(parents=True, exist_ok=True)
    (repo / name).write_text(text, encoding="utf-8")


# --- the manifest -------------------------------------------------------------------------------------

def _hooks() -> dict:
    return {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}


def test_manifest_and_own_config_validate():
    for command, name in (("validate-manifest", ".pre-commit-hooks.yaml"),
                          ("validate-config", ".pre-commit-config.yaml")):
        done = _run([sys.executable, "-m", "pre_commit", command, name], ROOT, dict(os.environ))
        assert done.returncode == 0, done.stdout + done.stderr


def test_hook_files_are_the_drafts_factlint_walks():
    hooks = _hooks()
    assert set(hooks) == {"factlint", "factlint-all"}
    drafts = re.compile(hooks["factlint"]["files"])
    for suffix in DRAFT_SUFFIXES:
        assert drafts.search(f"drafts/a{suffix}") and drafts.search(f"A{suffix.upper()}"), suffix
    for other in ("rules/sora.yaml", "linter/cli.py", "img/a.png", "notes.md.bak"):
        assert not drafts.search(other), other
    assert hooks["factlint"]["require_serial"] is True
    assert hooks["factlint"].get("pass_filenames", True) is True

    every = hooks["factlint-all"]
    assert every["pass_filenames"] is False and every["args"] == ["."]
    trigger = re.compile(every["files"])
    for changed in ("facts/sora.yaml", "rules/x.yml", ".factlint.yaml", ".pre-commit-config.yaml",
                    "pyproject.toml", "desk/pyproject.toml", "drafts/a.md", "a.txt"):
        assert trigger.search(changed), changed
    for changed in ("linter/cli.py", "img/a.png", "data.csv", "mypyproject.toml", "pyproject.toml.bak"):
        assert not trigger.search(changed), changed


# --- end to end: the real pre-commit in a newsroom repo -------------------------------------------------

def test_commit_with_a_contradiction_is_rejected(installed, hook_repo, env, tmp_path):
    repo = _editorial(tmp_path / "newsroom", env, _config(hook_repo, BOTH_HOOKS))
    _write(repo, "drafts/sora.md", WRONG)
    done = _commit(repo, env, "drafts/sora.md")
    output = done.stdout + done.stderr
    assert done.returncode != 0, output
    assert FINDING.search(output), output
    assert re.search(r"factlint \(fact-check drafts\)\.+Failed", output), output
    assert _head(repo, env) is None, "the commit was made"


def test_correct_draft_is_committed(installed, hook_repo, env, tmp_path):
    repo = _editorial(tmp_path / "newsroom", env, _config(hook_repo, BOTH_HOOKS))
    _write(repo, "drafts/sora.md", RIGHT)
    done = _commit(repo, env, "drafts/sora.md")
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert re.search(r"factlint \(fact-check drafts\)\.+Passed", output), output
    assert re.search(r"factlint \(all drafts\)\.+Passed", output), output
    assert _head(repo, env) is not None


def test_rule_change_rechecks_every_draft(installed, hook_repo, env, tmp_path):
    """A newsroom with its own pack (`--rules facts`, a copy of the default one): a draft committed
    without the hooks is wrong; changing a rule file runs factlint-all, which finds it; a commit that
    touches neither rules nor drafts runs no factlint at all."""
    hooks = ("      - id: factlint\n        args: [--rules, facts]\n"
             "      - id: factlint-all\n        args: [--rules, facts]\n")
    repo = _editorial(tmp_path / "newsroom", env, _config(hook_repo, hooks))
    shutil.copytree(ROOT / "rules", repo / "facts")
    _write(repo, "drafts/sora.md", WRONG)
    _git(repo, env, "add", "-A")
    _git(repo, env, "commit", "-q", "--no-verify", "-m", "an old draft, from before the hooks")

    _write(repo, "data/figures.csv", "a,b\n1,2\n")
    done = _commit(repo, env, "data/figures.csv")
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert re.search(r"factlint \(all drafts\)\.+\(no files to check\)Skipped", output), output
    before = _head(repo, env)

    rule_file = next(iter(sorted((repo / "facts").glob("*.yaml"))))
    with rule_file.open("a", encoding="utf-8") as f:
        f.write("# reviewed by the fact desk\n")
    done = _commit(repo, env, f"facts/{rule_file.name}")
    output = done.stdout + done.stderr
    assert done.returncode != 0, output
    assert re.search(r"factlint \(fact-check drafts\)\.+\(no files to check\)Skipped", output), output
    assert re.search(r"factlint \(all drafts\)\.+Failed", output), output
    assert FINDING.search(output), output
    assert _head(repo, env) == before, "the commit was made"


def test_own_config_is_green_on_this_repository(hook_repo, env, tmp_path):
    """The project's .pre-commit-config.yaml (language: system, `python -m linter` of the working tree)
    passes on every file of the repository, the deliberately wrong examples included."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    # a script, not a symlink: Python finds its virtualenv from the path it is started by, and a link
    # in another directory would start the base interpreter, without this environment's packages
    python = bin_dir / "python"
    python.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n', encoding="utf-8")
    python.chmod(0o755)
    own = dict(env, PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}")
    done = _pre_commit(hook_repo[0], own, "run", "--all-files")
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert re.search(r"factlint on the example drafts\.+Passed", output), output


# --- docs/ci: the examples parse, use the right formats, and their shell steps work -----------------

GITHUB = ROOT / "docs/ci/github-actions.yml"
GITLAB = ROOT / "docs/ci/gitlab-ci.yml"


def _github_steps() -> dict:
    workflow = yaml.safe_load(GITHUB.read_text(encoding="utf-8"))
    (job,) = workflow["jobs"].values()
    return workflow, {s.get("name", s.get("uses")): s for s in job["steps"]}


def _gitlab_job() -> dict:
    return yaml.safe_load(GITLAB.read_text(encoding="utf-8"))["factlint"]


def test_github_actions_example():
    workflow, steps = _github_steps()
    triggers = workflow.get("on", workflow.get(True))           # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    assert workflow["permissions"]["security-events"] == "write"
    assert steps["factlint (SARIF)"]["run"].startswith("factlint check --format sarif . > factlint.sarif")
    changed = steps["factlint (changed drafts)"]
    assert changed["if"] == "${{ github.event_name == 'pull_request' }}"
    assert changed["env"]["BASE_REF"] == "${{ github.base_ref }}"
    assert changed["run"] == 'factlint check --format github --diff-base "origin/$BASE_REF" .'
    assert steps["factlint (all drafts)"]["run"] == "factlint check --format github ."
    upload = next(s for s in steps.values() if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif@"))
    assert upload["with"]["sarif_file"] == "factlint.sarif"
    checkout = next(s for s in steps.values() if str(s.get("uses", "")).startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    _commands_parse(GITHUB.read_text(encoding="utf-8"), {"github", "sarif"})


def test_gitlab_ci_example():
    job = _gitlab_job()
    script = "\n".join(job["script"])
    assert "factlint check --format gitlab . > gl-code-quality-report.json" in script
    assert 'git merge-base HEAD "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"' in script
    assert '--diff-base "$base"' in script
    assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert job["artifacts"]["when"] == "always"
    assert job["variables"]["GIT_DEPTH"] == 0
    conditions = " ".join(r["if"] for r in job["rules"])
    assert "merge_request_event" in conditions and "$CI_DEFAULT_BRANCH" in conditions
    _commands_parse(GITLAB.read_text(encoding="utf-8"), {"gitlab"})


def _commands_parse(text: str, formats: set[str]) -> None:
    """Every `factlint check ...` line of the example is accepted by factlint's own argument parser."""
    from linter.cli import _parser
    commands = re.findall(r"^[\s-]*(?:run: )?(factlint check[^>|\n]*)", text, re.MULTILINE)
    assert commands
    used = set()
    for command in commands:
        argv = [("REF" if "$" in arg else arg) for arg in shlex.split(command)[1:]]
        try:
            args = _parser().parse_args(argv)
        except SystemExit:
            pytest.fail(f"factlint rejects the command in the example: {command}")
        used.add(args.format)
    assert formats <= used <= formats | {"text"}, used


def _sh(script: str, cwd: Path, env: dict) -> subprocess.CompletedProcess:
    """A CI script step as the runners run it: bash, stopping at the first failing command."""
    return _run(["bash", "-eo", "pipefail", "-c", script], cwd, env)


@pytest.fixture(scope="module")
def ci(tmp_path_factory) -> tuple[Path, dict]:
    """An editorial origin repo: main had a wrong draft, fixed on main after `feature` branched off;
    `feature` adds a new wrong draft. (origin path, environment with this factlint on PATH)"""
    top = tmp_path_factory.mktemp("ci")
    bin_dir = top / "bin"
    bin_dir.mkdir()
    (bin_dir / "factlint").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m linter "$@"\n', encoding="utf-8")
    (bin_dir / "factlint").chmod(0o755)
    env = _env(top / "unused-pre-commit-home")
    env.update(PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}", PYTHONPATH=str(ROOT),
               GIT_AUTHOR_NAME="desk", GIT_AUTHOR_EMAIL="desk@example.invalid",
               GIT_COMMITTER_NAME="desk", GIT_COMMITTER_EMAIL="desk@example.invalid")
    origin, work = top / "origin.git", top / "work"
    _git(top, env, "init", "-q", "--bare", "-b", "main", str(origin))
    _git(top, env, "clone", "-q", str(origin), str(work))
    _git(work, env, "checkout", "-q", "-b", "main")
    _write(work, "drafts/old.md", WRONG)
    _git(work, env, "add", "-A")
    _git(work, env, "commit", "-q", "-m", "old draft")
    _git(work, env, "checkout", "-q", "-b", "feature")
    _write(work, "drafts/new.md", WRONG)
    _git(work, env, "add", "-A")
    _git(work, env, "commit", "-q", "-m", "new draft")
    _git(work, env, "checkout", "-q", "main")
    _write(work, "drafts/old.md", RIGHT)
    _git(work, env, "commit", "-q", "-am", "fact desk fixes the old draft")
    _git(work, env, "push", "-q", "origin", "main", "feature")
    return origin, env


def _clone(origin: Path, env: dict, path: Path, ref: str) -> Path:
    _git(path.parent, env, "clone", "-q", str(origin), str(path))
    _git(path, env, "checkout", "-q", "--detach", ref)
    return path


def test_gitlab_ci_job_runs_on_a_merge_request_and_the_default_branch(ci, tmp_path):
    origin, env = ci
    script = "\n".join(_gitlab_job()["script"])

    mr = _clone(origin, env, tmp_path / "mr", "origin/feature")
    _git(mr, env, "update-ref", "-d", "refs/remotes/origin/main")  # a merge request pipeline has only its own ref
    done = _sh(script, mr, dict(env, CI_MERGE_REQUEST_TARGET_BRANCH_NAME="main"))
    assert done.returncode == 1, done.stdout + done.stderr
    # the gate: the merge request's new draft, not the old draft's line that main has fixed since
    assert "drafts/new.md:6:" in done.stdout and "sora.clip.max-length" in done.stdout, done.stdout
    assert "drafts/old.md" not in done.stdout, done.stdout
    # the report: every draft of the checkout
    report = json.loads((mr / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert sorted(f["location"]["path"] for f in report) == ["drafts/new.md", "drafts/old.md"]

    default = _clone(origin, env, tmp_path / "main", "origin/main")
    done = _sh(script, default, env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads((default / "gl-code-quality-report.json").read_text(encoding="utf-8")) == []


def test_github_workflow_steps_run_on_a_pull_request_and_a_push(ci, tmp_path):
    origin, env = ci
    _, steps = _github_steps()

    # actions/checkout of a pull request: GitHub's merge of the head into the base
    pr = _clone(origin, env, tmp_path / "pr", "origin/main")
    _git(pr, env, "merge", "-q", "--no-ff", "--no-edit", "origin/feature")
    done = _sh(steps["factlint (SARIF)"]["run"], pr, env)
    assert done.returncode == 0, done.stdout + done.stderr
    sarif = json.loads((pr / "factlint.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    assert [r["ruleId"] for run in sarif["runs"] for r in run["results"]] == ["sora.clip.max-length"]
    done = _sh(steps["factlint (changed drafts)"]["run"], pr, dict(env, BASE_REF="main"))
    assert done.returncode == 1, done.stdout + done.stderr
    assert re.search(r"^::error file=drafts/new\.md,line=6,.*title=sora\.clip\.max-length::", done.stdout, re.M), done.stdout

    push = _clone(origin, env, tmp_path / "push", "origin/main")
    done = _sh(steps["factlint (all drafts)"]["run"], push, env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "::error" not in done.stdout
