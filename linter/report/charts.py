"""The report's charts as Vega-Lite specifications, written with Altair.

Their data are named sources that the page fills (and refills when a filter changes), so one spec
serves every selection; labels and colours come from the desk's language and the severities.
"""
from __future__ import annotations

from .labels import LABELS

SEVERITY_COLOURS = {"error": "#c0392b", "warning": "#e6a23c", "info": "#5b8def"}


def _severity_colour(words: dict):
    import altair as alt
    names = [words[s] for s in SEVERITY_COLOURS]
    return alt.Color("severity:N", title=words["severity"], sort=names,
                     scale=alt.Scale(domain=names, range=list(SEVERITY_COLOURS.values())))


def month_chart(lang: str) -> dict:
    """Drafts with contradictions per month of publication, stacked by their worst severity."""
    import altair as alt
    words = LABELS[lang]
    chart = alt.Chart(alt.NamedData(name="months")).mark_bar().encode(
        x=alt.X("utcyearmonth(month):T", title=words["month"], axis=alt.Axis(format="%b %Y", labelAngle=-40)),
        y=alt.Y("sum(drafts):Q", title=words["draft_count"], axis=alt.Axis(tickMinStep=1)),
        color=_severity_colour(words),
        order=alt.Order("rank:Q"),
        tooltip=[alt.Tooltip("utcyearmonth(month):T", title=words["month"], format="%B %Y"),
                 alt.Tooltip("severity:N", title=words["severity"]),
                 alt.Tooltip("sum(drafts):Q", title=words["draft_count"])],
    ).properties(width="container", height=260)
    return chart.to_dict()


def fact_chart(lang: str) -> dict:
    """Findings per fact, split by severity, the facts with most findings first."""
    import altair as alt
    words = LABELS[lang]
    chart = alt.Chart(alt.NamedData(name="facts")).mark_bar().encode(
        y=alt.Y("fact:N", title=words["fact"], sort=alt.EncodingSortField("total", op="max", order="descending"),
                axis=alt.Axis(labelLimit=320)),
        x=alt.X("sum(findings):Q", title=words["finding_count"], axis=alt.Axis(tickMinStep=1)),
        color=_severity_colour(words),
        order=alt.Order("rank:Q"),
        tooltip=[alt.Tooltip("fact:N", title=words["fact"]), alt.Tooltip("severity:N", title=words["severity"]),
                 alt.Tooltip("sum(findings):Q", title=words["finding_count"])],
    # a fixed width: with the container's, Vega-Lite warns that it drops fit-y (the height grows with the facts)
    ).properties(width=720, height=alt.Step(18))
    return chart.to_dict()
