"""Reading an amount of money as the article writes it: "$600 million", "€300 million", "half-a-billion dollars".

The currency is what is written, no more: "$" and "dollars" say dollars but not which (`DOLLARS`,
shown as "dollars, kind not stated"), "£" and "pounds" pounds but not which ("pounds, kind not stated");
"€" is EUR; an ISO 4217 code is taken when the article writes
it. A code nobody can pay in ("XYZ") is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from bot.briefs import lexicon
from bot.briefs.evidence import normalise

DOLLARS: Final = "dollars"  # dollars of a kind the article does not state
UNSTATED: Final = "unstated"  # no currency written at all

# Currency nouns that name no single currency (Swedish, Danish, Norwegian or Czech crowns; French, Swiss or
# West African francs; …). Written alone, such a noun says its currency as "$" says dollars: of a kind the
# article does not state. Its currency is the noun (`currency = "crowns"`), shown as "crowns, kind not
# stated"; a singular is told by its plural. With its country ("Swedish kronor"), `_WORDS` reads a code.
YEN_OR_YUAN: Final = "yen or yuan"  # the currency "¥" alone writes
KIND_UNSTATED: Final[dict[str, str]] = {
    **{
        noun: noun
        for noun in ("crowns", "kronor", "kroner", "korunas", "francs", "rupees", "pesos", "dinars")
    },
    **{noun: noun for noun in ("dirhams", "rials", "riyals", "roubles", "rubles", "lira", "rand", "lei")},
    **{noun: noun for noun in ("shillings", "guilders", "levs", "pounds")},
    "pound": "pounds",  # British, Egyptian, Lebanese, Syrian, Sudanese …: "British pounds" is GBP
    # "¥" is the yen's sign and the yuan's: written alone it says neither ("JP¥", "CN¥" and the words do)
    YEN_OR_YUAN: YEN_OR_YUAN,
    "crown": "crowns",
    "kr": "crowns",  # "9 million kr": Swedish, Norwegian, Danish or Icelandic, it does not say which
    "krona": "kronor",
    "krone": "kroner",
    "koruna": "korunas",
    "korun": "korunas",
    "franc": "francs",
    "rupee": "rupees",
    "peso": "pesos",
    "dinar": "dinars",
    "dirham": "dirhams",
    "rial": "rials",
    "riyal": "riyals",
    "rouble": "roubles",
    "ruble": "rubles",
    "lire": "lira",
    "leu": "lei",
    "shilling": "shillings",
    "guilder": "guilders",
    "lev": "levs",
}

# ISO 4217 codes an article may write; extend as briefs need them.
ISO_CURRENCIES: Final[frozenset[str]] = frozenset(
    [
        "USD",
        "EUR",
        "GBP",
        "JPY",
        "CAD",
        "AUD",
        "CHF",
        "CNY",
        "ILS",
        "UAH",
        "RUB",
        "PLN",
        "SEK",
        "NOK",
        "DKK",
        "CZK",
        "HUF",
        "RON",
        "TRY",
        "INR",
        "KRW",
        "NZD",
        "SGD",
        "HKD",
        "MXN",
        "BRL",
        "ZAR",
        "EGP",
        "LBP",
        "SYP",
    ]
)
# How an amount's currency is told beside the amount as written: plain words, never a code the article
# does not write ("€300 million = 300,000,000 (euros)").
CURRENCY_NAMES: Final[dict[str, str]] = {
    DOLLARS: "dollars, kind not stated",
    UNSTATED: "currency not stated",
    "USD": "US dollars",
    "EUR": "euros",
    "GBP": "pounds sterling",
    "JPY": "yen",
    "CAD": "Canadian dollars",
    "AUD": "Australian dollars",
    "CHF": "Swiss francs",
    "CNY": "yuan",
    "ILS": "shekels",
    "UAH": "hryvnias",
    "RUB": "roubles",
    "PLN": "zlotys",
    "SEK": "Swedish kronor",
    "NOK": "Norwegian kroner",
    "DKK": "Danish kroner",
    "CZK": "Czech korunas",
    "HUF": "forints",
    "RON": "Romanian lei",
    "TRY": "Turkish lira",
    "INR": "rupees",
    "KRW": "won",
    "NZD": "New Zealand dollars",
    "SGD": "Singapore dollars",
    "HKD": "Hong Kong dollars",
    "MXN": "Mexican pesos",
    "BRL": "reais",
    "ZAR": "rand",
    "EGP": "Egyptian pounds",
    "LBP": "Lebanese pounds",
    "SYP": "Syrian pounds",
}

# Signs before the number, and words after it; the longest first so that "US$" is not read as "$".
_SIGNS: Final[tuple[tuple[str, str], ...]] = (
    ("US$", "USD"),
    ("C$", "CAD"),
    ("CA$", "CAD"),
    ("A$", "AUD"),
    ("HK$", "HKD"),
    ("NZ$", "NZD"),
    ("S$", "SGD"),
    ("R$", "BRL"),
    ("$", DOLLARS),
    ("€", "EUR"),
    # "£" is the pound's sign in Britain, Egypt, Lebanon, Syria, Sudan …: alone it says pounds, not which
    ("UK£", "GBP"),
    ("GB£", "GBP"),
    ("E£", "EGP"),
    ("L£", "LBP"),
    ("S£", "SYP"),
    ("£", "pounds"),
    ("JP¥", "JPY"),
    ("CN¥", "CNY"),
    ("¥", YEN_OR_YUAN),
    ("₪", "ILS"),
    ("₴", "UAH"),
    ("₹", "INR"),
    ("₩", "KRW"),
    ("₺", "TRY"),
    ("₽", "RUB"),
)
_WORDS: Final[tuple[tuple[str, str], ...]] = (
    ("us dollars", "USD"),
    ("u.s. dollars", "USD"),
    ("canadian dollars", "CAD"),
    # a country's adjective before "dollars" names its dollar ("90 million Australian dollars"); alone, not which
    ("australian dollars", "AUD"),
    ("new zealand dollars", "NZD"),
    ("hong kong dollars", "HKD"),
    ("singapore dollars", "SGD"),
    ("dollars", DOLLARS),
    ("dollar", DOLLARS),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("pounds sterling", "GBP"),
    ("sterling", "GBP"),
    ("british pounds", "GBP"),
    ("egyptian pounds", "EGP"),
    ("lebanese pounds", "LBP"),
    ("syrian pounds", "SYP"),
    ("yen", "JPY"),
    ("shekels", "ILS"),
    ("nis", "ILS"),
    ("hryvnias", "UAH"),
    # a currency noun with its country is that country's currency
    ("swedish kronor", "SEK"),
    ("swedish crowns", "SEK"),
    ("norwegian kroner", "NOK"),
    ("norwegian crowns", "NOK"),
    ("danish kroner", "DKK"),
    ("danish crowns", "DKK"),
    ("czech korunas", "CZK"),
    ("czech crowns", "CZK"),
    ("swiss francs", "CHF"),
    ("zł", "PLN"),  # the złoty's letters, after the amount ("9 million zł")
    ("kč", "CZK"),  # the koruna's
    ("zlotys", "PLN"),
    ("zloty", "PLN"),
    ("forints", "HUF"),
    ("forint", "HUF"),
    ("hryvnia", "UAH"),
    ("shekel", "ILS"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
)
_SMALL: Final[dict[str, float]] = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "half-a": 0.5,
    "half a": 0.5,
    "a half": 0.5,
    "quarter-of-a": 0.25,
    "a quarter of a": 0.25,
    "quarter of a": 0.25,
}
_SCALES: Final[dict[str, int]] = {
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
    # as articles abbreviate them, written with or without a space: "1.5bn", "$600m", "€2.5mn"
    "bn": 10**9,
    "mn": 10**6,
    "m": 10**6,
}
# Words that qualify an amount just before it ("up to $90 million", "nearly $90 million"): `as_written` keeps
# them, the parser reads them, and the answer shows them ("up to 90,000,000"). An amount cut from one would be
# told as the exact sum (REVIEW-7 C8).
QUALIFIERS: Final[tuple[str, ...]] = (
    "up to",
    "as much as",
    "as little as",
    "at least",
    "at most",
    "more than",
    "less than",
    "fewer than",
    "no more than",
    "no less than",
    "not more than",
    "not less than",
    "in excess of",
    "upwards of",
    "just over",
    "just under",
    "well over",
    "well under",
    "over",
    "under",
    "nearly",
    "almost",
    "about",
    "around",
    "roughly",
    "approximately",
    "some",
    "close to",
    "an estimated",
    "estimated",
    # an amount added to one told before (REVIEW-8 D4): without the word, it reads as the whole sum
    "a further",
    "further",
    "another",
    "an additional",
    "additional",
    "an extra",
    "extra",
    "a fresh",
    "fresh",
)
# The same after it (REPORT-hostile16 F6): a bound ("$90 million at least"), or a total over several loans or a
# span ("$90 million in all", "… so far", "… to date", "… over five years"), or a sum with something added or
# taken off ("… plus interest", "… less fees"): the bare amount would be told as the exact sum of this one loan.
QUALIFIERS_AFTER: Final[tuple[str, ...]] = (
    "at least",
    "at the least",
    "at most",
    "at the most",
    "at minimum",
    "at a minimum",
    "at maximum",
    "or thereabouts",
    "in total",
    "in all",
    "all told",
    "altogether",
    "so far",
    "to date",
    "thus far",
    "between them",
    "combined",
    "in aggregate",
    "cumulatively",
    "plus interest",
    "with interest",
    "including interest",
    "less fees",
    "minus fees",
    "before fees",
    "after fees",
    "over",
)
# A qualifier of QUALIFIERS_AFTER just after the amount (a comma between: "$90 million, at least"), ending its
# clause or going on with a time, a purpose or a conjunction ("in all", but not "in all its forms"); "over" only
# before a span of time ("over five years", not "over the objections of Vesta").
_QUALIFIED_AFTER = re.compile(
    r"\s*,?\s*(?P<qualifier>(?:"
    + "|".join(
        re.escape(q).replace("\\ ", r"\s+")
        for q in sorted(QUALIFIERS_AFTER, key=len, reverse=True)
        if q != "over"
    )
    + r")(?=\s*(?:[.,;:!?)]|$|(?:to|for|on|in|since|and|but|last|this|from|over)\b))"
    + r"|over\s+\w+\s+(?:\w+\s+)?(?:years?|months?|weeks?|decades?|days?)\b)",
    flags=re.IGNORECASE,
)
# A share of it told just after (", none of which arrived", ", most of it still unpaid", ", only $10 million of
# which …"): how much of the sum was paid is then the article's, not the bare amount's.
_SHARE_AFTER = re.compile(
    r"\s*,?\s*(?:none|most|much|some|part|little|half|all\s+but\s+\S+|only\s+\S+(?:\s+\S+)?|less\s+than\s+half)"
    # told as paid or unpaid, not as what it is for or made of (", much of it for the port" leaves the sum whole)
    r"\s+of\s+(?:which|it|that|them|this)\b(?!\s+(?:for|to|in|on|as)\b)",
    flags=re.IGNORECASE,
)
# "a record $9 million", "a mere €5 million": an article and a word of its own before the sign say something of
# the sum that the bare amount does not; read as a qualifier whatever the word, as the article writes it.
_ANY_QUALIFIER = re.compile(r"^(?P<qualifier>an?\s+[a-z][a-z-]*)\s+(?=[$€£¥₪₴\d]|[A-Z]{3}\s)")
# What may follow an amount and says it is per time or per share ("$90 million a year", "$9 million each").
RATES: Final[tuple[str, ...]] = tuple(
    [
        f"{per} {unit}"
        for per in ("a", "an", "per", "every")
        for unit in ("year", "month", "week", "day", "quarter", "annum", "head", "person")
    ]
    + ["each", "apiece", "annually", "monthly", "yearly", "weekly", "daily", "twice", "a piece"]
)
# Number words an `as_written` may not start just after: "half | a billion dollars", "one and a half | …",
# "three | $90 million loans" (REVIEW-7 C21).
NUMBER_WORDS: Final[frozenset[str]] = frozenset(
    {"half", "quarter", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
    | {"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
    | {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "hundreds"}
    | {
        "thousand",
        "thousands",
        "dozen",
        "dozens",
        "tens",
        "several",
        "two-thirds",
        "three-quarters",
        "double",
    }
)
_LOAN_COUNTS: Final[frozenset[str]] = frozenset(
    {"loans", "tranches", "payments", "instalments", "installments", "grants", "credits", "transfers"}
)
_QUALIFIER = re.compile(
    r"^(?P<qualifier>" + "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True)) + r")\s+",
    flags=re.IGNORECASE,
)
_RATE_END = re.compile(
    r"(?:^|\s+)(?P<rate>" + "|".join(re.escape(r) for r in sorted(RATES, key=len, reverse=True)) + r")$",
    flags=re.IGNORECASE,
)
# Number words, read whole at word boundaries (TASK-when A: "ninety" is not "nine" + "ty"): units, teens and tens
# ("twenty-five", "twenty five"), hundreds ("a hundred and twenty"), and a half or a quarter added ("two and a
# half"). `_word_number` tells their value.
_UNITS: Final[dict[str, int]] = {
    word: value
    for value, word in enumerate(("one", "two", "three", "four", "five", "six", "seven", "eight", "nine"), 1)
}
_TEENS: Final[dict[str, int]] = {
    word: value
    for value, word in enumerate(
        ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen"), 10
    )
} | {"nineteen": 19}
_TENS: Final[dict[str, int]] = {
    word: 10 * tens
    for tens, word in enumerate(
        ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"), 2
    )
}
_ADDED_PARTS: Final[dict[str, float]] = {"a half": 0.5, "a quarter": 0.25, "three quarters": 0.75}
_END = r"(?![\w-])"


def _alternatives(words: dict[str, int] | dict[str, float]) -> str:
    return (
        "(?:"
        + "|".join(re.escape(w).replace("\\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
        + ")"
    )


_BELOW_HUNDRED = (
    rf"(?:{_alternatives(_TENS)}(?:[\s-]+{_alternatives(_UNITS)}{_END})?{_END}|{_alternatives(_TEENS)}{_END}"
    rf"|{_alternatives(_UNITS)}{_END})"
)
_WORD_NUMBER = (
    rf"(?:(?:(?:a|one|{_alternatives(_UNITS)})\s+hundred{_END}(?:\s+(?:and\s+)?{_BELOW_HUNDRED})?|{_BELOW_HUNDRED})"
    rf"(?:\s+and\s+{_alternatives(_ADDED_PARTS)}{_END})?)"
)
_NUMBER = (
    r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|"
    + _WORD_NUMBER
    + "|(?:"
    + "|".join(re.escape(word) for word in sorted(_SMALL, key=len, reverse=True))
    + rf"){_END.replace('-', '')})"
)


def _word_number(text: str) -> float | None:
    """The value of number words `_WORD_NUMBER` reads ("a hundred and twenty", "two and a half"), or None."""
    words = re.split(r"[\s-]+", text.casefold())
    value = 0.0
    part = 0.0
    at = 0
    while at < len(words):
        word = words[at]
        if word == "and" and " ".join(words[at + 1 : at + 3]) in _ADDED_PARTS:
            part = _ADDED_PARTS[" ".join(words[at + 1 : at + 3])]
            break
        if word in ("a", "one") and at + 1 < len(words) and words[at + 1] == "hundred":
            value += 1
        elif word == "hundred":
            value = (value or 1) * 100
        elif word in _UNITS or word in _TEENS or word in _TENS:
            value += _UNITS.get(word) or _TEENS.get(word) or _TENS[word]
        elif word != "and":
            return None
        at += 1
    return value + part if value else None


_SCALE = r"(?:[\s-]*(?P<scale>" + "|".join(sorted(_SCALES, key=len, reverse=True)) + r")\b)?"
_CODE = r"(?P<code>[A-Z]{3})"
# Compiled once: every loan of every brief is read by them (re's own cache costs a lookup per call).
_CODE_BEFORE = re.compile(_CODE + r"\s+")
_AMOUNT = re.compile(_NUMBER + _SCALE, flags=re.IGNORECASE)
_CODE_ONLY = re.compile(_CODE)


@dataclass(frozen=True)
class Money:
    amount: int
    currency: str  # an ISO 4217 code, DOLLARS, a noun of KIND_UNSTATED ("crowns") or UNSTATED
    as_written: str
    qualifier: str = ""  # as the article qualifies the amount: "up to", "nearly", "more than" (QUALIFIERS)
    rate: str = ""  # as the article gives it per time or per share: "a year", "each" (RATES)

    @property
    def reads_as(self) -> str:
        """The number as the article gives it, qualified and per what: "up to 90,000,000 a year"."""
        told = format_number(self.amount)
        return " ".join(part for part in (self.qualifier, told, self.rate) if part)

    @property
    def currency_name(self) -> str:
        if self.currency in KIND_UNSTATED:
            return f"{self.currency}, kind not stated"
        return CURRENCY_NAMES.get(self.currency, self.currency)


# A sign or noun of unstated kind, and the currencies the words after the amount may say it is ("$5 million
# Canadian dollars", "£5 million sterling"): never another currency ("$5 million yen" writes two).
_KINDS: Final[dict[str, frozenset[str]]] = {
    DOLLARS: frozenset({"USD", "CAD", "AUD", "NZD", "SGD", "HKD"}),
    "pounds": frozenset({"GBP", "EGP", "LBP", "SYP"}),
    YEN_OR_YUAN: frozenset({"JPY", "CNY"}),
}


class MoneyError(ValueError):
    """An amount the parser cannot read, or a currency it must refuse."""


def parse_money(as_written: str) -> Money:
    """`as_written` read as an amount and currency; MoneyError when it is not one, or names no currency
    anybody pays in.

    >>> parse_money("half-a-billion dollars")
    Money(amount=500000000, currency='dollars', as_written='half-a-billion dollars')
    """
    text = normalise(as_written)
    currency: str | None = None
    qualified = _QUALIFIER.match(text) or _ANY_QUALIFIER.match(text)
    qualifier = qualified["qualifier"].casefold() if qualified else ""
    rest = text[qualified.end() :] if qualified else text
    for sign, code in _SIGNS:
        if rest.startswith(sign):
            currency, rest = code, rest[len(sign) :].lstrip()
            break
    code_before = _CODE_BEFORE.match(rest)
    if currency is None and code_before:
        currency, rest = _iso(code_before["code"]), rest[code_before.end() :]
    match = _AMOUNT.match(rest)
    if match is None:
        raise MoneyError(
            f"“{as_written}” does not start with an amount (e.g. “$600 million”, “half-a-billion dollars”)"
        )
    tail = rest[match.end() :].strip()
    per = _RATE_END.search(tail)
    rate = per["rate"].casefold() if per else ""
    tail = tail[: per.start()].strip() if per else tail
    if tail:
        code_after = _CODE_ONLY.fullmatch(tail)
        word = next((c for w, c in _WORDS if tail.casefold() == w), KIND_UNSTATED.get(tail.casefold()))
        if word is None and code_after is None:
            raise MoneyError(f"“{as_written}”: cannot read “{tail}” as a currency")
        found = word if word is not None else _iso(tail)
        if currency is not None and found != currency and found not in _KINDS.get(currency, ()):
            raise MoneyError(f"“{as_written}” writes two currencies")
        if currency is None or currency in _KINDS:
            currency = found
    number_text = match["number"].casefold()
    number = _SMALL.get(number_text)
    if number is None and not number_text[:1].isdigit():
        number = _word_number(number_text)
    if number is None and not number_text[:1].isdigit():
        raise MoneyError(f"“{as_written}” does not start with an amount it can read")
    value = float(number_text.replace(",", "")) if number is None else number
    scale = _SCALES[match["scale"].casefold()] if match["scale"] else 1
    amount = value * scale
    if amount <= 0 or amount != int(amount):
        raise MoneyError(f"“{as_written}” is not a whole amount")
    return Money(int(amount), currency or UNSTATED, text, qualifier, rate)


# Letters articles write for a currency that are not its ISO code: "NIS 2 billion" (new Israeli shekels).
_CODE_LETTERS: Final[dict[str, str]] = {"NIS": "ILS"}


def is_currency_code(word: str) -> bool:
    """Whether `word` is the letters an article writes for a currency ("CHF", "EUR", "NIS")."""
    return word in ISO_CURRENCIES or word in _CODE_LETTERS


def _iso(code: str) -> str:
    code = _CODE_LETTERS.get(code, code)
    if code not in ISO_CURRENCIES:
        raise MoneyError(f"“{code}” is not an ISO 4217 currency code")
    return code


def format_number(amount: int) -> str:
    return f"{amount:,}"


# What may stand just after an amount and belongs to it: its scale ("€300 | million") or its currency
# ("half-a-billion | dollars", "1.5bn | crowns"); and just before it, its sign or code ("$ | 600 million",
# "US$", "EUR "). Nouns the parser does not read as a currency are listed too: an amount cut before one would
# be told as of no stated currency, so it is refused as cut.
_UNREAD_CURRENCY_NOUNS: Final[tuple[str, ...]] = ("quid", "bucks")
_AFTER_AMOUNT = re.compile(
    r"[\s-]+(?:"
    + "|".join(
        sorted(
            {*_SCALES, "k", *(w for w, _ in _WORDS), *KIND_UNSTATED, *_UNREAD_CURRENCY_NOUNS},
            key=len,
            reverse=True,
        )
    )
    + r")\b",
    flags=re.IGNORECASE,
)
_BEFORE_AMOUNT = re.compile(r"(?:" + "|".join(re.escape(sign) for sign, _ in _SIGNS) + r"|\b[A-Z]{3}\s)\s*$")


def amount_cut(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the whole amount when `text[start:end]` is one cut short of its scale or currency
    ("€300" of "€300 million", "600 million" of "$600 million"); None when it is whole."""
    after = _AFTER_AMOUNT.match(text, end)
    before = _BEFORE_AMOUNT.search(text[max(0, start - 4) : start])
    # A sign cut out of the word it is glued to ("$9 million" of "R$9 million", the real; of "HK$", "US$")
    # would be told as the sign's own currency (HOSTILE-11 A1): the whole runs from that word's first letter.
    glued = start
    if text[start : start + 1] and not text[start].isalnum():
        while glued > 0 and text[glued - 1].isalpha():
            glued -= 1
    if after is None and before is None and glued == start:
        return None
    return (start - len(before.group(0)) if before else glued, after.end() if after else end)


# (a code is written in capitals: "to USD 12 million" is a range, "to buy fuel" a purpose)
_RANGE_AFTER = re.compile(r"\s*(?:-|–|to|or)\s*(?:\$|€|£|¥|₪|₴|(?-i:[A-Z]{3})\s|\d)", flags=re.IGNORECASE)
# A qualifier after the amount ("$9 million or more", "or so", "and more") or a sign of one ("$9 million+"), and
# just before it ("~$9 million", ">$9 million", "between $9 million and …"): none is the exact sum (HOSTILE-11).
_QUALIFIER_AFTER = re.compile(
    r"\s*\+|\s+(?:or|and)\s+(?:more|less|fewer|above|over|upwards|higher|lower|thereabouts)\b"
    r"|\s+or\s+so\b(?=\s*(?:[.;:!?)]|$))",
    flags=re.IGNORECASE,
)
_SIGN_BEFORE = re.compile(r"(?:~|≈|∼|<|>|≤|≥|\+/?-|±)\s*$")
# … and a multiple or a part of it ("$9 million times two", "multiplied by three", "divided by four": HOSTILE-13)
_COMPARED_AFTER = re.compile(
    r"\s+(?:(?:more|less|fewer|higher|lower|bigger|smaller)\s+than|times|multiplied\s+by|divided\s+by|"
    r"split\s+(?:in|into|between|among))\b",
    flags=re.IGNORECASE,
)
_RATE_AFTER = re.compile(
    r"\s+(?P<rate>" + "|".join(re.escape(r) for r in sorted(RATES, key=len, reverse=True)) + r")\b",
    flags=re.IGNORECASE,
)
_AMOUNT_END = re.compile(
    r"(?:\d|" + "|".join(sorted(_SCALES, key=len, reverse=True)) + r")$", flags=re.IGNORECASE
)


def amount_left_out(text: str, start: int, end: int, as_written: str = "") -> str | None:
    """The words just around `text[start:end]` (an amount as the brief writes it) that say it is not that exact
    sum, once: a qualifier ("up to", "nearly", …) or number word ("half | a billion dollars", "three | $90
    million loans") just before it, the other end of a range ("between $50 million and |", "| to $90
    million"), a rate or a share ("| a year", "| each"), or a comparison ("| more than Vesta did"); None when
    there is none, or when `as_written` keeps it (a qualifier or rate the parser reads)."""
    written = normalise(as_written)
    before = text[:start].split()
    last = before[-1].strip(",;:(").casefold() if before else ""
    two = " ".join(w.casefold() for w in before[-2:])
    three = " ".join(w.casefold() for w in before[-3:])
    own = _QUALIFIER.match(written) or _ANY_QUALIFIER.match(written)
    if not own:
        for qualifier in sorted(QUALIFIERS, key=len, reverse=True):
            size = len(qualifier.split())
            if " ".join(w.casefold() for w in before[-size:]) == qualifier:
                return qualifier
        if len(before) > 1 and _ANY_QUALIFIER.match(f"{two} {text[start:end]}"):
            return " ".join(before[-2:])
    if last in NUMBER_WORDS or (text[start - 1 : start] == "-" and text[start - 2 : start - 1].isdigit()):
        return last or text[max(0, start - 8) : start].split()[-1]
    if last in ("and", "of") and len(before) > 1 and before[-2].strip(",").casefold() in NUMBER_WORDS:
        return two
    if last == "of" and len(before) > 2 and before[-2].casefold() in _LOAN_COUNTS:
        return three
    if last in ("and", "to", "-", "–") and len(before) > 1 and _AMOUNT_END.search(before[-2].strip(",")):
        window = " ".join(w.casefold() for w in before[-8:])
        if last != "and" or "between" in window.split() or "from" in window.split():
            return " ".join(before[-2:])
    if last == "between":
        return last
    sign = _SIGN_BEFORE.search(text[max(0, start - 4) : start])
    if sign is not None:
        return sign.group(0).strip()
    share = _share_before(before)
    if share is not None:
        return share
    after = text[end:]
    if _RANGE_AFTER.match(after):
        return after.split()[0] if after.split() else None
    qualified = _QUALIFIER_AFTER.match(after) or _SHARE_AFTER.match(after)
    if qualified is not None:
        return qualified.group(0).strip(" ,")
    qualified = _QUALIFIED_AFTER.match(after)
    if qualified is not None:
        return qualified["qualifier"]
    compared = _COMPARED_AFTER.match(after)
    if compared:
        return compared.group(0).strip()
    per = _RATE_AFTER.match(after)
    if per and not _RATE_END.search(written):
        return per["rate"]
    # Fail closed on a rate no list names (REVIEW-8 D2): "$9 million per ferry", "every six months", "for each of
    # its ferries" make the sum a rate, whatever the unit.
    unit = _ANY_RATE_AFTER.match(after)
    if unit and not _RATE_END.search(written):
        return unit.group(0).strip()
    return None


# Words before "of" that leave the amount after it whole ("a loan of $9 million", "a total of …"); any other word
# there makes it a share ("a third of the $90 million", "40 percent of", "half of": REVIEW-8 D1).
_WHOLE_OF: Final = frozenset(
    {"loan", "loans", "sum", "sums", "total", "credit", "grant", "grants", "package", "packages", "amount"}
    | {"aid", "worth", "value", "fund", "funds", "budget", "assistance", "tranche", "line", "cost", "price"}
    | {"figure", "transfer", "payment", "deal", "facility", "installment", "instalment", "donation"}
)
# Words that make an amount one spoken of already ("the $9 million Vesta lent"): before them, only a verb, a name
# or a preposition leaves it whole; "twice the", "double the", "half the" do not (REVIEW-8 D3).
_REFERRING: Final = frozenset({"the", "its", "their", "this", "that", "these", "those", "his", "her", "our"})
_LEAVES_WHOLE: Final = frozenset(
    {"to", "for", "with", "from", "by", "in", "on", "at", "and", "or", "of", "all"}
)
# "nearly all the $9 million" is not all of it.
_SHORT_OF_ALL: Final = frozenset({"nearly", "almost", "virtually", "practically", "not", "about", "roughly"})
# Verbs that set an amount beside another ("exceeded the $9 million", "matched the $9 million"): not the deal's.
_COMPARING_VERBS: Final = frozenset(
    {"exceed", "surpass", "top", "match", "equal", "rival", "dwarf", "outstrip"}
)


def _leaves_whole(word: str) -> bool:
    """Whether `word`, just before "the $9 million", is a verb that takes the amount whole as its object
    ("lends the $9 million", "provided the …"): a word the lexicon knows as a verb, and not as an adjective or an
    adverb, which the multiples are ("triple", "double", "over", "near"), and no verb that
    compares one amount with another."""
    classes = lexicon.word_classes(word)
    if "VERB" not in classes or classes & {"ADJ", "ADV"}:
        return False
    return not any(lemma in _COMPARING_VERBS for lemma in lexicon.lemmas(word.casefold(), "VERB"))


_ANY_RATE_AFTER = re.compile(
    r"\s+(?:per|every|apiece|for each|for every|each)\b(?:\s+[\w-]+){0,2}", re.IGNORECASE
)


def _share_before(before: list[str]) -> str | None:
    """The words before an amount that make it a share or a multiple of itself, or None."""
    words = [w.strip(",;:(").casefold() for w in before]
    at = len(words) - 1
    if at >= 0 and words[at] in _REFERRING:
        at -= 1
        if at >= 1 and words[at] == "all" and words[at - 1] in _SHORT_OF_ALL:
            return " ".join(before[at - 1 :])  # "nearly all the $9 million": less than the whole
        if at >= 0 and words[at] != "of":
            previous = before[at].strip(",;:(")
            verb_or_name = previous[:1].isupper() or _leaves_whole(previous)
            if not verb_or_name and words[at] not in _LEAVES_WHOLE:
                return " ".join(before[at:])
            return None
    if at >= 1 and words[at] == "of" and words[at - 1] not in _WHOLE_OF:
        return " ".join(before[at - 1 :])
    return None
