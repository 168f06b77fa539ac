"""A key point is shown as the article's own words: its frame must be shown with it (HOSTILE-14 N, A).

A passage cut out of its sentence ("Oster shut the port on Monday" of "It is untrue that Oster shut the port on
Monday.") was shown verbatim as what the article says; so was a sentence the next one calls false, or one the
sentence before hands to someone's story. A key point's passage now runs from where its sentence starts to where
it ends, and takes in a sentence around it that frames it or takes it back.

TEST FIXTURES, NOT NEWS: every article below is an invented text about invented places (Estria, Norland, Vesta,
Oster); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import checked, refused


def _article(body: str) -> str:
    return f"Port news from Estria\n\n{body}\nEstria Harbour News staff contributed to this report.\n"


# (the sentence as the article writes it, the passage an editor cut from it)
CUT_FROM_FRAME = (
    ("It is untrue that Oster shut the port on Monday.", "Oster shut the port on Monday"),
    ("That the port was shut is false.", "the port was shut"),
    ("That Oster shut the port is false.", "That Oster shut the port"),
    ("The claim that Oster shut the port is false.", "Oster shut the port"),
    ("It is possible Oster shut the port.", "Oster shut the port."),
    ("Oster shut the port — not.", "Oster shut the port"),
    ("Oster shut the port: false.", "Oster shut the port"),
    ("Did Oster shut the port?", "Oster shut the port"),
    ("Oster shut the port in the novel.", "Oster shut the port"),
)


@pytest.mark.parametrize(("sentence", "passage"), CUT_FROM_FRAME)
def test_a_key_point_cut_from_its_sentence_is_refused(sentence: str, passage: str) -> None:
    _, found = checked(_article(sentence), key_points=[{"evidence": [passage]}])
    assert [where for where, _ in found] == ["key_points[0].evidence[0]"]
    assert "whole sentence" in found[0][1] and sentence in found[0][1]


@pytest.mark.parametrize(("sentence", "passage"), CUT_FROM_FRAME)
def test_the_whole_sentence_shows_its_frame_and_passes(sentence: str, passage: str) -> None:
    assert refused(_article(sentence), key_points=[{"evidence": [sentence]}]) == []


@pytest.mark.parametrize(
    "passage",
    [
        "Oster shut the port on Monday",  # the full stop left out
        "Oster shut the port on Monday.",
        "“Oster shut the port on Monday.”",
    ],
)
def test_a_whole_sentence_may_leave_out_its_closing_stop(passage: str) -> None:
    body = "Oster shut the port on Monday. The ferries stayed at the quay."
    said: dict[str, str] = {}
    if passage.startswith("“"):  # a quotation is its speaker's words (REPORT-reader17 finding 1)
        body = "“The ferries stayed at the quay,” Quill said. “Oster shut the port on Monday.”"
        said = {"attribution": "Quill said"}
    assert refused(_article(body), key_points=[{"evidence": [passage], **said}]) == []


TAKEN_BACK_AFTER = (
    "That is false.",
    "Or rather, Vesta did.",
    "Or did he?",
    "Not so.",
)


@pytest.mark.parametrize("after", TAKEN_BACK_AFTER)
def test_a_key_point_the_next_sentence_takes_back_is_refused(after: str) -> None:
    body = f"Oster shut the port on Monday. {after}"
    _, found = checked(_article(body), key_points=[{"evidence": ["Oster shut the port on Monday."]}])
    assert [where for where, _ in found] == ["key_points[0].evidence[0]"]
    assert after in found[0][1]


@pytest.mark.parametrize("after", TAKEN_BACK_AFTER)
def test_taking_the_next_sentence_in_shows_it_and_passes(after: str) -> None:
    body = f"Oster shut the port on Monday. {after}"
    assert refused(_article(body), key_points=[{"evidence": [body]}]) == []


FRAMED_BEFORE = ("Vesta tells a different story.", "Suppose the following.", "RUMOURS")


@pytest.mark.parametrize("before", FRAMED_BEFORE)
def test_a_key_point_the_sentence_before_frames_is_refused(before: str) -> None:
    body = (
        f"{before}\nOster shut the port on Monday."
        if before.isupper()
        else f"{before} Oster shut the port on Monday."
    )
    _, found = checked(_article(body), key_points=[{"evidence": ["Oster shut the port on Monday."]}])
    assert [where for where, _ in found] == ["key_points[0].evidence[0]"]
    assert before in found[0][1]


def test_taking_the_frame_in_shows_it_and_passes() -> None:
    body = "Vesta tells a different story. Oster shut the port on Monday."
    point = {"evidence": [body], "attribution": "Vesta tells"}  # "tells" says whose story it is
    assert refused(_article(body), key_points=[point]) == []


@pytest.mark.parametrize(
    "around",
    [
        "Talks resumed the following week.",
        "The ferries stayed at the quay.",
        "It reopened on Friday.",
        "Temperatures dropped below freezing in December.",
    ],
)
def test_plain_sentences_around_a_key_point_pass(around: str) -> None:
    body = f"{around} Oster shut the port on Monday. {around}"
    assert refused(_article(body), key_points=[{"evidence": ["Oster shut the port on Monday."]}]) == []


# A sentence before that frames only itself: a participle opening its own clause is no command to the reader, and
# a framing noun after a preposition ("by all accounts") is that sentence's own source (both refused the giving
# after them, and the key point after them, before this change).
FRAMES_ONLY_ITSELF = (
    "Sent by sea, the ferries arrived late.",
    "Thanks to the cold, demand rose.",
    "Asked for comment, the port stayed silent.",
    "The harbour was busy, by all accounts.",
    "The harbour was busy, in one account.",
    "In Vesta's view, the harbour was busy.",  # an account after a preposition: that sentence's own source
)


@pytest.mark.parametrize("before", FRAMES_ONLY_ITSELF)
def test_a_sentence_that_frames_only_itself_leaves_the_next_told(before: str) -> None:
    from tests.unit.test_sixth_reading import _deal_flow

    giving = "Norland sent fuel to Estria."
    assert refused(_article(f"{before} {giving}"), aid=[_deal_flow("Norland", "fuel", "sent", giving)]) == []
    assert refused(_article(f"{before} {giving}"), key_points=[{"evidence": [giving]}]) == []


# A key point is told as the article's fact, so the sentence after it is read as a done giving's is, not for
# falsity alone (HOSTILE-15 4: "Or so Vesta says.", "It did not." left it shown bare).
DOUBTED_AFTER = (
    "Or so Vesta says.",
    "It did not.",
    "Nobody believes it.",
    "It was all a drill.",
    "This is doubtful.",
    "Few believe this.",
)


@pytest.mark.parametrize("after", DOUBTED_AFTER)
def test_a_key_point_the_next_sentence_doubts_is_refused(after: str) -> None:
    told = "The port of Estria reopened on Monday."
    _, found = checked(_article(f"{told} {after}"), key_points=[{"evidence": [told]}])
    assert [where for where, _ in found] == ["key_points[0].evidence[0]"], found


@pytest.mark.parametrize(
    "after", ["It reopened on Friday.", "It was the first time since May.", "It had been shut since March."]
)
def test_a_key_point_followed_by_more_of_its_story_passes(after: str) -> None:
    told = "The port of Estria reopened on Monday."
    assert refused(_article(f"{told} {after}"), key_points=[{"evidence": [told]}]) == []
