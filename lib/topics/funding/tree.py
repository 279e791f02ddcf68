"""The funder › programme › strand › measure › project tree the Funding chart draws, from the
funding lines (lib/topics/funding/data.py). Ids are paths, so the same programme under two
funders stays two nodes. With thousands of projects the chart stops at the programmes:
`programme_tree` then works the blocks out from the lines grouped by their programme chain,
without a leaf a project."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import NamedTuple

import numpy as np
import pandas as pd

from lib.model.portfolio import Portfolio
from lib.text.i18n import tr
from lib.topics.funding.data import ROOT_ID, funding_rows, size_basis


def chart_tree(
    portfolio: Portfolio,
    lines: pd.DataFrame,
    project_ids: Sequence[str],
    language: str,
    by_programme: bool,
) -> pd.DataFrame:
    """The tree the Funding chart draws: down to the programmes from the lines without words
    (data.funding_lines), or down to a leaf a project, its lines' words written (a few dozen
    projects at most)."""
    if by_programme:
        return programme_tree(portfolio, lines, language)
    return funding_tree(portfolio, funding_rows(portfolio, project_ids, language), language)


def funding_tree(portfolio: Portfolio, rows: pd.DataFrame, language: str = "en") -> pd.DataFrame:
    """Nodes funder › programme › strand › measure › project: id, parent, label, level,
    funder_index (for the colour), value (leaves only), projects (distinct, under the node),
    and hover facts. Ids are paths, so the same programme under two funders stays two nodes."""
    basis = size_basis(rows)
    funders = {funder: n for n, funder in enumerate(dict.fromkeys(rows["funder_id"]))}
    nodes: dict[str, dict] = {}
    under: dict[str, set[str]] = {}
    # One root, so the funders share the chart's first column instead of leaving it empty.
    _add(nodes, ROOT_ID, "", tr(language, "All funders"), "root", -1, "", "")
    for line in _lines(rows):
        path = [ROOT_ID, line.funder_id]
        node_id = "/".join(path)
        _add(nodes, node_id, ROOT_ID, line.funder, "funder", funders[line.funder_id], "", "")
        for programme_id in line.programme_ids:
            programme = portfolio.programmes[programme_id]
            path.append(programme_id)
            parent, node_id = node_id, "/".join(path)
            source = portfolio.sources[programme.source].title
            _add(
                nodes,
                node_id,
                parent,
                programme.names.get(language),
                programme.level,
                funders[line.funder_id],
                source,
                programme.quote,
            )
        parent, node_id = node_id, "/".join([*path, line.project_id])
        node = _add(
            nodes, node_id, parent, line.project, "project", funders[line.funder_id], "", ""
        )
        node["value"] += float(line.amount_value) if basis == "amount" else 1.0
        for key, value in (
            ("amount", line.amount),
            ("grant_reference", line.grant_reference),
            ("co_funded", line.co_funded),
            ("source", line.source),
            ("quote", line.quote),
        ):
            # Two lines of one funder for one project under one programme share a leaf.
            node[key] = value if node[key] in ("", value) else f"{node[key]}; {value}"
        node.update(funder=line.funder, path=line.programme_path)
        for ancestor in _ancestors(node_id):
            under.setdefault(ancestor, set()).add(line.project_id)
    frame = pd.DataFrame(nodes.values())
    frame["projects"] = [len(under.get(node_id, ())) for node_id in frame["id"]]
    return frame


class _Line(NamedTuple):
    funder_id: str
    funder: str
    programme_ids: tuple[str, ...]
    programme_path: str
    project_id: str
    project: str
    amount_value: object
    amount: str
    grant_reference: str
    co_funded: str
    source: str
    quote: str


def _lines(rows: pd.DataFrame) -> Iterator[_Line]:
    """The rows as plain records: iterating over Arrow-backed text columns an element at a
    time took most of a 10,000-project tree's time."""
    columns = (rows[name].to_numpy(dtype=object) for name in _Line._fields)
    return map(_Line._make, zip(*columns, strict=True))


def programme_tree(portfolio: Portfolio, rows: pd.DataFrame, language: str = "en") -> pd.DataFrame:
    """without_projects(funding_tree(...)), worked out from the lines grouped by their funder
    and programme chain: a portfolio's thousands of lines share a few hundred chains, so
    nothing is done a line in Python. `rows` need no words (funding_lines gives them): the
    funders' names are looked up. Lines, chains, projects and nodes are numbered, as joining
    each line's chain into a text and listing each line's nodes took a quarter of a second
    for a funder's 90,000 lines at 100,000 projects."""
    basis = size_basis(rows)
    funder_at, funder_index = pd.factorize(rows["funder_id"])
    # a list: a funder's projects' co-funders are some 1,800, and taking each from an
    # Arrow-backed index one at a time took a third of the tree's time
    funder_ids = funder_index.tolist()
    funders = {funder: n for n, funder in enumerate(funder_ids)}
    programme_at, programme_chains = pd.factorize(rows["programme_ids"].to_numpy(dtype=object))
    # a chain is a funder and its programmes: numbered in the order first met
    chain_at, _ = pd.factorize(funder_at.astype(np.int64) * len(programme_chains) + programme_at)
    weights = rows["amount_value"].astype(float) if basis == "amount" else _ones(rows)
    folded = weights.groupby(chain_at, sort=False).sum().tolist()  # in the chains' order
    nodes: dict[str, dict] = {}
    _add(nodes, ROOT_ID, "", tr(language, "All funders"), "root", -1, "", "")
    passes: list[list[str]] = []  # by chain: the nodes its lines pass through
    _, first_lines = np.unique(chain_at, return_index=True)
    firsts = zip(funder_at[first_lines].tolist(), programme_at[first_lines].tolist(), strict=True)
    for chain, (funder_number, programme_number) in enumerate(firsts):
        funder_id = funder_ids[funder_number]
        node_id = f"{ROOT_ID}/{funder_id}"
        name = portfolio.organisations[funder_id].names.get(language)
        _add(nodes, node_id, ROOT_ID, name, "funder", funders[funder_id], "", "")
        passes.append([ROOT_ID, node_id])
        for programme_id in programme_chains[programme_number]:
            programme = portfolio.programmes[programme_id]
            parent, node_id = node_id, f"{node_id}/{programme_id}"
            source = portfolio.sources[programme.source].title
            level, funder = programme.level, funders[funder_id]
            label = programme.names.get(language)
            _add(nodes, node_id, parent, label, level, funder, source, programme.quote)
            passes[chain].append(node_id)
        nodes[node_id]["value"] += float(folded[chain])  # where its project leaves would hang
    frame = pd.DataFrame(nodes.values())
    frame["projects"] = _projects_under(nodes, passes, chain_at, rows["project_id"])
    return frame


def _ones(rows: pd.DataFrame) -> pd.Series:
    return pd.Series(1.0, index=rows.index)


def _projects_under(
    nodes: dict[str, dict], passes: list[list[str]], chain_at: np.ndarray, projects: pd.Series
) -> np.ndarray:
    """How many distinct projects have a line whose chain passes through each node, in the
    nodes' order: each distinct (chain, project) pair counted once at each node of its chain,
    then each (node, project) pair once."""
    number = {node_id: n for n, node_id in enumerate(nodes)}
    project_at, project_ids = pd.factorize(projects)
    width = max(len(project_ids), 1)
    pairs = pd.unique(chain_at.astype(np.int64) * width + project_at)
    if not len(pairs):
        return np.zeros(len(nodes), dtype=np.int64)
    pair_chain, pair_project = pairs // width, pairs % width
    lengths = np.array([len(chain) for chain in passes], dtype=np.int64)
    flat = np.array([number[node_id] for chain in passes for node_id in chain], dtype=np.int64)
    starts = np.cumsum(lengths) - lengths
    times = lengths[pair_chain]  # each pair once for each node of its chain
    repeated = np.repeat(np.arange(len(pairs)), times)
    step = np.arange(len(repeated)) - np.repeat(np.cumsum(times) - times, times)
    node_at = flat[starts[pair_chain[repeated]] + step]
    reached = pd.unique(node_at * width + pair_project[repeated])
    return np.bincount(reached // width, minlength=len(nodes)).astype(np.int64)


def without_projects(nodes: pd.DataFrame) -> pd.DataFrame:
    """The tree with its project leaves folded into the blocks above them, each sized by its
    projects: thousands of projects would be slivers no one can read (the table lists them)."""
    leaves = nodes["level"] == "project"
    folded = nodes[leaves].groupby("parent")["value"].sum()
    kept = nodes[~leaves].reset_index(drop=True)
    return kept.assign(value=kept["value"] + kept["id"].map(folded).fillna(0.0))


def _ancestors(node_id: str) -> list[str]:
    parts = node_id.split("/")
    return ["/".join(parts[: n + 1]) for n in range(len(parts))]


def _add(
    nodes: dict[str, dict],
    node_id: str,
    parent: str,
    label: str,
    level: str,
    funder_index: int,
    source: str,
    quote: str,
) -> dict:
    return nodes.setdefault(
        node_id,
        {
            "id": node_id,
            "parent": parent,
            "label": label,
            "level": level,
            "funder_index": funder_index,
            "value": 0.0,
            "source": source,
            "quote": quote,
            "amount": "",
            "grant_reference": "",
            "co_funded": "",
            "funder": "",
            "path": "",
        },
    )
