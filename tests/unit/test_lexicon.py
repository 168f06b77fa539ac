"""The lexicon tells what kind of word a word can be, for words no vocabulary list names."""

from __future__ import annotations

import threading

import pytest

from bot.briefs import lexicon


@pytest.mark.parametrize(
    ("word", "word_class"),
    [
        ("reported", "VERB"),
        ("believes", "VERB"),
        ("wrote", "VERB"),
        ("contends", "VERB"),
        ("apparently", "ADV"),
        ("supposedly", "ADV"),
        ("ostensibly", "ADV"),
    ],
)
def test_words_no_list_names_are_known_by_their_class(word: str, word_class: lexicon.WordClass) -> None:
    assert lexicon.only(word, word_class)
    assert lexicon.may_be(word, word_class)


def test_a_word_of_several_classes_is_not_only_one() -> None:
    assert lexicon.word_classes("fuel") == {"NOUN", "VERB"}
    assert not lexicon.only("fuel", "VERB")
    assert lexicon.may_be("supposed", "ADJ") and lexicon.may_be("supposed", "VERB")


def test_an_unknown_word_has_no_class_and_is_only_nothing() -> None:
    for word in ("Korniychuk", "Norland", "", "..."):
        assert lexicon.word_classes(word) == frozenset()
        assert not any(lexicon.only(word, name) for name in lexicon.WORD_CLASSES)


def test_case_and_the_punctuation_of_running_text_do_not_matter() -> None:
    assert lexicon.word_classes("Reported,") == lexicon.word_classes("reported")
    assert lexicon.word_classes("“said.”") == lexicon.word_classes("said") == {"VERB"}
    assert lexicon.bare("isn’t") == "isn't"


def test_lemmas_are_given_for_the_class_asked() -> None:
    assert lexicon.lemmas("reported", "VERB") == ("report",)
    assert lexicon.lemmas("withdrew", "VERB") == ("withdraw",)
    assert lexicon.lemmas("reported", "NOUN") == ()


def test_threads_asking_at_once_all_get_answers() -> None:
    answers: list[frozenset[lexicon.WordClass]] = []
    start = threading.Barrier(4)

    def ask() -> None:
        start.wait()
        answers.append(lexicon.word_classes("maintains"))

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [frozenset({"VERB"})] * 4
