"""A table of quantity phrasings in German and English judged against facts: money, lengths, areas,
masses, speeds, power, energy, percentages, points, rates, intervals and counts; hedges, bounds, ranges
and conversions between units of one measure. Each row names the fact, the phrase and the verdict
(consistent, warning, error; "none" when the phrase states nothing comparable with the fact).

The verdicts follow docs/rule-format.md ("How a claim is judged against a quantity fact")."""
from __future__ import annotations

import pytest

from linter import measures
from linter.checks import quantity
from linter.claims.quantities import find_quantities
from linter.fields import FieldReader
from linter.schema import EXPECTED

OK, WARN, ERR, NONE = "consistent", "warning", "error", "none"

# the facts, as rule files write their `expected`
FACTS = {
    "capacity": {"measure": "power", "exact": "960 MW"},
    "rating": {"measure": "power", "exact": "15 MW"},
    "cost": {"measure": "money", "exact": "3.2 billion EUR"},
    "budget": {"measure": "money", "exact": "412 million EUR"},
    "price": {"measure": "money", "exact": "20 USD", "per": "month"},
    "fee": {"measure": "money", "exact": "45 CHF"},
    "grant": {"measure": "money", "exact": "250 million GBP"},
    "distance": {"measure": "length", "exact": "52 km"},
    "rotor": {"measure": "length", "exact": "236 m"},
    "bridge": {"measure": "length", "exact": "8.7 km"},
    "depth": {"measure": "length", "range": ["35 m", "42 m"]},
    "area": {"measure": "area", "exact": "120 km2"},
    "plot": {"measure": "area", "exact": "40 ha"},
    "weight": {"measure": "mass", "exact": "1500 t"},
    "speed": {"measure": "speed", "exact": "120 km/h"},
    "output": {"measure": "energy", "exact": "3.9 TWh", "per": "year"},
    "share": {"measure": "percent", "exact": 26},
    "stake": {"measure": "percent", "exact": 74.9},
    "rise": {"measure": "points", "exact": 3},
    "headway": {"measure": "interval", "exact": "7.5 min"},
    "life": {"measure": "duration", "exact": "30 a"},
    "households": {"measure": "count", "exact": "1.1 million",
                   "nouns": {"de": ["Haushalt"], "en": ["household", "home"]}},
    "turbines": {"measure": "count", "exact": 64,
                 "nouns": {"de": ["Anlage", "Windrad", "Turbine"], "en": ["turbine"]}},
    "flights": {"measure": "count", "exact": 120, "per": "week",
                "nouns": {"de": ["Flug"], "en": ["flight"]}},
    "limit": {"measure": "power", "max": "50 MW"},
    "loose": {"measure": "percent", "exact": 40, "tolerance": "10%"},
    "screen": {"measure": "resolution", "exact": "1920x1080"},
}

ROWS = [
    # --- power: units, conversion, hedges, bounds ---------------------------------------------
    ("capacity", "de", "Der Park leistet 960 Megawatt.", OK),
    ("capacity", "de", "Der Park leistet 0,96 Gigawatt.", OK),
    ("capacity", "de", "Der Park leistet 960.000 Kilowatt.", OK),
    ("capacity", "de", "Der Park kommt auf 960 MW.", OK),
    ("capacity", "de", "Der Park kommt auf knapp ein Gigawatt.", OK),
    ("capacity", "de", "Der Park kommt auf fast 1.000 Megawatt.", OK),
    ("capacity", "de", "Der Park kommt auf rund 950 MW.", OK),
    ("capacity", "de", "Der Park kommt auf etwa ein Gigawatt.", OK),
    ("capacity", "de", "Der Park kommt auf 1 GW.", OK),
    ("capacity", "de", "Der Park kommt auf mehr als ein Gigawatt.", ERR),
    ("capacity", "de", "Der Park kommt auf über 900 Megawatt.", OK),
    ("capacity", "de", "Der Park kommt auf mindestens 960 MW.", OK),
    ("capacity", "de", "Der Park kommt auf bis zu 1,2 GW.", OK),
    ("capacity", "de", "Der Park kommt auf weniger als 900 MW.", ERR),
    ("capacity", "de", "Der Park leistet 1,2 Gigawatt.", ERR),
    ("capacity", "de", "Der Park leistet 690 Megawatt.", ERR),
    ("capacity", "de", "Der Park leistet knapp 900 Megawatt.", ERR),
    ("capacity", "de", "Der Park leistet gut 900 Megawatt.", WARN),
    ("capacity", "de", "Der Park leistet zwischen 900 und 1.000 Megawatt.", OK),
    ("capacity", "de", "Der Park leistet 800 bis 900 Megawatt.", ERR),
    ("capacity", "en", "The farm has a capacity of 960 megawatts.", OK),
    ("capacity", "en", "The farm has a capacity of 0.96 GW.", OK),
    ("capacity", "en", "The farm delivers nearly a gigawatt.", OK),
    ("capacity", "en", "The farm delivers almost 1,000 MW.", OK),
    ("capacity", "en", "The farm delivers about 1 gigawatt.", OK),
    ("capacity", "en", "The farm delivers more than a gigawatt.", ERR),
    ("capacity", "en", "The farm delivers at least 900 MW.", OK),
    ("capacity", "en", "The farm delivers up to 950 MW.", ERR),
    ("capacity", "en", "The farm delivers 1.2 GW.", ERR),
    ("capacity", "en", "The farm delivers between 0.9 and 1 GW.", OK),
    ("capacity", "en", "The farm delivers 900–950 MW.", ERR),
    ("capacity", "en", "The farm is 52 km long.", NONE),
    ("rating", "de", "Jede Turbine leistet 15 Megawatt.", OK),
    ("rating", "de", "Jede Turbine leistet 15.000 Kilowatt.", OK),
    ("rating", "de", "Jede Turbine leistet zwölf Megawatt.", ERR),
    ("rating", "de", "Sie setzen 15-MW-Anlagen ein.", OK),
    ("rating", "de", "Sie setzen 18-Megawatt-Anlagen ein.", ERR),
    ("rating", "en", "Each turbine is rated at 15 megawatts.", OK),
    ("rating", "en", "It uses 12-megawatt turbines.", ERR),
    ("rating", "en", "Each turbine delivers some 15 MW.", OK),
    # --- money: currencies, scale words, number formats ------------------------------------------
    ("cost", "de", "Das Projekt kostet 3,2 Milliarden Euro.", OK),
    ("cost", "de", "Das Projekt kostet 3,2 Mrd. €.", OK),
    ("cost", "de", "Das Projekt kostet 3.200 Millionen Euro.", OK),
    ("cost", "de", "Das Projekt kostet 3.200 Mio. Euro.", OK),
    ("cost", "de", "Das Projekt kostet € 3,2 Mrd.", OK),
    ("cost", "de", "Das Projekt kostet 3,2 Mrd. EUR.", OK),
    ("cost", "de", "Das Projekt kostet 3.200.000 Tsd. Euro.", OK),
    ("cost", "de", "Das Projekt kostet rund drei Milliarden Euro.", WARN),
    ("cost", "de", "Das Projekt kostet drei Milliarden Euro.", WARN),
    ("cost", "de", "Das Projekt kostet gut drei Milliarden Euro.", WARN),
    ("cost", "de", "Das Projekt kostet knapp drei Milliarden Euro.", ERR),
    ("cost", "de", "Das Projekt kostet mehr als drei Milliarden Euro.", OK),
    ("cost", "de", "Das Projekt kostet 2,3 Milliarden Euro.", ERR),
    ("cost", "de", "Das Projekt kostet 3,4 Mrd. Euro.", ERR),
    ("cost", "de", "Das Projekt kostet zwischen 3 und 3,5 Milliarden Euro.", OK),
    ("cost", "de", "Das Projekt kostet 3,2 Milliarden Dollar.", NONE),
    ("cost", "de", "Das Projekt kostet 3,2 Milliarden Franken.", NONE),
    ("cost", "en", "The project cost EUR 3.2 billion.", OK),
    ("cost", "en", "The project cost €3.2bn.", OK),
    ("cost", "en", "The project cost 3.2 billion euros.", OK),
    ("cost", "en", "The project cost 3,200 million euros.", OK),
    ("cost", "en", "The project cost roughly 3 billion euros.", WARN),
    ("cost", "en", "The project cost nearly 3.3 billion euros.", OK),
    ("cost", "en", "The project cost 4 billion euros.", ERR),
    ("cost", "en", "The project cost up to EUR 3 billion.", ERR),
    ("cost", "en", "The project cost $3.3 billion.", NONE),
    ("budget", "de", "Der Etat beträgt 412 Millionen Euro.", OK),
    ("budget", "de", "Der Etat beträgt 0,412 Milliarden Euro.", OK),
    ("budget", "de", "Der Etat beträgt 421 Millionen Euro.", ERR),
    ("budget", "de", "Der Etat beträgt etwa 400 Millionen Euro.", OK),
    ("budget", "de", "Der Etat beträgt knapp 420 Mio. €.", OK),
    ("budget", "en", "The budget is EUR 412m.", OK),
    ("budget", "en", "The budget is €412 million.", OK),
    ("budget", "en", "The budget is 0.4 billion euros.", OK),
    ("budget", "en", "The budget is 380 million euros.", ERR),
    ("price", "de", "Das Abo kostet 20 Dollar im Monat.", OK),
    ("price", "de", "Das Abo kostet 240 Dollar im Jahr.", OK),
    ("price", "de", "Das Abo kostet 25 Dollar pro Monat.", ERR),
    ("price", "en", "The plan costs $20 a month.", OK),
    ("price", "en", "The plan costs $240 per year.", OK),
    ("price", "en", "The plan costs USD 30 monthly.", ERR),
    ("price", "en", "The plan costs 20 euros a month.", NONE),
    ("fee", "de", "Die Gebühr beträgt 45 Franken.", OK),
    ("fee", "de", "Die Gebühr beträgt CHF 54.", ERR),
    ("fee", "en", "The fee is 45 Swiss francs.", OK),
    ("grant", "en", "The grant is worth £250m.", OK),
    ("grant", "en", "The grant is worth £0.25bn.", OK),
    ("grant", "en", "The grant is worth 205 million pounds.", ERR),
    ("grant", "de", "Der Zuschuss beträgt 250 Millionen Pfund.", OK),
    # --- lengths and distances -------------------------------------------------------------------
    ("distance", "de", "Der Park liegt 52 Kilometer vor der Küste.", OK),
    ("distance", "de", "Der Park liegt 52 km vor der Küste.", OK),
    ("distance", "de", "Der Park liegt 52.000 Meter vor der Küste.", OK),
    ("distance", "de", "Der Park liegt 32 Meilen vor der Küste.", OK),
    ("distance", "de", "Der Park liegt 28 Seemeilen vor der Küste.", OK),
    ("distance", "de", "Der Park liegt rund 50 Kilometer vor der Küste.", OK),
    ("distance", "de", "Der Park liegt etwa 30 Meilen vor der Küste.", WARN),
    ("distance", "de", "Der Park liegt 25 Kilometer vor der Küste.", ERR),
    ("distance", "de", "Der Park liegt 52 Meilen vor der Küste.", ERR),
    ("distance", "de", "Der Park liegt mehr als 40 Kilometer vor der Küste.", OK),
    ("distance", "de", "Der Park liegt weniger als 50 km vor der Küste.", ERR),
    ("distance", "en", "The farm lies 52 kilometres offshore.", OK),
    ("distance", "en", "The farm lies 32 miles offshore.", OK),
    ("distance", "en", "The farm lies some 28 nautical miles offshore.", OK),
    ("distance", "en", "The farm lies 52 miles offshore.", ERR),
    ("distance", "en", "The farm lies 25 km offshore.", ERR),
    ("distance", "en", "The farm lies about 55 km offshore.", WARN),
    ("rotor", "de", "Der Rotor misst 236 Meter.", OK),
    ("rotor", "de", "Der Rotor misst 263 Meter.", ERR),
    ("rotor", "de", "Der Rotor misst 0,236 Kilometer.", OK),
    ("rotor", "en", "The rotor spans 236 metres.", OK),
    ("rotor", "en", "The rotor spans 774 feet.", OK),
    ("rotor", "en", "The rotor spans 263 m.", ERR),
    ("bridge", "de", "Die Brücke ist 8,7 Kilometer lang.", OK),
    ("bridge", "de", "Die Brücke ist 8.700 Meter lang.", OK),
    ("bridge", "de", "Die Brücke ist 7,8 Kilometer lang.", ERR),
    ("bridge", "en", "The bridge is 5.4 miles long.", OK),
    ("bridge", "en", "The bridge is 8.7 km long.", OK),
    ("bridge", "en", "The bridge is 6.4 miles long.", ERR),
    ("depth", "de", "Das Wasser ist dort 40 Meter tief.", OK),
    ("depth", "de", "Das Wasser ist dort bis zu 42 Meter tief.", OK),
    ("depth", "de", "Das Wasser ist dort 60 Meter tief.", ERR),
    ("depth", "de", "Das Wasser ist dort zwischen 30 und 36 Meter tief.", OK),
    ("depth", "en", "The water there is 20 to 30 metres deep.", ERR),
    ("depth", "en", "The water there is about 130 feet deep.", OK),
    # --- areas, masses, speeds -------------------------------------------------------------------
    ("area", "de", "Das Baufeld umfasst 120 Quadratkilometer.", OK),
    ("area", "de", "Das Baufeld umfasst 12.000 Hektar.", OK),
    ("area", "de", "Das Baufeld umfasst 210 km².", ERR),
    ("area", "en", "The site covers 120 square kilometres.", OK),
    ("area", "en", "The site covers about 46 square miles.", OK),
    ("area", "en", "The site covers 120 square miles.", ERR),
    ("plot", "de", "Das Grundstück misst 40 Hektar.", OK),
    ("plot", "de", "Das Grundstück misst 400.000 Quadratmeter.", OK),
    ("plot", "en", "The plot measures roughly 100 acres.", OK),
    ("plot", "en", "The plot measures 14 hectares.", ERR),
    ("weight", "de", "Das Fundament wiegt 1.500 Tonnen.", OK),
    ("weight", "de", "Das Fundament wiegt 1,5 Millionen Kilogramm.", OK),
    ("weight", "de", "Das Fundament wiegt 5.100 Tonnen.", ERR),
    ("weight", "en", "The foundation weighs 1,500 tonnes.", OK),
    ("weight", "en", "The foundation weighs about 1,600 tonnes.", WARN),
    ("speed", "de", "Der Zug fährt 120 km/h.", OK),
    ("speed", "de", "Der Zug fährt 120 Stundenkilometer.", OK),
    ("speed", "de", "Der Zug fährt höchstens 100 km/h.", ERR),
    ("speed", "en", "The train runs at about 75 mph.", OK),
    ("speed", "en", "The train runs at 120 kilometres per hour.", OK),
    ("speed", "en", "The train runs at 120 mph.", ERR),
    # --- energy and rates ------------------------------------------------------------------------
    ("output", "de", "Der Park erzeugt 3,9 Terawattstunden im Jahr.", OK),
    ("output", "de", "Der Park erzeugt 3,9 Milliarden Kilowattstunden pro Jahr.", OK),
    ("output", "de", "Der Park erzeugt jährlich 3.900 GWh.", OK),
    ("output", "de", "Der Park erzeugt 325 Gigawattstunden im Monat.", OK),
    ("output", "de", "Der Park erzeugt 9,3 TWh im Jahr.", ERR),
    ("output", "de", "Der Park erzeugt 3,9 TWh pro Monat.", ERR),
    ("output", "en", "The farm generates around 3.9 terawatt hours a year.", OK),
    ("output", "en", "The farm generates 3.9 billion kilowatt-hours annually.", OK),
    ("output", "en", "The farm generates roughly 4 TWh per year.", OK),
    ("output", "en", "The farm generates 3.4 TWh per year.", ERR),
    # --- percentages and points ------------------------------------------------------------------
    ("share", "de", "Das deckt 26 Prozent des Bedarfs.", OK),
    ("share", "de", "Das deckt 26 % des Bedarfs.", OK),
    ("share", "de", "Das deckt rund ein Viertel des Bedarfs.", OK),
    ("share", "de", "Das deckt gut ein Viertel des Bedarfs.", OK),
    ("share", "de", "Das deckt knapp ein Viertel des Bedarfs.", ERR),
    ("share", "de", "Das deckt ein Drittel des Bedarfs.", ERR),
    ("share", "de", "Das deckt 62 Prozent des Bedarfs.", ERR),
    ("share", "de", "Das deckt mehr als 20 Prozent des Bedarfs.", OK),
    ("share", "en", "That covers 26% of demand.", OK),
    ("share", "en", "That covers 26 per cent of demand.", OK),
    ("share", "en", "That covers about a quarter of demand.", OK),
    ("share", "en", "That covers a third of demand.", ERR),
    ("share", "en", "That covers nearly 30 percent of demand.", ERR),
    ("stake", "de", "Die Firma hält 74,9 Prozent.", OK),
    ("stake", "de", "Die Firma hält knapp drei Viertel.", OK),
    ("stake", "de", "Die Firma hält 51 Prozent.", ERR),
    ("stake", "en", "The firm holds 74.9%.", OK),
    ("stake", "en", "The firm holds 47.9%.", ERR),
    ("rise", "de", "Der Anteil stieg um 3 Prozentpunkte.", OK),
    ("rise", "de", "Der Anteil stieg um drei Prozentpunkte.", OK),
    ("rise", "de", "Der Anteil stieg um 5 Prozentpunkte.", ERR),
    ("rise", "de", "Der Anteil stieg um 3 Prozent.", NONE),
    ("rise", "en", "The share rose by 3 percentage points.", OK),
    ("rise", "en", "The share rose by four percentage points.", ERR),
    ("loose", "de", "Etwa 43 Prozent stimmten zu.", OK),
    ("loose", "de", "Etwa 46 Prozent stimmten zu.", WARN),
    ("loose", "de", "Etwa 50 Prozent stimmten zu.", ERR),
    # --- intervals -------------------------------------------------------------------------------
    ("headway", "de", "Die Bahn fährt alle 7,5 Minuten.", OK),
    ("headway", "de", "Die Bahn fährt alle zehn Minuten.", ERR),
    ("headway", "de", "Die Bahn fährt alle 450 Sekunden.", OK),
    ("headway", "en", "Trains run every 7.5 minutes.", OK),
    ("headway", "en", "Trains run every five minutes.", ERR),
    ("headway", "en", "Trains run every hour.", ERR),
    ("life", "de", "Die Anlagen halten 30 Jahre.", OK),
    ("life", "de", "Die Anlagen halten drei Jahrzehnte.", OK),
    ("life", "de", "Die Anlagen halten 25 Jahre.", ERR),
    ("life", "en", "The turbines last three decades.", OK),
    ("life", "en", "The turbines last 20 years.", ERR),
    # --- counts: inflection and compounds --------------------------------------------------------
    ("turbines", "de", "Im Park stehen 64 Windräder.", OK),
    ("turbines", "de", "Im Park steht je ein Windrad, 64 insgesamt: 64 Windrädern fehlt nichts.", OK),
    ("turbines", "de", "Im Park stehen 64 Windenergieanlagen.", OK),
    ("turbines", "de", "Im Park stehen 46 Anlagen.", ERR),
    ("turbines", "de", "Im Park stehen 70 Turbinen.", ERR),
    ("turbines", "de", "Im Park stehen mehr als 60 Anlagen.", OK),
    ("turbines", "de", "Im Park stehen vierundsechzig Windräder.", OK),
    ("turbines", "de", "Im Park stehen 64 Fundamente.", NONE),
    ("turbines", "en", "The farm has 64 turbines.", OK),
    ("turbines", "en", "The farm has 80 wind turbines.", ERR),
    ("turbines", "en", "It is a 64-turbine project.", OK),
    ("turbines", "en", "It is a 46-turbine project.", ERR),
    ("turbines", "en", "The farm has between 60 and 70 turbines.", OK),
    ("turbines", "en", "The farm has 64 foundations.", NONE),
    ("households", "de", "Der Strom reicht für 1,1 Millionen Haushalte.", OK),
    ("households", "de", "Der Strom reicht für rund eine Million Haushalte.", WARN),
    ("households", "de", "Der Strom reicht für 1.100.000 Haushalte.", OK),
    ("households", "de", "Der Strom reicht für rund 1,6 Millionen Haushalte.", ERR),
    ("households", "en", "The power supplies about 1.1 million homes.", OK),
    ("households", "en", "The power supplies some 1.8 million homes.", ERR),
    ("households", "en", "The power supplies 1.1 million households.", OK),
    ("flights", "de", "Es gibt 120 Flüge pro Woche.", OK),
    ("flights", "de", "Es gibt rund 520 Flüge im Monat.", OK),
    ("flights", "de", "Es gibt 480 Flüge im Monat.", ERR),
    ("flights", "en", "There are 120 flights a week.", OK),
    ("flights", "en", "There are 20 flights a day.", ERR),
    # --- a limit -----------------------------------------------------------------------------------
    ("limit", "de", "Die Anlage leistet bis zu 50 MW.", OK),
    ("limit", "de", "Die Anlage leistet 40 Megawatt.", OK),
    ("limit", "de", "Die Anlage leistet 60 Megawatt.", ERR),
    ("limit", "en", "The plant delivers up to 0.05 GW.", OK),
    ("limit", "en", "The plant delivers up to 80 MW.", ERR),
    # --- a resolution stated exactly (a pair of sides, not a number: it once crashed the check) ---
    ("screen", "de", "Die Clips haben 1920 × 1080 Pixel.", OK),
    ("screen", "de", "Die Clips haben 1.280 × 720 Pixel.", ERR),
    ("screen", "en", "The clips come in Full HD.", OK),
    ("screen", "en", "The clips come in 4K.", ERR),
]


def expected_of(name: str) -> quantity.Expected:
    """A fact's `expected`, read as the loader reads it."""
    return quantity.parse_expected(FieldReader(FACTS[name], "test.yaml", name, "expected.", EXPECTED["quantity"]))


def judge(name: str, lang: str, phrase: str) -> str:
    """The verdict on the first quantity of the phrase comparable with the fact, or "none"."""
    expected = expected_of(name)
    nouns = (expected.nouns or {}).get(lang, ())
    for found in find_quantities(phrase, lang):
        if not quantity._same_dimension(expected, found):
            continue
        if expected.measure == "count" and not measures.noun_matches(found.noun, nouns, lang):
            continue
        return quantity.verdict(expected, found)
    return NONE


@pytest.mark.parametrize(("name", "lang", "phrase", "verdict"), [
    pytest.param(*row, id=f"{row[0]}:{row[1]}:{row[2]}") for row in ROWS])
def test_phrasing(name: str, lang: str, phrase: str, verdict: str) -> None:
    assert judge(name, lang, phrase) == verdict


def test_the_table_covers_both_languages_and_every_verdict():
    assert len(ROWS) >= 150
    assert {row[1] for row in ROWS} == {"de", "en"}
    assert {row[3] for row in ROWS} == {OK, WARN, ERR, NONE}
    assert {FACTS[row[0]]["measure"] for row in ROWS} >= {
        "power", "money", "length", "area", "mass", "speed", "energy", "percent", "points", "interval", "count"}
