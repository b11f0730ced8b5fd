"""`factlint report AUDIT.sqlite -o report.html`: one self-contained HTML page of an audit for editors.

    data.py      the audit database -> the figures and records the page shows (plain dicts and lists)
    labels.py    every word of the page, per language, and the languages' date and number formats
    charts.py    the Vega-Lite charts, written with Altair
    page.py      the HTML file: data, charts, Vega's JavaScript and the filters, all inline
    command.py   the subcommand's options
"""
