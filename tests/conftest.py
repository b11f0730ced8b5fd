"""Test-wide settings: the compiled-pack cache lives in a temporary directory, never in ~/.cache."""
import pytest


@pytest.fixture(scope="session", autouse=True)
def _pack_cache(tmp_path_factory):
    directory = tmp_path_factory.mktemp("factlint-cache")
    patcher = pytest.MonkeyPatch()
    patcher.setenv("FACTLINT_CACHE_DIR", str(directory))
    yield directory
    patcher.undo()
