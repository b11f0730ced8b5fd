"""`factlint lsp` end to end: a real LSP client (pytest-lsp) drives the server as a subprocess.

Every expectation about findings comes from `factlint check --format json` on the same text, and every
expected position is converted to the client's code units here, independently of the server.
"""
from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

REPO = Path(__file__).resolve().parent.parent
PUBLISH = types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS
# A German draft with three known errors, and before two of them characters that take two UTF-16 code
# units (emoji), a zero-width joiner and a combining accent (one code point each, one UTF-16 unit).
DRAFT = """---
title: "OpenAI kündigt Videomodell Sora an"
date: 2024-02-22
lang: de
---

# OpenAI kündigt Videomodell Sora an

OpenAI hat mit Sora ein Modell vorgestellt, das aus kurzen Textbeschreibungen Videos erzeugt.
🎬🎥 Die Clips des Generators sind nach Angaben des Unternehmens bis zu zwei Minuten lang.

Auf der Projektseite zeigt OpenAI rund drei Dutzend Beispielvideos.

Im Cafe\u0301 👩\u200d💻 zeigte OpenAI-Chef Sam Altmann auf X weitere Beispiele.
"""
CLIP, DEMO, NAME = "sora.clip.max-length", "sora.demo.count", "name.sam-altman"
UNITS = {
    types.PositionEncodingKind.Utf16: lambda s: len(s.encode("utf-16-le")) // 2,
    types.PositionEncodingKind.Utf8: lambda s: len(s.encode("utf-8")),
    types.PositionEncodingKind.Utf32: len,
}


def server(debounce_ms: int, *options: str) -> ClientServerConfig:
    return ClientServerConfig(server_command=[sys.executable, "-m", "linter", "lsp", "--debounce", str(debounce_ms), *options],
                              client_factory=make_client)


def make_client() -> LanguageClient:
    """pytest-lsp's client, keeping every published diagnostics notification in order, so that none is
    missed between two waits (two can arrive before a test's coroutine runs again)."""
    client = LanguageClient(converter_factory=default_converter)
    client.published = asyncio.Queue()

    def published(client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
        client.diagnostics[params.uri] = params.diagnostics
        client.published.put_nowait(params)
    register_lsp_features(client, {**DEFAULT_CLIENT_FEATURES, PUBLISH: published})
    return client


async def next_published(client: LanguageClient) -> types.PublishDiagnosticsParams:
    # the timeout only keeps a broken server from hanging the suite; nothing is measured
    return await asyncio.wait_for(client.published.get(), timeout=120)


@pytest_lsp.fixture(config=server(50))
async def client(lsp_client: LanguageClient):
    yield
    if not lsp_client.stopped:
        await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=server(1500))     # changes sent together always fall into one debounce
async def slow_client(lsp_client: LanguageClient):
    yield
    if not lsp_client.stopped:
        await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=server(50, "--no-config"))
async def isolated_client(lsp_client: LanguageClient):
    yield
    if not lsp_client.stopped:
        await lsp_client.shutdown_session()


async def initialize(client: LanguageClient, root: Path, encodings=None, snippets=False) -> types.InitializeResult:
    capabilities = types.ClientCapabilities(
        general=types.GeneralClientCapabilities(position_encodings=encodings),
        workspace=types.WorkspaceClientCapabilities(
            workspace_edit=types.WorkspaceEditClientCapabilities(document_changes=True, snippet_edit_support=snippets),
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=False)),
        text_document=types.TextDocumentClientCapabilities(
            publish_diagnostics=types.PublishDiagnosticsClientCapabilities(related_information=True, version_support=True),
            hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.Markdown]),
            code_action=types.CodeActionClientCapabilities(code_action_literal_support=types.ClientCodeActionLiteralOptions(
                code_action_kind=types.ClientCodeActionKindOptions(value_set=[types.CodeActionKind.QuickFix])))))
    return await client.initialize_session(types.InitializeParams(
        capabilities=capabilities, root_uri=root.as_uri(), workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="desk")]))


async def open_draft(client: LanguageClient, path: Path, text: str, language: str = "markdown") -> types.PublishDiagnosticsParams:
    path.write_text(text, encoding="utf-8")
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=path.as_uri(), language_id=language, version=1, text=text)))
    return await next_published(client)


def change(client: LanguageClient, path: Path, version: int, text: str | None = None, partial=None) -> None:
    """Send a change: the whole new text, or one partial change."""
    content = partial or types.TextDocumentContentChangeWholeDocument(text=text)
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=version), content_changes=[content]))


async def replace_all(client: LanguageClient, path: Path, text: str, version: int) -> types.PublishDiagnosticsParams:
    change(client, path, version, text)
    return await next_published(client)


def cli_findings(path: Path, text: str) -> list[dict]:
    """What `factlint check --format json` reports for the text at that path."""
    path.write_text(text, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "linter", "check", "--format", "json", str(path)],
                         capture_output=True, text=True, cwd=path.parent, timeout=120)
    assert run.returncode in (0, 1), run.stderr
    return json.loads(run.stdout)["findings"]


def client_range(text: str, finding: dict, units=UNITS[types.PositionEncodingKind.Utf16]) -> tuple:
    lines = text.split("\n")

    def position(line: int, column: int) -> tuple[int, int]:
        return line - 1, units(lines[line - 1][:column - 1])
    return position(finding["line"], finding["column"]), position(finding["end_line"], finding["end_column"])


def as_tuple(diagnostic: types.Diagnostic) -> tuple:
    r = diagnostic.range
    return (r.start.line, r.start.character), (r.end.line, r.end.character)


def offset(text: str, position: types.Position) -> int:
    """A UTF-16 protocol position as an index into the text (what an editor does with an edit)."""
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[:position.line])
    units, index, line = 0, 0, lines[position.line]
    while units < position.character:
        units += UNITS[types.PositionEncodingKind.Utf16](line[index])
        index += 1
    return start + index


def apply(text: str, edits) -> str:
    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        new = edit.new_text if isinstance(edit, types.TextEdit) else edit.snippet.value
        text = text[:offset(text, edit.range.start)] + new + text[offset(text, edit.range.end):]
    return text


def assert_same_as_cli(published: types.PublishDiagnosticsParams, text: str, expected: list[dict], units=None):
    units = units or UNITS[types.PositionEncodingKind.Utf16]
    severities = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
                  "info": types.DiagnosticSeverity.Information}
    got = [(as_tuple(d), d.code, d.severity) for d in published.diagnostics]
    assert got == [(client_range(text, f, units), f["rule"], severities[f["severity"]]) for f in expected]
    for diagnostic, finding in zip(published.diagnostics, expected):
        source = finding["sources"][0]
        # the message is the CLI's without the citation, which comes as related information
        cited = f' ({source["file"]}: "{source["quote"]}", Stand {finding["as_of"]})'
        assert cited in finding["message"] and diagnostic.message == finding["message"].replace(cited, "")
        assert diagnostic.source == "factlint"
        related = diagnostic.related_information[0]
        assert related.location.uri.endswith("/" + source["file"])
        assert source["quote"] in related.message and finding["as_of"] in related.message


@pytest.mark.asyncio
async def test_open_publishes_the_cli_findings_at_utf16_positions(client: LanguageClient, tmp_path: Path):
    result = await initialize(client, tmp_path)
    assert result.capabilities.position_encoding == types.PositionEncodingKind.Utf16
    draft = tmp_path / "entwurf.md"
    published = await open_draft(client, draft, DRAFT)
    expected = cli_findings(draft, DRAFT)
    assert [f["rule"] for f in expected] == [CLIP, DEMO, NAME]
    assert_same_as_cli(published, DRAFT, expected)
    # the emoji count twice in UTF-16: character 65 is code point 63 of the line
    assert as_tuple(published.diagnostics[0])[0] == (9, 65)


@pytest.mark.asyncio
@pytest.mark.parametrize("encoding", [types.PositionEncodingKind.Utf8, types.PositionEncodingKind.Utf32])
async def test_an_offered_position_encoding_is_used(client: LanguageClient, tmp_path: Path, encoding):
    result = await initialize(client, tmp_path, encodings=[encoding, types.PositionEncodingKind.Utf16])
    assert result.capabilities.position_encoding == encoding
    draft = tmp_path / "entwurf.md"
    published = await open_draft(client, draft, DRAFT)
    assert_same_as_cli(published, DRAFT, cli_findings(draft, DRAFT), UNITS[encoding])


@pytest.mark.asyncio
async def test_plain_text_is_read_as_the_cli_reads_a_txt_file(client: LanguageClient, tmp_path: Path):
    await initialize(client, tmp_path)
    text = "Die Clips von Sora sind bis zu zwei Minuten lang.\n\nOpenAI-Chef Sam Altmann zeigte Beispiele. 🎬\n"
    draft = tmp_path / "notiz.txt"
    published = await open_draft(client, draft, text, language="plaintext")
    expected = cli_findings(draft, text)
    assert expected
    assert_same_as_cli(published, text, expected)


@pytest.mark.asyncio
async def test_fixing_a_claim_removes_its_diagnostic(client: LanguageClient, tmp_path: Path):
    await initialize(client, tmp_path)
    draft = tmp_path / "entwurf.md"
    await open_draft(client, draft, DRAFT)
    # an incremental change in UTF-16 units, after the emoji: "zwei Minuten" -> "einer Minute"
    line = DRAFT.split("\n")[9]
    start = UNITS[types.PositionEncodingKind.Utf16](line[:line.index("zwei Minuten")])
    change(client, draft, 2, partial=types.TextDocumentContentChangePartial(
        range=types.Range(start=types.Position(line=9, character=start),
                          end=types.Position(line=9, character=start + len("zwei Minuten"))), text="einer Minute"))
    published = await next_published(client)
    fixed = DRAFT.replace("zwei Minuten", "einer Minute")
    expected = cli_findings(draft, fixed)
    assert [f["rule"] for f in expected] == [DEMO, NAME]
    assert published.version == 2
    assert_same_as_cli(published, fixed, expected)


@pytest.mark.asyncio
async def test_after_rapid_changes_only_the_latest_text_is_reported(slow_client: LanguageClient, tmp_path: Path):
    await initialize(slow_client, tmp_path)
    draft = tmp_path / "entwurf.md"
    await open_draft(slow_client, draft, DRAFT)
    texts = [DRAFT.replace("zwei Minuten", f"{n} Minuten") for n in ("drei", "vier", "fünf")]
    texts.append(DRAFT.replace("Sam Altmann", "Sam Altman"))
    for version, text in enumerate(texts, start=2):
        change(slow_client, draft, version, text)
    published = await next_published(slow_client)
    assert published.version == len(texts) + 1
    expected = cli_findings(draft, texts[-1])
    assert [f["rule"] for f in expected] == [CLIP, DEMO]
    assert_same_as_cli(published, texts[-1], expected)


@pytest.mark.asyncio
async def test_save_lints_at_once(slow_client: LanguageClient, tmp_path: Path):
    await initialize(slow_client, tmp_path)
    draft = tmp_path / "entwurf.md"
    await open_draft(slow_client, draft, DRAFT)
    change(slow_client, draft, 2, DRAFT.replace("Sam Altmann", "Sam Altman"))
    slow_client.text_document_did_save(types.DidSaveTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=draft.as_uri())))
    published = await next_published(slow_client)
    assert published.version == 2
    assert [d.code for d in published.diagnostics] == [CLIP, DEMO]


@pytest.mark.asyncio
async def test_hover_shows_fact_claim_and_source(client: LanguageClient, tmp_path: Path):
    await initialize(client, tmp_path)
    draft = tmp_path / "entwurf.md"
    published = await open_draft(client, draft, DRAFT)
    name = next(d for d in published.diagnostics if d.code == NAME)
    inside = types.Position(line=name.range.start.line, character=name.range.start.character + 3)
    result = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=draft.as_uri()), position=inside))
    finding = next(f for f in cli_findings(draft, DRAFT) if f["rule"] == NAME)
    text = result.contents.value
    assert result.range == name.range
    assert "Der OpenAI-Chef heißt „Sam Altman“ (mit einem n)." in text   # the fact, in the draft's language
    assert '"Sam Altmann"' in text                                      # what the draft says
    source = finding["sources"][0]
    assert f'> {source["quote"]}' in text and source["file"] in text and finding["as_of"] in text
    outside = types.Position(line=name.range.start.line, character=0)
    assert await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=draft.as_uri()), position=outside)) is None


async def code_actions(client: LanguageClient, path: Path, diagnostic: types.Diagnostic):
    return await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()), range=diagnostic.range,
        context=types.CodeActionContext(diagnostics=[diagnostic])))


@pytest.mark.asyncio
async def test_the_name_quick_fix_is_the_cli_fix(client: LanguageClient, tmp_path: Path):
    await initialize(client, tmp_path)
    draft = tmp_path / "entwurf.md"
    published = await open_draft(client, draft, DRAFT)
    name = next(d for d in published.diagnostics if d.code == NAME)
    actions = await code_actions(client, draft, name)
    fix = next(a for a in actions if a.is_preferred)
    assert fix.kind == types.CodeActionKind.QuickFix and fix.diagnostics[0].code == NAME
    fixed = apply(DRAFT, fix.edit.changes[draft.as_uri()])
    # the same text as `factlint check --fix` writes
    copy = tmp_path / "kopie.md"
    copy.write_text(DRAFT, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "linter", "check", "--fix", str(copy)], capture_output=True, timeout=120)
    assert fixed == copy.read_text(encoding="utf-8") == DRAFT.replace("Sam Altmann", "Sam Altman")
    published = await replace_all(client, draft, fixed, 2)
    assert [d.code for d in published.diagnostics] == [CLIP, DEMO]
    # a claim without an unambiguous fix (and no name left to fix) has only the suppression
    clip = published.diagnostics[0]
    assert [a.is_preferred for a in await code_actions(client, draft, clip)] == [None]


@pytest.mark.asyncio
async def test_fix_all_on_save_is_the_cli_fix(client: LanguageClient, tmp_path: Path):
    await initialize(client, tmp_path)
    draft = tmp_path / "entwurf.md"
    text = DRAFT + "\nOpenAi und Sam Altmann antworteten nicht.\n"
    published = await open_draft(client, draft, text)
    whole = types.Range(start=types.Position(line=0, character=0), end=published.diagnostics[-1].range.end)
    [action] = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=draft.as_uri()), range=whole,
        context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.SourceFixAll])))
    assert action.kind == types.CodeActionKind.SourceFixAll and len(action.edit.changes[draft.as_uri()]) == 3
    subprocess.run([sys.executable, "-m", "linter", "check", "--fix", str(draft)], capture_output=True, timeout=120)
    assert apply(text, action.edit.changes[draft.as_uri()]) == draft.read_text(encoding="utf-8") != text


@pytest.mark.asyncio
@pytest.mark.parametrize("snippets", [False, True], ids=["text-edit", "snippet-edit"])
async def test_suppressing_on_the_line_with_a_reason(client: LanguageClient, tmp_path: Path, snippets):
    await initialize(client, tmp_path, snippets=snippets)
    draft = tmp_path / "entwurf.md"
    published = await open_draft(client, draft, DRAFT)
    clip = published.diagnostics[0]
    action = next(a for a in await code_actions(client, draft, clip) if a.title.startswith(CLIP))
    assert CLIP in action.title and "Begründung" in action.title
    if snippets:
        [change] = action.edit.document_changes
        [edit] = change.edits
        assert edit.snippet.value == f" <!-- factlint-disable-line {CLIP} -- ${{1:Begründung}} -->"
        suppressed = apply(DRAFT, [edit]).replace("${1:Begründung}", "Zitat aus dem Trailer")
    else:
        suppressed = apply(DRAFT, action.edit.changes[draft.as_uri()])
    line = suppressed.split("\n")[9]
    assert line.startswith(DRAFT.split("\n")[9]) and f"<!-- factlint-disable-line {CLIP} -- " in line
    published = await replace_all(client, draft, suppressed, 2)
    assert [d.code for d in published.diagnostics] == [f["rule"] for f in cli_findings(draft, suppressed)] == [DEMO, NAME]


async def files_changed(client: LanguageClient, path: Path, expected_publishes: int) -> list[types.PublishDiagnosticsParams]:
    """Tell the server a file changed, as an editor watching it does; the diagnostics it publishes again."""
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=path.as_uri(), type=types.FileChangeType.Changed)]))
    return [await next_published(client) for _ in range(expected_publishes)]


@pytest.mark.asyncio
async def test_a_broken_rule_file_is_one_message_and_a_fixed_one_reloads(client: LanguageClient, tmp_path: Path):
    await initialize(client, tmp_path)
    (tmp_path / "desk-rules").mkdir()
    rule_file = tmp_path / "desk-rules" / "desk.yaml"
    rule_file.write_text("- id: desk.broken\n  kind: quantity\n  statement: [unclosed\n", encoding="utf-8")
    config = tmp_path / ".factlint.yaml"
    config.write_text("rules: [desk-rules]\n", encoding="utf-8")
    first = await open_draft(client, tmp_path / "a.md", DRAFT)
    second = await open_draft(client, tmp_path / "b.md", DRAFT)
    assert list(first.diagnostics) == list(second.diagnostics) == []
    [message] = client.messages
    assert message.type == types.MessageType.Error and "desk.yaml:4" in message.message
    # the desk fixes its rule file: both drafts are linted again with the pack
    rule_file.write_text("facts: []\n", encoding="utf-8")
    reloaded = await files_changed(client, rule_file, 2)
    assert sorted(p.uri for p in reloaded) == sorted((tmp_path / n).as_uri() for n in ("a.md", "b.md"))
    assert all([d.code for d in p.diagnostics] == [CLIP, DEMO, NAME] for p in reloaded)
    # and then changes its configuration
    config.write_text("rules: [desk-rules]\ndisable: [sora.demo]\n", encoding="utf-8")
    reloaded = await files_changed(client, config, 2)
    assert all([d.code for d in p.diagnostics] == [CLIP, NAME] == [f["rule"] for f in cli_findings(tmp_path / "a.md", DRAFT)]
               for p in reloaded)
    assert len(client.messages) == 1


@pytest.mark.asyncio
async def test_the_server_asks_to_watch_configuration_and_rule_files(client: LanguageClient, tmp_path: Path):
    registered = []

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        registered.extend(params.registrations)

    capabilities = types.ClientCapabilities(workspace=types.WorkspaceClientCapabilities(
        did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True)))
    await client.initialize_session(types.InitializeParams(capabilities=capabilities, root_uri=tmp_path.as_uri()))
    await open_draft(client, tmp_path / "entwurf.md", DRAFT)   # by now the request has come
    [registration] = registered
    assert registration.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
    globs = {w["globPattern"] for w in registration.register_options["watchers"]}
    assert {"**/.factlint.yaml", "**/pyproject.toml", "**/*.yaml"} <= globs


@pytest.mark.asyncio
async def test_an_excluded_draft_and_a_closed_one_have_no_diagnostics(client: LanguageClient, tmp_path: Path):
    await initialize(client, tmp_path)
    (tmp_path / ".factlint.yaml").write_text("exclude: [archiv]\n", encoding="utf-8")
    (tmp_path / "archiv").mkdir()
    archived = tmp_path / "archiv" / "alt.md"
    assert list((await open_draft(client, archived, DRAFT)).diagnostics) == []
    assert cli_findings(archived, DRAFT) == []
    draft = tmp_path / "entwurf.md"
    assert (await open_draft(client, draft, DRAFT)).diagnostics
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=draft.as_uri())))
    assert list((await next_published(client)).diagnostics) == []


@pytest.mark.asyncio
async def test_the_checks_options_choose_the_configuration(isolated_client: LanguageClient, tmp_path: Path):
    await initialize(isolated_client, tmp_path)
    (tmp_path / ".factlint.yaml").write_text("disable: [name]\n", encoding="utf-8")
    published = await open_draft(isolated_client, tmp_path / "entwurf.md", DRAFT)
    assert [d.code for d in published.diagnostics] == [CLIP, DEMO, NAME]    # --no-config: the file is ignored


@pytest.mark.asyncio
async def test_code_actions_of_other_kinds_are_not_ours(client: LanguageClient, tmp_path: Path):
    await initialize(client, tmp_path)
    draft = tmp_path / "entwurf.md"
    name = (await open_draft(client, draft, DRAFT)).diagnostics[2]
    asked = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=draft.as_uri()), range=name.range,
        context=types.CodeActionContext(diagnostics=[name], only=[types.CodeActionKind.SourceOrganizeImports])))
    assert asked is None
    kinds = [a.kind for a in await code_actions(client, draft, name)]
    assert kinds == [types.CodeActionKind.QuickFix] * 2 + [types.CodeActionKind.SourceFixAll]


@pytest.mark.asyncio
async def test_shutdown_and_exit_end_the_server(client: LanguageClient, tmp_path: Path):
    await initialize(client, tmp_path)
    await open_draft(client, tmp_path / "entwurf.md", DRAFT)
    await client.shutdown_session()
    assert client._server.returncode == 0


def test_the_cli_does_not_import_the_language_server(tmp_path: Path):
    draft = tmp_path / "entwurf.md"
    draft.write_text(DRAFT, encoding="utf-8")
    script = ("import sys\nfrom linter.cli import main\ncode = main(['check', sys.argv[1]])\n"
              "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol') or m.startswith('linter.lsp'))\n"
              "print(code, loaded, file=sys.stderr)\n")
    run = subprocess.run([sys.executable, "-c", script, str(draft)], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert run.stderr.splitlines()[-1] == "1 []"


def test_without_the_extra_lsp_says_what_to_install():
    script = "import sys\nsys.modules['pygls'] = None\nfrom linter.cli import main\nsys.exit(main(['lsp']))\n"
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert (run.returncode, run.stdout, run.stderr) == (
        2, "", "factlint: the language server needs the lsp extra: pip install 'factlint[lsp]'\n")


# (text, a finding's (line, column), the protocol character in UTF-16, UTF-8 and UTF-32)
POSITIONS = {
    "emoji": ("a🎬b", (1, 3), (3, 5, 2)),
    "combining accent and joiner": ("e\u0301\u200dx", (1, 4), (3, 6, 3)),
    "bom": ("\ufeffab", (1, 2), (2, 4, 2)),
    "crlf": ("x\r\ny🎬z", (2, 3), (3, 5, 2)),
    "lone cr": ("x\ry\u0301z", (2, 3), (2, 3, 2)),
    "line end": ("ab\n🎬", (2, 2), (2, 4, 1)),
}


@pytest.mark.parametrize("text, at, characters", POSITIONS.values(), ids=POSITIONS.keys())
def test_positions_convert_both_ways(text, at, characters):
    from linter.lsp.features import Positions
    encodings = (types.PositionEncodingKind.Utf16, types.PositionEncodingKind.Utf8, types.PositionEncodingKind.Utf32)
    for encoding, character in zip(encodings, characters):
        positions = Positions(text, UNITS[encoding])
        assert positions.to_client(*at) == types.Position(line=at[0] - 1, character=character)
        assert positions.from_client(types.Position(line=at[0] - 1, character=character)) == at


def test_the_latency_benchmark_reports_every_figure():
    """benchmarks/lsp.py runs and reports its figures; how fast they are is judged there, not here."""
    run = subprocess.run([sys.executable, "benchmarks/lsp.py", "--rounds", "2", "--json"],
                         capture_output=True, text=True, cwd=REPO, timeout=300)
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert 19_000 <= result["bytes"] <= 20_000
    server = result["no_debounce"]
    assert server["findings"] > 0
    for figures in (server["open"], server["change"], result["default_debounce"]["change"]):
        assert figures["rounds"] >= 2 and 0 < figures["median_ms"] <= figures["p95_ms"] <= figures["max_ms"]
