"""Date facts: when something happened, with its granularity (day, month, year, weekday).

Fields (`expected`): date (2024-02-26, 2024-02 or 2024), granularity, weekday (optional), period
(optional: start | mid | end of the date), forecast (the fact is a forecast: "könnte Ende 2024 starten";
its hedges are the claim, not a reason to stay silent), other_dates (dates that belong to the fact
without being its value, such as the month a forecast was made in).

A date in a sentence about the subject whose clause names the event (the fact's cues) contradicts
the fact when its interval does not overlap the fact's ("2024" does not contradict "Februar 2024",
"Januar 2024" does), or when it names another weekday.
FAIL: "OpenAI hat Sora im Januar 2024 vorgestellt."
PASS: "OpenAI stellte Sora 2024 vor."
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterator

from ..fields import FieldReader
from ..findings import Mismatch
from ..claims.predicates import find_predicates
from ..stance import clause_bounds
from .predicates import has_word, hits_in, introduces_another, read_predicates, said_in, word_set

KIND = "date"
GRANULARITIES = ("day", "month", "quarter", "year", "weekday")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
# the months of a year each part of it covers ("Ende 2024" = September to December)
_PERIODS = {"start": (1, 4), "mid": (5, 8), "end": (9, 12), "q1": (1, 3), "q2": (4, 6), "q3": (7, 9), "q4": (10, 12)}


@dataclass(frozen=True, slots=True)
class Expected:
    first: dt.date
    last: dt.date
    granularity: str
    weekday: int | None
    forecast: bool
    other_dates: tuple[tuple[dt.date, dt.date], ...]
    label: str            # the date as the fact states it, e.g. "2024-02", "end of 2024"
    predicate: tuple = ()  # what happened on the date, as predicates of the shared vocabulary
    since: dt.date | None = None   # a plan that holds from this day: earlier drafts are not compared


def _interval(reader: FieldReader, key: str, raw, period: str | None = None) -> tuple[dt.date, dt.date]:
    """The days a partial date (2024, 2024-02, 2024-02-26) covers."""
    text = raw.isoformat() if isinstance(raw, dt.date) else str(raw)
    match = _PARTIAL.match(text)
    if not match:
        raise reader.fail(key, f"must be a date such as 2024-02-26, 2024-02 or 2024 (got {raw!r})")
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if day:
            return dt.date(year, month, day), dt.date(year, month, day)
        if month:
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    except ValueError:
        raise reader.fail(key, f"is not a calendar date (got {raw!r})") from None
    first_month, last_month = _PERIODS.get(period, (1, 12))
    return dt.date(year, first_month, 1), dt.date(year, last_month, calendar.monthrange(year, last_month)[1])


def parse_expected(reader: FieldReader) -> Expected:
    """Validate the `expected` mapping of a date fact."""
    period = reader.choice("period", tuple(_PERIODS), default="") or None
    first, last = _interval(reader, "date", reader.raw("date"), period)
    weekday = reader.choice("weekday", WEEKDAYS, default="") or None
    others = reader.raw("other_dates", required=False) or []
    if not isinstance(others, list):
        raise reader.fail("other_dates", "must be a list of dates")
    label = str(reader.raw("date")) if not period else f"{period} of {reader.raw('date')}"
    return Expected(first, last, reader.choice("granularity", GRANULARITIES),
                    WEEKDAYS.index(weekday) if weekday else None, bool(reader.raw("forecast", required=False)),
                    tuple(_interval(reader, "other_dates", d) for d in others), label,
                    read_predicates(reader, "predicate"), reader.date("since", required=False))


def _contradicts(expected: Expected, mention) -> bool:
    if expected.weekday is not None and mention.weekday is not None:
        return mention.weekday != expected.weekday
    return mention.last < expected.first or mention.first > expected.last


def _reading(mention) -> str:
    if mention.first == mention.last:
        return mention.first.isoformat()
    return f"{mention.first.isoformat()} to {mention.last.isoformat()}"


_AND = re.compile(r"\b(?:und|and)\b", re.IGNORECASE)


def _event_clause(sentence, mention) -> str:
    """The clause a date belongs to, "und"/"and" splitting it too ("2015 gegründet und zeigte Sora");
    a fronted date ("On Monday, ...") belongs to the clause after it."""
    left, right = clause_bounds(sentence.text, mention.start, mention.end)
    if len(sentence.text[left:right].strip()) - len(mention.text) < 12 and right < len(sentence.text):
        right = clause_bounds(sentence.text, right + 1, right + 1)[1]
    for match in _AND.finditer(sentence.text, left, right):
        if match.end() <= mention.start:
            left = match.end()
        elif match.start() >= mention.end:
            right = match.start()
            break
    return sentence.text[left:right]


def _about_another_product(sentence, mention) -> bool:
    """The product named nearest before the date is not the one the draft is about
    ("DALL·E 3, the image model OpenAI released in 2023")."""
    before = [m.subject for m in sentence.mentions if m.kind == "product" and m.start < mention.start]
    own = sentence.main_product or sentence.current.get("product")
    return bool(before) and own is not None and before[-1] != own


def _named_only_elsewhere(sentence, subject: str, clause: str) -> bool:
    """The sentence names the subject, but not in the date's clause: the date belongs to another event
    ("Murati hatte im März angekündigt, dass Sora Ende 2024 starten könnte"), unless the clause is the
    subject's own, fronted before it (`_fronted_for`)."""
    named = [m for m in sentence.mentions if m.subject == subject]
    return bool(named) and not any(sentence.text[m.start:m.end] in clause for m in named)


def _fronted_for(sentence, subject: str, predicates: tuple, left: int, right: int) -> bool:
    """The clause opens the sentence, names no one, and says the event by a noun that a possessive
    determiner gives to someone, and the next clause opens with the subject: the noun is the subject's
    ("Since its debut in March 2024, Sora has …"). Not "Since the launch of its rival in March 2024, Sora
    …": the determiner must stand right before the event's noun."""
    text = sentence.text
    if text[:left].strip() or any(left <= m.start < right for m in sentence.mentions):
        return False
    opener = next((m for m in sentence.mentions if m.start >= right), None)
    if opener is None or opener.subject != subject or text[right:opener.start].strip(" ,"):
        return False
    owners = word_set("singular_possessive_determiners", sentence.lang)
    for hit in hits_in(sentence, predicates, left, right):
        before = text[left:hit.start].split()
        if hit.pos == "nouns" and before and before[-1].lower() in owners:
            return True
    return False


# one \s* on each side of the optional agency: two in a row backtracked quadratically on a run of spaces
_DATELINE_AFTER = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?[-\u2013\u2014]\s")
# two capitals, then the rest of the place: "{2,}" before a class that takes capitals too backtracked
_DATELINE_BEFORE = re.compile(r"^\W*[A-ZÄÖÜ]{2}[\w .'-]*,(?:\s+[\w .'-]+,)?\s*$")


def _in_dateline(sentence, mention) -> bool:
    """A wire story's dateline ("HAMBURG, Feb 28 (Nordic Wire) -"): the date of the report."""
    return bool(_DATELINE_BEFORE.match(sentence.text[:mention.start])
                and _DATELINE_AFTER.match(sentence.text, mention.end))


def _said_on(sentence, mention) -> bool:
    """The date follows a verb of saying ("said on Tuesday it had installed"): it is when it was said."""
    before = sentence.text[max(0, mention.start - 30):mention.start].split()
    return bool(before) and before[-1].lower().strip(",") in word_set("speech_verbs", sentence.lang)


def _moved_to(sentence, mention, left: int, right: int) -> bool:
    """The date is where a postponement moves something ("verschoben auf 2026", "pushed into 2026")."""
    before = sentence.text[left:mention.start].split()
    return bool(before) and before[-1].lower() in word_set("target_prepositions", sentence.lang) \
        and said_in(sentence, ("postpone",), left, right)


def _said_by_row(sentence, predicates: tuple) -> bool:
    """A table cell whose row is headed by the event ("| Vorgestellt am | 3. März 2024 |"), or whose
    column is ("| Modell | Vorgestellt |" above "| Sora | Januar 2024 |"), says it."""
    if sentence.lexicon is None:
        return False
    labels = [head for head in (sentence.row_head, sentence.column_head) if head and head != sentence.text]
    return any(h.predicate in predicates and not h.negated
               for label in labels for h in find_predicates(label, sentence.lang, sentence.lexicon))


def _today(sentence, mention) -> bool:
    """"heute", "today", "now": the draft's own day, never the date of a plan."""
    return mention.relative and sentence.draft_date is not None and mention.first <= sentence.draft_date <= mention.last \
        and mention.granularity == "day"


def needs(rule) -> tuple:
    """A date (evaluate looks at nothing else)."""
    return ("dates",)


def evaluate(rule, sentence) -> Iterator[Mismatch]:
    """Yield a mismatch for each date of the event that lies outside the fact's date."""
    expected: Expected = rule.expected
    scope = rule.scope
    if expected.since is not None and sentence.draft_date is not None and sentence.draft_date < expected.since:
        return
    for mention in sentence.dates():
        if not _contradicts(expected, mention):
            continue  # the cheapest question first: many dates agree with the fact, whatever they are about
        if mention.relative and not sentence.draft_date_known:
            continue  # "im Februar" in an undated draft: which February is anyone's guess
        if any(not (mention.last < a or mention.first > b) for a, b in expected.other_dates):
            continue
        if _in_dateline(sentence, mention) or (expected.forecast and _today(sentence, mention)):
            continue
        if expected.predicate:
            # the event is said by its predicate in the date's own clause, in any word order
            left, right = sentence.clause_span(mention.start, mention.end)
            if not (said_in(sentence, expected.predicate, left, right) or _said_by_row(sentence, expected.predicate)):
                continue
            if introduces_another(sentence, scope.subject, left, right, expected.predicate):
                continue
            if has_word(sentence, "superseded", left, right):
                continue    # "ursprünglich war … geplant": an earlier plan, reported as such
            if scope.requires and not scope.requires.search(sentence.text[left:right]):
                continue
            if "announce" not in expected.predicate and _said_on(sentence, mention):
                continue
            if _moved_to(sentence, mention, left, right):
                continue    # "pushes full operation into 2026": the date a postponement moves to
            clause = sentence.text[left:right]
        else:
            clause = _event_clause(sentence, mention)
        if scope.cues and not scope.cues.search(clause):
            continue
        if sentence.subject_kind.get(scope.subject) != "product":
            if _about_another_product(sentence, mention):
                continue
        elif _named_only_elsewhere(sentence, scope.subject, clause) and not (
                expected.predicate and _fronted_for(sentence, scope.subject, expected.predicate, left, right)):
            continue
        if scope.anti_cues and scope.anti_cues.search(sentence.text):
            continue
        if scope.requires and not scope.requires.search(sentence.text):
            continue
        if not sentence.in_scope(scope, mention.start, mention.end):
            continue
        stance = sentence.stance(mention.start, mention.end, forecast=expected.forecast)
        if stance.asserted or stance.quoted_by is not None:
            yield Mismatch(mention.start, mention.end, _reading(mention), expected.label,
                           max_severity=stance.max_severity, note=stance.note)
