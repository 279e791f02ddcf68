"""The languages are one list (lib/model/languages.py) that the catalogs, the data's text blocks,
the language select box, the board pack, the exports and the command line all follow."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel import Locale
from broken_data import assert_problem, copy_data, edit
from fixture_data import ROOT

from lib.cli import main
from lib.load.loader import load_portfolio
from lib.model.languages import (
    BABEL_LOCALES,
    LANGUAGE_CODES,
    SOURCE_LANGUAGE,
    TRANSLATED_LANGUAGES,
)
from lib.model.schema import Source, Text
from lib.text.i18n import catalog_path, format_month, supported
from lib.ui.language import LABEL, browser_language, language_from_param


def test_each_translated_language_has_a_catalog_and_no_other_catalog_exists():
    assert SOURCE_LANGUAGE in LANGUAGE_CODES and SOURCE_LANGUAGE not in TRANSLATED_LANGUAGES
    for code in TRANSLATED_LANGUAGES:
        assert catalog_path(code).is_file(), f"no catalog for {code}"
    folders = {path.name for path in (ROOT / "locale").iterdir() if path.is_dir()}
    assert folders == set(TRANSLATED_LANGUAGES)


def test_babel_knows_every_language_and_writes_its_months():
    for code, locale in BABEL_LOCALES.items():
        assert Locale.parse(locale).language == code
    assert len({format_month(2018, 6, code) for code in LANGUAGE_CODES}) == len(LANGUAGE_CODES)


def test_a_text_block_has_one_field_a_language_and_its_original():
    assert list(Text.model_fields) == [*LANGUAGE_CODES, "original"]
    words = {code: f"text in {code}" for code in LANGUAGE_CODES}
    text = Text(**words, original="bg")
    assert [text.get(code) for code in LANGUAGE_CODES] == list(words.values())
    assert text.get("de") == words[SOURCE_LANGUAGE]  # a language we lack reads the source one
    with pytest.raises(ValueError, match="original"):
        Text(**words, original="de")
    assert Source.model_fields["language"].annotation.__args__ == LANGUAGE_CODES


def test_a_text_block_missing_a_language_is_a_problem_on_its_line(tmp_path: Path):
    data = copy_data(tmp_path)
    line = edit(data, "countries.yaml", ' mk: "Бугарија",', "")
    assert_problem(load_portfolio(data), "countries.yaml", line, "countries[2].names.mk")


def test_the_url_the_browser_and_the_select_box_follow_the_list():
    for code in LANGUAGE_CODES:
        assert language_from_param([code.upper()], SOURCE_LANGUAGE) == (code, False)
        assert browser_language(f"{code}-XX") == code
        assert supported(code) == code
    assert language_from_param(["de"], "bg") == ("bg", True)
    assert browser_language("de-DE") == SOURCE_LANGUAGE
    assert LABEL.split(" · ")[:3] == ["Language", "Език", "Јазик"]
    assert len(LABEL.split(" · ")) == len(LANGUAGE_CODES)


def test_the_command_line_offers_every_language(capsys):
    with pytest.raises(SystemExit):
        main(["board-pack", "--help"])
    assert "{" + ",".join(LANGUAGE_CODES) + "}" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["places", "add", "--help"])
    helped = capsys.readouterr().out
    assert all(f"--{code}" in helped for code in TRANSLATED_LANGUAGES)
    assert f"--{SOURCE_LANGUAGE} " not in helped  # its name is GeoNames' own
