"""Every error at once, whatever the stage (issue 10, What to build 6; REPORT-reader15 finding 4).

A brief with one item of the wrong shape (an aid kind the schema does not know) was refused with that one error
only: the value, status and attribution checks never ran on the rest, so an editor who fixed the kind met the
next errors only on the next run. The items of the right shape are now checked as well, under their own indices.
"""

from __future__ import annotations

import copy
from typing import Any

from bot.briefs.loader import check_raw
from tests.unit.test_seventh_reading_b import ARTICLE, SHIPPED


def _problems(raw: dict[str, Any]) -> list[tuple[str, str]]:
    _, found = check_raw(raw, lambda _name: ARTICLE)
    return [(p.item, p.message) for p in found]


def test_a_bad_shape_and_an_unsupported_value_are_both_reported() -> None:
    raw = copy.deepcopy(SHIPPED)
    raw["aid"][0]["kind"] = "transport"
    raw["loans"][1]["lender"] = "Russia"  # verbatim in the article, not the lender of its clause
    where = [item for item, _ in _problems(raw)]
    assert "aid[0].kind" in where
    assert "loans[1].lender" in where


def test_indices_stay_those_of_the_file_when_an_item_is_set_aside() -> None:
    raw = copy.deepcopy(SHIPPED)
    raw["people"][0]["role"] = 7  # not text
    raw["people"][2]["name"] = "Vladimir Putin"  # another person's name, not in the phrase that names them
    where = [item for item, _ in _problems(raw)]
    assert "people[0].role" in where
    assert "people[2].name" in where
    assert not any(item.startswith("people[1].") for item in where)


def test_each_problem_is_told_once() -> None:
    raw = copy.deepcopy(SHIPPED)
    raw["aid"][0]["kind"] = "transport"
    raw["loans"][0]["evidence"] = ["Japan has provided Ukraine with a $600 milion loan"]  # a typo
    found = _problems(raw)
    assert len(found) == len(set(found))
    assert [item for item, _ in found].count("loans[0].evidence[0]") == 1


def test_a_brief_whose_top_is_of_the_wrong_shape_still_gets_its_passages_checked() -> None:
    raw = copy.deepcopy(SHIPPED)
    raw["id"] = "Not An Id!"
    raw["loans"][0]["evidence"] = ["Japan has provided Ukraine with a $600 milion loan"]
    where = [item for item, _ in _problems(raw)]
    assert "id" in where and "loans[0].evidence[0]" in where
