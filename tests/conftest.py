"""Test-wide settings: the cache (compiled packs and patterns) lives in a temporary directory, never in
~/.cache; YAML as an editor reads it."""
import os
import shutil
import tempfile

import pytest
import yaml

_CACHE = {}


def pytest_configure(config):
    # before the test modules are imported: importing linter.cli reads the cache of compiled patterns
    _CACHE["saved"] = os.environ.get("FACTLINT_CACHE_DIR")
    _CACHE["dir"] = tempfile.mkdtemp(prefix="factlint-cache-")
    os.environ["FACTLINT_CACHE_DIR"] = _CACHE["dir"]


def pytest_unconfigure(config):
    shutil.rmtree(_CACHE.pop("dir"), ignore_errors=True)
    saved = _CACHE.pop("saved")
    if saved is None:
        os.environ.pop("FACTLINT_CACHE_DIR", None)
    else:
        os.environ["FACTLINT_CACHE_DIR"] = saved


class _EditorLoader(yaml.SafeLoader):
    """YAML as an editor's language server reads it (YAML 1.2: a date is a string)."""


_EditorLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


@pytest.fixture
def editor_yaml():
    """Parse YAML text as an editor validating against docs/rule-pack.schema.json sees it."""
    return lambda text: yaml.load(text, Loader=_EditorLoader)
