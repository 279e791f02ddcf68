"""The view a visitor built survives a language switch and a visit to another page (issue 17,
points 1, 2 and 11), in real Chromium.

Streamlit 1.67's multiselect and select box keep their choices in the browser as the names
they show, so a switch of language used to leave "North Macedonia" on a Bulgarian page and
then drop the filter on the next page; the project chosen on Projects was forgotten after a
visit elsewhere.
"""

from __future__ import annotations

import re

from browser_support import wait_for_app
from playwright.sync_api import Page, expect
from test_browser_pages import DESKTOP, MAIN, SIDEBAR, showing_line, sidebar_choice

LANGUAGE_LABEL = "Language · Език · Јазик"


def choose_language(page: Page, name: str) -> None:
    page.locator(SIDEBAR).get_by_role("combobox", name=LANGUAGE_LABEL).click()
    page.get_by_role("option", name=name, exact=True).click()


def go_to(page: Page, link: str) -> None:
    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=link).click()


def test_language_switch_keeps_the_filters_on_the_next_page(base, open_page):  # noqa: F811
    """Open /?lang=en&country=MK, pick Български, go to the map: the URL keeps country=MK and
    the sidebar's chip reads Северна Македония, on both pages."""
    watched = open_page(f"{base}/?lang=en&country=MK", *DESKTOP)
    page = watched.page
    assert sidebar_choice(page, "Country") == ["North Macedonia"]

    choose_language(page, "Български")
    expect(page.locator(SIDEBAR).get_by_role("combobox", name="Държава")).to_be_visible()
    wait_for_app(page)
    expect(page).to_have_url(re.compile(r"/\?country=MK&lang=bg$"))
    assert sidebar_choice(page, "Държава") == ["Северна Македония"]

    go_to(page, "Карта")
    expect(page).to_have_url(re.compile(r"/map\?(country=MK&lang=bg|lang=bg&country=MK)$"))
    wait_for_app(page)
    assert sidebar_choice(page, "Държава") == ["Северна Македония"]
    expect(showing_line(page, "Държава: Северна Македония", "Показани")).to_be_visible()
    assert watched.console_errors == []


def test_multiselects_offer_no_english_select_all(base, open_page):  # noqa: F811
    """An open filter list in Macedonian offers its options, and no English "Select all"."""
    page = open_page(f"{base}/?lang=mk", *DESKTOP).page
    page.locator(SIDEBAR).get_by_role("combobox", name="Град").click()
    expect(page.get_by_role("option").first).to_be_visible()
    listed = page.locator('[role="listbox"]').inner_text()
    assert "Select all" not in listed
    assert "Штип" in listed


def test_chosen_project_is_kept_after_another_page(base, open_page):  # noqa: F811
    """Choose a project on Projects, visit Overview, come back: the same project is shown and
    show= is back in the URL; after a switch to Macedonian its title is Macedonian."""
    page = open_page(f"{base}/projects", *DESKTOP).page
    box = page.locator(MAIN).get_by_role("combobox", name="Project")
    box.click()
    page.get_by_role("option", name=re.compile("^Building capacity")).click()
    expect(page).to_have_url(re.compile(r"show=rso-maritsa-forums"))
    wait_for_app(page)

    go_to(page, "Overview")
    expect(page.locator(MAIN).locator("h1").first).not_to_have_text("Projects")
    wait_for_app(page)
    go_to(page, "Projects")
    expect(page).to_have_url(re.compile(r"/projects\?show=rso-maritsa-forums$"))
    wait_for_app(page)
    expect(page.locator(MAIN).locator("h2", has_text="Building capacity")).to_be_visible()

    choose_language(page, "Македонски")
    expect(page.locator(MAIN).locator("h2", has_text="Надградба на капацитетот")).to_be_visible()
    wait_for_app(page)
    chosen = page.locator(MAIN).get_by_role("combobox", name="Проект")
    expect(chosen).to_have_value(re.compile("^Надградба на капацитетот"))
    expect(page).to_have_url(re.compile(r"show=rso-maritsa-forums"))


def test_language_is_changed_on_the_page_of_a_phone(base, open_page):  # noqa: F811
    """At 390 px the sidebar is collapsed: the page's own language buttons switch it, and the
    filter stays, its chip renamed."""
    page = open_page(f"{base}/participants?city=shtip", 390, 844).page
    expect(page.locator(SIDEBAR)).not_to_be_in_viewport()
    page.locator(MAIN).locator('[data-testid="stButtonGroup"]').get_by_text("Македонски").click()
    expect(page.locator(MAIN).locator("h1").first).to_have_text("Учесници по град")
    wait_for_app(page)
    expect(page).to_have_url(re.compile(r"/participants\?(city=shtip&lang=mk|lang=mk&city=shtip)$"))
    expect(showing_line(page, "Град: Штип", "Прикажано")).to_be_visible()
