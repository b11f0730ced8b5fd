"""The protocol side of `factlint lsp`: documents in, diagnostics, hovers and code actions out (pygls).

Opening or saving a document lints it at once; a change waits `debounce` seconds and is linted only if
no newer change came meanwhile, so a burst of keystrokes costs one lint of the latest text. Linting
runs on the server's one event loop: nothing else reads the session's caches while it does.
"""
from __future__ import annotations

import asyncio
import logging
import os
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from .. import __version__
from ..config import ConfigError
from ..fields import RuleError
from .features import Positions, SeedLocator, code_actions, diagnostics, fix_all, hover
from .session import Linted, Session, is_draft, is_plain

DEBOUNCE_SECONDS = 0.3
ACTION_KINDS = (types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll)
# what a configuration or a rule pack is made of; a change to any of them reloads
WATCHED = ("**/.factlint.yaml", "**/pyproject.toml", "**/*.yaml", "**/*.yml", "**/seeds/**")
logger = logging.getLogger(__name__)


class FactlintServer(LanguageServer):
    """A language server whose state is the lint session, the latest result of each document and the
    pending (debounced) lints."""

    def __init__(self, debounce: float = DEBOUNCE_SECONDS, session: Session | None = None):
        super().__init__("factlint", __version__)
        self.debounce = debounce
        self.session = session or Session()
        self.results: dict[str, tuple[int | None, Linted | None]] = {}
        self.pending: dict[str, asyncio.Task] = {}
        self.shown: set[str] = set()
        self.seeds: SeedLocator | None = None

    def units_of(self, text: str) -> int:
        return self.workspace.position_codec.client_num_units(text)

    def positions(self, uri: str) -> Positions:
        return Positions(self.workspace.get_text_document(uri).source, self.units_of)

    def draft_path(self, uri: str) -> Path:
        """The file whose configuration applies; a buffer never saved is taken to be in the workspace."""
        document = self.workspace.get_text_document(uri)
        path = to_fs_path(uri) if uri.startswith("file:") else None
        if path:
            return Path(path)
        return Path(self.workspace.root_path or os.getcwd()) / (document.filename or "untitled")

    def linted(self, uri: str) -> Linted | None:
        """The document's findings at its current version, linted now unless they are known."""
        document = self.workspace.get_text_document(uri)
        known = self.results.get(uri)
        if known is not None and known[0] == document.version:
            return known[1]
        path, result = self.draft_path(uri), None
        if is_draft(path, document.language_id):
            try:
                result = self.session.lint(path, document.source, is_plain(path, document.language_id))
            except (ConfigError, RuleError) as exc:
                self.show_once(exc.messages)
        self.results[uri] = (document.version, result)
        return result

    def show_once(self, messages: list[str]) -> None:
        """A broken configuration or pack as one message, not again for every document or keystroke."""
        text = "\n".join(f"factlint: {m}" for m in messages)
        if text not in self.shown:
            self.shown.add(text)
            self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=text))

    def publish(self, uri: str) -> None:
        self.cancel(uri)
        document = self.workspace.get_text_document(uri)
        linted = self.linted(uri)
        if self.seeds is None:
            self.seeds = SeedLocator(self.units_of)
        found = diagnostics(linted, self.positions(uri), uri, self.seeds) if linted else []
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=document.version, diagnostics=found))

    def schedule(self, uri: str) -> None:
        """Lint after the debounce delay, unless another change comes first."""
        self.cancel(uri)
        self.pending[uri] = asyncio.ensure_future(self._publish_later(uri))

    async def _publish_later(self, uri: str) -> None:
        await asyncio.sleep(self.debounce)
        self.pending.pop(uri, None)
        try:
            self.publish(uri)
        except Exception as exc:  # noqa: BLE001 - a bug must cost one document's diagnostics, not the server
            logger.exception("linting %s failed", uri)
            self.show_once([f"linting failed: {exc!r}"])

    def cancel(self, uri: str) -> None:
        task = self.pending.pop(uri, None)
        if task is not None and task is not asyncio.current_task():
            task.cancel()

    def forget(self, uri: str) -> None:
        self.cancel(uri)
        self.results.pop(uri, None)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def reload(self) -> None:
        """A configuration or rule file changed: load them anew and lint every open document again."""
        self.session.reset()
        self.results.clear()
        self.shown.clear()
        self.seeds = None
        for uri in list(self.workspace.text_documents):
            self.publish(uri)


def build(debounce: float = DEBOUNCE_SECONDS, session: Session | None = None) -> FactlintServer:
    """The server with its handlers registered."""
    server = FactlintServer(debounce, session)

    @server.feature(types.INITIALIZED)
    def initialized(ls: FactlintServer, params: types.InitializedParams) -> None:
        watched = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
        if watched and watched.dynamic_registration:
            options = types.DidChangeWatchedFilesRegistrationOptions(
                watchers=[types.FileSystemWatcher(glob_pattern=glob) for glob in WATCHED])
            ls.client_register_capability(types.RegistrationParams(registrations=[types.Registration(
                id="factlint-watch", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options)]))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: FactlintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: FactlintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: FactlintServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: FactlintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def files_changed(ls: FactlintServer, params: types.DidChangeWatchedFilesParams) -> None:
        ls.reload()

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def on_hover(ls: FactlintServer, params: types.HoverParams) -> types.Hover | None:
        linted = ls.linted(params.text_document.uri)
        if linted is None:
            return None
        positions = ls.positions(params.text_document.uri)
        return hover(linted, *positions.from_client(params.position), positions)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=list(ACTION_KINDS)))
    def on_code_action(ls: FactlintServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        only = params.context.only or ACTION_KINDS     # an editor may ask only for some kinds (on save)
        if not any(_kind_covers(requested, kind) for requested in only for kind in ACTION_KINDS):
            return None
        linted = ls.linted(uri)
        if linted is None:
            return None
        positions = ls.positions(uri)
        by_span = {((f.line, f.column, f.end_line, f.end_column), f.rule): d
                   for f, d in zip(linted.findings, diagnostics(linted, positions, uri, ls.seeds or SeedLocator(ls.units_of)))}
        edit = ls.client_capabilities.workspace and ls.client_capabilities.workspace.workspace_edit
        snippets = bool(edit and edit.snippet_edit_support)
        version = ls.workspace.get_text_document(uri).version
        first, last = positions.from_client(params.range.start)[0], positions.from_client(params.range.end)[0]
        actions = code_actions(linted, uri, version, positions, first, last, by_span, snippets)
        actions += [action for action in [fix_all(linted, uri, positions)] if action is not None]
        return [a for a in actions if any(_kind_covers(requested, a.kind) for requested in only)] or None

    return server


def _kind_covers(requested: str, kind: str) -> bool:
    """Code action kinds are dotted: "quickfix" asks for "quickfix.x" too."""
    return kind == requested or kind.startswith(f"{requested}.")


def serve(debounce: float = DEBOUNCE_SECONDS, rule_dirs: list[Path] | None = None, config: Path | None = None,
          no_config: bool = False) -> int:
    """Run the server on stdin/stdout until the client ends it (the options are `factlint check`'s)."""
    build(debounce, Session(rule_dirs, config, no_config)).start_io()
    return 0
