"""Units of measure, scale words, rate words and noun inflection: everything the linter knows about how
German and English prose writes an amount. linter/measures.py builds its indexes from these tables;
nothing else in the linter lists a unit or a scale word. (A data module rather than YAML: it is read
at every start-up, and a compiled module costs well under a millisecond where parsing YAML cost 25 ms.)

MEASURES: each measure has a base unit and its units. A unit's key is its canonical symbol, the one
rule files write ("960 MW", "52 km"); `factor` converts it into the base unit, so conversion within a
measure is exact. `symbols` match as written (case matters: "m" is a metre, "M" is not); `words`
match in any case, inflected forms listed (German nouns change with case and number). A spelling of
several tokens ("km/h", "nautical miles") is matched whole, the longest first.
`convertible: False` (money): the units do not convert into each other, a currency is its own
dimension (exchange rates change; a draft's "$3.3 billion" is never compared with euros).
`fraction: True`: a word for a share ("ein Viertel"), which is always a rounded figure.
"""

MEASURES: dict = {
    "length": {"base": "m", "units": {
        "mm": {"factor": 0.001, "symbols": ["mm"],
            "words": ["Millimeter", "Millimetern", "millimetre", "millimetres", "millimeter", "millimeters"]},
        "cm": {"factor": 0.01, "symbols": ["cm"],
            "words": ["Zentimeter", "Zentimetern", "centimetre", "centimetres", "centimeter", "centimeters"]},
        "m": {"factor": 1, "symbols": ["m"],
            "words": ["Meter", "Metern", "Meters", "metre", "metres", "meter", "meters"]},
        "km": {"factor": 1000, "symbols": ["km", "Km"],
            "words": ["Kilometer", "Kilometern", "Kilometers", "kilometre", "kilometres", "kilometer",
                      "kilometers"]},
        "ft": {"factor": 0.3048, "symbols": ["ft"], "words": ["Fuß", "foot", "feet"]},
        "mi": {"factor": 1609.344, "symbols": ["mi"], "words": ["Meile", "Meilen", "mile", "miles"]},
        "nmi": {"factor": 1852, "symbols": ["sm", "nmi", "NM"],
            "words": ["Seemeile", "Seemeilen", "nautical mile", "nautical miles"]},
    }},
    "area": {"base": "m2", "units": {
        "m2": {"factor": 1, "symbols": ["m²", "qm", "sqm"],
            "words": ["Quadratmeter", "Quadratmetern", "square metre", "square metres", "square meter",
                      "square meters"]},
        "ha": {"factor": 10000, "symbols": ["ha"], "words": ["Hektar", "hectare", "hectares"]},
        "km2": {"factor": 1000000, "symbols": ["km²", "qkm"],
            "words": ["Quadratkilometer", "Quadratkilometern", "square kilometre", "square kilometres",
                      "square kilometer", "square kilometers"]},
        "acre": {"factor": 4046.8564224, "words": ["acre", "acres"]},
        "sqmi": {"factor": 2589988.110336,
            "words": ["Quadratmeile", "Quadratmeilen", "square mile", "square miles"]},
    }},
    "mass": {"base": "kg", "units": {
        "g": {"factor": 0.001, "symbols": ["g"], "words": ["Gramm", "gram", "grams", "gramme", "grammes"]},
        "kg": {"factor": 1, "symbols": ["kg"],
            "words": ["Kilogramm", "kilogram", "kilograms", "kilogramme", "kilogrammes", "Kilo"]},
        "t": {"factor": 1000, "symbols": ["t"],
            "words": ["Tonne", "Tonnen", "tonne", "tonnes", "metric ton", "metric tons"]},
        "lb": {"factor": 0.45359237, "symbols": ["lb", "lbs"]},
    }},
    "speed": {"base": "m/s", "units": {
        "m/s": {"factor": 1, "symbols": ["m/s"],
            "words": ["Meter pro Sekunde", "Metern pro Sekunde", "Meter je Sekunde", "metres per second",
                      "meters per second"]},
        "km/h": {"factor": 0.2777777777777778, "symbols": ["km/h", "kph"],
            "words": ["Kilometer pro Stunde", "Stundenkilometer", "Stundenkilometern", "kilometres per hour",
                      "kilometers per hour"]},
        "mph": {"factor": 0.44704, "symbols": ["mph"], "words": ["Meilen pro Stunde", "miles per hour"]},
        "kn": {"factor": 0.5144444444444445, "symbols": ["kn", "kt"], "words": ["Knoten", "knot", "knots"]},
    }},
    "power": {"base": "W", "units": {
        "W": {"factor": 1, "symbols": ["W"], "words": ["Watt", "watts"]},
        "kW": {"factor": 1000, "symbols": ["kW"], "words": ["Kilowatt", "kilowatts"]},
        "MW": {"factor": 1000000, "symbols": ["MW"], "words": ["Megawatt", "megawatts"]},
        "GW": {"factor": 1000000000, "symbols": ["GW"], "words": ["Gigawatt", "gigawatts"]},
        "TW": {"factor": 1000000000000, "symbols": ["TW"], "words": ["Terawatt", "terawatts"]},
    }},
    "energy": {"base": "Wh", "units": {
        "Wh": {"factor": 1, "symbols": ["Wh"],
            "words": ["Wattstunde", "Wattstunden", "watt hour", "watt hours", "watt-hour", "watt-hours"]},
        "kWh": {"factor": 1000, "symbols": ["kWh"],
            "words": ["Kilowattstunde", "Kilowattstunden", "kilowatt hour", "kilowatt hours", "kilowatt-hour",
                      "kilowatt-hours"]},
        "MWh": {"factor": 1000000, "symbols": ["MWh"],
            "words": ["Megawattstunde", "Megawattstunden", "megawatt hour", "megawatt hours", "megawatt-hour",
                      "megawatt-hours"]},
        "GWh": {"factor": 1000000000, "symbols": ["GWh"],
            "words": ["Gigawattstunde", "Gigawattstunden", "gigawatt hour", "gigawatt hours", "gigawatt-hour",
                      "gigawatt-hours"]},
        "TWh": {"factor": 1000000000000, "symbols": ["TWh"],
            "words": ["Terawattstunde", "Terawattstunden", "terawatt hour", "terawatt hours", "terawatt-hour",
                      "terawatt-hours"]},
    }},
    "percent": {"base": "%", "units": {
        "%": {"factor": 1, "symbols": ["%", "v. H."], "words": ["Prozent", "percent", "per cent"]},
        "tenth": {"factor": 10, "fraction": True, "words": ["Zehntel"]},
        "fifth": {"factor": 20, "fraction": True, "words": ["Fünftel"]},
        "quarter": {"factor": 25, "fraction": True, "words": ["Viertel"]},
        "third": {"factor": 33.333333333333336, "fraction": True, "words": ["Drittel"]},
        "half": {"factor": 50, "fraction": True, "words": ["Hälfte"]},
        # English fraction words are also ordinals ("a third turbine"): only "a quarter of" is a share
        "quarter-of": {"factor": 25, "fraction": True, "words": ["quarter of", "quarters of"]},
        "third-of": {"factor": 33.333333333333336, "fraction": True, "words": ["third of", "thirds of"]},
        "fifth-of": {"factor": 20, "fraction": True, "words": ["fifth of", "fifths of"]},
        "tenth-of": {"factor": 10, "fraction": True, "words": ["tenth of", "tenths of"]},
    }},
    "points": {"base": "pp", "units": {
        "pp": {"factor": 1, "symbols": ["pp", "Pp."],
            "words": ["Prozentpunkt", "Prozentpunkte", "Prozentpunkten", "percentage point", "percentage points"]},
    }},
    "money": {"base": "EUR", "convertible": False, "units": {
        "EUR": {"factor": 1, "symbols": ["€", "EUR"], "words": ["Euro", "Euros", "euro", "euros"]},
        "USD": {"factor": 1, "symbols": ["$", "USD", "US$", "US-$"],
            "words": ["Dollar", "Dollars", "US-Dollar", "US-Dollars", "dollar", "dollars"]},
        "CHF": {"factor": 1, "symbols": ["CHF", "sFr.", "Fr."],
            "words": ["Franken", "Schweizer Franken", "Swiss franc", "Swiss francs"]},
        "GBP": {"factor": 1, "symbols": ["£", "GBP"],
            "words": ["Pfund", "Pfund Sterling", "pound", "pounds", "pounds sterling"]},
    }},
    # durations as rule files write them ("60 s", "10 min"); prose durations are read by
    # linter/claims/durations.py with the time words of linter/claims/numbers.py
    "duration": {"base": "s", "units": {
        "s": {"factor": 1, "symbols": ["s", "sec"]},
        "min": {"factor": 60, "symbols": ["min"]},
        "h": {"factor": 3600, "symbols": ["h"]},
        "d": {"factor": 86400, "symbols": ["d"]},
        "wk": {"factor": 604800, "symbols": ["wk"]},
        "mo": {"factor": 2629800, "symbols": ["mo"]},
        "a": {"factor": 31557600, "symbols": ["a", "yr"]},
    }},
}

# Scale words multiply the number before them ("3,2 Mrd.", "$2 billion"). German "Billion" is 10^12,
# English "billion" 10^9: the words are per language. `money` scales stand only beside a currency
# ("$300m", "£2bn"), where they cannot be read as metres.
SCALES: list = [
    {"factor": 1000, "de": ["Tausend", "Tsd."],
     "en": ["thousand", "thousands"], "money": ["k"]},
    {"factor": 1000000, "de": ["Million", "Millionen", "Mio."],
     "en": ["million", "millions", "mn"], "money": ["m", "mn", "M"]},
    {"factor": 1000000000, "de": ["Milliarde", "Milliarden", "Mrd."],
     "en": ["billion", "billions", "bn"], "money": ["bn", "b"]},
    {"factor": 1000000000000, "de": ["Billion", "Billionen", "Bio."],
     "en": ["trillion", "trillions", "tn"], "money": ["tn"]},
]

# Rate words after an amount ("3,9 TWh pro Jahr", "$20 a month"): the period it is counted over, a
# duration unit above. A fact with `per:` compares a rate over another period after conversion.
RATES: dict = {
    "a": {"de": ["pro Jahr", "im Jahr", "je Jahr", "jährlich", "jedes Jahr", "p. a.", "p.a."],
         "en": ["per year", "a year", "per annum", "annually", "each year", "every year", "yearly", "p.a."]},
    "mo": {"de": ["pro Monat", "im Monat", "je Monat", "monatlich", "jeden Monat"],
          "en": ["per month", "a month", "monthly", "each month", "every month"]},
    "wk": {"de": ["pro Woche", "in der Woche", "je Woche", "wöchentlich", "jede Woche"],
          "en": ["per week", "a week", "weekly", "each week", "every week"]},
    "d": {"de": ["pro Tag", "am Tag", "je Tag", "täglich", "jeden Tag"],
         "en": ["per day", "a day", "daily", "each day", "every day"]},
    "h": {"de": ["pro Stunde", "in der Stunde", "je Stunde", "stündlich"],
         "en": ["per hour", "an hour", "hourly", "each hour", "every hour"]},
}

# Words that make a duration an interval between repeated events ("alle 7,5 Minuten", "every five minutes").
INTERVALS: dict = {"de": ["alle"], "en": ["every"]}

# How nouns inflect, so that a counted noun is recognised in any form ("Windräder", "Windrad",
# "turbines"). Endings are tried longest first; German umlauts are folded (Räder -> Rader -> Rad);
# German compounds count as their last part ("Windenergieanlagen" are "Anlagen").
INFLECTION: dict = {
    "de": {"endings": ["ern", "en", "er", "es", "e", "n", "s"], "umlauts": {"ä": "a", "ö": "o", "ü": "u"}},
    "en": {"endings": ["es", "s"], "replacements": {"ies": "y", "ves": "f"},
           "irregular": {"people": "person", "men": "man", "women": "woman", "children": "child", "staff": "staff",
                         "feet": "foot"}},
}
