"""Every fact of an answer is reachable from its Quote view (task "messages" 4).

The Quote button's custom_id (at most 100 characters) names the answer's facts as bit masks; when they did not
fit, the last facts were dropped without a word (and a lone fact far down a long section fitted no button at
all). Now the mask may start after its first index, and an answer whose facts fit no one custom_id is quoted in
parts, one Quote menu option each, named by the facts it holds ("Facts 1–30 of 200").
"""

from __future__ import annotations

import re

import pytest

from bot.briefs import quote, render
from bot.briefs.loader import LoadResult
from bot.briefs.lookup import Library
from bot.briefs.quote import (
    CUSTOM_ID_LIMIT,
    TEMPLATE,
    QuoteChoice,
    decode_items,
    encode_items,
    quote_choices,
    render_quote,
)


def _many(shipped: LoadResult, section: str, count: int, picks: tuple[int, int] = (0, 1)) -> Library:
    """The shipped brief, with a 64-character id and `count` items in `section`, taking turns between two of
    its items (`picks`), so that an answer naming one of them has every other item."""
    brief = shipped.library.get()
    shipped_items = getattr(brief, section)
    items = [shipped_items[picks[i % 2]].model_copy() for i in range(count)]
    changed = brief.model_copy(update={"id": "x" * 64, section: items})
    changed._proof = brief.proof
    return Library([changed])


def _reached(choices: list[QuoteChoice]) -> list[str]:
    return [key for choice in choices for key in choice.target.items]


@pytest.mark.parametrize(
    ("command", "section", "picks", "options"),
    [
        ("who", "people", (0, 2), {"name": "Mezushan"}),
        ("aid", "aid", (5, 0), {"country": "United States"}),
        ("loans", "loans", (2, 1), {"country": "Germany"}),
    ],
)
def test_every_fact_of_a_long_answer_is_in_one_part_of_its_quote(
    shipped: LoadResult, command: str, section: str, picks: tuple[int, int], options: dict[str, str]
) -> None:
    library = _many(shipped, section, 400, picks)
    wanted = [f"{section}[{i}]" for i in range(0, 400, 2)]
    choices = quote_choices(command, library, options)
    assert sorted(_reached(choices)) == sorted(wanted)
    assert len(choices) > 1
    for choice in choices:
        assert len(choice.target.custom_id) <= CUSTOM_ID_LIMIT
        assert re.fullmatch(TEMPLATE, choice.target.custom_id)
    assert choices[0].part.startswith("Facts 1–") and choices[-1].part.endswith("–200 of 200")
    view = render.pages_text(render_quote(library, choices[1].target))
    assert f"for {len(choices[1].target.items)} facts" in view


def test_a_lone_fact_far_down_a_section_fits_a_button(shipped: LoadResult) -> None:
    library = _many(shipped, "people", 400)
    brief = library.get()
    targets = quote.targets_for(brief, ["people[399]"])
    assert len(targets) == 1 and targets[0].items == ("people[399]",)
    assert len(targets[0].custom_id) <= CUSTOM_ID_LIMIT and re.fullmatch(TEMPLATE, targets[0].custom_id)


def test_a_mask_after_its_first_index_decodes_and_old_masks_still_do() -> None:
    items = ("aid[60]", "aid[62]")
    assert encode_items(items) == "a3c_5"
    assert decode_items("a3c_5") == items
    assert decode_items("p5.l2") == ("people[0]", "people[2]", "loans[1]")  # a button posted before
    assert encode_items(("people[0]", "people[2]")) == "p5"


def test_an_answer_that_fits_one_button_has_one(shipped: LoadResult) -> None:
    choices = quote_choices("who", shipped.library, {})
    assert len(choices) == 1 and choices[0].facts is None and choices[0].part == ""


def test_parts_past_the_menus_25_say_what_they_leave_out(shipped: LoadResult) -> None:
    library = _many(shipped, "people", 6000, (0, 2))
    choices = quote_choices("who", library, {"name": "Mezushan"})
    assert len(choices) > 25
    said = quote.menu_placeholder(choices)
    assert f"the first 25 of {len(choices)} parts" in said and "left out" in said and len(said) <= 150


def test_the_quote_menu_names_each_part(shipped: LoadResult) -> None:
    from bot.app.views import MENU_TEXT_LIMIT, quote_menu

    library = _many(shipped, "people", 400, (0, 2))
    choices = quote_choices("who", library, {"name": "Mezushan"})
    menu = quote_menu(choices)
    assert [option.value for option in menu.options] == [c.target.custom_id for c in choices][:25]
    assert menu.options[0].label.startswith("Facts 1–") and all(
        len(option.label) <= MENU_TEXT_LIMIT for option in menu.options
    )
    assert menu.placeholder is not None and "parts" in menu.placeholder
