"""The Sources page counts each report's citations from the projects' columns alone (their
facts' sources, lib/model/projects.py): the same facts, in the same number, as the lists of
facts a reader opens."""

from fixture_data import FIXTURE_DATA_DIR

from lib.load.loader import load_portfolio
from lib.model.projects import parts_of
from lib.query.citations import project_uses
from lib.topics.sources.data import source_list


def test_counted_sources_are_the_sources_of_the_listed_facts():
    portfolio = load_portfolio(FIXTURE_DATA_DIR).portfolio
    no_figures = portfolio.values.iloc[0:0]
    facts = parts_of(portfolio.projects).facts
    counted = facts[facts["counted"]]
    for project_id in portfolio.projects:
        listed = [use.source for use in project_uses(portfolio, project_id, rows=no_figures)]
        own = counted[counted["project"] == project_id]
        # a row a report, in the order first cited, with how many of the facts cite it
        assert own["source"].tolist() == list(dict.fromkeys(listed))
        assert own["uses"].tolist() == [listed.count(source) for source in own["source"]]
    assert (counted["uses"] > 1).any()  # the fixture has reports cited more than once


def test_every_report_counts_the_facts_taken_from_it():
    portfolio = load_portfolio(FIXTURE_DATA_DIR).portfolio
    listed = source_list(portfolio)
    counted = dict(zip(listed["id"], listed["facts taken"], strict=True))
    expected: dict[str, int] = {}
    for project_id in portfolio.projects:
        for use in project_uses(portfolio, project_id):
            expected[use.source] = expected.get(use.source, 0) + 1
    for entry in [*portfolio.organisations.values(), *portfolio.programmes.values()]:
        expected[entry.source] = expected.get(entry.source, 0) + 1
    assert counted == {source: expected.get(source, 0) for source in counted}
    assert sum(counted.values()) > 0


def test_the_pages_first_reports_are_the_lists_first_rows(monkeypatch):
    """The page writes the words of the reports it shows only: the same rows, in the same
    order, with the same counts, as the whole list's first ones."""
    import lib.topics.sources.data as sources_data

    monkeypatch.setattr(sources_data, "TABLE_ROWS", 2)
    portfolio = load_portfolio(FIXTURE_DATA_DIR).portfolio
    for language in ("en", "mk"):
        head = sources_data.source_list_head(portfolio, language)
        whole = source_list(portfolio, language)
        assert len(whole) > 2 and len(head) == 2
        assert head.equals(whole.head(2))
