#!/usr/bin/env python3
"""Deterministic benchmark inputs for factlint: a corpus of drafts and synthetic fact packs.

    python benchmarks/generate.py --drafts 2000 --out DIR   # DIR/<yyyy-mm>/<nnnnn>-<slug>.md
    python benchmarks/generate.py --facts 2000 --out DIR    # DIR/rules/*.yaml + DIR/seeds/*.txt

Everything comes from templates and a seeded random generator (no network, no clock): the same
`--seed` gives the same bytes. Draft i depends only on (seed, i), so the corpus of 4N drafts starts
with the corpus of N drafts.

Drafts are German or English news drafts about OpenAI's Sora of 3-8 KB with front matter (title,
date, lang), mixing claims that agree with the default pack, claims that contradict it, claims about
other products (Runway, Kling, Pika, ... and the synthetic products below), quotes, lists, tables,
code blocks, links and HTML comments.

A synthetic pack is a rule directory `DIR/rules` (subjects.yaml and facts files) with its sources in
`DIR/seeds` beside it, so `factlint rules check --rules DIR/rules` validates it (every source quote
is a sentence of its generated seed text). Its facts are about generated products, organisations and
people: quantity (clip length, demo count, resolution), date (launch month), status (release),
category (developer, a person's role), name and quote facts, each with two or more flag and pass
examples. Synthetic product j is the same in every pack and draft of a seed, and the drafts name the
first ones, so a draft's market round-up is checked against a synthetic pack's facts when it is loaded.
"""
from __future__ import annotations

import argparse
import datetime as dt
import functools
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

DEFAULT_SEED = 0
DRAFT_MIN_BYTES = 3000
DRAFT_MAX_BYTES = 8000
DRAFT_PRODUCTS = 120          # the drafts name synthetic products 0..DRAFT_PRODUCTS-1
FACTS_PER_FILE = 250

MONTHS = {
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
           "Oktober", "November", "Dezember"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"],
}
NUMBER_WORDS = {
    "de": {2: "zwei", 3: "drei", 4: "vier", 5: "fünf", 6: "sechs", 8: "acht", 10: "zehn", 12: "zwölf",
           15: "fünfzehn", 20: "zwanzig", 30: "dreißig"},
    "en": {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 8: "eight", 10: "ten", 12: "twelve",
           15: "fifteen", 20: "twenty", 30: "thirty"},
}


def _rng(seed: int, *key) -> random.Random:
    """A generator for one item: string seeds are hashed with SHA-512, so this is stable across runs."""
    return random.Random(":".join(["factlint-bench", str(seed), *map(str, key)]))


# ---------------------------------------------------------------------------------------------------
# Synthetic entities: products, organisations, people. Entity j of a kind depends only on (seed, j).
# ---------------------------------------------------------------------------------------------------

_P_START = ["Vel", "Kor", "Zan", "Tri", "Mor", "Quil", "Dra", "Bren", "Sol", "Fen", "Lum", "Nex", "Ori",
            "Pra", "Ryn", "Sav", "Tal", "Vor", "Wex", "Yar", "Zel", "Cal", "Dov", "Gal", "Hal", "Jor",
            "Kel", "Mir", "Nol", "Pyr"]
_P_MID = ["a", "e", "i", "o", "ar", "en", "is", "or", "um", "ev", "al", "y"]
_P_END = ["trix", "vane", "mora", "lix", "dor", "nyx", "via", "rex", "zon", "tara", "quin", "thos",
          "vex", "lune", "ric", "phyr"]
_P_SUFFIX = ["", "", "", "", " Motion", " Studio", " Video", " Max", " Pro"]
_O_START = ["Brant", "Corv", "Delt", "Ember", "Fjord", "Glim", "Harb", "Ivor", "Jasp", "Kest", "Lark",
            "Mant", "North", "Obel", "Pell", "Quarr", "Rook", "Sable", "Thorn", "Umber", "Vant", "Wyn"]
_O_END = ["ic", "ara", "ion", "ex", "ova", "ium", "en", "ari", "ent", "ora"]
_O_SUFFIX = ["Labs", "Media", "AI", "Systems", "Studios", "Interactive", "Pictures", "Technologies"]
_FIRST = ["Lena", "Jonas", "Mara", "Felix", "Nora", "Elias", "Clara", "Mateo", "Ida", "Noah", "Greta",
          "Paul", "Amira", "Leon", "Selin", "Oskar", "Hanna", "Milan", "Ronja", "Theo", "Priya", "Daniel",
          "Sofia", "Karim"]
_S_START = ["Adl", "Bas", "Cor", "Dal", "Esk", "Fald", "Gorn", "Hess", "Ilv", "Kast", "Lind", "Marv",
            "Nord", "Ost", "Pag", "Reiv", "Sten", "Tov", "Varg", "Wend"]
_S_MID = ["", "en", "ing", "a"]
_S_END = ["berg", "ström", "ova", "ard", "elli", "wick", "hoff", "anek", "oulis", "ersen"]
_ROLES = [  # (de, en, wrong titles de, wrong titles en)
    ("Technikchefin", "chief technology officer", ["Finanzchefin", "Geschäftsführerin", "Pressesprecherin"],
     ["chief financial officer", "CEO", "spokeswoman"]),
    ("Geschäftsführer", "chief executive", ["Technikchef", "Finanzchef", "Pressesprecher"],
     ["chief technology officer", "CFO", "spokesman"]),
    ("Forschungsleiterin", "head of research", ["Finanzchefin", "Geschäftsführerin", "Marketingchefin"],
     ["CEO", "chief financial officer", "head of marketing"]),
    ("Produktchef", "head of product", ["Finanzchef", "Forschungsleiter", "Geschäftsführer"],
     ["CFO", "head of research", "CEO"]),
]


@functools.lru_cache(maxsize=None)
def _table(seed: int, tag: str, size: int) -> list[int]:
    order = list(range(size))
    _rng(seed, "table", tag).shuffle(order)
    return order


@dataclass(frozen=True)
class Product:
    index: int
    name: str
    maker: int                # organisation index
    clip_s: int               # longest clip in seconds
    demos: int                # demo videos at the launch
    resolution: tuple[int, int]
    launch: tuple[int, int]   # (year, month) of the presentation
    released: bool

    @property
    def slug(self) -> str:
        return _slug(self.name)


@dataclass(frozen=True)
class Organisation:
    index: int
    name: str

    @property
    def slug(self) -> str:
        return _slug(self.name)


@dataclass(frozen=True)
class Person:
    index: int
    first: str
    surname: str
    org: int
    role: int                 # index into _ROLES
    quote_de: str
    quote_en: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.surname}"

    @property
    def slug(self) -> str:
        return _slug(self.name)


def _slug(text: str) -> str:
    text = text.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def product(seed: int, j: int) -> Product:
    space = len(_P_START) * len(_P_MID) * len(_P_END)
    code = _table(seed, "product", space)[j % space]
    start, rest = divmod(code, len(_P_MID) * len(_P_END))
    mid, end = divmod(rest, len(_P_END))
    rng = _rng(seed, "product", j)
    name = _P_START[start] + _P_MID[mid] + _P_END[end] + rng.choice(_P_SUFFIX)
    if j >= space:
        name += f" {j // space + 1}"
    return Product(j, name, maker=j // 2, clip_s=rng.choice([4, 5, 8, 10, 16, 20, 30, 45, 90, 120]),
                   demos=rng.choice([6, 8, 10, 12, 16, 20, 24, 30, 36, 40, 50, 64]),
                   resolution=rng.choice([(1280, 720), (1920, 1080), (1024, 576), (2048, 1152), (3840, 2160)]),
                   launch=(rng.choice([2023, 2024, 2024, 2025]), rng.randint(1, 12)), released=rng.random() < 0.5)


def organisation(seed: int, k: int) -> Organisation:
    space = len(_O_START) * len(_O_END) * len(_O_SUFFIX)
    code = _table(seed, "organisation", space)[k % space]
    start, rest = divmod(code, len(_O_END) * len(_O_SUFFIX))
    end, suffix = divmod(rest, len(_O_SUFFIX))
    name = f"{_O_START[start]}{_O_END[end]} {_O_SUFFIX[suffix]}"
    return Organisation(k, name if k < space else f"{name} {k // space + 1}")


_QUOTE_PARTS = {
    "de": (["Unser Ziel ist es,", "Uns geht es darum,", "Wir haben uns vorgenommen,", "Wir versuchen,"],
           ["Werkzeuge zu bauen", "Modelle zu entwickeln", "Geschichten zu erzählen", "Filmteams zu entlasten",
            "Ideen sichtbar zu machen", "Kameras zu ergänzen"],
           ["die Kreativen Zeit sparen", "die niemandem die Arbeit wegnehmen", "die jeder verstehen kann",
            "die ehrlich mit ihren Grenzen umgehen", "die Fälschungen erkennbar machen"],
           ["und das ist erst der Anfang.", "und dafür brauchen wir Vertrauen.",
            "und wir stehen noch ganz am Anfang.", "und daran messen wir uns."]),
    "en": (["Our goal is", "What matters to us is", "We have set out", "We are trying"],
           ["to build tools", "to develop models", "to tell stories", "to support film crews",
            "to make ideas visible", "to complement cameras"],
           ["that save creative people time", "that take nobody's job away", "that anyone can understand",
            "that are honest about their limits", "that make fakes recognisable"],
           ["and this is only the beginning.", "and that takes trust.", "and we are only at the start.",
            "and that is how we measure ourselves."]),
}


def person(seed: int, p: int) -> Person:
    space = len(_S_START) * len(_S_MID) * len(_S_END)
    code = _table(seed, "person", space)[p % space]
    start, rest = divmod(code, len(_S_MID) * len(_S_END))
    mid, end = divmod(rest, len(_S_END))
    surname = _S_START[start] + _S_MID[mid] + _S_END[end] + (f"-{p // space + 1}" if p >= space else "")
    rng = _rng(seed, "person", p)
    first = rng.choice(_FIRST)
    a, b, c, d = (rng.randrange(len(part)) for part in _QUOTE_PARTS["de"])
    tool = product(seed, p).name           # the speaker's own product makes each statement distinct
    de, en = _QUOTE_PARTS["de"], _QUOTE_PARTS["en"]
    quote_de = f"{de[0][a]} mit {tool} {de[1][b]}, {de[2][c]}, {de[3][d]}"
    quote_en = f"{en[0][a]} {en[1][b]} with {tool} {en[2][c]}, {en[3][d]}"
    return Person(p, first, surname, org=p // 2, role=rng.randrange(len(_ROLES)), quote_de=quote_de, quote_en=quote_en)


# ---------------------------------------------------------------------------------------------------
# Drafts
# ---------------------------------------------------------------------------------------------------

# Slot values: {name} in a template is replaced by a random entry of SLOTS[lang][name].
SLOTS = {
    "de": {
        "ok_len": ["einer Minute", "60 Sekunden", "sechzig Sekunden", "einer Minute"],
        "bad_len": ["zwei Minuten", "90 Sekunden", "anderthalb Minuten", "30 Sekunden", "drei Minuten",
                    "1,5 Minuten", "zehn Minuten", "45 Sekunden"],
        "bad_comp": ["90-Sekunden", "120-Sekunden", "30-Sekunden", "Zwei-Minuten"],
        "ok_count": ["48", "achtundvierzig", "vier Dutzend"],
        "bad_count": ["50", "über 100", "zwei Dutzend", "sechzig", "rund drei Dutzend", "36", "40"],
        "ok_month": ["Februar 2024", "Februar"],
        "bad_month": ["Januar 2024", "Dezember 2023", "März 2024", "November 2023"],
        "bad_res": ["1920 × 1080 Pixeln", "Full HD", "4K", "1080p", "1280 × 720 Pixeln", "2048 × 1152 Pixeln"],
        "ok_res": ["1024 × 768 Pixeln", "1024 mal 768 Pixeln"],
        "bad_span": ["mehrere Tage", "eine ganze Woche", "drei Tage", "tagelang"],
        "bad_day": ["Montag", "Mittwoch", "Donnerstag"],
        "rival": ["Runway", "Kling", "Pika", "Hailuo", "Googles Veo", "Metas Movie Gen", "Stable Video Diffusion",
                  "Midjourney"],
        "rival_org": ["Google", "Meta", "Microsoft", "Stability AI", "Runway"],
        "when": ["im Sommer", "seit April", "ab Juni", "im Herbst", "seit Anfang März"],
        "outlet": ["The Verge", "Bloomberg", "der New York Times", "1E9", "Heise online", "Spiegel Online"],
        "topic": ["Urheberrecht", "Deepfakes", "Wahlkampf", "Filmproduktion", "Werbung", "Journalismus",
                  "Bildung", "Musikvideos"],
        "group": ["Filmschaffende", "Redaktionen", "Lehrkräfte", "Agenturen", "Studierende", "Fotografinnen"],
        "adj": ["beeindruckend", "verstörend", "erstaunlich", "ernüchternd", "bemerkenswert", "umstritten"],
        "num": ["zwölf", "drei", "20", "140", "sieben", "Dutzende"],
        "pct": ["15 Prozent", "ein Drittel", "2,5 Prozent", "mehr als die Hälfte"],
        "city": ["Berlin", "Hamburg", "Los Angeles", "München", "Köln", "San Francisco", "Wien"],
        "thing": ["Bildschirm", "Laptop", "Smartphone", "Server", "Kinosaal"],
    },
    "en": {
        "ok_len": ["a minute", "60 seconds", "one minute", "sixty seconds"],
        "bad_len": ["two minutes", "90 seconds", "a minute and a half", "30 seconds", "three minutes",
                    "ten minutes", "45 seconds"],
        "bad_comp": ["90-second", "two-minute", "30-second", "five-minute"],
        "ok_count": ["48", "forty-eight", "four dozen"],
        "bad_count": ["50", "more than 100", "two dozen", "sixty", "about three dozen", "36", "40"],
        "ok_month": ["February 2024", "mid-February 2024", "February"],
        "bad_month": ["January 2024", "December 2023", "March 2024", "November 2023"],
        "bad_res": ["1920 × 1080 pixels", "Full HD", "4K", "1080p", "1280 × 720 pixels"],
        "ok_res": ["1024 × 768 pixels", "1024 by 768 pixels"],
        "bad_span": ["several days", "a whole week", "three days", "days"],
        "bad_day": ["Monday", "Wednesday", "Thursday"],
        "rival": ["Runway", "Kling", "Pika", "Hailuo", "Google's Veo", "Meta's Movie Gen", "Stable Video Diffusion",
                  "Midjourney"],
        "rival_org": ["Google", "Meta", "Microsoft", "Stability AI", "Runway"],
        "when": ["in the summer", "since April", "from June", "in the autumn", "since early March"],
        "outlet": ["The Verge", "Bloomberg", "the New York Times", "Wired", "the Guardian", "Axios"],
        "topic": ["copyright", "deepfakes", "election campaigns", "film production", "advertising", "journalism",
                  "education", "music videos"],
        "group": ["filmmakers", "newsrooms", "teachers", "agencies", "students", "photographers"],
        "adj": ["impressive", "unsettling", "astonishing", "sobering", "remarkable", "controversial"],
        "num": ["twelve", "three", "20", "140", "seven", "dozens of"],
        "pct": ["15 percent", "a third", "2.5 percent", "more than half"],
        "city": ["Berlin", "London", "Los Angeles", "New York", "Toronto", "San Francisco", "Dublin"],
        "thing": ["screen", "laptop", "smartphone", "server", "cinema"],
    },
}

# Sentences by topic and polarity: ok (agrees with the default pack), bad (contradicts it), neutral.
BANK = {
    "de": {
        "clip": {
            "ok": ["Sora erzeugt Videos von bis zu {ok_len} Länge.", "Die Clips von Sora sind höchstens {ok_len} lang.",
                   "Mit Sora entstehen einminütige Clips aus wenigen Zeilen Text.",
                   "Ein einzelner Clip des Modells dauert maximal {ok_len}.",
                   "Die Videos sind bis zu einer Minute lang und wirken erstaunlich stabil."],
            "bad": ["Sora erzeugt Clips von bis zu {bad_len} Länge.", "Laut OpenAI liefert Sora {bad_comp}-Clips aus einem einzigen Prompt.",
                    "Die Videos von Sora dauern höchstens {bad_len}.", "Mit Sora lassen sich Videos von bis zu {bad_len} generieren."],
            "neutral": ["Wie lang ein Clip sein darf, hängt bei {rival} vom Abo ab.",
                        "Auf einem {thing} wirken die Clips schärfer als im Browser.",
                        "Für einen einzigen Clip braucht der Rechner mitunter zehn Minuten Rechenzeit.",
                        "Ob künftige Versionen längere Filme erzeugen könnten, ist offen."],
        },
        "demos": {
            "ok": ["OpenAI hat {ok_count} mit Sora erzeugte Videos online gestellt.",
                   "Auf der Sora-Seite finden sich {ok_count} Beispielclips.",
                   "Zum Start zeigte OpenAI 48 Demo-Videos von Sora."],
            "bad": ["OpenAI hat auf der Sora-Projektseite {bad_count} Beispielvideos veröffentlicht.",
                    "Zum Start von Sora zeigte OpenAI {bad_count} Demo-Clips.",
                    "Auf der Website sind {bad_count} mit Sora erzeugte Videos zu sehen."],
            "neutral": ["Die Sora-Videos wurden in wenigen Tagen über zehn Millionen Mal aufgerufen.",
                        "Viele der Beispielclips kursierten schnell in sozialen Netzwerken.",
                        "Für Gen-3 hat Runway ein Dutzend Beispielclips veröffentlicht."],
        },
        "announce": {
            "ok": ["OpenAI hat Sora im {ok_month} vorgestellt.", "Im Februar 2024 stellte OpenAI Sora erstmals vor.",
                   "Mitte Februar 2024 zeigte OpenAI erstmals Videos von Sora.",
                   "OpenAI präsentierte Sora am 15. Februar 2024."],
            "bad": ["OpenAI hat Sora im {bad_month} vorgestellt.", "Sora wurde im {bad_month} erstmals präsentiert.",
                    "Im {bad_month} kündigte OpenAI sein Videomodell Sora an."],
            "neutral": ["Runway stellte Gen-2 bereits 2023 vor.", "Meta zeigte im Oktober 2024 sein Modell Movie Gen.",
                        "Seit der Vorstellung ist viel Zeit vergangen."],
        },
        "status": {
            "ok": ["Sora ist bislang nicht öffentlich zugänglich.", "Einen Termin für die Veröffentlichung von Sora gibt es noch nicht.",
                   "Noch ist Sora nicht nutzbar.", "Zugang zu Sora haben bislang nur Red Teamer und eine kleine Gruppe von Künstlern, Designern und Filmemachern.",
                   "Sora testen derzeit Sicherheitsforschende sowie ausgewählte Kreative."],
            "bad": ["Sora ist {when} für alle Nutzer verfügbar.", "OpenAI hat Sora im Mai offiziell veröffentlicht.",
                    "Alle ChatGPT-Plus-Abonnenten können Sora bereits nutzen.", "Seit dieser Woche können Interessierte Sora ausprobieren.",
                    "Sora erscheint am 1. September in Europa."],
            "neutral": ["Ob Sora noch in diesem Jahr erscheint, ist offen.", "{rival} ist seit dem Sommer für zahlende Kunden verfügbar.",
                        "Denkbar ist, dass Sora später zahlenden ChatGPT-Kunden angeboten wird."],
        },
        "tech": {
            "ok": ["Sora ist ein Diffusionsmodell mit Transformer-Architektur.", "OpenAI hat Sora entwickelt.",
                   "Das Modell zerlegt Videos und Bilder in sogenannte Patches.",
                   "OpenAI, das Unternehmen hinter ChatGPT, hat Sora entwickelt."],
            "bad": ["Technisch basiert Sora auf einem Generative Adversarial Network.", "Sora ist kein Diffusionsmodell.",
                    "{rival_org}s Videomodell Sora sorgt für Aufsehen.", "Sora, der neue Videogenerator von Meta, erzeugt realistische Clips."],
            "neutral": ["Ältere Videogeneratoren basierten oft auf GANs.", "Wie genau das Training ablief, verrät OpenAI nicht.",
                        "Googles Veo gilt als wichtigster Konkurrent von Sora."],
        },
        "leak": {
            "ok": ["Am Dienstag war Sora für mehrere Stunden für jedermann zugänglich.",
                   "Über den Leak ließen sich Videos von bis zu zehn Sekunden erzeugen.",
                   "Die Clips aus dem geleakten Space hatten eine Auflösung von bis zu {ok_res}.",
                   "Die Künstlergruppe PR Puppets stellte den Zugang als Space auf Hugging Face bereit.",
                   "Der Space war über mehrere Stunden hinweg erreichbar."],
            "bad": ["Über den Sora-Leak ließen sich Clips von bis zu 20 Sekunden erzeugen.",
                    "Im geleakten Space erzeugte Sora Videos in {bad_res}.", "Der Space blieb {bad_span} online.",
                    "Am {bad_day} wurde Sora über einen Space auf Hugging Face geleakt.",
                    "Beim Leak waren mit Sora 30-Sekunden-Clips möglich."],
            "neutral": ["OpenAI reagierte am Mittwoch mit einer Stellungnahme auf den Leak.",
                        "Die Generierung eines Clips kostete oft mehrere Minuten Wartezeit.",
                        "Die Gruppe wollte gegen den Umgang von OpenAI mit Kreativen protestieren.",
                        "Gerüchte, wonach der Space tagelang offen war, stimmen nicht."],
        },
        "people": {
            "ok": ["OpenAI-Chef Sam Altman warb in Hollywood für Sora.", "Technikchefin Mira Murati sprach im März über Sora.",
                   "Der Designer Don Allen Stevenson III zeigte einen kurzen Dokumentarfilm über erfundene Tiere.",
                   "Das Studio Shy Kids drehte einen absurden Kurzfilm über einen Mann mit einem Ballon als Kopf.",
                   "Laut Mira Murati wurden öffentlich verfügbare und lizenzierte Daten verwendet.",
                   "Verge-Chefredakteur Tom Warren wies auf eine Katze mit drei Pfoten hin."],
            "bad": ["OpenAI-Chef Sam Altmann warb in Hollywood für Sora.", "Laut Mira Muratti startet Sora noch 2024.",
                    "Open AI hat Sora im Februar 2024 vorgestellt.", "Der OpenAI-Finanzchef Sam Altman besuchte mehrere Oscar-Partys.",
                    "Der Sora-Leak lief über einen Space auf Huggingface."],
            "neutral": ["Altmans Firma hat Sora entwickelt.", "Katy Perry und Samuel Alito sind andere Leute.",
                        "Der Regisseur Tyler Perry legte den Ausbau seines Studios in {city} auf Eis."],
        },
        "rights": {
            "ok": ["Die New York Times verklagt OpenAI wegen der Trainingsdaten von ChatGPT.",
                   "OpenAI will den Metadaten-Standard C2PA unterstützen.",
                   "Schon 2017 hat Google eine Technik zum Entfernen von Wasserzeichen vorgestellt."],
            "bad": ["Die Washington Post verklagt OpenAI wegen der Trainingsdaten.", "OpenAI lehnt C2PA ab.",
                    "2019 stellte Google eine Technik zum Entfernen von Wasserzeichen vor.",
                    "OpenAI hat die Trainingsdaten von Sora offengelegt."],
            "neutral": ["Beim Thema {topic} sind viele Fragen offen.", "Juristen rechnen mit langen Verfahren in {city}.",
                        "Welche Videos im Training steckten, bleibt unklar."],
        },
    },
    "en": {
        "clip": {
            "ok": ["Sora generates videos of up to {ok_len}.", "Sora's clips run up to a minute.",
                   "Sora makes minute-long videos from short text prompts.", "A single clip from the model lasts at most {ok_len}.",
                   "Each Sora video can be up to {ok_len} long, far longer than its rivals managed at the time."],
            "bad": ["Sora can generate videos up to {bad_len} long.", "Sora produces {bad_comp} clips from a single prompt.",
                    "Sora's videos are capped at {bad_len}.", "According to OpenAI, Sora's clips run for {bad_len} at most."],
            "neutral": ["How long a clip may be depends on the plan at {rival}.", "On a {thing} the clips look sharper than in the browser.",
                        "Rendering a single clip reportedly took up to an hour.", "Could a future version produce longer films?"],
        },
        "demos": {
            "ok": ["OpenAI released {ok_count} sample videos alongside the Sora announcement.",
                   "Forty-eight Sora clips went up on OpenAI's site.", "The Sora page showed {ok_count} demo clips at launch.",
                   "OpenAI picked {ok_count} clips to show what Sora can do."],
            "bad": ["OpenAI posted {bad_count} Sora demo videos on its website.", "The Sora launch page showed {bad_count} sample clips.",
                    "OpenAI shared {bad_count} videos made with Sora."],
            "neutral": ["The Sora demo reel drew more than 10 million views.", "Runway published a dozen sample clips for Gen-3.",
                        "Many of the sample clips spread quickly on social media."],
        },
        "announce": {
            "ok": ["OpenAI unveiled Sora in {ok_month}.", "Sora debuted in February 2024.", "OpenAI unveiled Sora on February 15, 2024.",
                   "When OpenAI presented Sora in February 2024, the clips went viral within hours."],
            "bad": ["OpenAI unveiled Sora in {bad_month}.", "Sora was first announced in {bad_month}.",
                    "In {bad_month}, OpenAI introduced its video model Sora."],
            "neutral": ["Google announced Veo 2 in December 2024.", "A lot has happened since the announcement.",
                        "Runway had shown Gen-2 months earlier."],
        },
        "status": {
            "ok": ["Sora is still not available to the public.", "OpenAI has not said when Sora will be released.",
                   "Only red teamers and a small group of visual artists, designers and filmmakers can use Sora."],
            "bad": ["Sora is now available to everyone in the US.", "OpenAI released Sora to the public in April.",
                    "Anyone can now sign up and try Sora.", "All ChatGPT Plus subscribers can already use Sora.",
                    "Sora launches on June 15."],
            "neutral": ["Will Sora be available before the end of the year?", "{rival} is available to paying subscribers.",
                        "It is unclear whether paying ChatGPT users will get Sora first."],
        },
        "tech": {
            "ok": ["Sora is a diffusion model with a transformer architecture.", "OpenAI, the company behind ChatGPT, built Sora.",
                   "The model cuts videos and images into so-called patches."],
            "bad": ["Sora is built on a GAN.", "Sora is not a diffusion model.", "Google's video model Sora impressed the industry.",
                    "Sora from Microsoft turns text into video."],
            "neutral": ["Older video generators often relied on GANs.", "OpenAI does not say exactly how the training worked.",
                        "Google's Veo and OpenAI's Sora compete for filmmakers."],
        },
        "leak": {
            "ok": ["On Tuesday, Sora was open to anyone for several hours.", "The leak allowed clips of up to ten seconds.",
                   "Clips from the leaked Space had a resolution of up to {ok_res}.",
                   "A group calling itself PR Puppets set up a Space on Hugging Face."],
            "bad": ["Through the leak, anyone could make Sora clips of up to 20 seconds.",
                    "The leaked Space produced videos in {bad_res}.", "The Space stayed online for {bad_span}.",
                    "On {bad_day}, a Space on Hugging Face leaked access to Sora."],
            "neutral": ["OpenAI issued a statement about the leak on Wednesday.",
                        "Claims that the leak allowed minute-long clips turned out to be false.",
                        "Generating a clip often meant several minutes of waiting."],
        },
        "people": {
            "ok": ["OpenAI CEO Sam Altman promoted Sora in Hollywood.", "Sam Altman and CTO Mira Murati both talked about Sora.",
                   "The studio Shy Kids made an absurd short film about a man with a balloon for a head.",
                   "Hany Farid of the University of California, Berkeley, studies deepfakes.",
                   "Verge editor-in-chief Tom Warren pointed out a cat with three paws."],
            "bad": ["OpenAI CEO Sam Altmann promoted Sora in Hollywood.", "Open AI unveiled Sora in February 2024.",
                    "OpenAI CTO Sam Altman presented Sora.", "Mira Muratti said the model would launch soon."],
            "neutral": ["Altman's company built Sora.", "Filmmaker Tyler Perry paused an expansion of his studio in {city}."],
        },
        "rights": {
            "ok": ["The New York Times is suing OpenAI over ChatGPT's training data.", "OpenAI plans to support the C2PA standard.",
                   "Google presented a watermark-removal technique as early as 2017."],
            "bad": ["The Washington Post is suing OpenAI over training data.", "OpenAI rejects C2PA.",
                    "In 2019, Google presented a technique to remove watermarks.", "OpenAI has disclosed Sora's training data."],
            "neutral": ["When it comes to {topic}, many questions remain open.", "Lawyers expect long cases in {city}.",
                        "Which videos went into the training remains unclear."],
        },
    },
}

FILLER = {
    "de": ["Für {group} ist die Entwicklung {adj}.", "Laut einer Umfrage nutzen bereits {pct} der Redaktionen KI-Werkzeuge.", "Viele {group} sehen die Technik skeptisch.",
           "In {city} diskutierten Fachleute über die Folgen für {topic}.",
           "Wer die Clips genau ansieht, entdeckt Fehler in Händen, Schrift und Spiegelungen.",
           "Die Debatte über {topic} dürfte damit erst beginnen.", "Noch ist unklar, wie sich die Technik auf {topic} auswirkt.",
           "Ein Bericht von {outlet} sorgte für Aufsehen.", "Fachleute raten, KI-Videos stets mit Quellen zu prüfen.",
           "Die Qualität der Bilder ist {adj}, die Physik wirkt aber nicht immer stimmig.",
           "Schon {num} Redaktionen testen eigene Regeln für KI-Material.",
           "Die Branche beobachtet jeden Schritt von OpenAI genau.", "Manche Szenen erinnern an Stockmaterial aus Werbefilmen.",
           "Am Ende entscheidet das Publikum, welchen Bildern es traut.", "Mehr dazu lesen Sie in unserem Schwerpunkt zu {topic}.",
           "Die Diskussion in {city} zeigte, wie groß die Unsicherheit ist.",
           "Eine Kennzeichnung von KI-Videos fordern inzwischen auch {group}.",
           "Kritiker verweisen auf den hohen Energiebedarf der Rechenzentren.",
           "Für kleine Produktionsfirmen könnte sich die Kalkulation deutlich verschieben."],
    "en": ["For {group}, this is a {adj} development.", "According to a survey, {pct} of newsrooms already use AI tools.", "Many {group} remain sceptical of the technology.",
           "In {city}, experts discussed what it means for {topic}.",
           "Look closely and you will spot errors in hands, lettering and reflections.",
           "The debate about {topic} has only just begun.", "It is still unclear how the technology will affect {topic}.",
           "The report by {outlet} caused a stir.", "Experts advise checking AI videos against sources.",
           "The image quality is {adj}, but the physics does not always hold up.",
           "Already {num} newsrooms are testing their own rules for AI material.",
           "The industry watches every move OpenAI makes.", "Some scenes look like stock footage from commercials.",
           "In the end, the audience decides which images to trust.", "Read more in our series on {topic}.",
           "The discussion in {city} showed how much uncertainty there is.",
           "Critics point to the high energy demand of data centres.",
           "For small production companies, the numbers could shift considerably."],
}

SECTION_TITLES = {
    "de": {"clip": ["Was Sora kann", "Länge und Qualität der Clips", "Die Technik im Überblick"],
           "demos": ["Die Beispielvideos", "Was OpenAI gezeigt hat"], "announce": ["Die Vorstellung", "Wie alles begann"],
           "status": ["Wer Sora nutzen darf", "Wann kommt Sora?", "Zugang und Verfügbarkeit"],
           "tech": ["Wie Sora funktioniert", "Diffusion und Transformer"],
           "leak": ["Der Leak auf Hugging Face", "Protest der Künstlergruppe", "Was beim Leak geschah"],
           "people": ["Die Köpfe hinter Sora", "Stimmen aus Hollywood"], "rights": ["Urheberrecht und Trainingsdaten", "Wasserzeichen und Kennzeichnung"],
           "market": ["Die Konkurrenz", "Der Markt für KI-Videos", "Vergleich der Videomodelle"],
           "howto": ["So sieht ein Prompt aus", "Für Entwickler"], "links": ["Mehr zum Thema", "Quellen"]},
    "en": {"clip": ["What Sora can do", "Clip length and quality", "The technology at a glance"],
           "demos": ["The sample videos", "What OpenAI showed"], "announce": ["The announcement", "How it started"],
           "status": ["Who gets to use Sora", "When will Sora ship?", "Access and availability"],
           "tech": ["How Sora works", "Diffusion and transformers"],
           "leak": ["The leak on Hugging Face", "The artists' protest", "What happened in the leak"],
           "people": ["The people behind Sora", "Voices from Hollywood"], "rights": ["Copyright and training data", "Watermarks and labels"],
           "market": ["The competition", "The market for AI video", "Comparing video models"],
           "howto": ["What a prompt looks like", "For developers"], "links": ["Further reading", "Sources"]},
}

TITLES = {
    "de": ["OpenAI zeigt Sora: Videos aus Text", "Sora im Faktencheck", "Was Sora wirklich kann", "Der Sora-Leak und seine Folgen",
           "Sora gegen Runway, Kling und Pika", "Hollywood und die Video-KI Sora", "Wo bleibt Sora?", "Sora: Ein Überblick",
           "KI-Videos: Die wichtigsten Fragen zu Sora", "Künstler leaken Zugang zu Sora"],
    "en": ["OpenAI shows Sora: video from text", "Sora, fact-checked", "What Sora can really do", "The Sora leak and what followed",
           "Sora versus Runway, Kling and Pika", "Hollywood meets Sora", "Where is Sora?", "Sora: an overview",
           "AI video: the key questions about Sora", "Artists leak access to Sora"],
}

QUOTES = {
    "de": [("Tyler Perry", "Zu hören, dass es all diese Dinge kann, ist eine Sache, aber die Fähigkeiten tatsächlich zu sehen, war überwältigend.",
            "Zu hören, dass es all diese Dinge kann, ist eine Sache, aber die Fähigkeiten tatsächlich zu sehen, war ernüchternd."),
           ("Hany Farid", "Wie bei anderen Techniken der generativen KI gibt es keinen Grund zu der Annahme, dass sich Text-to-Video nicht weiterhin rasch verbessern wird",
            "Wie bei anderen Techniken der generativen KI gibt es keinen Grund zu der Annahme, dass sich Text-to-Video weiterhin langsam verbessern wird"),
           ("OpenAI", "Wir werden mehrere wichtige Sicherheitsmaßnahmen ergreifen, bevor wir Sora in den Produkten von OpenAI verfügbar machen.",
            "Wir werden einige wichtige Sicherheitsmaßnahmen ergreifen, nachdem wir Sora in den Produkten von OpenAI verfügbar machen.")],
    "en": [("Tyler Perry", "Being told that it can do all of these things is one thing, but actually seeing the capabilities, it was mind-blowing.",
            "Being told that it can do all of these things is one thing, but actually seeing the capabilities, it was underwhelming."),
           ("OpenAI", "it would be impossible to train today's leading AI models without using copyrighted materials",
            "it would be easy to train today's leading AI models without using copyrighted materials")],
}

CODE_BLOCKS = [
    ("text", "Prompt: A stylish woman walks down a Tokyo street filled with warm glowing neon.\nDuration: 120 s, resolution 1920x1080, 48 fps"),
    ("python", "from openai import OpenAI\n\nclient = OpenAI()\n# hypothetical: Sora has no public API\nvideo = client.videos.generate(model=\"sora\", prompt=\"a corgi surfing\", seconds=90)\nprint(video.url)"),
    ("json", "{\n  \"model\": \"sora\",\n  \"duration_s\": 120,\n  \"resolution\": \"3840x2160\",\n  \"released\": \"2024-04-01\"\n}"),
    ("sh", "ffprobe -v error -show_entries format=duration clip.mp4\n# duration=59.98\nffmpeg -i clip.mp4 -vf scale=1024:768 small.mp4"),
    ("yaml", "clip:\n  length: 2 min\n  frames: 1440\npublished: 2023-12-01"),
]

LINKS = [("OpenAI: Sora", "https://openai.com/sora"), ("Technischer Bericht", "https://openai.com/research/video-generation-models-as-world-simulators"),
         ("The Verge", "https://www.theverge.com/2024/2/15/openai-sora"), ("1E9 über den Leak", "https://1e9.community/t/sora-leak/2024"),
         ("Hugging Face", "https://huggingface.co/spaces"), ("C2PA", "https://c2pa.org/specifications/")]

ARTICLE_TOPICS = {   # lead topic and the sections an article of this kind usually has
    "announcement": ["announce", "clip", "demos", "tech", "people"],
    "explainer": ["tech", "clip", "status", "rights", "market"],
    "leak": ["leak", "leak", "status", "people", "market"],
    "market": ["market", "clip", "status", "tech"],
    "hollywood": ["people", "clip", "rights", "demos"],
    "briefing": ["status", "announce", "leak", "rights", "market"],
}


def _fill(template: str, lang: str, rng: random.Random) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: rng.choice(SLOTS[lang][m.group(1)]), template)


def _sentence(topic: str, lang: str, rng: random.Random, wrong_rate: float) -> str:
    bank = BANK[lang][topic]
    roll = rng.random()
    polarity = "bad" if roll < wrong_rate else "neutral" if roll < wrong_rate + 0.2 else "ok"
    return _fill(rng.choice(bank[polarity]), lang, rng)


def _filler(lang: str, rng: random.Random) -> str:
    return _fill(rng.choice(FILLER[lang]), lang, rng)


def _decorate(sentence: str, rng: random.Random, lang: str) -> str:
    """Occasional inline markup: emphasis, a link, inline code."""
    roll = rng.random()
    if roll < 0.06:
        words = sentence.split(" ")
        plain = [i for i, w in enumerate(words[1:-1], 1) if w.isalpha()]
        if plain:
            i = rng.choice(plain)
            words[i] = f"**{words[i]}**"
            return " ".join(words)
    elif roll < 0.10:
        label, url = rng.choice(LINKS)
        return sentence.rstrip(".") + (f" ([{label}]({url}))." if lang == "de" else f" (see [{label}]({url})).")
    elif roll < 0.12:
        return sentence + (" Im Code heißt der Parameter `duration=120`." if lang == "de" else " In code the parameter is `duration=120`.")
    return sentence


def _market_sentence(lang: str, rng: random.Random, seed: int) -> str:
    """A claim about another product: a real rival with its own figures, or a synthetic product."""
    if rng.random() < 0.4:
        rivals = {"de": ["Kling erzeugt Clips von bis zu zwei Minuten.", "Runways Gen-3 Alpha liefert Clips von zehn Sekunden.",
                         "Pika 1.0 erzeugt Videos von drei bis vier Sekunden.", "Metas Movie Gen erzeugt Clips von 16 Sekunden Länge.",
                         "Googles Veo soll Videos von über einer Minute in 1080p erzeugen.", "Hailuo ist seit September frei nutzbar.",
                         "Stable Video Diffusion ist für den nicht-kommerziellen Einsatz frei nutzbar."],
                  "en": ["Kling generates clips of up to two minutes.", "Runway's Gen-3 Alpha delivers ten-second clips.",
                         "Pika 1.0 makes videos of three to four seconds.", "Meta's Movie Gen produces clips of 16 seconds.",
                         "Google's Veo reportedly makes 1080p videos longer than a minute.", "Hailuo has been free to use since September.",
                         "Stable Video Diffusion is free for non-commercial use."]}
        return rng.choice(rivals[lang])
    p = product(seed, rng.randrange(DRAFT_PRODUCTS))
    wrong = rng.random() < 0.2
    clip = p.clip_s * 2 if wrong else p.clip_s
    demos = p.demos + 10 if wrong else p.demos
    width, height = (3840, 2160) if wrong and p.resolution != (3840, 2160) else p.resolution
    year, month = p.launch
    month = month % 12 + 1 if wrong else month
    maker = organisation(seed, p.maker).name
    forms = {
        "de": [f"{p.name} erzeugt Clips von bis zu {clip} Sekunden.", f"Die Videos von {p.name} sind höchstens {clip} Sekunden lang.",
               f"Zum Start gab es {demos} Demo-Videos von {p.name}.",
               f"{p.name} liefert Videos mit bis zu {width} × {height} Pixeln.",
               f"{maker} hat {p.name} im {MONTHS['de'][month - 1]} {year} vorgestellt.",
               f"{p.name} ist {'seit dem Frühjahr für alle verfügbar' if p.released != wrong else 'noch nicht öffentlich verfügbar'}."],
        "en": [f"{p.name} generates clips of up to {clip} seconds.", f"{p.name}'s videos run at most {clip} seconds.",
               f"{maker} posted {demos} demo videos of {p.name}.",
               f"{p.name} delivers videos of up to {width} × {height} pixels.",
               f"{maker} unveiled {p.name} in {MONTHS['en'][month - 1]} {year}.",
               f"{p.name} is {'now available to everyone' if p.released != wrong else 'not yet publicly available'}."],
    }
    return rng.choice(forms[lang])


def _fresh(make, seen: set) -> str:
    """A sentence the draft has not used yet (drafts repeat themselves, but rarely word for word)."""
    for _ in range(6):
        text = make()
        if text not in seen:
            break
    seen.add(text)
    return text


def _paragraph(topic: str, lang: str, rng: random.Random, wrong_rate: float, seed: int, seen: set) -> str:
    sentences = []
    for _ in range(rng.randint(2, 5)):
        roll = rng.random()
        if topic == "market":
            make = (lambda: _market_sentence(lang, rng, seed)) if roll < 0.7 else (lambda: _filler(lang, rng))
        elif roll < 0.55:
            make = lambda: _sentence(topic, lang, rng, wrong_rate)
        else:
            make = lambda: _filler(lang, rng)
        sentences.append(_fresh(make, seen))
    text = " ".join(_decorate(s, rng, lang) for s in sentences)
    # drafts wrap lines at ~100 characters now and then
    if rng.random() < 0.3:
        text = _wrap(text, 100)
    return text


def _wrap(text: str, width: int) -> str:
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join(lines + [line])


def _list_block(topic: str, lang: str, rng: random.Random, wrong_rate: float, seed: int, seen: set) -> str:
    bullet = rng.choice(["-", "*", "1."])
    items = []
    for n in range(rng.randint(3, 6)):
        text = _fresh((lambda: _market_sentence(lang, rng, seed)) if topic == "market"
                      else (lambda: _sentence(topic, lang, rng, wrong_rate)), seen)
        marker = f"{n + 1}." if bullet == "1." else bullet
        items.append(f"{marker} {text}")
    return "\n".join(items)


def _table_block(lang: str, rng: random.Random, wrong_rate: float, seed: int) -> str:
    head = {"de": "| Modell | Hersteller | Längster Clip | Zugang |", "en": "| Model | Developer | Longest clip | Access |"}[lang]
    rows = [head, "|---|---|---|---|"]
    wrong = rng.random() < wrong_rate
    sora_len = rng.choice(SLOTS[lang]["bad_len"]) if wrong else rng.choice(["60 s", "1 min", SLOTS[lang]["ok_len"][0]])
    access = {"de": "Red Teamer und ausgewählte Künstler", "en": "red teamers and selected artists"}[lang]
    rows.append(f"| Sora | OpenAI | {sora_len} | {access} |")
    real = [("Gen-3 Alpha", "Runway", "10 s"), ("Kling", "Kuaishou", "2 min"), ("Movie Gen", "Meta", "16 s"),
            ("Veo", "Google", "> 1 min"), ("Pika 1.0", "Pika", "3–4 s")]
    for name, maker, length in rng.sample(real, rng.randint(1, 3)):
        rows.append(f"| {name} | {maker} | {length} | {'öffentlich' if lang == 'de' else 'public'} |")
    for _ in range(rng.randint(1, 3)):
        p = product(seed, rng.randrange(DRAFT_PRODUCTS))
        state = ("öffentlich" if p.released else "nicht veröffentlicht") if lang == "de" else ("public" if p.released else "not released")
        rows.append(f"| {p.name} | {organisation(seed, p.maker).name} | {p.clip_s} s | {state} |")
    return "\n".join(rows)


def _quote_block(lang: str, rng: random.Random, wrong_rate: float) -> str:
    speaker, right, wrong = rng.choice(QUOTES[lang])
    words = wrong if rng.random() < wrong_rate else right
    if rng.random() < 0.5:
        return f"> {words}\n>\n> — {speaker}"
    said = {"de": "sagte", "en": "said"}[lang]
    marks = ("„", "“") if lang == "de" else ("\u201c", "\u201d")
    return f"{speaker} {said}: {marks[0]}{words}{marks[1]}"


def _code_block(rng: random.Random) -> str:
    info, body = rng.choice(CODE_BLOCKS)
    fence = rng.choice(["```", "~~~"])
    return f"{fence}{info}\n{body}\n{fence}"


def _links_block(lang: str, rng: random.Random) -> str:
    return "\n".join(f"- [{label}]({url})" for label, url in rng.sample(LINKS, rng.randint(2, 4)))


def draft(seed: int, i: int) -> tuple[str, str]:
    """(relative path, text) of draft i."""
    rng = _rng(seed, "draft", i)
    lang = "de" if rng.random() < 0.6 else "en"
    kind = rng.choice(sorted(ARTICLE_TOPICS))
    day = dt.date(2024, 2, 16) + dt.timedelta(days=rng.randrange(420))
    wrong_rate = rng.choice([0.0, 0.05, 0.1, 0.15, 0.25])
    target = rng.randint(DRAFT_MIN_BYTES, DRAFT_MAX_BYTES - 700)
    title = rng.choice(TITLES[lang])
    if kind == "leak" and "Leak" not in title and "leak" not in title:
        title = {"de": "Der Sora-Leak: ", "en": "The Sora leak: "}[lang] + title
    author = f"{rng.choice(_FIRST)} {rng.choice(['Becker', 'Nowak', 'Hartmann', 'Keller', 'Dunmore', 'Okafor', 'Lindqvist'])}"
    front = [f'title: "{title}"', f"date: {day.isoformat()}", f"lang: {lang}", f'author: "{author}"',
             f"tags: [sora, openai, {kind}]"]
    if rng.random() < 0.3:
        lead = ARTICLE_TOPICS[kind][0]
        line = _market_sentence(lang, rng, seed) if lead == "market" else _sentence(lead, lang, rng, wrong_rate)
        front.append(f'description: "{line}"')
    blocks = ["---\n" + "\n".join(front) + "\n---", f"# {title}"]
    topics = list(ARTICLE_TOPICS[kind])
    seen: set = set()
    blocks.append(_paragraph(topics[0], lang, rng, wrong_rate, seed, seen))
    size = sum(len(b.encode()) + 2 for b in blocks)
    section = 0
    while size < target:
        topic = topics[section % len(topics)] if section < len(topics) else rng.choice(sorted(BANK[lang]) + ["market"])
        section += 1
        new = [f"## {rng.choice(SECTION_TITLES[lang][topic])}"]
        for _ in range(rng.randint(2, 4)):
            roll = rng.random()
            if roll < 0.62:
                new.append(_paragraph(topic, lang, rng, wrong_rate, seed, seen))
            elif roll < 0.74:
                new.append(_list_block(topic, lang, rng, wrong_rate, seed, seen))
            elif roll < 0.82:
                new.append(_table_block(lang, rng, wrong_rate, seed))
            elif roll < 0.90:
                new.append(_quote_block(lang, rng, wrong_rate))
            elif roll < 0.96:
                new.append(_code_block(rng))
            else:
                new.append("<!-- Redaktion: Zahlen vor Veröffentlichung prüfen -->" if lang == "de"
                           else "<!-- desk: check the figures before publishing -->")
        added = sum(len(b.encode()) + 2 for b in new)
        if size + added > DRAFT_MAX_BYTES - 300:
            if size >= DRAFT_MIN_BYTES:
                break
            new = new[:2]
            added = sum(len(b.encode()) + 2 for b in new)
        blocks += new
        size += added
    if size < DRAFT_MAX_BYTES - 300 and rng.random() < 0.5:
        blocks += [f"## {rng.choice(SECTION_TITLES[lang]['links'])}", _links_block(lang, rng)]
    text = "\n\n".join(blocks) + "\n"
    if rng.random() < 0.05:
        text = text.replace("\n", "\r\n")       # a draft saved on Windows
    path = f"{day.year}-{day.month:02d}/{i:05d}-{_slug(title)[:40].strip('-')}.md"
    return path, text


def generate_drafts(n: int, out: Path, seed: int = DEFAULT_SEED) -> list[Path]:
    """Write drafts 0..n-1 under `out`; return their paths."""
    paths = []
    for i in range(n):
        rel, text = draft(seed, i)
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        paths.append(path)
    return paths


# ---------------------------------------------------------------------------------------------------
# Synthetic fact packs
# ---------------------------------------------------------------------------------------------------

_NOT_RELEASED = "nicht|kein\\w*|nie|noch|bald|soll|sollen|könnte|wohl"
_NOT_RELEASED_EN = "not|never|yet|soon|expected|likely|set|slated|going"
CLIP_CUES = {"de": ["Clip*", "Video*", "lang*", "Länge", "dauer*"], "en": ["clip*", "video*", "long", "length", "run*", "last*"]}
DEMO_CUES = {"de": ["Video*", "Clip*", "Demo*", "Beispiel*"], "en": ["video*", "clip*", "demo*", "sample*"]}
RES_CUES = {"de": ["Auflösung", "Pixel*", "Video*", "Clip*"], "en": ["resolution", "pixel*", "video*", "clip*"]}
LAUNCH_CUES = {"de": ["vorgestellt", "stellte*", "präsentiert*", "angekündigt", "kündigte*", "gezeigt", "zeigte*"],
               "en": ["unveil*", "announc*", "present*", "introduc*", "showed", "debut*"]}


def _alt(names) -> str:
    return "|".join(re.escape(n).replace("\\ ", "\\s+") for n in names)


def _source_sentences(p: Product, maker: Organisation) -> dict[str, str]:
    """The verbatim sentences of a product's seed text that its facts quote."""
    year, month = p.launch
    w, h = p.resolution
    return {
        "clip": f"Die Clips von {p.name} sind bis zu {p.clip_s} Sekunden lang.",
        "demos": f"Zum Start hat {maker.name} {p.demos} mit {p.name} erzeugte Videos veröffentlicht.",
        "res": f"{p.name} erzeugt Videos mit einer Auflösung von bis zu {w} mal {h} Pixeln.",
        "launch": f"{maker.name} hat {p.name} im {MONTHS['de'][month - 1]} {year} vorgestellt.",
        "status": (f"{p.name} ist seit dem Start für alle Nutzer verfügbar." if p.released
                   else f"{p.name} ist bislang nicht öffentlich zugänglich."),
        "developer": f"{p.name} wurde von {maker.name} entwickelt.",
    }


def _seed_text(p: Product, maker: Organisation, who: Person) -> str:
    s = _source_sentences(p, maker)
    role_de = _ROLES[who.role][0]
    return "\n\n".join([
        f"{p.name}: ein neues Videomodell von {maker.name}",
        f"{s['launch']} {s['developer']} Das Modell erzeugt aus kurzen Texteingaben Videoclips.",
        f"{s['clip']} {s['res']} {s['demos']}",
        f"{s['status']} Wie es mit dem Modell weitergeht, ließ das Unternehmen offen.",
        f"{role_de} {who.name} von {maker.name} sagte dazu: „{who.quote_de}“",
        f"Auf Englisch hieß es: \"{who.quote_en}\"",
        f"{who.name} ist {role_de} von {maker.name}.",
        "",
    ])


class _Dumper(yaml.SafeDumper):
    """Plain YAML: no anchors and aliases for shared lists."""

    def ignore_aliases(self, data):
        return True


def _fact(**fields) -> dict:
    return fields


def _product_facts(seed: int, p: Product, maker: Organisation, others: list[Organisation], as_of: dt.date) -> list[dict]:
    src = _source_sentences(p, maker)
    seed_file = f"{p.slug}.txt"
    base = f"synth.{p.slug}"
    year, month = p.launch
    w, h = p.resolution
    other_month = month % 12 + 1
    rival = others[0].name
    name = p.name
    facts = [
        _fact(id=f"{base}.clip-length", kind="quantity", topic="clip_length", severity="error",
              statement={"de": f"{name} erzeugt Clips von bis zu {p.clip_s} Sekunden.",
                         "en": f"{name} generates clips of up to {p.clip_s} seconds."},
              as_of=as_of, sources=[{"file": seed_file, "quote": src["clip"]}],
              scope={"subject": p.slug, "cues": CLIP_CUES, "anti_cues": {"de": ["Rechenzeit", "Wartezeit"], "en": ["render*", "wait*"]}},
              expected={"measure": "duration", "max": f"{p.clip_s} s", "units": ["s", "min"]},
              examples={"flag": {"de": [f"{name} erzeugt Clips von bis zu {p.clip_s * 3} Sekunden.",
                                        f"Die Videos von {name} sind höchstens {p.clip_s * 2} Sekunden lang."],
                                 "en": [f"{name} generates clips of up to {p.clip_s * 3} seconds."]},
                        "pass": {"de": [f"Die Clips von {name} sind bis zu {p.clip_s} Sekunden lang.",
                                        f"Kling erzeugt Clips von bis zu {p.clip_s * 3} Sekunden."],
                                 "en": [f"{name} generates clips of up to {p.clip_s} seconds."]}}),
        _fact(id=f"{base}.demo-count", kind="quantity", topic="demo_count", severity="error",
              statement={"de": f"Zum Start wurden {p.demos} Videos von {name} veröffentlicht.",
                         "en": f"{p.demos} videos made with {name} were published at the launch."},
              as_of=as_of, sources=[{"file": seed_file, "quote": src["demos"]}],
              scope={"subject": p.slug, "cues": DEMO_CUES, "anti_cues": {"de": ["Millionen", "Nutzer*"], "en": ["million*", "users"]}},
              expected={"measure": "count", "exact": p.demos},
              examples={"flag": {"de": [f"Zum Start gab es {p.demos + 10} Demo-Videos von {name}."],
                                 "en": [f"{maker.name} posted {p.demos + 10} demo videos of {name}."]},
                        "pass": {"de": [f"Zum Start gab es {p.demos} Demo-Videos von {name}."],
                                 "en": [f"{maker.name} posted {p.demos} demo videos of {name}."]}}),
        _fact(id=f"{base}.resolution", kind="quantity", topic="resolution", severity="error",
              statement={"de": f"{name} erzeugt Videos mit bis zu {w} × {h} Pixeln.", "en": f"{name} makes videos of up to {w} × {h} pixels."},
              as_of=as_of, sources=[{"file": seed_file, "quote": src["res"]}],
              scope={"subject": p.slug, "cues": RES_CUES},
              expected={"measure": "resolution", "max": f"{w}x{h}"},
              examples={"flag": {"de": [f"{name} liefert Videos mit bis zu {w * 2} × {h * 2} Pixeln."],
                                 "en": [f"{name} delivers videos of up to {w * 2} × {h * 2} pixels."]},
                        "pass": {"de": [f"{name} liefert Videos mit bis zu {w} × {h} Pixeln."],
                                 "en": [f"{name} delivers videos of up to {w} × {h} pixels."]}}),
        _fact(id=f"{base}.launch-date", kind="date", topic="announcement_date", severity="error",
              statement={"de": f"{maker.name} hat {name} im {MONTHS['de'][month - 1]} {year} vorgestellt.",
                         "en": f"{maker.name} unveiled {name} in {MONTHS['en'][month - 1]} {year}."},
              as_of=as_of, sources=[{"file": seed_file, "quote": src["launch"]}],
              scope={"subject": p.slug, "cues": LAUNCH_CUES},
              expected={"date": f"{year}-{month:02d}", "granularity": "month"},
              examples={"flag": {"de": [f"{maker.name} hat {name} im {MONTHS['de'][other_month - 1]} {year} vorgestellt."],
                                 "en": [f"{maker.name} unveiled {name} in {MONTHS['en'][other_month - 1]} {year}."]},
                        "pass": {"de": [f"{maker.name} hat {name} im {MONTHS['de'][month - 1]} {year} vorgestellt."],
                                 "en": [f"{maker.name} unveiled {name} in {MONTHS['en'][month - 1]} {year}."]}}),
        _fact(id=f"{base}.developer", kind="category", topic="developer", severity="error",
              statement={"de": f"{name} wurde von {maker.name} entwickelt.", "en": f"{name} is made by {maker.name}."},
              as_of=as_of, sources=[{"file": seed_file, "quote": src["developer"]}],
              scope={"subject": p.slug},
              expected={"value": maker.name, "contradicted_by": {
                  "de": [f"\\b(?:{_alt(o.name for o in others)})s?\\s+(?:(?i:neues|Videomodell|Modell|KI)\\s+){{0,2}}{re.escape(name)}\\b",
                         f"\\b{re.escape(name)}\\b,?\\s+(?:(?i:das|der|ein|neue|Modell|Videomodell|stammt|kommt|ist|wurde)\\s+){{0,3}}(?i:von)\\s+(?:{_alt(o.name for o in others)})\\b"],
                  "en": [f"\\b(?:{_alt(o.name for o in others)})(?:'s)?\\s+(?:(?i:new|video|model|AI)\\s+){{0,2}}{re.escape(name)}\\b",
                         f"\\b{re.escape(name)}\\b,?\\s+(?:(?i:the|a|new|model|is|was|comes|made|built)\\s+){{0,3}}(?i:from|by)\\s+(?:{_alt(o.name for o in others)})\\b"]}},
              examples={"flag": {"de": [f"{name} stammt von {rival}."], "en": [f"{name} was built by {rival}."]},
                        "pass": {"de": [f"{name} stammt von {maker.name}."], "en": [f"{name} was built by {maker.name}."]}}),
    ]
    if p.released:
        status = _fact(id=f"{base}.release", kind="status", topic="release_status", severity="error",
                       statement={"de": f"{name} ist öffentlich verfügbar.", "en": f"{name} is publicly available."},
                       as_of=as_of, lifetime="state", sources=[{"file": seed_file, "quote": src["status"]}],
                       scope={"subject": p.slug},
                       expected={"state": "released", "contradicted_by": {
                           "de": [f"(?i:\\b(?P<claim>{re.escape(name)}\\s+ist\\s+(?:noch\\s+|bislang\\s+|bisher\\s+)*nicht\\s+(?:öffentlich\\s+)?(?:verfügbar|zugänglich|erhältlich)))"],
                           "en": [f"(?i:\\b(?P<claim>{re.escape(name)}\\s+is\\s+(?:still\\s+)?not\\s+(?:yet\\s+)?(?:publicly\\s+)?(?:available|released)))"]}},
                       examples={"flag": {"de": [f"{name} ist noch nicht öffentlich verfügbar."], "en": [f"{name} is not yet publicly available."]},
                                 "pass": {"de": [f"{name} ist seit dem Frühjahr für alle verfügbar."], "en": [f"{name} is now available to everyone."]}})
    else:
        status = _fact(id=f"{base}.release", kind="status", topic="release_status", severity="error",
                       statement={"de": f"{name} ist nicht öffentlich verfügbar.", "en": f"{name} is not publicly available."},
                       as_of=as_of, lifetime="state", sources=[{"file": seed_file, "quote": src["status"]}],
                       scope={"subject": p.slug},
                       expected={"state": "not released", "contradicted_by": {
                           "de": [f"(?i:\\b(?P<claim>{re.escape(name)}\\s+ist\\s+(?:(?!(?:{_NOT_RELEASED})\\b)[\\wäöüß.,-]+\\s+){{0,5}}?(?:verfügbar|erhältlich|zugänglich|nutzbar|veröffentlicht)))"],
                           "en": [f"(?i:\\b(?P<claim>{re.escape(name)}\\s+(?:is|was|has been)\\s+(?:(?!(?:{_NOT_RELEASED_EN})\\b)[\\w.,'-]+\\s+){{0,5}}?(?:available|released|launched)))"]}},
                       examples={"flag": {"de": [f"{name} ist seit dem Frühjahr für alle verfügbar."], "en": [f"{name} is now available to everyone."]},
                                 "pass": {"de": [f"{name} ist noch nicht öffentlich verfügbar."], "en": [f"{name} is not yet publicly available."]}})
    facts.append(status)
    # one more spelling fact per product: its name and a listed misspelling
    wrong = name[:2] + name[2] * 2 + name[3:] if len(name) > 4 else name + "x"
    facts.append(_fact(id=f"name.{p.slug}", kind="name", topic="product_name", severity="error",
                       statement={"de": f"Das Videomodell heißt „{name}“.", "en": f"The video model is spelt \"{name}\"."},
                       as_of=as_of, sources=[{"file": seed_file, "quote": src["developer"]}],
                       scope={"subject": p.slug},
                       expected={"canonical": name, "variants": [], "misspellings": [wrong]},
                       examples={"flag": {"de": [f"{wrong} erzeugt kurze Clips aus Text."], "en": [f"{wrong} turns text into short clips."]},
                                 "pass": {"de": [f"{name} erzeugt kurze Clips aus Text."], "en": [f"{name} turns text into short clips."]}}))
    return facts


def _person_facts(who: Person, org: Organisation, seed_file: str, as_of: dt.date, other_speaker: Person) -> list[dict]:
    role_de, role_en, wrong_de, wrong_en = _ROLES[who.role]
    surname = re.escape(who.surname)
    first = re.escape(who.first)
    wrong_spelling = who.surname[:3] + who.surname[2:]      # third letter doubled
    changed_de = who.quote_de.replace("Zeit sparen", "Geld sparen").replace("Vertrauen", "Mut").replace("niemandem", "vielen")
    if changed_de == who.quote_de:
        changed_de = who.quote_de.replace("Wir", "Wir nicht", 1) if "Wir" in who.quote_de else who.quote_de.replace("Uns", "Euch", 1)
    return [
        _fact(id=f"name.{who.slug}", kind="name", topic="person_name", severity="error",
              statement={"de": f"{role_de} von {org.name} ist {who.name}.", "en": f"{org.name}'s {role_en} is {who.name}."},
              as_of=as_of, sources=[{"file": seed_file, "quote": f"{who.name} ist {role_de} von {org.name}."}],
              scope={"subject": who.slug},
              expected={"canonical": who.name, "variants": [], "misspellings": [f"{who.first} {wrong_spelling}"],
                        "role": {"de": role_de, "en": role_en, "as_of": as_of}},
              examples={"flag": {"de": [f"{who.first} {wrong_spelling} sprach über die Pläne."],
                                 "en": [f"{who.first} {wrong_spelling} talked about the plans."]},
                        "pass": {"de": [f"{who.name} sprach über die Pläne."], "en": [f"{who.name} talked about the plans."]}}),
        _fact(id=f"role.{who.slug}", kind="category", topic="person_role", severity="error", lifetime="state",
              statement={"de": f"{who.name} ist {role_de} von {org.name}.", "en": f"{who.name} is {org.name}'s {role_en}."},
              as_of=as_of, sources=[{"file": seed_file, "quote": f"{who.name} ist {role_de} von {org.name}."}],
              scope={"subject": who.slug},
              expected={"value": role_en, "contradicted_by": {
                  "de": [f"(?i:\\b(?:{_alt(wrong_de)}))(?:(?!\\b(?i:und|sowie|oder)\\b)[^.,;]){{0,25}}?\\b(?:{first}\\s+)?{surname}\\b"],
                  "en": [f"(?i:\\b(?:{_alt(wrong_en)}))(?:(?!\\b(?i:and|or)\\b)[^.,;]){{0,25}}?\\b(?:{first}\\s+)?{surname}\\b"]}},
              examples={"flag": {"de": [f"{wrong_de[0]} {who.name} sprach über die Pläne."],
                                 "en": [f"{org.name} {wrong_en[0]} {who.name} talked about the plans."]},
                        "pass": {"de": [f"{role_de} {who.name} sprach über die Pläne."],
                                 "en": [f"{org.name} {role_en} {who.name} talked about the plans."]}}),
        _fact(id=f"quote.{who.slug}", kind="quote", topic="quote", severity="error",
              statement={"de": f"{who.name}: „{who.quote_de}“", "en": f"{who.name}: \"{who.quote_en}\""},
              as_of=as_of, sources=[{"file": seed_file, "quote": who.quote_de}, {"file": seed_file, "quote": who.quote_en}],
              scope={"subject": who.slug},
              expected={"speaker": who.name, "text": who.quote_de, "variants": [{"text": who.quote_en, "source": seed_file}]},
              examples={"flag": {"de": [f"{who.name} sagte: „{changed_de}“",
                                        f"{other_speaker.name} sagte: „{who.quote_de}“"]},
                        "pass": {"de": [f"{who.name} sagte: „{who.quote_de}“",
                                        f"{who.name} sprach über neue Werkzeuge für Kreative."]}}),
    ]


def generate_pack(n_facts: int, out: Path, seed: int = DEFAULT_SEED) -> Path:
    """Write a pack of exactly `n_facts` facts: `out/rules` (returned) and its sources in `out/seeds`."""
    rules_dir, seeds_dir = out / "rules", out / "seeds"
    rules_dir.mkdir(parents=True, exist_ok=True)
    seeds_dir.mkdir(parents=True, exist_ok=True)
    for old in list(rules_dir.glob("*.yaml")) + list(seeds_dir.glob("*.txt")):
        old.unlink()
    facts: list[dict] = []
    subjects: list[dict] = []
    orgs_named: set[int] = set()
    j = 0
    while len(facts) < n_facts:
        rng = _rng(seed, "pack", j)
        p = product(seed, j)
        maker = organisation(seed, p.maker)
        who = person(seed, j)
        others = [organisation(seed, k) for k in rng.sample([k for k in range(p.maker + 8) if k != p.maker], 6)]
        as_of = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(400))
        seed_file = f"{p.slug}.txt"
        (seeds_dir / seed_file).write_text(_seed_text(p, maker, who), encoding="utf-8")
        subjects.append({"id": p.slug, "kind": "product", "names": [p.name],
                         "references": {"de": [f"das Modell von {maker.name}"], "en": [f"{maker.name}'s model"]}})
        subjects.append({"id": who.slug, "kind": "person", "names": [who.name, who.surname]})
        for k in sorted({p.maker, *(o.index for o in others)} - orgs_named):
            orgs_named.add(k)
            subjects.append({"id": organisation(seed, k).slug, "kind": "organisation", "names": [organisation(seed, k).name]})
        facts += _product_facts(seed, p, maker, others, as_of)
        facts += _person_facts(who, maker, seed_file, as_of, person(seed, j - 1 if j else 1))
        if j % 2 == 0:      # one spelling fact per organisation (products 2k and 2k+1 share maker k)
            facts.append(_fact(id=f"name.{maker.slug}", kind="name", topic="org_name", severity="error",
                               statement={"de": f"Das Unternehmen heißt „{maker.name}“.", "en": f"The company is spelt \"{maker.name}\"."},
                               as_of=as_of, sources=[{"file": seed_file, "quote": _source_sentences(p, maker)["developer"]}],
                               scope={"subject": maker.slug},
                               expected={"canonical": maker.name, "variants": [], "misspellings": [maker.name.replace(" ", "")]},
                               examples={"flag": {"de": [f"{maker.name.replace(' ', '')} hat ein neues Videomodell vorgestellt."],
                                                  "en": [f"{maker.name.replace(' ', '')} unveiled a new video model."]},
                                         "pass": {"de": [f"{maker.name} hat ein neues Videomodell vorgestellt."],
                                                  "en": [f"{maker.name} unveiled a new video model."]}}))
        j += 1
    facts = facts[:n_facts]
    header = "# Synthetic fact pack generated by benchmarks/generate.py (seed {seed}); do not edit.\n"
    dump = dict(Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100000, default_flow_style=False)
    (rules_dir / "subjects.yaml").write_text(header.format(seed=seed) + yaml.dump({"subjects": subjects}, **dump),
                                             encoding="utf-8")
    for n, start in enumerate(range(0, len(facts), FACTS_PER_FILE)):
        chunk = facts[start:start + FACTS_PER_FILE]
        (rules_dir / f"synthetic-{n:03d}.yaml").write_text(header.format(seed=seed) + yaml.dump({"facts": chunk}, **dump),
                                                           encoding="utf-8")
    return rules_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--drafts", type=int, metavar="N", help="write N drafts under --out")
    what.add_argument("--facts", type=int, metavar="N", help="write a pack of N facts: OUT/rules and OUT/seeds")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    if args.drafts is not None:
        paths = generate_drafts(args.drafts, args.out, args.seed)
        size = sum(p.stat().st_size for p in paths)
        print(f"{len(paths)} drafts, {size / 1e6:.1f} MB in {args.out}")
    else:
        rules = generate_pack(args.facts, args.out, args.seed)
        print(f"{args.facts} facts in {rules} (sources in {args.out / 'seeds'}); lint with --rules {rules}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
