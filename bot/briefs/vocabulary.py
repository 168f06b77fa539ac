"""The words the evidence check reads: who-says-so markers, hedges, status verbs, aid kinds, credits.

Kept in one place so that an editor who meets a new marker ("officials familiar with the matter")
adds one line here, and every rule that reads markers sees it. Everything is matched
case-insensitively at word boundaries (see `bot.briefs.article.find_words`).
"""

from __future__ import annotations

from typing import Final, Literal, get_args

from bot.briefs.lexicon import verb_forms

# A sentence with one of these is somebody's claim: the fact must carry who makes it.
ATTRIBUTION_MARKERS: Final[tuple[str, ...]] = (
    "said",
    "says",
    "say",
    "told",
    "according to",
    "a source familiar with",
    "sources familiar with",
    "speaking on condition of anonymity",
    "reportedly",
    "claimed",
    "claims",
    "argued",
    "argues",
    "responded",
    "stated",
    "announced",
    "added",
    "warned",
    "insisted",
    # a verb of writing tells who says so as one of saying does ("Oster wrote “…”", "writes Oster")
    "wrote",
    "writes",
)

# A closing attribution may go on after its saying verb with when or where it was said (", Oster said on
# Tuesday.", ", Oster told reporters in a statement."): the part opens with one of these.
TAIL_WORDS: Final[frozenset[str]] = frozenset(
    {
        "on",
        "in",
        "at",
        "during",
        "after",
        "before",
        "late",
        "early",
        "earlier",
        "later",
        "last",
        "this",
        "yesterday",
        "today",
        "tonight",
        "from",
        "via",
        "over",
        "by",
        "through",
        "while",
        "when",
    }
)
# Words that make a clause of their own (a subject pronoun, an auxiliary, "that"): what follows a saying verb
# holding one is what was said ("Oster said it would wait."), not when or to whom.
CLAUSE_WORDS: Final[frozenset[str]] = frozenset(
    {
        "i",
        "we",
        "you",
        "he",
        "she",
        "it",
        "they",
        "that",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "can",
        "should",
        "may",
        "might",
        "must",
        "did",
        "does",
        "do",
        "there",
    }
)
# Words that open what is said of a source named after its marker (", said a harbour official, who asked not
# to be named."): its sentence still closes with who says so.
RELATIVE_WORDS: Final[frozenset[str]] = frozenset({"who", "whom", "whose", "which", "speaking"})

# A relative clause set off by a comma after a name (HOSTILE-13 X1–X7: "Norland, to which Estria sent fuel,
# thanked it."): the words that open one, alone or after a preposition ("to which", "from whom", "to whose port").
# Told inside one with a subject of its own, the giving is that subject's, and the name before the comma is what
# the relative word stands for: after one of RELATIVE_TAKING_PREPOSITIONS (or none) whom it is done to, after
# one of RELATIVE_GIVING_PREPOSITIONS perhaps who gives; after any other ("for which", "with which") the check
# cannot tell, and fails closed.
RELATIVE_OPENERS: Final[frozenset[str]] = frozenset({"which", "whom", "who", "whose", "where"})
RELATIVE_PREPOSITIONS: Final[frozenset[str]] = frozenset(
    {"to", "into", "onto", "unto", "for", "from", "with", "by", "through", "via", "at", "in", "on", "under"}
    | {
        "of",
        "against",
        "over",
        "after",
        "before",
        "behind",
        "despite",
        "upon",
        "toward",
        "towards",
        "without",
    }
    | {"within", "between", "among", "about", "across", "around", "beside", "beyond", "near", "like", "than"}
)
RELATIVE_TAKING_PREPOSITIONS: Final[frozenset[str]] = frozenset({"", "to", "into", "onto", "unto"})
RELATIVE_GIVING_PREPOSITIONS: Final[frozenset[str]] = frozenset({"from", "by", "through", "via"})

# Those of the markers above that open an account when a sentence opens with them ("Another official said
# that …", "According to officials, …"): the sentences after it in its paragraph, with no attribution of their
# own, are told within it. An argument ("Bennett has also argued that …") opens none: what follows is the
# article's own. So the opening markers are the markers above less those that open none (one list of markers,
# not two to keep in step).
_NOT_OPENING: Final[frozenset[str]] = frozenset(
    {
        "reportedly",
        "claimed",
        "claims",
        "argued",
        "argues",
        "responded",
        "announced",
        "added",
        "warned",
        "insisted",
    }
)
OPENING_MARKERS: Final[tuple[str, ...]] = tuple(m for m in ATTRIBUTION_MARKERS if m not in _NOT_OPENING)
# An account opened by its source ("Oster said it would wait.", "Oster told reporters the …", "Oster said: …")
# goes on in the sentences after it, up to one that says who says so itself, unless a sentence is the article's
# own: one that names the account's source again as whom it tells of, or one that speaks of the claim itself,
# with one of these words among its first three ("The claim could not be independently verified.").
ABOUT_THE_ACCOUNT: Final[frozenset[str]] = frozenset(
    {
        "claim",
        "claims",
        "statement",
        "statements",
        "remarks",
        "comments",
        "comment",
        "account",
        "accounts",
        "assertion",
        "allegation",
        "allegations",
        "figures",
        "report",
        "reports",
    }
)

# "is believed to", "are thought to", …: unconfirmed, as the article tells it ("is known to" is the article's own).
_UNCONFIRMED: Final[tuple[str, ...]] = (
    "believed",
    "thought",
    "understood",
    "reported",
    "alleged",
    "rumoured",
    "rumored",
    "presumed",
    "suspected",
)
# A sentence with one of these is not a plain event: an expectation, a plan, a possibility.
HEDGE_MARKERS: Final[tuple[str, ...]] = (
    "could not be independently verified",
    "is expected to",
    "are expected to",
    "is checking the possibility",
    "plans to",
    "would",
    "could",
    "might",
    "allegedly",
    # adverbs of likelihood, named so an editor's hedge reads as one: "likely" and "unlikely" are adjectives as
    # well, which the unread-adverb rule (`bot.briefs.unread`) read only as adverbs (HOSTILE-12 H1: "Norland likely
    # sent"); the other adverbs of doubt ("apparently", "supposedly") are left to that rule
    "likely",
    "unlikely",
    "probably",
    "possibly",
    "perhaps",
    "maybe",
    "conceivably",
    # what the article doubts or keeps from its own account ("In theory, Norland sent fuel", "a so-called $9
    # million", "the supposed shipment"): the fact is told only as it is claimed or framed (HOSTILE-11 B3, A6)
    "in theory",
    "in principle",
    "on paper",
    "so-called",
    "purported",
    "whether",  # a question: "Vesta asked whether Norland had sent fuel" tells no giving
    "if",  # a condition: "Oster would lend $90 million if the council agreed" is no plain pledge
    "unless",
    # a belief or a report of unnamed others: "Norland is believed to have sent fuel" is no plain giving
    *(f"{be} {verb} {to}" for be in ("is", "are") for verb in _UNCONFIRMED for to in ("to",)),
    # and with no "is" or "are" before it ("$9 million, thought to be the largest loan"; HOSTILE-12 H6)
    *(f"{verb} to {be}" for verb in _UNCONFIRMED for be in ("be", "have")),
    # a dispute or a denial qualifies its sentence: "…, a figure Vesta disputes.", "…, but Oster denies it."
    *(
        DENIAL_WORDS := (
            "disputes",
            "disputed",
            "disputing",
            "denies",
            "denied",
            "denying",
            "contests",
            "contested",
        )
    ),
)
# A sentence that asks tells nothing done (HOSTILE-12 Q1, Q2): one that ends on any of these question marks, with
# only closing quotes, brackets, "!" or "." after it ("?!", "？", "⁈", "؟"), or one that opens with an auxiliary
# before its subject ("Has Norland sent fuel to Estria, Vesta asked."), whatever mark it ends on.
QUESTION_MARKS: Final[str] = "?？﹖⁇⁈⁉‽⸮؟"
INVERTED_AUXILIARIES: Final[frozenset[str]] = frozenset(
    {"has", "have", "had", "did", "do", "does", "is", "are", "was", "were", "am", "can", "could", "would"}
    | {"should", "might", "must", "shall", "will", "may"}
)
# Two of them are names and a month as well ("Will Oster sent …", "May saw …"): opening a sentence, they ask
# only when the verb after the next word is a base form ("Will Norland send …").
NAME_AUXILIARIES: Final[frozenset[str]] = frozenset({"will", "may"})
# Verbs (base forms) that, closing a sentence after who does them (", Vesta asked.", ", Vesta asked reporters.",
# ", Vesta's minister posted."), put it in that one's mouth: a saying there, as "said" is, that needs its
# attribution, though elsewhere other lists read them ("asked" a request, "post" a plain verb; HOSTILE-12 Q2, H6).
CLOSING_SAYING_VERBS: Final[frozenset[str]] = frozenset(
    {"ask", "wonder", "query", "inquire", "enquire"}
    | {
        "post",
        "tweet",
        "retweet",
        "share",
        "write",
        "publish",
        "blog",
        "message",
        "text",
        "email",
        "broadcast",
    }
)
# Adverbs that tell what is said or believed as false (HOSTILE-13 K4, "Norland wrongly believes it sent …"): an
# attribution holding one makes the fact a mistake, never a source's plain claim, and fails closed.
FALSITY_ADVERBS: Final[frozenset[str]] = frozenset(
    {"wrongly", "falsely", "mistakenly", "erroneously", "incorrectly", "wrongfully", "baselessly"}
    | {"groundlessly", "spuriously", "untruthfully", "dishonestly", "misleadingly"}
)
# Verbs that reject or deny what is reported ("Oster rejected reports that …", HOSTILE-13 S4): an attribution of
# the source that holds one, or follows one as its object, is a report told as doubted, and fails closed.
REJECTING_VERBS: Final[frozenset[str]] = frozenset(
    {
        "rejected",
        "rejects",
        "dismissed",
        "dismisses",
        "refuted",
        "refutes",
        "debunked",
        "debunks",
        "disproved",
    }
    | {"disproves", "discredited", "discredits", "denied", "denies", "disputed", "disputes", "contested"}
    | {"contests", "doubted", "doubts", "questioned", "questions", "ridiculed", "mocked", "scorned"}
)
# Words that name who says so with no verb (HOSTILE-12 H6; `bot.briefs.unread.unmarked_sources`): "per" before a
# name or a determiner (", per Vesta.", not "per cent"), a label ("source: Vesta"), and, set off at a sentence's
# end, a phrase of view or count ("by Vesta's count", "by some estimates", "in one account").
PER_SOURCE: Final[str] = "per"
SOURCE_LABELS: Final[tuple[str, ...]] = ("source", "sources")  # before a colon
VIEW_PREPOSITIONS: Final[tuple[str, ...]] = ("by", "on", "in", "to", "from", "for", "according to")
# Words that, just after a VIEW_PREPOSITIONS word, count whose view the noun after them is ("by some estimates",
# "by all accounts", "on one reading").
VIEW_QUANTIFIERS: Final[frozenset[str]] = frozenset(
    {"some", "one", "most", "many", "several", "other", "all", "these", "those", "official", "unofficial"}
    | {
        "independent",
        "early",
        "initial",
        "latest",
        "conservative",
        "rough",
        "any",
        "no",
        "their",
        "his",
        "her",
    }
    | {"its", "our", "my", "your", "another", "certain", "various"}
)
# After "in" the quantified noun must be one of these ("in one account"; not "in one payment", "in two tranches").
VIEW_NOUNS: Final[frozenset[str]] = frozenset(
    {"estimate", "estimates", "count", "counts", "account", "accounts", "view", "views", "telling", "version"}
    | {
        "reckoning",
        "reading",
        "readings",
        "opinion",
        "judgement",
        "judgment",
        "assessment",
        "words",
        "report",
    }
    | {"reports", "figures", "calculation", "calculations", "tally", "analysis", "estimation", "mind"}
)
# Verbs of naming in "what Vesta calls $9 million": the amount is Vesta's word for it.
NAMING_VERBS: Final[tuple[str, ...]] = (
    "calls",
    "called",
    "call",
    "dubs",
    "dubbed",
    "terms",
    "termed",
    "labels",
    "labelled",
    "labeled",
    "brands",
    "branded",
    "describes",
    "described",
)

# Adjectives of doubt: just before what they qualify ("supposed fuel", "an alleged $9 million", "the would-be
# donor") they hedge it, and the fact needs an attribution that covers them (HOSTILE-11). As verbs ("Oster alleged
# that …", "is supposed to have …") other rules read them; these count only before a noun or an amount.
DOUBTING_ADJECTIVES: Final[tuple[str, ...]] = (
    "supposed",
    "alleged",
    "purported",
    "reputed",
    "ostensible",
    "nominal",
    "would-be",
    "self-styled",
    "self-proclaimed",
)
# A value named only to be denied ("$50 million, not $90 million", "Oster, rather than Vesta, has sent …") is
# not what was done: these just before it.
DENYING_WORDS: Final[tuple[str, ...]] = ("not", "never", "rather than", "instead of", "not even", "unlike")

# Money given with no repaying: a loan whose own clause names one of these ("$40 million as a grant, not as a
# loan", "then made the loan a gift") is not told as a loan, whatever else its clause says (REVIEW-7 C17).
NOT_LOAN_WORDS: Final[tuple[str, ...]] = (
    "grant",
    "grants",
    "gift",
    "gifts",
    "donation",
    "donations",
    "donated",
    "free of charge",
    "written off",
    "forgiven",
)
# A party named just after one of these is the one left out ("Countries other than Norland …"), and so after
# "but" following one of ALL_OR_NONE_WORDS ("Every country but Norland sent …"; elsewhere "but" joins clauses):
# not who gave, lent or received (HOSTILE-12 C2).
EXCEPTING_WORDS: Final[tuple[str, ...]] = (
    "except for",
    "except",
    "other than",
    "apart from",
    "aside from",
    "excluding",
    "save for",
)
ALL_OR_NONE_WORDS: Final[tuple[str, ...]] = (
    "every",
    "all",
    "any",
    "each",
    "no",
    "none",
    "everyone",
    "everybody",
    "anyone",
    "anybody",
    "nobody",
    "no one",
)
# Of ALL_OR_NONE_WORDS, those that deny all others, so that "but" after them affirms what follows (HOSTILE-16 W4):
# "No country but Norland sent fuel", "Norland sent Estria nothing but fuel": Norland sent it, fuel was sent.
NONE_BUT_WORDS: Final[tuple[str, ...]] = ("no one", "nobody", "nothing", "none", "no")
# A done verb just after one of these was not done ("Norland nearly sent fuel"): no status.
ALMOST_WORDS: Final[frozenset[str]] = frozenset({"nearly", "almost", "barely", "narrowly", "all but"})
# A name just after one of these is a route or a place passed, not who receives ("sent fuel through Estria to
# Vesta", "via Estria", "near Estria", "toward Estria").
ROUTE_WORDS: Final[frozenset[str]] = frozenset(
    {"through", "via", "near", "toward", "towards", "past", "around", "across", "outside", "beside", "along"}
)
# The words just before a recipient that hand the items to it ("sent fuel to Estria", "… for Estria"); any other
# word there ("to attack Estria", "against Estria", "over Estria") makes the name another's.
RECEIVING_PREPOSITIONS: Final[frozenset[str]] = frozenset({"to", "for", "into", "unto", "with"})
# Verbs whose object, after "to" just after the items, is who they are for ("sent tanks to help Estria"); any other
# verb there ("to attack Estria", "to fight Estria") makes the name its target.
HELPING_VERBS: Final[frozenset[str]] = frozenset(
    {"help", "aid", "assist", "support", "supply", "resupply", "arm", "equip", "relieve", "rescue", "defend"}
)
# Nouns that, before "of" and the party's name, stand for the party itself ("to the government of Estria",
# "to the people of Estria"); a noun not here ("the enemies of Estria", "the harbour of Estria") names another.
PARTY_BODY_NOUNS: Final[frozenset[str]] = frozenset(
    {"government", "governments", "people", "peoples", "state", "states", "authorities", "army", "armies"}
    | {"military", "forces", "citizens", "ministry", "administration", "nation", "republic", "kingdom"}
    | {"population", "residents", "inhabitants", "leaders", "leadership", "regime", "country"}
)
# An item that names what was not given ("sent no ferries"): never told as given, promised or planned.
NONE_WORDS: Final[frozenset[str]] = frozenset({"no", "none", "neither", "nor", "zero", "nothing"})

Status = Literal[
    "provided",
    "delivered",
    "pledged",
    "approved",
    "planned",
    "possible",
    "requested",
    "under consideration",
    "declined",
    "not provided",
]
STATUSES: Final[tuple[Status, ...]] = get_args(Status)

# What each status means, for the README and the answers.
STATUS_MEANING: Final[dict[Status, str]] = {
    "provided": "done: provided, sent, given or built",
    "delivered": "done, and the article says delivered",
    "pledged": "promised; the article does not say it was done",
    "approved": "decided; the article does not say it was paid out",
    "planned": "intended; the article does not say it was done",
    "possible": "could be given; the article does not say it was decided or done",
    "requested": "asked for; the article does not say it was given",
    "under consideration": "being considered; the article tells of no decision",
    "declined": "refused",
    "not provided": "the article says it was not given",
}
# A loan's status is glossed by a loan's verbs: a loan is lent, never "built" (a field hospital is).
LOAN_STATUS_MEANING: Final[dict[Status, str]] = {
    **STATUS_MEANING,
    "provided": "done: lent, provided or given",
}

# The verbs that carry each status in an article. A `status_as_written` is read with the words
# just before it: a negation ("has not provided") turns a done verb into "not provided".
STATUS_VERBS: Final[dict[Status, tuple[str, ...]]] = {
    "provided": (
        "provided",
        "provide",
        "providing",
        "provides",
        "sent",
        "gave",
        "given",
        "built",
        "supplied",
        "lent",
        "lend",
        "loaned",
        "granted",
        "shipped",
        "donated",
        "airlifted",
        "transferred",
        "borrowed",  # told from the taker's side: `TAKING_VERBS`
    ),
    "delivered": ("delivered",),
    "pledged": ("pledged", "promised", "will provide", "would lend", "will lend"),
    "approved": ("approved",),
    # a plan: these, or a done verb after a plan's "to" ("is set to provide", `PLAN_WORDS`)
    "planned": (
        "plans to",
        "planned to",
        "planning to",
        "intends to",
        "intended to",
        "is set to",
        "are set to",
    ),
    "possible": (),  # a done verb after a modal of possibility ("could provide", "may lend": `POSSIBLE_MODALS`)
    "requested": ("asked", "requested", "sought", "called for"),
    "under consideration": ("checking the possibility", "considering", "is checking", "weighing"),
    "declined": ("rejected", "declined", "refused"),
    "not provided": (),
}
# A status verb is read by its lemma and its form as the lexicon inflects it (`bot.briefs.lexicon.verb_forms`), not
# by the exact strings above alone (hostile16 W3): "sends" and "has been sending" are `provided`, "has yet to send"
# `not provided`, "handed over" `provided`, "turned down" `declined`. A done verb's every form is read, its base
# too ("could send", "to send": the rules for "to" and the modals read it); another status's base form is not
# ("wants to reject" rejects nothing). A form that may be a noun ("ships", "supplies", "offers") is not read alone;
# a particle verb ("hand over", "turn down") is read whole, never its first word alone ("turned to Vesta").
STATUS_LEMMAS: Final[dict[Status, tuple[str, ...]]] = {
    "provided": (
        "provide",
        "send",
        "give",
        "build",
        "supply",
        "lend",
        "loan",
        "grant",
        "ship",
        "donate",
        "airlift",
        "transfer",
        "borrow",
        "hand over",
    ),
    "delivered": ("deliver",),
    "pledged": ("pledge", "promise", "offer"),
    "approved": ("approve",),
    "requested": ("ask", "request", "seek"),
    "declined": ("reject", "decline", "refuse", "turn down"),
}
# A loan's light verbs (hostile16 W3): they lend only with a loan for their object ("made a $90 million loan to
# Estria", "extended Estria a loan", "received a loan from Norland": the taker's side, as "borrowed" is). Read as
# `provided`, and refused wherever their object is not a loan (`LOAN_NOUNS`): "made a $90 million profit",
# "extended a deadline", any aid flow ("made fuel").
LOAN_LIGHT_VERBS: Final[tuple[str, ...]] = ("make", "extend", "receive")
LOAN_NOUNS: Final[tuple[str, ...]] = ("loan", "loans", "credit", "credits", "credit line", "line of credit")
# The words an amount is written in, between a light verb and its loan ("a ninety million dollar loan").
MONEY_WORDS: Final[tuple[str, ...]] = (
    "thousand",
    "million",
    "billion",
    "trillion",
    "dollar",
    "dollars",
    "euro",
)
# A verb's forms read by its lemma, each once, after the listed ones (the listed keep their order).
_LISTED_STATUS_VERBS: Final = frozenset(verb for verbs in STATUS_VERBS.values() for verb in verbs)
for _status, _lemmas in {
    **STATUS_LEMMAS,
    "provided": (*STATUS_LEMMAS["provided"], *LOAN_LIGHT_VERBS),
}.items():
    _done = _status in ("provided", "delivered")
    _forms = (form for lemma in _lemmas for form in verb_forms(lemma, base=_done))
    STATUS_VERBS[_status] = tuple(dict.fromkeys((*STATUS_VERBS[_status], *_forms)))
# The forms read by lemma of a status that tells nothing done ("approves", "offered", "asks"): the status rule
# reads them as the verb, but elsewhere in a giving's sentence they stay words the unread-verb rule reads ("lent
# Estria $90 million once parliament approves it" is a condition, not a plain fact). A refusing verb's forms are
# read by UNDOING_LATER there.
UNDONE_STATUS_FORMS: Final[frozenset[str]] = frozenset(
    verb
    for status, verbs in STATUS_VERBS.items()
    if status not in ("provided", "delivered", "declined")
    for verb in verbs
    if verb not in _LISTED_STATUS_VERBS
)
# A decision is taken on a request, and what was asked for stands after "request for" (hostile16 W3): "rejected
# Estria's request for a $90 million loan" declines the loan, "turned down a request for fuel" the fuel. Read so
# for these statuses only, with a party's possessive or a determiner before the noun.
REQUEST_NOUNS: Final[tuple[str, ...]] = (
    "request",
    "requests",
    "appeal",
    "appeals",
    "plea",
    "pleas",
    "bid",
    "bids",
)
DECIDING_STATUSES: Final[tuple[Status, ...]] = ("declined", "approved", "under consideration")
# A particle verb's forms as (verb, particle): "handed" is read only with its "over" after it.
STATUS_PARTICLE_VERBS: Final[frozenset[tuple[str, str]]] = frozenset(
    (form.split()[0], form.split()[1])
    for lemmas in STATUS_LEMMAS.values()
    for lemma in lemmas
    if " " in lemma
    for form in verb_forms(lemma)
)
# A pledge's verb before a done verb's "to" ("agreed to lend", "vowed to send"): `pledged`, by lemma.
PLEDGE_LEMMAS: Final[frozenset[str]] = frozenset({"agree", "vow", "commit", "pledge", "promise", "offer"})
# Request verbs whose subject is who asks and whose object is who is asked ("Ukraine also asked Israel for a
# loan"); "called for X to send … to Y" names the giver and the receiver the other way round.
ASKING_VERBS: Final[tuple[str, ...]] = ("asked", "requested", "sought")
# Done verbs whose subject is who receives, and whose giver follows "from" ("Estria borrowed $9 million from
# Norland"): the taker stands before the verb, as an asker does.
TAKING_VERBS: Final[tuple[str, ...]] = tuple(
    dict.fromkeys(("borrowed", *verb_forms("borrow"), *verb_forms("receive")))
)
# A status verb after one of these is passive: who does it is the agent after "by" ("a loan was provided to
# Ukraine by Japan"), not the party before the verb.
PASSIVE_AUXILIARIES: Final[tuple[str, ...]] = ("was", "were", "is", "are", "been", "being", "be")
NEGATIONS: Final[tuple[str, ...]] = ("not", "never", "no", "n't", "without", "nor")
# "has not provided military aid beyond helmets": what comes after "beyond" was given.
NEGATION_EXCEPTIONS: Final[tuple[str, ...]] = ("beyond", "except", "other than", "apart from")
NEGATION_REACH: Final = 3  # words before a status verb in which a negation turns it
# A status is said of its item, read in the verb's own clause (`bot.briefs.article` clauses): the item is
# the verb's object ("has sent several planeloads of …"), with only these words or the item's parties between
# ("have called for Israel to send military aid"), or its subject just before it ("MILITARY AID, delivered").
# "we've built tremendous momentum for donations and delivery of military assistance" builds momentum.
LINK_WORDS: Final[tuple[str, ...]] = (
    "a",
    "an",
    "the",
    "to",
    "for",
    "with",
    "also",
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "been",
    "send",
    "provide",
    "give",
    "supply",
    "deliver",
    "lend",
    "build",
)
# A loan's amount is its status verb's own object (HOSTILE-12 A1–A4): between the verb and the amount stand only
# the deal's parties, `LINK_WORDS` and these ("has provided Ukraine with a $600 million loan", "asked Israel for
# a loan of half-a-billion dollars"); anything else ("Estria $2 million, down from", "Vesta lent it") makes the
# amount another figure of the sentence.
LOAN_OBJECT_WORDS: Final[tuple[str, ...]] = (
    "of",
    "loan",
    "loans",
    "credit",
    "credits",
    "new",
    "fresh",
    "all",
    "its",
    "their",
)
# Words of focus just before a loan's amount that leave the sum as it is ("lent Estria only $90 million", "just
# $90 million", "merely …"): the amount is still the verb's own object (TASK-when A).
SUM_FOCUS_WORDS: Final[tuple[str, ...]] = ("only", "just", "merely")
# Told before its verb, the amount is the subject of a passive ("a $9 million loan was lent to Estria by
# Norland"): between them only the parties and these.
LOAN_SUBJECT_WORDS: Final[tuple[str, ...]] = (
    "a",
    "an",
    "the",
    "of",
    "to",
    "for",
    "loan",
    "loans",
    "credit",
    "credits",
    *PASSIVE_AUXILIARIES,
    "has",
    "have",
    "had",
)
# An object that points back ("rejected the possibility") is said of what the clause before it names.
BACK_REFERENCES: Final[tuple[str, ...]] = (
    "the possibility",
    "the request",
    "the call",
    "the idea",
    "the proposal",
    "the offer",
    "it",
    "this",
    "that",
)

# A sentence with one of these gives a reason: "He told the ministers that he was concerned Russia would …".
REASON_MARKERS: Final[tuple[str, ...]] = (
    "concerned",
    "because",
    "fearing",
    "feared",
    "for fear",
    "worried",
    "due to",
    "citing",
    "in order to",
    "so that",
)

# An attribution, a reason or a status phrase that ends on one of these while its clause goes on stops
# mid-clause: what follows is what it says ("he was concerned Russia would" | "shoot down …").
CUT_ENDINGS: Final[tuple[str, ...]] = (
    "would",
    "could",
    "might",
    "will",
    "should",
    "to",
    "that",
    "of",
    "for",
    "the",
    "a",
    "an",
    "and",
    "or",
    "but",
    "if",
    "whether",
    "was",
    "were",
    "is",
    "are",
    "be",
)

# What an attribution is to its fact. A `source` says who makes the claim ("a senior diplomatic source said");
# a `hedge` qualifies it ("is expected to"); a `reason` is why, as the account gives it, whole ("He told the
# ministers that he was concerned Russia would shoot down Israel Air Force planes"); a `caveat` is said about the claim without being
# its source (a no-comment: "All three ministers' spokespeople said they do not comment …"); a `response` is
# another party's answer to it ("The Prime Minister's Office said it is checking the possibility"); a
# `mention` is a claim the fact is only named in (Putin, in "Prime Minister Naftali Bennett has also argued").
AttributionRole = Literal["source", "hedge", "reason", "caveat", "response", "mention", "account ended"]
ATTRIBUTION_ROLES: Final[tuple[AttributionRole, ...]] = get_args(AttributionRole)
# How each role is labelled beside its fact, in the order the lines are shown.
ROLE_LABELS: Final[dict[AttributionRole, str]] = {
    "source": "Who says so",
    "hedge": "Hedge",
    "reason": "Reason given",
    "response": "Response",
    "caveat": "Caveat",
    "mention": "Mentioned in a claim",
    # the editor's override of an opened account ("Oster said it … . The crews …"): the opening words, given
    # with this role on a fact told after them, say that the editor reads it as the article's own
    "account ended": "The editor's reading, told as the article's own words, not in the account opened by",
}

AidKind = Literal[
    "military", "humanitarian", "protective equipment", "medical", "financial", "diplomatic", "other"
]
AID_KINDS: Final[tuple[AidKind, ...]] = get_args(AidKind)
# A kind is the editor's category, but it must be one the evidence talks about.
AID_KIND_WORDS: Final[dict[AidKind, tuple[str, ...]]] = {
    "military": ("military", "weapons", "arms", "ammunition"),
    "humanitarian": ("humanitarian",),
    "protective equipment": ("helmets", "protective", "vests", "body armor", "body armour"),
    "medical": ("hospital", "medical", "medicine", "medicines"),
    "financial": ("loan", "grant", "million", "billion", "funds", "money"),
    "diplomatic": ("diplomatic", "diplomacy"),
    "other": (),
}

CreditKind = Literal["photo", "image", "contributed", "byline"]
CREDIT_KINDS: Final[tuple[CreditKind, ...]] = get_args(CreditKind)
# The words that make a line a credit, by kind; a person's evidence may not be one.
CREDIT_WORDS: Final[dict[CreditKind, tuple[str, ...]]] = {
    "photo": ("photo credit", "credit", "photo:"),
    "image": ("image credit", "credit", "image:"),
    "contributed": ("contributed to this report",),
    "byline": ("by",),
}
CREDIT_LINE_WORDS: Final[tuple[str, ...]] = ("photo credit", "credit:", "contributed to this report")
# Words for the people a credit names, after the publication's name ("Jerusalem Post Staff contributed to this
# report."): the publisher is the publication ("Jerusalem Post"), not its staff. A publisher ending with one of
# these is refused, and `briefbot new` proposes the name before it.
CREDIT_STAFF_WORDS: Final[frozenset[str]] = frozenset(
    {"staff", "staffer", "staffers", "reporters", "correspondents", "writers", "contributors"}
)  # not "Reporter", "Correspondent", "Desk": a publication's own name may end so ("The Harbour Reporter")
# The shapes of a credit line no list of words above names (REVIEW-7 C23), read on the whole line: a line in
# brackets ("(Photo: Kay Lin/Reuters)"), a credit's label and colon ("Graphics: …", "Photo: …"), who did the
# work ("Reporting by …", "Editing by …", "Image via …", "Photo courtesy of …"), or a name and its agency after
# a slash ("Kay Lin/Reuters"). A line of names alone, with no word in small letters but small words ("Ivo
# Renn, Norland Press"), says nothing happened: it is a credit too.
CREDIT_SHAPES: Final[tuple[str, ...]] = (
    r"^\(.*\)\.?$",
    r"^(?:photo|photos|photograph|photographs|picture|pictures|image|images|graphic|graphics|illustration|video"
    r"|map|chart|footage|source|sources|credit|credits)\s*(?:credit)?\s*:",
    r"^(?:additional\s+)?(?:reporting|editing|writing|compiled|produced|edited|translated|written|photos?"
    r"|photographs?|pictures?|images?|graphics|illustrations?|video|footage|research)\s+(?:by|via|from)\b",
    r"^(?:image|photo|picture|video|footage|graphic)s?\s+(?:via|courtesy(?:\s+of)?)\b",
    r"\b[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*\s*/\s*[A-Z]",
)
CREDIT_SMALL_WORDS: Final[frozenset[str]] = frozenset(
    {"and", "of", "by", "for", "the", "via", "at", "in", "&"}
)

# A month named without its year: not counted from the article's date, but missing its year.
MONTH_NAMES: Final[tuple[str, ...]] = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)

# Times an article gives relative to its own date (and months, which need the date for their year).
RELATIVE_TIME_WORDS: Final[tuple[str, ...]] = (
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "this week",
    "last week",
    "next week",
    "this month",
    "last month",
    "next month",
    "this year",
    "last year",
    "next year",
    "ago",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    *MONTH_NAMES,
)

# A passage or an event's `what` may not start just after words that make what follows unreal or its opposite
# (REVIEW-7 C2, C4): a modal ("would | shoot down …", "should | find a solution"), a verb of avoiding ("avoid |
# a confrontation"), the "to" of an infinitive governed by one of TO_GOVERNORS ("reticence to | help Ukraine",
# "going to | move even faster", "failed to | …") or by an asked party ("called for Israel to | send …"), or a
# done verb that a negation turns ("has not provided | military aid …").
AVOIDING_WORDS: Final[frozenset[str]] = frozenset(
    {"avoid", "avoids", "avoided", "avoiding", "prevent", "prevents", "prevented", "preventing", "averted"}
    | {"avert", "averts", "averting", "stop", "stops", "stopped", "stopping", "halt", "halted", "without"}
)
TO_GOVERNORS: Final[frozenset[str]] = frozenset(
    {
        "reticence",
        "reluctance",
        "refusal",
        "refused",
        "refuse",
        "refuses",
        "refusing",
        "failed",
        "fail",
        "fails",
    }
    | {
        "failure",
        "unable",
        "unwilling",
        "reluctant",
        "hesitant",
        "want",
        "wants",
        "wanted",
        "wanting",
        "hope",
    }
    | {
        "hopes",
        "hoped",
        "hoping",
        "going",
        "trying",
        "tried",
        "try",
        "tries",
        "need",
        "needs",
        "needed",
        "about",
    }
    | {
        "ought",
        "used",
        "seeks",
        "seek",
        "sought",
        "aims",
        "aim",
        "aimed",
        "plans",
        "plan",
        "planned",
        "intends",
    }
    | {
        "intend",
        "intended",
        "expected",
        "likely",
        "unlikely",
        "set",
        "due",
        "threatened",
        "threatens",
        "promised",
    }
    | {"promises", "pledged", "offered", "agreed", "declined", "decided", "vowed", "yet", "ready", "willing"}
    | {
        "able",
        "mechanism",
        "effort",
        "efforts",
        "attempt",
        "attempts",
        "bid",
        "order",
        "way",
        "how",
        "whether",
    }
)
ASKING_TO: Final[frozenset[str]] = frozenset(
    {"for", "asked", "urged", "told", "pressed", "pushed", "called", "wants", "wanted", "begged", "invited"}
)

# What each field's words must be (`bot.briefs.kinds`, REVIEW-7 C25). A party (donor, recipient, lender,
# borrower, `by`) neither starts nor ends with one of these ("in a letter", "by Ukrainian Ambassador", "Israel
# for"), and a place or a manner does not end with one; a party may start with a determiner ("the council").
PARTY_EDGE_WORDS: Final[frozenset[str]] = frozenset(
    {"the", "a", "an", "in", "at", "on", "of", "to", "for", "from", "by", "with", "into", "onto", "over"}
    | {"under", "after", "before", "since", "until", "during", "via", "through", "beyond", "against", "about"}
    | {"and", "or", "but", "nor", "while", "as", "than", "that", "which", "who", "whom", "whose", "its"}
    | {"their", "his", "her", "our", "has", "have", "had", "is", "are", "was", "were", "be", "been", "also"}
    | {"not", "no", "last", "next", "this", "these", "those", "some", "any", "such", "outside", "inside"}
)
# A `when` holds one of these (or a year, or a clock time), or opens with one of TIME_OPENINGS.
TIME_WORDS: Final[tuple[str, ...]] = (
    *RELATIVE_TIME_WORDS,
    *(
        f"{unit}{s}"
        for unit in ("day", "week", "month", "year", "decade", "century", "hour", "minute")
        for s in ("", "s")
    ),
    *("morning", "afternoon", "evening", "night", "noon", "midnight", "dawn", "dusk", "weekend", "overnight"),
    *("spring", "summer", "autumn", "winter", "earlier", "later", "recently", "previously", "then", "now"),
    *("beginning", "start", "end", "middle", "early", "late", "time", "times"),
)
TIME_OPENINGS: Final[frozenset[str]] = frozenset(
    {"during", "before", "after", "since", "until", "till", "throughout", "when", "while", "once"}
)
# The other words a `when` may hold beside its time words and numbers (REVIEW-7 brute force): "on", "the", "of",
# "last", "early", … A word outside them and TIME_WORDS ("of 50 countries on Wednesday", "Kyiv yesterday",
# "took place three months ago") is what happened or where, not when; after a TIME_OPENINGS word, or after
# "beginning of", "end of", …, the words name an event ("during the war", "at the beginning of the … war").
TIME_GLUE: Final[frozenset[str]] = frozenset(
    {"the", "a", "an", "of", "on", "in", "at", "by", "from", "to", "over", "within", "around", "about", "for"}
    | {"between", "through", "and", "or", "last", "next", "this", "that", "past", "previous", "coming"}
    | {"following", "same", "early", "late", "mid", "recent", "first", "final", "every", "each", "few"}
)
# Words that qualify the noun after them and name nothing alone: a `where` does not end on one ("in a previous |
# American-led meeting"). Any word the lexicon holds only as an adjective ("previous", `bot.briefs.lexicon`) is
# one; these are the compounds it does not hold: "US-led", "Iranian-backed".
MODIFIER_SUFFIXES: Final[tuple[str, ...]] = ("-led", "-backed", "-based", "-run", "-owned", "-made", "-level")
# Words just before a time that belong to it: a `when` cut after one ("last | week", "three | months ago",
# "the | beginning of …") leaves out what says which time.
TIME_MODIFIERS: Final[frozenset[str]] = frozenset(
    {"the", "a", "an", "last", "next", "this", "that", "past", "previous", "coming", "following", "same"}
    | {"early", "late", "mid", "recent", "first", "final", "every", "each", "few", "several"}
)
# Words that bound a time rather than place the event at it ("by 2027": a deadline; "before May", "until March"):
# a `when` cut just after one is cut from what it says (REVIEW-8 D5).
TIME_BOUNDS: Final[frozenset[str]] = frozenset(
    {"by", "before", "after", "until", "till", "since", "from", "around", "about", "circa", "approximately"}
    | {"roughly", "through", "between", "within", "toward", "towards", "ahead", "past", "no", "not", "almost"}
)
# … and phrases that do the same (TASK-when B: "no later than Monday" is a deadline, not when it was done; "ahead of
# Monday's vote", "in time for …", "within a week of …"): a `when` cut just after one is cut from what it says;
# written whole ("no later than Monday") the phrase opens a `when`, as "before" does. "of", "to" and "than" just
# before a time join it to the words before them ("the end of May", "from Monday to Friday", "earlier than …").
TIME_BOUND_PHRASES: Final[tuple[str, ...]] = (
    *("no later than", "not later than", "no earlier than", "not earlier than", "no sooner than"),
    *("in time for", "ahead of", "prior to", "up to", "up until", "as late as", "as early as", "as of"),
    *("in the run-up to", "in the lead-up to", "due on", "due in", "due by"),
)
TIME_JOINING_WORDS: Final[frozenset[str]] = frozenset({"of", "to", "than"})
# A `how` opens with one of these, or with a participle or an adverb ("conveyed …", "secretly").
HOW_OPENINGS: Final[frozenset[str]] = frozenset(
    {"in", "by", "with", "through", "via", "on", "under", "as", "from", "using", "at", "over", "without"}
    | {"aboard", "across", "along", "behind", "inside", "into", "per", "thanks", "after", "for"}
)

# A sentence opening with one of these, then a comma, sets the scene for all of it ("In Security Cabinet
# meetings, … have called for …, but Bennett rejected the possibility"): where a deal of its clauses was made.
SETTING_PREPOSITIONS: Final[tuple[str, ...]] = ("in", "at", "during", "on", "inside", "within")

# Words that stand for someone or something named before: an entry led by one is about whoever that is
# ("He can be seen in a video posted to the Twitter account of … Lloyd Austin": "He" is Mezushan).
PRONOUNS: Final[tuple[str, ...]] = (
    "he",
    "she",
    "it",
    "they",
    "him",
    "her",
    "them",
    "his",
    "its",
    "their",
    "this",
    "these",
    "those",
)

# Pronouns that are determiners before a noun ("This money will …", "These cranes …", REPORT-reader17 finding 6):
# there they stand for no one (`bot.briefs.check.opening_pronoun`).
DEMONSTRATIVES: Final[frozenset[str]] = frozenset({"this", "that", "these", "those"})

# Words that point back to something told before ("Ukraine also asked Israel …"): a heading holding one
# says "also" of what it does not show.
POINTING_BACK: Final[tuple[str, ...]] = ("also", "too", "again", "as well", "likewise", "another")

# Words that title a person ("Prime Minister Naftali Bennett", "Ambassador Alex Ben-Zvi"), as written
# (capitalised): `briefbot new` offers a [[people]] candidate for each titled name it reads.
PERSON_TITLES: Final[frozenset[str]] = frozenset(
    (
        "President",
        "Minister",
        "Secretary",
        "Ambassador",
        "Director",
        "Chancellor",
        "Governor",
        "Mayor",
        "General",
        "Admiral",
        "Colonel",
        "Commander",
        "Spokesperson",
        "Spokesman",
        "Spokeswoman",
        "Chief",
        "Chairman",
        "Chairwoman",
        "Chair",
        "Senator",
        "Commissioner",
        "Envoy",
        "Premier",
        "King",
        "Queen",
        "Judge",
    )
)

# Where something happened is the place a preposition puts it in: "in Brussels", "at Ben-Gurion Airport", "from
# Mariupol's Azovstal Iron and Steelworks". A name after any other word ("support Ukraine", "asked Israel", "aid to
# Kyiv", "outside Kyiv") is not where it happened; a `where` may also open with a preposition of its own
# ("In Security Cabinet meetings", "outside Kyiv"), which it then shows.
PLACE_PREPOSITIONS: Final[tuple[str, ...]] = ("in", "at", "inside", "within", "across", "from", "into")
PLACE_OPENINGS: Final[tuple[str, ...]] = (
    *PLACE_PREPOSITIONS,
    "outside",
    "near",
    "off",
    "north of",
    "south of",
    "east of",
    "west of",
    "during",
)
# After an event's what, words that open another phrase (HOSTILE-13 E5–E9): a time or place after them is that
# phrase's ("ahead of a vote on Monday", "; Estria did so on Monday", "as Estria did on Monday"), not the event's.
EVENT_PHRASE_STOPS: Final[tuple[str, ...]] = (
    ";",
    "as",
    "ahead of",
    "before",
    "after",
    "until",
    "since",
    "following",
    "prior to",
    "while",
    "whereas",
    "because",
    "when",
    "which",
    "who",
    "where",
    "than",
)
# After an event's what, subject pronouns that open a clause of its own ("…, like he did on Monday"): a time or
# place after one is that clause's (HOSTILE-14 J1), as after an auxiliary or a verb (`_clause_opening`).
EVENT_CLAUSE_SUBJECTS: Final[frozenset[str]] = frozenset({"he", "she", "it", "they", "we", "i", "you"})
# After a time or place of an event, words that make it one of two or a bound ("on Monday night, or early Tuesday",
# "on Monday at the earliest"): the value must hold them.
EVENT_VALUE_QUALIFIERS: Final[tuple[str, ...]] = (
    "or",
    "at the earliest",
    "at the latest",
    "at the soonest",
    "or so",
    "at least",
    "at most",
)
# Before an event's place, words that put it elsewhere ("far from Vesta", "from Vesta by video"): the place is
# where it was told from or away from, not where it happened.
EVENT_AWAY_WORDS: Final[tuple[str, ...]] = ("far from", "away from", "from")

# An event is what happened: words that make it an expectation, an intention or a possibility ("the IAF should
# find a solution", "Russia would shoot down …") head no event.
EXPECTATION_WORDS: Final[tuple[str, ...]] = (
    "would",
    "should",
    "could",
    "might",
    "will",
    "may",
    "shall",
    "must",
    "plans to",
    "is expected to",
    "are expected to",
    "going to",
    "set to",
    "due to",
    "intends to",
    "aims to",
    "hopes to",
)

# A source whose subject is one of these says that no one says so ("No one claims …", "…, nobody said."): the fact
# is denied, not told as anyone's account (HOSTILE-14 E).
NOBODY_SUBJECTS: Final[tuple[str, ...]] = ("no one", "nobody", "none", "not one", "not a single", "neither")
# Who says so names someone: a saying verb with only these words beside it ("has also argued") names no one.
NAMING_NO_ONE: Final[frozenset[str]] = frozenset(
    {
        "has",
        "have",
        "had",
        "also",
        "is",
        "was",
        "were",
        "are",
        "been",
        "be",
        "then",
        "later",
        "further",
        "earlier",
    }
)
# Markers that tell a second-hand claim without naming anyone, as the article writes them.
SOURCELESS_MARKERS: Final[tuple[str, ...]] = ("reportedly", "allegedly")

# The names a country goes by (its capital, its people's adjective), so that an alias cannot give one country's
# name to another ("Kyiv" is Ukraine's, never Russia's). A word listed for no country is the editor's to declare;
# extend as articles need.
PLACE_NAMES: Final[dict[str, tuple[str, ...]]] = {
    "Ukraine": ("Kyiv", "Kiev", "Ukrainian", "Ukrainians"),
    "Israel": ("Jerusalem", "Israeli", "Israelis"),
    "Russia": ("Moscow", "Kremlin", "Russian", "Russians", "Russian Federation"),
    "United States": ("US", "U.S.", "USA", "America", "American", "Americans", "Washington"),
    "United Kingdom": ("UK", "U.K.", "Britain", "British", "London"),
    "Japan": ("Tokyo", "Japanese"),
    "Germany": ("Berlin", "German", "Germans"),
    "Canada": ("Ottawa", "Canadian", "Canadians"),
    "France": ("Paris", "French"),
    "Italy": ("Rome", "Italian"),
    "Spain": ("Madrid", "Spanish"),
    "Poland": ("Warsaw", "Polish"),
    "Belarus": ("Minsk", "Belarusian"),
    "Syria": ("Damascus", "Syrian", "Syrians"),
    "Iran": ("Tehran", "Iranian", "Iranians"),
    "China": ("Beijing", "Chinese"),
    "Turkey": ("Ankara", "Turkish"),
    "Egypt": ("Cairo", "Egyptian"),
    "Jordan": ("Amman", "Jordanian"),
    "Lebanon": ("Beirut", "Lebanese"),
    "India": ("New Delhi", "Indian"),
    "Australia": ("Canberra", "Australian"),
}

# What ties an alias to its name (HOSTILE-16 F9; `check._alias_unevidenced`): an alias gives one party's words
# to another only when the two are evidenced as the same party. Beside the names PLACE_NAMES knows beforehand,
# these are read. A demonym or adjective is the name with one of these endings ("Norlandic", "Norlanders",
# "Estrian" of "Estria", "Israeli"); a body of the name is a phrase of its state's organs (STATE_ORGAN_NOUNS:
# "the Norland government", "Norland's foreign ministry"); the article ties them by an apposition of its capital
# ("Norland's capital, Vesta,", "Vesta, the capital of Norland,"), a parenthesis ("the Norlandic government
# (Vesta)", "(or Vesta)") or one of ALIAS_LINKS ("Norland, also known as Vesta,").
DEMONYM_ENDINGS: Final[tuple[str, ...]] = (
    "ic",
    "ian",
    "ians",
    "an",
    "ans",
    "n",
    "ns",
    "ese",
    "ish",
    "i",
    "is",
    "er",
    "ers",
)
CAPITAL_NOUNS: Final[tuple[str, ...]] = ("capital", "capital city", "seat of government")
ALIAS_LINKS: Final[tuple[str, ...]] = ("also known as", "known as", "a.k.a.", "aka", "also called")

# A time just after one of these ("said on Monday that …") is when it was said, not when what was said happened.
SAYING_VERBS: Final[tuple[str, ...]] = (
    "said",
    "says",
    "told",
    "stated",
    "announced",
    "added",
    "warned",
    "argued",
    "claimed",
    "insisted",
    "responded",
    "reported",
    "wrote",
    "writes",
)

# Verbs (base forms) that only report speech, telling nothing of their own of what the words they report point back
# to: a later sentence about a fact that holds one of these and nothing else of saying ("Quill told reporters after
# the reopening that it went well.", "Officials said the storm sank three ferries.") is read for what it reports,
# as it would be read told plainly; it does not deny, doubt, ask, correct or undo the fact (REPORT-reader17 finding
# 4). Verbs that doubt, deny, dispute or only claim ("claim", "insist", "allege", "deny") are not among them.
REPORTING_VERBS: Final[frozenset[str]] = frozenset(
    {"say", "tell", "add", "announce", "state", "explain", "note", "report", "confirm", "describe", "recount"}
    | {"remark", "comment", "reply", "respond", "write", "post", "brief", "mention", "recall", "observe"}
)

# Verbs (base forms) that, closing a sentence after who says or thinks so (", the Vesta Herald reported.",
# ", officials believe."), put the sentence in someone's mouth or mind and undo nothing (`bot.briefs.unread`): any
# other verb closing a sentence after a giving ("…, a shipment since impounded.") refuses a done status. Add a
# verb here when it says who says so; the fact still needs an attribution that covers it.
CLAIMING_VERBS: Final[frozenset[str]] = frozenset(
    {
        "say",
        "tell",
        "state",
        "announce",
        "add",
        "warn",
        "argue",
        "claim",
        "insist",
        "respond",
        "report",
        "write",
    }
    | {"believe", "think", "fear", "hope", "suspect", "estimate", "allege", "assert", "contend", "maintain"}
    | {"note", "confirm", "acknowledge", "admit", "understand", "reckon", "assess", "conclude", "dispute"}
    | {"deny", "concede", "recount", "explain", "stress", "suggest", "indicate", "calculate", "speculate"}
    | {"guess", "predict", "surmise", "observe", "comment", "remark", "reply", "declare", "testify", "reveal"}
    | {
        "disclose",
        "assure",
        "emphasise",
        "emphasize",
        "complain",
        "boast",
        "caution",
        "imply",
        "hint",
        "wonder",
    }
    | {"doubt", "presume", "assume", "expect", "recognise", "recognize", "contest", "counter", "charge"}
    # a question's verbs: ", Vesta queried." asks, and undoes nothing (HOSTILE-12 Q2)
    | {"query", "inquire", "enquire", "ask"}
)

# Words of a person's name that are written in small letters ("Ursula von der Leyen", "Mohammed bin Salman").
NAME_PARTICLES: Final[frozenset[str]] = frozenset(
    {
        "de",
        "del",
        "della",
        "der",
        "den",
        "di",
        "da",
        "das",
        "do",
        "dos",
        "du",
        "la",
        "le",
        "van",
        "von",
        "bin",
        "ibn",
    }
    | {"al", "el", "ben", "bint", "y", "e", "zu", "ter", "ten", "op", "af", "av"}
)

# Nouns that describe a person ("the harbour master", "Lina Vos's deputy", "a spokeswoman"): a pronoun after a
# sentence that describes one may stand for that person, not only for someone it names. Singular forms;
# PERSON_NOUN_PLURALS gives their plurals ("officials", "deputies", "spokesmen"), which "they" may stand for.
PERSON_NOUNS: Final[frozenset[str]] = frozenset(
    {"minister", "deputy", "master", "harbourmaster", "harbormaster", "official", "spokesperson", "spokesman"}
    | {"spokeswoman", "president", "mayor", "governor", "director", "chairman", "chairwoman", "chairperson"}
    | {"secretary", "ambassador", "envoy", "diplomat", "aide", "adviser", "advisor", "assistant", "officer"}
    | {"commander", "captain", "chief", "manager", "leader", "councillor", "councilor", "senator", "judge"}
    | {"lawyer", "negotiator", "inspector", "engineer", "worker", "resident", "witness", "colleague"}
    | {"counterpart", "representative", "delegate", "premier", "chancellor", "commissioner", "prosecutor"}
    | {"doctor", "owner", "farmer", "fisherman", "pilot", "driver", "employee", "partner", "husband", "wife"}
    | {"man", "woman", "person", "son", "daughter", "mother", "father", "brother", "sister", "businessman"}
    | {"businesswoman", "king", "queen", "guard", "keeper", "clerk", "operator", "head", "boss", "analyst"}
    | {"someone", "somebody"}
)
# Person nouns that name someone of their own with no determiner: "Tom Vos met someone from the port."
DETERMINED_PERSON_NOUNS: Final[frozenset[str]] = frozenset({"someone", "somebody"})
# Person nouns that say which pronoun the person takes: "he" after "Lina Vos met the spokeswoman" is not her.
PERSON_NOUN_PRONOUNS: Final[dict[str, frozenset[str]]] = {
    "he": frozenset({"spokesman", "chairman", "fisherman", "businessman", "man", "husband", "son", "father"})
    | frozenset({"brother", "king"}),
    "she": frozenset({"spokeswoman", "chairwoman", "businesswoman", "woman", "wife", "daughter", "mother"})
    | frozenset({"sister", "queen"}),
}
# Words before a person noun that make it someone of its own ("the minister", "his deputy", "a spokeswoman");
# a bare singular ("became minister") names no one.
PERSON_NOUN_DETERMINERS: Final[frozenset[str]] = frozenset(
    {"the", "a", "an", "his", "her", "their", "its", "our", "this", "that", "another", "one", "each", "every"}
)
# Words before that determiner that make the person noun say who someone named already is, not another
# ("Tom Berg is the harbour master", "Vos, as the minister, …", "Berg was named the deputy").
SAME_PERSON_WORDS: Final[frozenset[str]] = frozenset(
    {"is", "was", "are", "were", "be", "been", "being", "became", "becomes", "become", "remains", "remained"}
    | {"as", "named", "appointed", "elected", "serves", "served", "serving"}
)
# One-word names of news agencies, whom an article names as it names a person ("Tom Berg told Reuters …") but
# whom no "he" or "she" stands for; the brief's publisher is read too.
NEWS_AGENCY_NAMES: Final[frozenset[str]] = frozenset(
    {"Reuters", "Bloomberg", "Interfax", "Xinhua", "Yonhap", "Kyodo", "Anadolu", "Axios", "Politico", "Ynet"}
)
# Last words of a publication's name ("Vesta Herald", "Oster Times"): a name closing a claim after a comma is
# who says so when it is one of NEWS_AGENCY_NAMES or ends on one of these, even after a noun phrase it could
# otherwise rename ("… to its neighbour, Estria." is an apposition: `bot.briefs.unread.unmarked_sources`).
OUTLET_WORDS: Final[frozenset[str]] = frozenset(
    {"herald", "times", "post", "news", "press", "gazette", "tribune", "journal", "telegraph", "chronicle"}
    | {"daily", "radio", "television", "tv", "agency", "wire", "observer", "courier", "guardian", "review"}
    | {"bulletin", "dispatch", "monitor", "magazine", "weekly", "broadcasting", "media"}
)
# Nouns after a one-word name's possessive that make it a place's or a state's, not a person's ("Estria's
# port", "Vesta's army"), beside PLACE_NAME_WORDS, ORGANISATION_WORDS and STATE_ORGAN_NOUNS.
PLACE_OWNED_NOUNS: Final[frozenset[str]] = frozenset(
    {"capital", "economy", "coast", "north", "south", "east", "west", "border", "borders", "people", "ports"}
    | {"cities", "city", "towns", "harbours", "military", "territory", "waters", "airspace", "population"}
)
# Words just before a one-word name that make it a person's ("Tom Vos met Berg", "thanked Berg", "spoke to
# Berg"), when the article gives it no sign of a place or a body: a capitalised word alone may be either.
PERSON_SLOT_WORDS: Final[frozenset[str]] = frozenset(
    {"met", "meets", "meeting", "thanked", "thanks", "told", "tells", "telling", "urged", "phoned", "called"}
    | {"interviewed", "praised", "criticised", "criticized", "accused", "replaced", "succeeded", "hired"}
    | {"fired", "sacked", "like", "unlike", "beside", "alongside", "spoke to", "spoke with", "met with"}
    | {"talked to", "talked with", "speaking to", "speaking with", "talks with", "sat with"}
)
PERSON_NOUN_PLURALS: Final[dict[str, str]] = {
    **{f"{n[:-3]}men": n for n in PERSON_NOUNS if n.endswith("man")},
    **{f"{n[:-1]}ies": n for n in PERSON_NOUNS if n.endswith("y") and n[-2:-1] not in "aeiou"},
    **{f"{n}es": n for n in PERSON_NOUNS if n.endswith(("s", "sh", "ch"))},
    "people": "person",
    "spokespeople": "spokesperson",
    "wives": "wife",
    "chiefs": "chief",
}


# Pronouns that attribute a quotation to whom the sentence before names ("“We open on Monday,” she added.").
SPEAKING_PRONOUNS: Final[frozenset[str]] = frozenset({"he", "she", "they"})
# Words that open a sentence before its subject ("But he …", "Then she …"): a key point whose first sentence's
# subject is a pronoun for someone named elsewhere (SPEAKING_PRONOUNS: "He can be seen …", "On Monday, she sent
# …") is shown to readers with no one named, so its passage takes in the sentence that names whom it stands for
# (`bot.briefs.check.pronoun_subject`).
KEY_POINT_OPENERS: Final[frozenset[str]] = frozenset(
    {"and", "but", "yet", "so", "then", "still", "also", "however", "meanwhile", "instead", "later", "now"}
)
# Titles that say which pronoun a person takes, as the article writes them just before a name ("Mrs Ada Quill"):
# "he" after "Mrs Ada Quill thanked Mr Ben Oster" is not Mrs Quill. A person with none could be either.
PRONOUN_TITLES: Final[dict[str, frozenset[str]]] = {
    "he": frozenset(
        {"Mr", "Mr.", "Sir", "Lord", "King", "Prince", "Spokesman", "Chairman", "Congressman"}
        | {"Businessman", "Father", "Brother", "Monsieur", "Herr", "Señor"}
    ),
    "she": frozenset(
        {"Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dame", "Lady", "Queen", "Princess", "Spokeswoman"}
        | {"Chairwoman", "Congresswoman", "Businesswoman", "Mother", "Sister", "Madame", "Frau", "Señora"}
    ),
}

# A done verb is not done after a modal ("could provide": a possibility) or "to" ("is set to provide": a
# plan), unless the words before the "to" say it has not happened yet ("has yet to provide", "failed to
# deliver": not provided). Adverbs between are skipped ("could also provide").
MODAL_WORDS: Final[frozenset[str]] = frozenset(
    {"could", "can", "might", "may", "should", "must", "would", "will", "shall", "ought"}
)
NOT_YET_WORDS: Final[frozenset[str]] = frozenset({"yet", "failed", "fails", "fail", "neglected"})
# A done verb after "to" with one of these before it is a plan ("is set to provide", "intends to lend"):
# `planned`; after one of these modals, a possibility ("could provide", "may lend"): `possible`. Other modals
# ("would", "should", "must") and other verbs before "to" ("wants to provide") tell no status.
PLAN_WORDS: Final[frozenset[str]] = frozenset(
    {"plans", "plan", "planned", "planning", "intends", "intend", "intended", "set", "scheduled", "aims"}
)
POSSIBLE_MODALS: Final[frozenset[str]] = frozenset({"could", "can", "may", "might"})
VERB_ADVERBS: Final[frozenset[str]] = frozenset(
    {"also", "already", "now", "just", "finally", "still", "then", "recently", "previously", "reportedly"}
    | {"first", "again", "later"}  # "Norland first sent fuel …": its subject is Norland
)

# Words for the speaker or the one spoken to ("we’ve built …", "our", "you"): a heading opening with one stands
# for someone named elsewhere, as one opening with "he" does.
SPEAKER_PRONOUNS: Final[frozenset[str]] = frozenset({"i", "we", "us", "our", "my", "you", "your"})
# The last word of a name that makes it a body, not a person ("Security Cabinet", "Ukraine Defense Contact Group").
ORGANISATION_WORDS: Final[frozenset[str]] = frozenset(
    {"cabinet", "group", "office", "ministry", "council", "committee", "agency", "forces", "force", "army"}
    | {"navy", "government", "parliament", "company", "bank", "fund", "union", "alliance", "party", "bureau"}
    | {"department", "commission", "staff", "corporation", "news", "association", "organisation"}
    | {"organization", "authority", "administration", "embassy", "airport", "steelworks", "institute"}
    | {"university", "police", "coalition", "federation"}
)  # not "Court", "Post", "Bank", "Mission" or "Times": surnames too ("Margaret Court")
# What the article writes beside a name that shows it names a body or a place, not a person, when it gives that
# name no person's title or role anywhere: a member's noun after it ("Korvan militants", "Hamas’s fighters"), a
# body's noun before it ("the movement Selvar", "militant group Korvan"), "which" after it ("Korvan, which
# controls …"), or a place's preposition before it ("held in Mirren"). ORGANISATION_WORDS and PLACE_NAMES list
# only the bodies and places known beforehand; these read the article's own signals.
MEMBER_NOUNS: Final[frozenset[str]] = frozenset(
    {"militants", "fighters", "gunmen", "operatives", "members", "officials", "leaders", "leadership"}
    | {"commanders", "spokesman", "spokeswoman", "spokesperson", "wing", "ranks", "headquarters", "militia"}
    | {"militiamen", "troops", "soldiers", "rockets", "delegation", "negotiators"}
)
# A party named as the owner or the qualifier of a verb's subject ("Norland's navy sent …", "the government of
# Norland", "Norland officials") is who does the verb only when the subject is one of its organs or its people
# in office: "Norland's enemies", "Enemies of Norland", "Norland rebels" and "a Norland firm" are others
# (HOSTILE-12 C4). The subject's last word is read.
STATE_ORGAN_NOUNS: Final[frozenset[str]] = frozenset(
    {"government", "cabinet", "ministry", "army", "navy", "military", "forces", "force", "administration"}
    | {"authorities", "authority", "embassy", "parliament", "department", "office", "agency", "council"}
    | {
        "officials",
        "leaders",
        "leader",
        "president",
        "minister",
        "chancellor",
        "treasury",
        "state",
        "premier",
    }
    | {"guard", "coastguard", "delegation", "envoy", "ambassador", "ministries", "governments"}
)
# Words that join a co-party to a subject (HOSTILE-16 F10): "Norland, with Vesta, lent …", "Norland together
# with Vesta lent …": the doer is the group, and a brief names the group as the article writes it (not one of
# its members alone). Read only before a name or before a possessive and one of CO_PARTY_NOUNS ("with its
# allies"; not "with its reserves", "with the help of Vesta").
CO_PARTY_PHRASES: Final[tuple[str, ...]] = (
    "together with",
    "along with",
    "jointly with",
    "in partnership with",
    "as well as",
    "alongside",
    "with",
)
CO_PARTY_NOUNS: Final[frozenset[str]] = frozenset(
    {"allies", "ally", "partners", "partner", "neighbours", "neighbors", "neighbour", "neighbor", "donors"}
    | {"lenders", "members", "backers", "friends"}
)
# Words before a party inside a subject that make the subject another body only related to it (HOSTILE-16 F10):
# "A fund run by Norland", "a bank owned by Norland", "a company based in Norland", "a charity funded by Norland":
# the lender is the fund, not Norland. A participle (one of these or any "-ed" form) and the preposition after
# it; "by" alone is read so too.
RELATING_PARTICIPLES: Final[frozenset[str]] = frozenset(
    {"run", "owned", "backed", "based", "funded", "led", "controlled", "founded", "set", "held", "made"}
    | {"built", "chosen", "named", "sponsored", "supported", "financed", "headquartered", "registered"}
    | {"bought", "sold", "given", "sent", "paid", "brought", "taken", "kept", "won", "lent", "seen", "grown"}
)
BODY_NOUNS: Final[frozenset[str]] = frozenset(
    {"group", "movement", "organisation", "organization", "faction", "militia", "party", "company", "firm"}
    | {"network", "alliance", "coalition", "outfit", "agency", "body", "club", "brand", "insurer", "lender"}
)
# Words that end the name of a place, not a person ("Ben-Gurion Airport", "Mirren Harbour", "Oster Street"),
# beside ORGANISATION_WORDS for bodies: a name the article writes before one is part of a place's or a body's name.
PLACE_NAME_WORDS: Final[frozenset[str]] = frozenset(
    {"airport", "harbour", "harbor", "port", "street", "square", "avenue", "road", "bridge", "river", "lake"}
    | {"station", "plant", "works", "mine", "base", "camp", "crossing", "border", "province", "region"}
)
# Beside ORGANISATION_WORDS, BODY_NOUNS and PLACE_NAME_WORDS, words that end a body's name, not a person's, when
# a quote's pronoun is read against the names the article writes ("Estria Harbour Board": HOSTILE-14 I1).
NAME_RUN_BODY_WORDS: Final[frozenset[str]] = frozenset(
    {"board", "service", "services", "trust", "centre", "center", "hospital", "school", "league", "club"}
    | {"ministry", "directorate", "secretariat", "tribunal", "assembly", "senate", "congress", "court"}
    | {"quay", "pier", "dock", "docks", "wharf", "terminal", "park", "hall"}
)
PLACE_SIGNALS: Final[frozenset[str]] = frozenset(
    {"in", "into", "inside", "across", "within", "throughout", "outside", "near"}
)
# Words that qualify a title just before it ("Former Mayor", "acting Harbourmaster", "the late envoy"): a phrase
# that names a person may not be cut after one, nor after a capitalised word of a longer title ("Prime | Minister").
ROLE_QUALIFIERS: Final[frozenset[str]] = frozenset(
    {"former", "acting", "late", "would-be", "deputy", "vice", "interim", "outgoing", "incoming", "then"}
    | {
        "ex",
        "assistant",
        "honorary",
        "caretaker",
        "self-styled",
        "so-called",
        "alleged",
        "disgraced",
        "ousted",
    }
    | {"exiled", "deposed", "retired", "sacked", "suspended", "onetime", "one-time", "erstwhile", "future"}
    | {"prospective", "presumptive", "co", "junior", "senior", "chief", "shadow", "elected", "newly"}
    # a title that is not what it says, or not the office's whole (HOSTILE-16 F12): "fake | Mayor Ben Oster"
    | {"fake", "bogus", "sham", "false", "pretend", "rival", "rebel", "unelected", "failed", "resigned"}
    | {"titular", "ceremonial", "unrecognised", "unrecognized", "breakaway", "provisional", "temporary"}
    | {"stand-in", "nominal", "puppet", "de-facto", "self-appointed", "self-proclaimed"}
)
# Small words that join a title's words ("US Secretary of Defense", "Ukrainian Ambassador to Israel", "Chairman of
# the Joint Chiefs"): the title phrase runs back over capitalised words and these (`bot.briefs.kinds.title_start`).
# Each joins a title's word before it ("Secretary", "ambassador"; for "of" any capitalised word, "Bank of Estria")
# to words after it that are no title of their own ("Ministry of Defense and Mayor Ben Oster" names two); "the"
# only just after one. TITLE_AND joins two parts of a body's name ("Defense Ministry Policy and Political-Military
# Bureau Deputy Director") or of what a title is of ("Minister of Trade and Industry").
TITLE_JOINS: Final[frozenset[str]] = frozenset({"of", "to", "for", "on"})
TITLE_AND: Final[frozenset[str]] = frozenset({"and", "&"})
# Verbs after which an "-ing" giving goes on ("began providing", "continues sending"): done, as "is providing" is.
GOING_ON: Final[frozenset[str]] = frozenset(
    {"began", "begun", "begins", "started", "starts", "continued", "continues", "kept", "keeps", "resumed"}
)

# The WordNet lexicographer files (`bot.briefs.lexicon.verb_senses`) of the senses by which a verb can say who says
# so or hedge: telling ("maintains", "tweeted"), thinking ("reckons"), seeing or seeming ("appears") and feeling
# ("fears"). A verb with no sense in them ("walked", "won", "ended") needs no attribution and no place in
# PLAIN_VERBS; one with a sense in them, or that WordNet does not hold, stays unread unless PLAIN_VERBS lists it.
TELLING_VERB_SENSES: Final[frozenset[str]] = frozenset(
    {"verb.communication", "verb.cognition", "verb.perception", "verb.emotion"}
)

# Verbs (base forms) that WordNet gives a minor sense of telling, thinking, seeing or feeling, and that a news story
# mostly uses for what was done ("withdrew" its troops, "released" prisoners, "died", "closed" a border): read as
# saying only where a saying verb stands (`bot.briefs.unread._stands_as_saying`: "Vesta protested that …",
# "…, Vesta protested.", "Vesta rejects Norland's …"), elsewhere needing no attribution. Unlike PLAIN_VERBS they are
# still unread after a giving, where most of them undo it ("…, then withdrew it", "The ship burned."). Measured on
# TASK-verbs' 100 invented narrative sentences and a list of common news verbs; grow it the same way.
NARRATIVE_VERBS: Final[frozenset[str]] = frozenset(
    # the 100 sentences' verbs
    {"close", "lose", "withdraw", "capture", "ban", "collapse", "plant", "dig", "abandon", "block", "cancel"}
    | {"release", "test", "die", "seize", "convict", "veto", "occupy", "explode", "kill", "retreat", "move"}
    | {"dissolve", "burn", "sell"}
    # common news verbs
    | {"attack", "rally", "protest", "shoot", "wound", "injure", "bury", "mourn", "approve", "reject", "pass"}
    | {"adopt", "save", "strike", "negotiate", "mediate", "nominate", "dismiss", "resign", "retire", "beat"}
    | {"score", "play", "rise", "plunge", "expand", "contract", "build", "construct", "demolish", "crash"}
    | {"pump", "drill", "import", "deliver", "transport", "tax", "sentence", "acquit", "pardon", "free"}
    | {"settle", "return", "leave", "enter", "treat", "infect", "spread", "bear", "educate", "train", "teach"}
    | {"convene", "schedule", "prepare", "disarm", "advance", "besiege", "sanction", "regulate", "acquire"}
    # a second, held-out list of 30 narrative sentences
    | {"fly", "wire", "crack", "chair", "search"}
    # "The tank leaked." is what happened; ", officials leaked." is who says so (it was a PLAIN_VERBS entry)
    | {"leak"}
)

# Verbs and adverbs that leave a fact the article's own (base forms; `bot.briefs.unread`): any other verb or adverb
# of an evidence sentence — one no list here reads, "reported", "believes", "apparently" — makes its fact need an
# attribution that covers it. Add a word here only when a sentence that holds it still tells its fact as the
# article's own ("Norland, which borders Estria, sent fuel": "border").
PLAIN_VERBS: Final[frozenset[str]] = frozenset(
    # the shipped article's narrative verbs
    {"take", "lead", "participate", "see", "post", "conduct", "avoid", "jeopardize", "continue", "evacuate"}
    | {"send", "convey", "reprimand", "accept", "discuss", "unload", "help", "stem", "fortify", "defend"}
    | {"know"}  # "is known to have participated": the article's own (see _UNCONFIRMED)
    # the test fixtures' narrative verbs
    | {"sign", "open", "reopen", "stay", "sink", "praise", "pay", "meet", "guide", "welcome", "thank", "swim"}
    | {"stop", "shut", "ride", "resurface", "pull", "hold", "fire", "drop", "contribute", "arrive"}
    | {"offer", "guarantee", "agree", "wait", "buy", "cut", "raise", "sail", "edit"}
    # what a sentence after a giving goes on to tell of it that leaves it done ("The fuel reached Mirren.", "That
    # brings Norland's aid to …", "Some of it went to hospitals.", "Estria will repay it."; `check._doubted_after`)
    | {"reach", "bring", "go", "repay", "receive", "make", "follow"}
    # a news story's commonest narrative verbs, none of which says who says so, hedges or takes a giving back
    # (REPORT-reader15 finding 6); "return", "end" and "damage" stay out: "Estria returned it." undoes a giving
    | {"resume", "visit", "host", "carry", "repair", "join", "condemn", "launch", "attend", "travel"}
    # a title's "-elect" ("Mayor-elect Oster"): choosing by vote, never who says so or a hedge (REVIEW-7 C20)
    | {"elect"}
)
# how it was done, not whether; "alone" is an adjective as well, read as an adverb before a verb ("Norland
# alone sent fuel"): it says who only
PLAIN_ADVERBS: Final[frozenset[str]] = frozenset(
    {"militarily", "jointly", "quickly", "swiftly", "promptly", "alone"}
    # how much, not whether or whose (REPORT-reader15 finding 6: "Prices rose sharply in Vesta.")
    | {"sharply", "steeply", "slightly"}
    # openings that join the sentence to the story's thread, not to anyone's view ("Meanwhile, Norland sent …")
    | {"meanwhile", "separately", "additionally", "likewise", "similarly", "elsewhere", "overall"}
)
# Verbs (base forms) of leaving or losing a post, said of a person in the sentence that names them or the next
# ("Mayor Ben Oster, who resigned last year, …", "She retired in May."): the role the article gives may no longer
# be theirs (REPORT-hostile17 G3). Verbs the check has no meaning for fail closed all the same (`undoing_words`).
ROLE_ENDING_VERBS: Final[frozenset[str]] = frozenset(
    {
        "resign",
        "retire",
        "quit",
        "die",
        "lose",
        "leave",
        "sack",
        "fire",
        "oust",
        "depose",
        "dismiss",
        "remove",
        "impeach",
        "suspend",
        "replace",
        "succeed",
        "defeat",
        "unseat",
        "expel",
        "demote",
        "jail",
        "arrest",
    }
)
# Words that stand as a sentence's subject for some number of unnamed people ("Few think …", "Many believe …"):
# a word that can be a verb after one, before a clause, stands as a verb of saying or thinking (HOSTILE-13 D3).
QUANTIFIER_SUBJECTS: Final[frozenset[str]] = frozenset(
    {"few", "many", "most", "some", "several", "others", "all", "none", "nobody", "everyone", "someone"}
)
# Nouns after a possessive that open a sentence as a place or a side, not as whose view it is ("In Estria's
# harbour, …", "For the ministers' part, …"); any other ("In Vesta's view, …") needs an attribution.
PLAIN_OPENING_NOUNS: Final[frozenset[str]] = frozenset(
    {
        "part",
        "harbour",
        "harbor",
        "port",
        "capital",
        "city",
        "waters",
        "territory",
        "airspace",
        "north",
        "south",
    }
    | {"east", "west", "name", "behalf", "quay", "coast", "border", "front", "island", "council", "town"}
    | {"village", "district", "province", "county", "state"}
)


# An opening led by one of these, up to the sentence's first comma ("In March, …", "Under the plan, …", "For Vesta,
# …", "As Vesta sees it, …"), may set the fact in a story, a plan, a game or someone's view: the check reads it as a
# setting only when it is a time (TIME_WORDS, a year) or, after "in", "inside" or "within", a place (a capitalised
# name, PLAIN_OPENING_NOUNS, PLACE_NAME_WORDS); any other opening needs an attribution (HOSTILE-12 H5, H7).
FRAMING_LEADS: Final[frozenset[str]] = frozenset(
    {"in", "inside", "within", "under", "per", "as", "for", "on", "at", "during", "throughout", "amid"}
)
PLACE_LEADS: Final[frozenset[str]] = frozenset({"in", "inside", "within", "on", "at", "throughout"})
# Words of time an opening may hold beside TIME_WORDS ("In the meantime, …", "During the war, …"): the events a
# time is told by. A name is capitalised; a capitalised word the lexicon knows as a common word ("In the Novel", "In
# The Game") is no name by itself (`bot.briefs.unread`).
SETTING_TIME_WORDS: Final[frozenset[str]] = frozenset(
    {
        "meantime",
        "interim",
        "past",
        "war",
        "storm",
        "crisis",
        "summit",
        "visit",
        "siege",
        "conflict",
        "fighting",
    }
    | {"talks", "meeting", "meetings", "session", "outage", "invasion", "blockade", "ceasefire", "truce"}
)
# Nouns of an event that cannot themselves do a giving ("Talks in Vesta and Estria sent ferries on Monday.": talks
# send nothing, so the clause is misread or its giver is elsewhere), and the verbs of giving an event heading may not
# give them (`check._event_noun_giving`). Not "The talks ended", "The summit opened", "The meeting produced a deal".
EVENT_SUBJECT_NOUNS: Final[frozenset[str]] = frozenset(
    {"talks", "meeting", "meetings", "summit", "summits", "conference", "conferences", "session", "sessions"}
    | {"negotiations", "vote", "votes", "election", "elections", "ceremony", "hearing", "debate", "visit"}
)
GIVING_ACT_VERBS: Final[frozenset[str]] = frozenset(
    {"send", "lend", "ship", "deliver", "donate", "give", "provide", "supply", "pay", "grant", "fund", "loan"}
    | {"transfer", "dispatch", "fire", "launch", "airlift", "truck", "export", "sell"}
)
# The head word of an opening that links or measures the article's own telling ("In addition, …", "As a result, …",
# "For example, …", "In a rare move, …", "Under the agreement, …"): read as the article's own, not a frame; a word
# of PLAN_NOUNS in the opening frames it all the same ("In the leaked draft deal, …").
PLAIN_OPENING_WORDS: Final[frozenset[str]] = frozenset(
    {"addition", "turn", "total", "return", "response", "all", "example", "instance", "result", "well"}
    | {"particular", "short", "least", "once", "average", "fact", "other", "practice", "reality", "usual"}
    | {"contrast", "comparison", "balance", "exchange", "move", "bid", "effort", "sum", "general"}
    | {"brief", "detail", "full", "part", "surprise", "agreement", "deal", "accord", "treaty", "contract"}
    | {"terms", "pact", "arrangement", "expected", "promised", "before", "half", "order", "person", "public"}
    | {
        "recent",
        "step",
        "sign",
        "gesture",
        "boost",
        "blow",
        "twist",
        "reversal",
        "development",
        "wake",
        "face",
    }
    | {"aftermath", "request", "pressure", "time", "shipment", "shipments", "delivery"}
    | {"deliveries", "consignment", "round", "batch"}
)
# Words an opening's head may follow beside determiners and adjectives ("In one of its largest shipments", "In a
# separate move", "In the latest round").
BEFORE_OPENING_HEAD: Final[frozenset[str]] = frozenset(
    {"its", "their", "his", "her", "our", "such", "other", "one", "separate", "latest", "largest", "new"}
    | {"further", "fresh", "second", "third", "biggest", "first", "last", "final"}
)
# Nouns of an opening that make what follows a plan, not a giving done ("Under the plan, Norland sent fuel …",
# "In the leaked draft deal, …"): a done status is refused in its sentence (HOSTILE-12 H7).
PLAN_NOUNS: Final[frozenset[str]] = frozenset(
    {"plan", "plans", "proposal", "proposals", "draft", "drafts", "blueprint", "scheme", "roadmap", "bill"}
    | {"offer", "proposed", "planned", "envisaged", "programme", "program", "timetable", "schedule"}
)
# An opening of at most this many words before a colon ("Rumour: …", "Vesta's version: …", "Headline in the Vesta
# Herald: …") is a label or whose words follow: it needs an attribution (HOSTILE-12 H8).
LABEL_RUN: Final = 6

# A done verb in the present ("provides", "is providing") with a time still to come in its sentence ("from next month",
# "next week", "starting in 2027", "from January") tells a giving pledged or planned, not done (HOSTILE-12 S2).
PRESENT_DONE_FORMS: Final[frozenset[str]] = frozenset(
    f"{stem}{ending}"
    for stem, endings in (
        ("provide", ("", "s")),
        ("providing", ("",)),
        ("lend", ("", "s", "ing")),
        ("send", ("", "s", "ing")),
        ("give", ("", "s")),
        ("giving", ("",)),
        ("supply", ("",)),
        ("supplies", ("",)),
        ("supplying", ("",)),
        ("deliver", ("", "s", "ing")),
        ("grant", ("", "s", "ing")),
        ("loan", ("", "s", "ing")),
        ("build", ("", "s", "ing")),
    )
    for ending in endings
)
# Words that put a time still to come, alone ("next week", "tomorrow", "in the coming weeks") …
FUTURE_TIME_WORDS: Final[tuple[str, ...]] = ("next", "tomorrow", "coming", "upcoming", "onwards", "onward")
# … or before a time ("from January", "starting in 2027", "beginning Monday", "as of this week").
FUTURE_FROM_WORDS: Final[tuple[str, ...]] = ("from", "starting", "beginning", "as of", "as from", "effective")

# Words after a status verb, in its own sentence, that can undo, deny, condition or falsify the giving it tells
# ("sent fuel, or tried to", "but it never arrived", "only on paper"): a status of something done is refused there
# (REVIEW-7 C16) unless the sentence is split so the words stand apart from the giving.
# The sentence after a giving, in its paragraph, goes on about it when it points back with one of these (or
# names an item of the giving): "Norland sent fuel to Estria. That is false." (HOSTILE-12 H11).
# The nouns a sentence names a giving by ("the shipment", "the loan"): they point back to it, and after "It was"
# they tell what it was without undoing it ("It was the third shipment this year.").
GIVING_NOUNS: Final[frozenset[str]] = frozenset(
    {
        "shipment",
        "shipments",
        "delivery",
        "deliveries",
        "consignment",
        "consignments",
        "transfer",
        "transfers",
    }
    | {
        "deal",
        "loan",
        "loans",
        "aid",
        "gift",
        "gifts",
        "donation",
        "donations",
        "package",
        "tranche",
        "batch",
    }
)
# The pronouns that point back to what was just told: "…, but the navy stopped it.", "That is false."
POINTING_PRONOUNS: Final[frozenset[str]] = frozenset({"it", "this", "that", "these", "those", "them"})
POINTING_BACK_WORDS: Final[frozenset[str]] = frozenset(
    POINTING_PRONOUNS
    | {"such", "none", "neither", "or", "so", "claim", "report"}
    | {"account", "version", "story"}
    # a loan's sum: "The true figure is $2 million.", "Estria never got the money." (HOSTILE-13 N, ln)
    | {"figure", "figures", "sum", "amount", "money", "funds", "total"}
    | GIVING_NOUNS
)
# Words that correct what was just told ("In fact, Vesta sent it.", "Or rather, to Vesta.", "Correction: …"): the
# sentence holding one after a giving points back to it and retells it otherwise (HOSTILE-13 N11–N14).
CORRECTING_WORDS: Final[tuple[str, ...]] = (
    "in fact",
    "actually",
    "rather",
    "instead",
    "in reality",
    "in truth",
    "really",
    "correction",
    "corrected",
    "to be clear",
)
# Nouns that make what follows someone's story, a supposition or a genre not news: a sentence before a giving
# that names one ("Vesta tells a different story.", "This is a hypothetical scenario."), or a heading above it
# ("RUMOURS"), may hand the giving to them (HOSTILE-13 N4–N9, N18).
FRAMING_NOUNS: Final[frozenset[str]] = frozenset(
    {"story", "stories", "account", "accounts", "claim", "claims", "version", "versions", "narrative"}
    | {"scenario", "scenarios", "hypothetical", "hypothesis", "theory", "theories", "supposition", "tale"}
    | {
        "rumour",
        "rumours",
        "rumor",
        "rumors",
        "allegation",
        "allegations",
        "hearsay",
        "gossip",
        "speculation",
    }
    | {"fiction", "parody", "satire", "opinion", "analysis", "commentary", "editorial", "fantasy", "dream"}
)
# Words that point forward to what follows ("Imagine the following.", "What follows is …", "Here is …").
FORWARD_WORDS: Final[tuple[str, ...]] = ("following", "follows", "below", "here is", "here are", "here's")
# … and the words that end a sentence by pointing on to how something is told ("Vesta put it this way.",
# "Vesta's spokesman explained it thus."): what follows is that telling (HOSTILE-14 C).
FORWARD_ENDINGS: Final[tuple[str, ...]] = ("this way", "thus", "like this", "as follows", "in these words")
# Words that tell something otherwise than the article ("Vesta tells it differently.", "Vesta paints a different
# picture.", "Vesta sees it another way."): closing a sentence before a giving, or beside one of `TELLING_VERBS`
# anywhere in it, they hand what follows to that other telling (HOSTILE-14 C).
OTHERWISE_WORDS: Final[tuple[str, ...]] = (
    "differently",
    "otherwise",
    "another way",
    "other way",
    "in another light",
    "in a different light",
    *(
        f"{other} {telling}"
        for other in ("another", "a different", "a very different")
        for telling in ("story", "version", "picture", "view", "account", "take", "tale", "image", "reading")
    ),
)
# The base forms of verbs that tell, paint or remember how something was: with one of `OTHERWISE_WORDS` they
# make a sentence someone's other account ("Vesta recalls the winter differently.").
TELLING_VERBS: Final[frozenset[str]] = frozenset(
    {"tell", "paint", "remember", "recall", "see", "view", "describe", "put", "explain", "recount", "depict"}
    | {"portray", "present", "cast", "frame", "interpret", "read", "narrate", "relate", "characterise"}
    | {"characterize", "report", "record", "remember", "tell", "sketch", "spin"}
)
# Nouns of someone's account after a possessive ("Vesta gave its side.", "their view", "Oster has its own
# version"), in a sentence whose verb tells or gives it (`TELLING_VERBS`, `ACCOUNT_GIVING_VERBS`): the sentence may
# hand what follows to that account (HOSTILE-14 C). Not after another noun ("Estria's bank account"), nor with
# another verb ("Estria shut its side of the border").
ACCOUNT_NOUNS: Final[frozenset[str]] = frozenset(
    {"side", "view", "views", "version", "versions", "account", "accounts", "take", "telling", "retelling"}
    | {"perspective", "recollection", "recollections", "memory", "memories", "story", "narrative", "claim"}
    | {"claims", "interpretation", "testimony", "statement", "case"}
)
# Nouns of a telling that, with a possessive, say whose telling follows when a short sentence only describes them
# ("Vesta's version is simple.", "The mayor's account was brief.", "Oster's story is different."): what follows is
# that version (`check._framing_sentence`). Not "view", "side", "case" or "memory", which a short sentence describes
# as themselves ("Vesta's view is stunning.", "Estria's case is strong.").
DESCRIBED_ACCOUNT_NOUNS: Final[frozenset[str]] = frozenset(
    {"version", "versions", "account", "telling", "retelling", "story", "narrative", "recollection", "take"}
)
# Words before a noun of account that point at which account it is ("Vesta gave this account on Monday.", "Oster
# offered these recollections."): in a sentence that tells or gives it, they point on to what follows, as a
# possessive does (not "that" or "those", which point back to what went before: "Norland told that story in May.").
POINTING_ON_DETERMINERS: Final[frozenset[str]] = frozenset({"this", "these"})
# Openings that point at how or what someone tells ("This is how Vesta tells it.", "This is what Oster says."):
# with a verb of telling after them (`TELLING_VERBS`, `CLAIMING_VERBS`), what follows is that telling; not "This
# is how the port works."
POINTING_ON_OPENINGS: Final[tuple[str, ...]] = (
    "this is how",
    "this was how",
    "this is what",
    "this was what",
)
ACCOUNT_GIVING_VERBS: Final[frozenset[str]] = frozenset(
    {"give", "offer", "share", "have", "make", "set", "lay", "air", "publish", "release", "issue", "state"}
)
# Words of supposition or of a tale anywhere in a sentence before a giving ("Hypothetically speaking.", "What
# if?", "Let's say.", "Once upon a time, …"): what follows may be supposed, not told (HOSTILE-14 C). Not "in
# theory", which qualifies its own sentence ("In theory, Estria has enough fuel until spring."), nor a hedge
# ("supposedly", "conceivably"), which the hedge rules read in its own sentence.
SUPPOSING_WORDS: Final[tuple[str, ...]] = (
    "hypothetically",
    "imaginably",
    "what if",
    "let's say",
    "let us say",
    "let's suppose",
    "let's imagine",
    "let us imagine",
    "let's pretend",
    "let us pretend",
    "once upon a time",
    "for argument's sake",
    "for the sake of argument",
    "in a world where",
)
# The base forms of verbs of imagining: opening a sentence in the base form they bid the reader imagine what
# follows ("Picture this.", "Suppose …"; lexicon.lemmas reads the form), whatever else the word may be (HOSTILE-14 C).
IMAGINING_VERBS: Final[frozenset[str]] = frozenset(
    {"imagine", "picture", "suppose", "assume", "pretend", "envision", "envisage", "visualise", "visualize"}
    | {"fancy", "say", "consider", "presume"}
)
# … when the next word is one of these or a name, or there is none ("Picture this.", "Suppose Norland …"; not
# "Picture editors in Vesta …"); "Let's" and "Let us" open a supposition whatever follows.
IMAGINING_OBJECTS: Final[frozenset[str]] = frozenset(
    {"this", "that", "these", "the", "a", "an", "it", "if", "for", "now", "what", "how", "we", "you", "they"}
    | {"there", "someone", "somebody", "one", "your", "our", "instead"}
)
# Words that make a question before a giving a supposition ("Would Norland help?", "What if …?"): a question
# holding one, or with no verb at all ("True or false?"), frames what follows (HOSTILE-14 C).
SUPPOSING_QUESTION_WORDS: Final[frozenset[str]] = frozenset(
    {"if", "suppose", "imagine", "would", "could", "might", "whether", "unless"}
)
# A heading frames every paragraph under it until the next heading, so it must be a plain topic ("Fuel
# deliveries", "Background:", "ANALYSIS"): one of these words in it, of falsity, genre, supposition, time to come
# or someone's account, hands what it heads to that (HOSTILE-14 C). Not "story" ("The story so far"), nor
# "analysis" or "background", the article's own labels.
HEADING_FALSITY: Final[frozenset[str]] = frozenset(
    {
        "fake",
        "false",
        "untrue",
        "hoax",
        "hoaxes",
        "myth",
        "myths",
        "lie",
        "lies",
        "rumour",
        "rumours",
        "rumor",
    }
    | {"rumors", "debunked", "debunking", "debunk", "propaganda", "misinformation", "disinformation"}
    | {"conspiracy", "unverified", "unconfirmed", "wrong", "mistaken", "fabricated", "fabrication", "fiction"}
    | {"fictional", "fools", "prank", "pranks", "joke", "jokes", "legend", "legends", "fable", "fables"}
    | {"fairytale", "fairy", "denied", "denies", "deny", "denial", "disputed", "contested", "doubt", "doubts"}
)
HEADING_GENRES: Final[frozenset[str]] = frozenset(
    {"satire", "satirical", "parody", "spoof", "quiz", "script", "drill", "drills", "exercise", "exercises"}
    | {"simulation", "simulated", "wargame", "novel", "fantasy", "dream", "dreams", "fiction", "fictional"}
    | {"scenario", "scenarios", "hypothetical", "hypotheticals", "hypothesis", "theory", "theories"}
    | {"opinion", "editorial", "commentary", "satirist", "puzzle", "riddle", "poem", "tale", "tales"}
    | {"role-play", "roleplay", "rehearsal", "pretend", "imaginary", "fake", "hoax", "myth", "myths", "fools"}
    | {"prank", "joke", "jokes", "legend", "legends", "fable", "fables", "fairytale"}
)
HEADING_SUPPOSING: Final[frozenset[str]] = frozenset(
    {"if", "suppose", "supposing", "imagine", "imagined", "imagining", "maybe", "perhaps", "possible"}
    | {"possibly", "could", "would", "might", "may", "whether", "unless", "speculation", "speculative"}
    | {"hypothetically", "alternate", "alternative", "counterfactual"}
)
HEADING_COMING: Final[frozenset[str]] = frozenset(
    {
        "forecast",
        "forecasts",
        "prediction",
        "predictions",
        "predicted",
        "outlook",
        "projection",
        "projections",
    }
    | {"preview", "plan", "plans", "planned", "proposal", "proposals", "proposed", "expected", "prospects"}
    | {"pledge", "pledges", "promise", "promises", "promised"}
)
# Not the words that only place a topic in time ("What comes next", "The road ahead", "Next steps", "The coming
# winter", "Future of the port"): a heading that names a time names a topic, and the giving's own sentence tells
# its tense; a forecast, a plan or a pledge names a text of what is not yet done.
HEADING_ACCOUNT: Final[frozenset[str]] = frozenset(
    {"says", "said", "say", "claims", "claimed", "claim", "alleged", "allegedly", "allegation", "allegations"}
    | {"reportedly", "according", "version", "versions", "account", "accounts"}
    | {"telling", "told", "tells", "recollection", "memoir", "testimony", "narrative", "statement", "quoted"}
    | {"insists", "argues", "believes", "thinks", "sees", "remembers", "recalls", "explains", "asserts"}
)
# … and nouns of an account that name whose it is only with a possessive ("Vesta's view", "Your views", "Their
# side") or a name after "from" or "of" ("The view from Vesta"): without one a heading names a topic ("The view
# from the port", "The other side of the border").
HEADING_WHOSE_ACCOUNT: Final[frozenset[str]] = frozenset({"side", "sides", "view", "views", "take", "words"})
# Words that name someone else's words or an earlier text, which a subheading hands what it heads to ("Letters to
# the editor", "Transcript", "Reader comments", "From the archive", "Sponsored content"): what follows is the
# letter writer's, the speaker's, the advertiser's or an old report's, not the article's telling. Not read in a
# headline, where they name what the article is about ("Norland declines comment", "Letters reveal fuel deal").
HEADING_OTHERS_WORDS: Final[frozenset[str]] = frozenset(
    {
        "letter",
        "letters",
        "transcript",
        "transcripts",
        "excerpt",
        "excerpts",
        "comment",
        "comments",
        "remarks",
    }
    | {"interview", "interviews", "reader", "readers", "mailbag", "postbag", "correspondence", "memoirs"}
    | {
        "quotes",
        "quotation",
        "quotations",
        "verbatim",
        "advertisement",
        "advertisements",
        "advert",
        "advertorial",
    }
    | {"sponsored", "archive", "archives", "archived", "reprint", "reprinted", "flashback", "op-ed"}
    | {"columnist", "diary", "diaries", "speech", "speeches", "manifesto", "press-release"}
)
# … and phrases that do so: the words of a heading are read for them as a whole ("In their own words").
HEADING_OTHERS_PHRASES: Final[tuple[str, ...]] = (
    "own words",
    "in quotes",
    "press release",
    "on the record",
    "off the record",
    "paid content",
    "partner content",
    "promoted content",
    "have your say",
    "your say",
)
# The base forms of verbs by which a heading tells whose words follow ("Vesta recalls", "What Oster remembers",
# "Officials insist"), besides `CLAIMING_VERBS`: after a name, a pronoun, or as a word that can be nothing but a
# verb, a form of one makes the heading someone's sentence ("Fuel reports" is a topic, "Vesta reports" a telling).
HEADING_TELLING_VERBS: Final[frozenset[str]] = frozenset(
    {
        "remember",
        "recall",
        "recount",
        "describe",
        "narrate",
        "relate",
        "disagree",
        "object",
        "retort",
        "reply",
    }
)
# The words that open a question asking for something other than yes or no ("Who sent fuel?", "Why did Norland
# send fuel?"): such a headline supposes what it asks about; any other question ("Did Norland send fuel?",
# "Norland sent fuel?") asks whether the giving it names was so.
WH_WORDS: Final[frozenset[str]] = frozenset(
    {"who", "whom", "whose", "what", "which", "when", "where", "why", "how"}
)
# The headline is read as a frame of the whole article for a genre or a supposition ("SATIRE: …", "What if …"),
# and of the givings it names for a denial ("Norland denies sending fuel to Estria"); not for an account or a time
# to come, which headlines use of what the article then tells ("Vesta says …").
HEADLINE_SUPPOSING: Final[frozenset[str]] = frozenset(
    {"if", "suppose", "supposing", "imagine", "imagined", "imagining", "hypothetically", "counterfactual"}
)
HEADLINE_DENIALS: Final[frozenset[str]] = (HEADING_FALSITY - HEADING_GENRES) | {"not", "never", "no", "nor"}
# The small words a heading's topic phrase may hold, which the lexicon does not (it knows nouns, verbs,
# adjectives and adverbs): any other word it does not know, and no name of the article, fails closed.
HEADING_SMALL_WORDS: Final[frozenset[str]] = frozenset(
    {"the", "a", "an", "of", "for", "and", "to", "in", "on", "at", "with", "from", "by", "after", "before"}
    | {"since", "during", "over", "under", "about", "between", "amid", "against", "without", "into", "across"}
    | {"&", "vs", "versus", "its", "their", "our"}
    # the article's own labels of a section, which the lexicon does not hold
    | {"timeline", "factbox", "explainer", "recap", "roundup", "q&a", "faq", "infographic"}
)
# Before "to have" and a done verb, a word that makes the giving what should, was meant to or failed to be
# done ("ought to have sent", "was to have lent", "failed to have sent") unless it is one of these, which the
# hedge and attribution rules read ("is said to have sent", "is known to have participated").
TO_HAVE_READ: Final[frozenset[str]] = frozenset(
    {"known", "said", "believed", "thought", "reported", "understood", "alleged", "claimed", "rumoured"}
    | {"rumored", "estimated", "expected", "feared", "likely", "seems", "seem", "seemed", "appears", "appear"}
    | {"appeared", "reputed", "presumed", "assumed", "suspected"}
)
# Before "having" and a done verb, the words that leave it done ("after having sent", "despite having lent"); any
# other word governs it and may turn it ("avoided having sent", "denied having lent"), so the status fails closed
# (HOSTILE-13 K-avoid).
HAVING_READ: Final[frozenset[str]] = frozenset({"after", "despite", "since", "for", "by", "upon", "on"})
# Words that call what a sentence points back to untrue: the giving it points back to is not told as done.
FALSITY_WORDS: Final[tuple[str, ...]] = (
    "false",
    "untrue",
    "true",
    "lie",
    "lies",
    "fake",
    "hoax",
    "myth",
    "wrong",
    "incorrect",
    "fabricated",
    "rumour",
    "rumor",
    *DENIAL_WORDS,
    "story",
    "version",
    "claim",
    "claims",
    "allegation",
    "allegations",
    "propaganda",
    "unverified",
    "unconfirmed",
    # words that call it doubtful rather than false: it is not told as certain either (HOSTILE-15 4)
    "doubtful",
    "dubious",
    "questionable",
    "unproven",
)
# After a giving, a clause of contrast that points back to it ("…, but the navy stopped it", "…, but it sank",
# "…, only for Vesta to keep it") may undo it whatever its verb: a done status fails closed there.
CONTRAST_WORDS: Final[tuple[str, ...]] = (
    "but",
    "yet",
    "though",
    "although",
    "however",
    "only for",
    "only to",
)
CONTRAST_POINTING_BACK: Final[frozenset[str]] = POINTING_PRONOUNS
# Phrases set off by commas that compare or link, not frame ("Vesta, as opposed to Norland, sent …"): the
# framing rule leaves them to the donor's.
ASIDE_LINKS: Final[tuple[str, ...]] = (
    "as opposed to",
    "as well as",
    "as part of",
    "as with",
    "as of",
    "as usual",
    "as such",
    "as before",
    "as agreed",
    "as promised",
)
UNDOING_AFTER: Final[tuple[str, ...]] = (
    "never",
    "or tried",
    "tried to",
    "attempted to",
    "on paper",
    "failed",
    # an undoing told after the giving ("…, a pledge later cancelled"): an attribution covering it makes it
    # someone's claim, never the giving done all the same
    "cancelled",
    "canceled",
    "withdrawn",
    "withdrew",
    "revoked",
    "reversed",
    "halted",
    "suspended",
    "rescinded",
    "retracted",
    # a condition after the giving ("… if the port opens", "… provided that …", "… unless …") is read by
    # CONDITION_WORDS, over the clause before the verb as well
    "would have",
    # a trade, not a gift ("… in exchange for grain")
    "in exchange for",
    "in return for",
    # a giving told in a dream, a story or a game is not real: TELLING_FALSE reads those in its whole sentence
    # an event undone after it is told ("… The talks were later called off."; HOSTILE-13 events)
    "called off",
    "postponed",
    "scrapped",
    "abandoned",
)
# Words in a later clause of the giving's sentence, after a comma, a semicolon or a conjunction, that tell it refused,
# returned or taken back ("…, but Estria refused it", "…, then took it back", "…, but Estria sent it back"): a status of
# something done is refused there, as for UNDOING_AFTER (HOSTILE-12 S3). A refusing verb of STATUS_VERBS["declined"]
# counts too: the status rule knows it, so the unread-verb rule never saw it.
UNDOING_LATER: Final[tuple[str, ...]] = (
    "back",
    "turned away",
    "turned down",
    "returned",
    "refunded",
    "seized",
    "confiscated",
    *STATUS_VERBS["declined"],
)
# … and a verb with its particle after its object ("…, then called them off", "… and broke the talks off"): the
# verbs (base forms) that each particle turns into an undoing, read up to three words after the verb (HOSTILE-14 J5).
UNDOING_PARTICLE_VERBS: Final[dict[str, frozenset[str]]] = {
    "off": frozenset(
        {"call", "break", "put", "cut", "rule", "write", "sign", "kill", "shut", "switch", "hold"}
    ),
    "away": frozenset({"take", "send", "pull", "tow", "haul", "drive", "wave", "move"}),
    "around": frozenset({"turn"}),
    "round": frozenset({"turn"}),
    "out": frozenset({"pull", "back", "walk", "bow", "drop", "opt", "rule", "cross"}),
    "down": frozenset({"turn", "shut", "close", "wind", "scale", "vote", "shoot", "water", "stand"}),
    "up": frozenset({"break", "give", "tear"}),
    "short": frozenset({"cut"}),
    "aside": frozenset({"set", "put", "brush"}),
}
# … but a loan paid back was lent: "back" after one of these ("…, and Estria paid it back in 2025") undoes nothing.
REPAYING_WORDS: Final[tuple[str, ...]] = ("paid", "pay", "pays", "repaid", "repay", "repays", "paying")

# The rest of a giving's paragraph (`check._doubted_after`, HOSTILE-14 B, D, L; issue 10).
# Verbs and adjectives that undo a giving told in a sentence before ("Vesta stopped it.", "It sank.", "The fuel was
# diverted to Vesta.", "Norland later denied sending fuel."): a later sentence of the paragraph that names the
# giving, its item or a party and holds one leaves a done status unread. Some are PLAIN_VERBS, read as plain
# inside the giving's own sentence; after it they undo.
UNDOING_NEXT: Final[tuple[str, ...]] = (
    "stopped",
    "stops",
    "blocked",
    "blocks",
    "sank",
    "sunk",
    "sinks",
    "diverted",
    "redirected",
    "rerouted",
    "intercepted",
    "recalled",
    "stolen",
    "stole",
    "hijacked",
    "looted",
    "lost",
    "missing",
    "impounded",
    "denied",
    "denies",
    "deny",
    "denying",
    "joking",
    "invented",
    "fabrication",
    "premature",
    "disagrees",
    "disputes",
    "disputed",
    "turned round",
    "turned around",
)
# After "no", "not" or "none", words that deny something else than the giving told before ("So far, no other
# country has followed.", "It was not the first time."): the negation they make is not read as the giving's.
NEGATING_OTHERS: Final[tuple[str, ...]] = (
    "no other",
    "none other",
    "not the first",
    "not the only",
    "not for the first time",
    "not only",
    "no one else",
)
# Openings that join a sentence to the story's time, not point back ("So far, …", "So much for …" is not one).
NOT_POINTING_OPENINGS: Final[tuple[str, ...]] = ("so far", "so too", "even so", "so that")
# Heads of a copula's complement that say how the giving stood or what it meant, not what it was instead
# ("It was a gesture of goodwill.", "It was a response to Estria's appeal."); ordinals and superlatives ("the
# first", "the largest") pass as well. Add a noun here only when "It was a <noun> …" still tells the giving done.
PLAIN_COMPLEMENTS: Final[frozenset[str]] = frozenset(
    {"gesture", "response", "relief", "boost", "lifeline", "sign", "signal", "show", "reply", "answer"}
    | {"time", "most", "least", "more", "less", "record", "step", "move", "help", "welcome", "success"}
)
ORDINAL_WORDS: Final[frozenset[str]] = frozenset(
    {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "last"}
    | {"latest", "next", "biggest", "largest", "smallest", "greatest", "most", "least", "best", "worst"}
)
# Words of the other kind of giving: a sentence after an aid flow that says it was a loan ("It was a loan."), or
# after a loan that says it was a gift ("It was a gift."), retells it as what the brief does not say.
OTHER_KIND_WORDS: Final[dict[str, frozenset[str]]] = {
    "aid": frozenset(
        {"loan", "loans", "credit", "lent", "lending", "borrowed", "repaid", "repayable", "sale"}
    ),
    "loan": frozenset(
        {"gift", "gifts", "grant", "grants", "donation", "donations", "aid", "donated", "free"}
    ),
}
# Verbs of receiving: a sentence after a giving whose subject is a name other than its receiver ("Vesta received
# the fuel.") tells someone else got it.
RECEIVING_VERBS: Final[tuple[str, ...]] = ("received", "receives", "receive", "got", "gets", "obtained")
# Verbs of going before "to <a name>" ("The fuel went to Vesta."): a sentence pointing back that tells the giving
# went to a name other than its receiver tells it went elsewhere.
GOING_TO_VERBS: Final[tuple[str, ...]] = (
    "went",
    "goes",
    "gone",
    "going",
    "sent",
    "shipped",
    "delivered",
    "passed",
    "handed",
    "sold",
    "diverted",
)
# Verbs of giving or getting (base forms): a later sentence that names a party only ("Estria never got any.")
# denies the giving with a negation only where it holds one of these.
GIVING_OR_GETTING: Final[frozenset[str]] = frozenset(
    {"send", "give", "provide", "supply", "lend", "loan", "ship", "donate", "deliver", "transfer", "grant"}
    | {"receive", "get", "obtain", "arrive", "reach", "pay", "accept", "take"}
)
# A later clause of a giving's sentence that tells only a part of it paid, sent or arrived ("…, but paid out only
# $10 million", "…, of which only $10 million has been disbursed", "…, though just a third was paid"): the whole is
# then not told given (TASK-when A). `check._part_told_paid` reads a verb of these, a part (another sum, a number,
# or a word of PART_SHARES) and between them only the deal's parties and PART_PAID_LINKS.
PART_PAID_VERBS: Final[tuple[str, ...]] = (
    *("paid", "pays", "disbursed", "disburses", "delivered", "sent", "transferred", "released", "arrived"),
    *("reached", "received", "handed", "drawn", "spent", "shipped", "supplied", "provided", "got", "came"),
)
PART_SHARES: Final[tuple[str, ...]] = (
    *("half", "part", "a part", "a fraction", "a portion", "a share", "a third", "a quarter", "a fifth"),
    *(
        "a tenth",
        "two thirds",
        "two-thirds",
        "three quarters",
        "none",
        "little",
        "some",
        "percent",
        "per cent",
    ),
)
PART_PAID_LINKS: Final[frozenset[str]] = frozenset(
    {
        "only",
        "just",
        "merely",
        "barely",
        "so",
        "far",
        "yet",
        "to",
        "date",
        "thus",
        "actually",
        "of",
        "it",
        "which",
    }
    | {"them", "that", "has", "have", "had", "was", "were", "is", "are", "been", "be", "being", "out", "over"}
    | {"up", "in", "through", "since", "then", "finally", "ever", "but", "though", "although", "yet", "and"}
)
# Phrases that weaken a giving to less than done when they close or follow its sentence ("…, sort of.", "… in
# name only.", "… — in its dreams.").
WEAKENING_TAILS: Final[tuple[str, ...]] = (
    "sort of",
    "kind of",
    "in name only",
    "in a sense",
    "in a way",
    "so to speak",
    "in its dreams",
    "in their dreams",
    "in your dreams",
    "after a fashion",
    "more or less",
)

# The rest of the article after a giving, an event or a key point (`check._taken_back_later`; issue 10, TASK-later):
# every later sentence, and a correction or update line anywhere, even before it, is read for what takes it back.
# A sentence refers to it by a determiner and a word of its item or a giving noun ("the fuel", "none of the fuel",
# "the shipment"), a pointing pronoun ("it", "that"), its status verb ("sent back"), or its receiver waiting or not
# receiving ("Estria is still waiting."); it takes it back with one of the words below.
# Words that take back what the article told, not what was done: a retraction, a correction, a denial, a verdict
# of falsity or doubt ("Officials later retracted it."). Read after a key point or a pledge as well.
RETRACTING_WORDS: Final[tuple[str, ...]] = (
    "retracted",
    "retracts",
    "retract",
    "retraction",
    "corrected",
    "correction",
    "misreported",
    "erroneous",
    "in error",
    "false",
    "untrue",
    "not true",
    "incorrect",
    "fabricated",
    "fabrication",
    "hoax",
    "denied",
    "denies",
    "deny",
    "denial",
    "unconfirmed",
    "unverified",
    "doubtful",
    "dubious",
    "questionable",
    "unproven",
    "never happened",
    "did not happen",
    "not be confirmed",
    "not been confirmed",
    "not be verified",
    "not been verified",
)
# … of those, the words that only doubt it, not call it untrue: a sentence the fact gives as its attribution (its
# hedge: "The claim could not be independently verified.") may hold them and leave it done, shown with the hedge.
HEDGED_DOUBTS: Final[tuple[str, ...]] = (
    "unconfirmed",
    "unverified",
    "doubtful",
    "dubious",
    "questionable",
    "unproven",
    "not be confirmed",
    "not been confirmed",
    "not be verified",
    "not been verified",
)
# Words that undo a done giving or event told before, or leave it not yet done ("The shipment was cancelled.",
# "Every tanker was sent back.", "Estria is still waiting.", "The fuel is yet to arrive."). A negation or a none
# word ("never", "none", "no") takes it back only beside a verb of giving or getting (`GIVING_OR_GETTING`: "None of
# the fuel was ever sent.", not "The fuel has never been cheaper.").
UNDONE_LATER_WORDS: Final[tuple[str, ...]] = (
    *RETRACTING_WORDS,
    "cancelled",
    "canceled",
    "cancels",
    "withdrawn",
    "revoked",
    "reversed",
    "rescinded",
    "halted",
    "suspended",
    "called off",
    "scrapped",
    "postponed",
    "sent back",
    "turned back",
    "shipped back",
    "taken back",
    "given back",
    "handed back",
    "returned",
    "refunded",
    "seized",
    "confiscated",
    "turned away",
    "turned down",
    "rejected",
    "refused",
    *UNDOING_NEXT,
)
# What undoes a giving told before, by what a verb means (WordNet 3.0 senses, named "delay.v.01": its base form and
# the number of its sense, most frequent first; `lexicon.sense_under`): a sentence after the giving that points
# back to it with a verb one of whose three most frequent senses is one of these, or falls under one ("postponed"
# under "delay.v.02", "commandeered" under "seize.v.02", "held up" under "delay.v.01"), tells it intercepted,
# seized, blocked, diverted, delayed or given back ("Vesta intercepted the tankers.", "The delivery has been
# delayed.", "The fuel was returned."). A verb WordNet gives such a sense only as a rare one ("check" of "check,
# retard, delay", "kept" of "prevent, keep") is not read so (TASK-next).
UNDOING_SENSES: Final[dict[str, tuple[str, ...]]] = {
    "taking": ("intercept.v.01", "seize.v.02", "seize.v.03", "seize.v.04"),
    "blocking": ("block.v.01", "block.v.02", "block.v.03", "withhold.v.01"),
    "diverting": ("divert.v.02", "divert.v.04", "redirect.v.01"),
    "delaying": ("delay.v.01", "delay.v.02"),
    # what fails or vanishes ("The deal collapsed.", "The tankers disappeared.")
    "failing": ("collapse.v.01", "fail.v.02", "fall_through.v.01", "disappear.v.01", "disappear.v.03"),
    # giving back, not paying back: a loan repaid was lent ("refund, return, repay" is left out)
    "returning": ("return.v.02", "return.v.05"),
}
# What carries a giving (WordNet 3.0 noun senses): a sentence after it that names one after a determiner ("the
# tankers", "the convoy", "the cargo") and tells it intercepted, seized, delayed or diverted (`UNDOING_SENSES`) may
# tell the giving undone ("Vesta intercepted the tankers."), though it names neither its item nor a noun of it.
MEANS_SENSES: Final[tuple[str, ...]] = ("conveyance.n.03", "cargo.n.01", "convoy.n.01", "convoy.n.02")
# Verbs (base forms) of leaving or of coming about: a sentence after a giving that points back to it and negates one
# denies it ("But the fuel had never left port.", "The shipment never materialised.").
DEPARTING_VERBS: Final[frozenset[str]] = frozenset(
    {"leave", "depart", "sail", "materialise", "materialize", "happen", "occur"}
)
# Particles read with the verb before them as one phrase of WordNet ("held up" is "hold_up").
SENSE_PARTICLES: Final[frozenset[str]] = frozenset({"up", "back", "off", "away", "down", "over"})
# Words that leave a giving not yet done where its receiver waits for it ("Estria is still waiting.", "Estria has
# yet to receive any.", "Estria is still awaiting the fuel."): read beside a party's name.
WAITING_WORDS: Final[tuple[str, ...]] = (
    "still waiting",
    "still waits",
    "still awaiting",
    "still awaits",
    "yet to",
    "not yet",
    "waiting for",
    "awaiting",
)
# Labels that open a line correcting or updating the article ("Correction: …", "Update: …"): read wherever the line
# stands. A correction that names the giving corrects it by its label alone; an update is read as a later sentence.
CORRECTION_LABELS: Final[tuple[str, ...]] = ("correction", "corrections", "clarification", "erratum")
UPDATE_LABELS: Final[tuple[str, ...]] = ("update", "updated", "editor's note", "editor’s note", "note")
# Verbs of arriving (base forms): a pointing pronoun far after a giving that never arrives is the giving ("It never
# arrived."); with other verbs a far "it" is mostly something else ("It did not get easier.").
ARRIVING_VERBS: Final[frozenset[str]] = frozenset({"arrive", "land"})

# A done giving's own sentence read whole (`check._told_against`, HOSTILE-16 F1, F4, F11; issue 10). Words that
# tell the giving other than done wherever they stand in it, inside the attribution or the hedge the editor gives
# as well: a done status is refused whatever role the attribution has, since a source does not make a negated,
# false or conditional giving anyone's plain claim of one done.
# Negative adverbials and subjects, read in the giving's own clause before its verb (with the words that open it
# before a comma) and after it up to a comma: "Not once has Norland sent …", "At no time has …", "Norland hardly
# sent …", "Nobody thinks Norland sent …"; not in a phrase set off after it ("…, a claim nobody could verify").
NEGATIVE_ADVERBIALS: Final[tuple[str, ...]] = (
    "not once",
    "at no time",
    "not since",
    "not a single",
    "not one",
    "not even",
    "never before",
    "no longer",
    "under no circumstances",
    "in no case",
    "on no account",
    "no way",
    "nowhere",
    "hardly",
    "scarcely",
    "seldom",
    "rarely",
    "nobody",
    "no one",
    "few",
)
# An opening that inverts its clause's subject and auxiliary after one of these negates it as well ("Little has
# Norland sent …", "Only rarely has …"), though "little" elsewhere is an amount ("little fuel").
NEGATIVE_INVERSIONS: Final[tuple[str, ...]] = ("little", "only rarely", "hardly ever", "never")
# … but a comparison in the clause tells the giving done, and more than before ("Never before has Norland sent so
# much fuel …", "Rarely has Norland lent more."): these words and the inversions are not read there.
NEGATED_COMPARISONS: Final[tuple[str, ...]] = (
    "so much",
    "so many",
    "such",
    "as much",
    "as many",
    "more",
    "larger",
)
COMPARED_NEGATIVES: Final[frozenset[str]] = frozenset(
    {"never before", "rarely", "seldom", "only rarely", "hardly ever"}
)
# … and these anywhere after the verb in its sentence, set off or not ("… in no sense.", "…, by no means.", "… - or
# not."), but in a relative clause, which is another verb's.
NEGATIVE_TAILS: Final[tuple[str, ...]] = (
    "in no sense",
    "in no way",
    "by no means",
    "not at all",
    "not really",
    "or not",
)
# … less these, which deny or count something else ("a few", "nowhere else", "not one but two").
NEGATIVE_OTHERS: Final[tuple[str, ...]] = (
    "a few",
    "the few",
    "quite a few",
    "nowhere else",
    "nobody else",
    "no one else",
    "not one but",
    "not only",
    "not least",
)
# Words that call the claim false, a joke, a fiction or a supposition, read anywhere in the giving's sentence
# ("Vesta's false claim that …", "…, a Vesta parody site said.", "…, Vesta said sarcastically.", "…, or so the story
# goes."). Not the words of an account itself ("claim", "story", "version": FALSITY_WORDS reads those where a
# sentence points back), nor "ironically" opening a sentence, which comments on what it tells.
TELLING_FALSE: Final[tuple[str, ...]] = (
    *sorted(FALSITY_ADVERBS),
    "false",
    "untrue",
    "lie",
    "lies",
    "lied",
    "fake",
    "hoax",
    "myth",
    "wrong",
    "incorrect",
    "fabricated",
    "absurd",
    "nonsense",
    "baseless",
    "bogus",
    "doubts",
    "doubted",
    "doubtful",
    "dubious",
    "imagines",
    "imagined",
    "imaginary",
    "pretends",
    "pretended",
    "joke",
    "joked",
    "joking",
    "jokingly",
    "in jest",
    "sarcastically",
    "ironically",
    "mockingly",
    "facetiously",
    "hypothetically",
    "hypothetical",
    "parody",
    "satire",
    "satirical",
    "spoof",
    "novel",
    "fiction",
    "fictional",
    "fictitious",
    "legend",
    "fable",
    "fairy tale",
    "story goes",
    "tale goes",
    "legend has it",
    "in theory",
    # a giving told in a dream, a film, a game or a drill is not real: STAGED_SETTINGS reads those settings
    "nobody believes",
    "no one believes",
    "few believe",
    "few think",
)
# What stages an event or a giving rather than tells it happen, read as a setting of its sentence: "in the drill",
# "in a naval exercise", "in Vesta's new film", "as part of a war game" (`check._staged_setting`). An event
# inside one did not happen. Not the noun before "of" or "for" ("in the exercise of its rights", "in a play for
# influence"), nor "late in the game" (the idiom of time). WordNet's noun files give no class for these: "drill"
# and "rehearsal" are noun.act as "delivery" is, "film" and "novel" noun.communication as "report" is.
STAGED_SETTINGS: Final[frozenset[str]] = frozenset(
    {"drill", "drills", "exercise", "exercises", "rehearsal", "rehearsals", "simulation", "simulations"}
    | {"wargame", "wargames", "game", "games", "film", "films", "movie", "movies", "play", "plays", "novel"}
    | {"novels", "dream", "dreams", "scenario", "scenarios", "hypothetical", "hypotheticals", "role-play"}
    | {"roleplay", "fiction", "script", "screenplay", "sitcom", "cartoon", "make-believe", "mock-up"}
)

# Conditions and unfinished deals, read in the giving's clause before its verb ("Subject to approval, …") and in
# its sentence after it (UNDOING_AFTER is read there too): the giving is not done, only planned or possible.
# The conjunctions of a condition are read in a later sentence that points back to the giving as well
# (`check._doubting_sentence`: "It goes ahead only if the port opens.").
CONDITION_CONJUNCTIONS: Final[tuple[str, ...]] = (
    "if",
    "unless",
    "provided that",
    "providing that",
    "on condition",
)
CONDITION_WORDS: Final[tuple[str, ...]] = (
    *CONDITION_CONJUNCTIONS,
    "subject to",
    "pending",
    "as long as",
    "so long as",
    "conditional on",
    "conditional upon",
    "contingent on",
    "contingent upon",
    "in the event that",
    "in the event of",
    "on the understanding that",
    "absent a",
    "absent an",
    "absent any",
    "barring",
    # unfinished deals
    "draft",
    "tentative",
    "preliminary",
    "memorandum of understanding",
    "not yet signed",
    "not yet agreed",
    "yet to be",
    "still to be",
    "under negotiation",
    "being negotiated",
    "proposed deal",
    "proposed agreement",
    "unsigned",
)
# Conjunctions of time that condition the giving only when the clause they open is told in the present or to come
# ("Norland sent fuel to Estria once the port reopens.", "… as soon as the port opens", "Once the port opens, …"):
# with a past verb they date a giving that was done ("… as soon as the port reopened", "… once it could")
# (`check._tensed_condition`). Not "in case" nor "assuming" after a done verb, which give its purpose or its
# giver's assumption ("Norland sent fuel to Estria in case the port closes."), nor "when" or "before", which date
# a done giving ahead of what is to come ("… before winter sets in").
TENSED_CONDITIONS: Final[tuple[str, ...]] = (
    "only when",
    "only once",
    "only after",
    "as soon as",
    "once",
    "whenever",
    "the moment",
)
# … less these, which condition nothing ("as if", "if anything", "even if": the giving is done all the same).
NOT_CONDITIONS: Final[tuple[str, ...]] = ("as if", "if anything", "even if", "if only")
