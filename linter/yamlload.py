"""Load YAML keeping the line of every mapping and key, so rule errors can name file:line.

Stricter than plain YAML where a silent reading would mislead: a key given twice in one mapping is an
error (not "the last one wins"), so is a number with a decimal comma that a list in brackets splits in
two (`[Die Bahn ist 3,4 km lang.]` reads as "Die Bahn ist 3" and "4 km lang."), an impossible date such as 2024-02-30 stays a text for the caller to
report with its line (not a traceback), and only regular files of bounded size are read (a FIFO named
`x.yaml` would block forever).
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

import yaml

try:  # the C loader is several times faster; fall back where libyaml is missing
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _BaseLoader = yaml.SafeLoader

MAX_BYTES = 10_000_000     # a rule or configuration file larger than this is refused


class LineDict(dict):
    """A dict that remembers the 1-based line of itself and of each of its keys."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        """Line of `key` if present, else of the mapping itself."""
        return self.key_lines.get(key, self.line)


class YamlError(Exception):
    """A file that cannot be read as YAML; `messages` holds one `file:line: ...` line per problem."""

    def __init__(self, messages: list[str] | str):
        self.messages = [messages] if isinstance(messages, str) else messages
        super().__init__("\n".join(self.messages))


class _LineLoader(_BaseLoader):
    def __init__(self, stream):
        super().__init__(stream)
        self.duplicates: list[tuple[str, int, int]] = []     # (key, line, line of its first use)
        self.split_numbers: list[tuple[int, str]] = []       # (line, the number as written)

    def construct_mapping(self, node, deep=False):
        mapping = LineDict(super().construct_mapping(node, deep=deep))
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                continue
            line = key_node.start_mark.line + 1
            if key_node.value in mapping.key_lines:
                self.duplicates.append((key_node.value, line, mapping.key_lines[key_node.value]))
            else:
                mapping.key_lines[key_node.value] = line
        return mapping

    def construct_sequence(self, node, deep=False):
        if node.flow_style:
            for first, second in zip(node.value, node.value[1:]):
                if _split_number(first, second):
                    self.split_numbers.append((first.end_mark.line + 1, f"{first.value.split()[-1]},{second.value.split()[0]}"))
        return super().construct_sequence(node, deep=deep)

    def construct_timestamp(self, node):
        """A date, or the text as written when it is no calendar date (2024-02-30)."""
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return self.construct_scalar(node)


def _split_number(first, second) -> bool:
    """Two plain items of a list in brackets with nothing but a comma between them, a digit on either side
    of it, and text around: a number with a decimal or thousands comma, cut by YAML ("3,4 km";
    `[2024,2025]` are two numbers)."""
    return (isinstance(first, yaml.ScalarNode) and isinstance(second, yaml.ScalarNode)
            and not first.style and not second.style          # plain: None, or "" from libyaml
            and second.start_mark.index == first.end_mark.index + 1
            and first.value[-1:].isdigit() and second.value[:1].isdigit()
            and not (first.value.isdigit() and second.value.isdigit()))


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _LineLoader.construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _LineLoader.construct_timestamp)


def read_regular(path: Path, label: str, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file; OSError with a message naming the problem otherwise.

    Opened without blocking, then checked: a FIFO or device is refused, not waited on."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(f"{label}: not a regular file")
        if info.st_size > limit:
            raise OSError(f"{label}: larger than {limit:,} bytes")
        with os.fdopen(os.dup(fd), "rb") as handle:
            return handle.read(limit + 1)
    finally:
        os.close(fd)


def load_yaml(path: Path, label: str | None = None):
    """Parse one YAML file; raise YamlError naming `label` (default the path) and the line."""
    label = label or str(path)
    try:
        text = read_regular(path, label).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise YamlError(f"{label}: not valid UTF-8 (byte {exc.start})") from None
    except OSError as exc:
        raise YamlError(str(exc) if not exc.strerror else f"{label}: cannot read: {exc.strerror}") from None
    loader = _LineLoader(text)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise YamlError(f"{label}:{line}: invalid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise YamlError(f"{label}: invalid YAML: {exc}") from None
    except RecursionError:
        raise YamlError(f"{label}: invalid YAML: nested too deeply") from None
    finally:
        loader.dispose()
    problems = [f"{label}:{line}: key {key!r} is given twice in one mapping (first at line {first}); keep one"
                for key, line, first in loader.duplicates]
    problems += [f"{label}:{line}: \"{number}\" is cut in two at its comma: in a list in brackets a comma "
                 "separates the items; put the item in quotes, or write the list one \"- \" item a line"
                 for line, number in loader.split_numbers]
    if problems:
        raise YamlError(problems)
    return data
