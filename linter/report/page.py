"""Write the report: one HTML file that carries its data, its charts and Vega's JavaScript inline.

Opened from disk it needs no network: the Vega, Vega-Lite and vega-embed bundle comes from
vl-convert (the same bundle Altair inlines for offline HTML), and the data are a JSON script element.
"""
from __future__ import annotations

import datetime as dt
import html
import json
from importlib import resources

from .charts import fact_chart, month_chart
from .labels import INTL_LOCALES, LABELS, NUMBER_LOCALES, TIME_LOCALES


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def _script_safe(text: str) -> str:
    """Text that cannot end the <script> element it is placed in (a draft's title may hold "</script>")."""
    return text.replace("</", "<\\/")


def vega_bundle() -> str:
    """The Vega, Vega-Lite and vega-embed JavaScript, for the Vega-Lite version Altair writes."""
    import altair as alt
    import vl_convert
    return vl_convert.javascript_bundle(vl_version=alt.SCHEMA_VERSION.lstrip("v").rsplit(".", 1)[0])


def render_page(data: dict, db_name: str, today: dt.date | None = None) -> str:
    """The report page for data from read_report_data."""
    lang = data["lang"]
    words = LABELS[lang]
    payload = {"data": data, "words": words, "intl": INTL_LOCALES[lang], "time_locale": TIME_LOCALES[lang],
               "number_locale": NUMBER_LOCALES[lang], "charts": {"months": month_chart(lang), "facts": fact_chart(lang)}}
    totals = data["totals"]
    incomplete = "" if totals["complete"] else f'<p class="warning-banner section">{html.escape(words["incomplete"])}</p>'
    replacements = {
        "@@LANG@@": lang,
        "@@TITLE@@": html.escape(words["title"]),
        "@@SUBTITLE@@": html.escape(words["subtitle"]),
        "@@GENERATED@@": html.escape(words["generated"].format(db=db_name, date=(today or dt.date.today()).isoformat())),
        "@@INCOMPLETE@@": incomplete,
        **{f"@@{key.upper()}@@": html.escape(words[key]) for key in
           ("filters", "fact", "severity", "year", "totals", "per_month", "per_fact", "top_drafts", "details")},
        "@@DATA@@": _script_safe(json.dumps(payload, ensure_ascii=False, separators=(",", ":"))),
        "@@SCRIPT@@": _asset("page.js"),
    }
    page = _asset("page.html")
    for token, value in replacements.items():
        page = page.replace(token, value)
    # last: the bundle is large and must not be searched for tokens
    return page.replace("@@VEGA@@", _script_safe_bundle(vega_bundle()))


def _script_safe_bundle(bundle: str) -> str:
    if "</script" in bundle.lower():
        raise ValueError("the Vega bundle contains </script>; it cannot be inlined as it is")
    return bundle
