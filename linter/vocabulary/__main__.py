"""python -m linter.vocabulary: write vocabulary.json anew after editing a YAML file of the vocabulary."""
from . import COMPILED, compiled_text, parse_sources

COMPILED.write_text(compiled_text(parse_sources()), encoding="utf-8")
