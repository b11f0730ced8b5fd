"""Test-wide settings: the compiled-pack cache lives in a temporary directory, never in ~/.cache; YAML
as an editor reads it."""
import pytest
import yaml


@pytest.fixture(scope="session", autouse=True)
def _pack_cache(tmp_path_factory):
    directory = tmp_path_factory.mktemp("factlint-cache")
    patcher = pytest.MonkeyPatch()
    patcher.setenv("FACTLINT_CACHE_DIR", str(directory))
    yield directory
    patcher.undo()


class _EditorLoader(yaml.SafeLoader):
    """YAML as an editor's language server reads it (YAML 1.2: a date is a string)."""


_EditorLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


@pytest.fixture
def editor_yaml():
    """Parse YAML text as an editor validating against docs/rule-pack.schema.json sees it."""
    return lambda text: yaml.load(text, Loader=_EditorLoader)
