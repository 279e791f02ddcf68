"""The shape of every YAML data file, as pydantic models; data/README.md documents each field."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    create_model,
    model_validator,
)

from lib.model.dates import FuzzyDate
from lib.model.languages import LANGUAGE_CODES, SOURCE_LANGUAGE, Language

Id = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]
Country = Annotated[str, Field(pattern=r"^[A-Z]{2}$")]


def _parse_date(value: object) -> FuzzyDate:
    if isinstance(value, FuzzyDate):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # a year written without quotes
    if not isinstance(value, str):
        raise ValueError("should be a date written as text, like 2018-06-19")
    return FuzzyDate.parse(value)


# In JSON (the snapshot, lib/store) a date is written as the curator wrote it, and read back
# by the same parser.
DateText = Annotated[
    FuzzyDate,
    BeforeValidator(_parse_date),
    PlainSerializer(str, return_type=str, when_used="json"),
]


class Strict(BaseModel):
    """Unknown fields are typos; values are taken as written, never coerced."""

    model_config = ConfigDict(
        extra="forbid", strict=True, frozen=True, arbitrary_types_allowed=True
    )


class _TextInEveryLanguage(Strict):
    """What Text does; Text adds one field a language of lib/model/languages.py."""

    def get(self, language: str) -> str:
        """The text in `language`, or in the source language for a code we lack."""
        return getattr(self, language if language in LANGUAGE_CODES else SOURCE_LANGUAGE)


# A text in every language (`en`, `bg`, `mk`: a required field each, built from the list of
# languages so that adding one needs no edit here); `original` names the language a source wrote
# it in, the others being translations.
Text = create_model(
    "Text",
    __base__=_TextInEveryLanguage,
    __doc__="A text in every language; `original` names the language a source wrote it in.",
    **{code: (str, Field(min_length=1)) for code in LANGUAGE_CODES},
    original=(Language, ...),
)


class Cited(Strict):
    """Anything taken from a report names the report and copies the sentence that states it."""

    source: Id
    quote: str = Field(min_length=1)


class Inferable(Strict):
    """A fact the curators may mark as their own reading: `inferred` names the fields that no
    report states (the quote is the sentence the reading rests on), `note` says why."""

    inferred: list[str] | None = None
    note: str | None = None

    def is_inferred(self, field: str) -> bool:
        return field in (self.inferred or ())


# The fields each kind of entry may mark as inferred (lib/load/fact_checks checks the names).
INFERABLE_FIELDS: dict[str, tuple[str, ...]] = {
    "Project": ("status", "start", "end"),
    "ProjectPlace": ("place",),
    "ProjectOrganisation": ("role",),
    "Funding": ("amount", "grant_reference", "co_funded"),
    "Link": ("kind",),
    "Event": ("start", "end", "place"),
}


# --- sources.yaml --------------------------------------------------------------------------


class Source(Strict):
    id: Id
    title: str = Field(min_length=1)
    language: Language
    file: str = Field(pattern=r"^[\w.-]+\.txt$")
    publisher: Id | None = None
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    translation_of: Id | None = None
    published: DateText | None = None
    retrieved: DateText | None = None
    note: str | None = None


# --- countries.yaml and places.yaml ---------------------------------------------------------


class CountryEntry(Strict):
    code: Country
    names: Text


class Place(Strict):
    id: Id
    kind: Literal["city", "municipality", "region"]
    country: Country
    geonames_id: int | None = Field(default=None, gt=0)
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    names: Text
    note: str | None = None

    @model_validator(mode="after")
    def _coordinates_in_pairs(self) -> Place:
        if (self.latitude is None) != (self.longitude is None):
            raise ValueError("give both latitude and longitude, or neither")
        if self.kind != "region" and (self.geonames_id is None or self.latitude is None):
            raise ValueError(
                f"a {self.kind} needs geonames_id, latitude and longitude: "
                "add it with `dashboard-data places add GEONAMES_ID`"
            )
        return self


# --- organisations.yaml and programmes.yaml -------------------------------------------------

OrganisationKind = Literal[
    "ngo",
    "municipality",
    "ministry",
    "embassy",
    "eu_institution",
    "eu_fund",
    "intergovernmental",
    "network",
    "government_body",
    "not_stated",
]


class Organisation(Strict):
    id: Id
    kind: OrganisationKind
    names: Text
    short_name: Text | None = None
    country: Country | None = None
    place: Id | None = None
    source: Id
    quote: str = Field(min_length=1)


class Programme(Strict):
    id: Id
    level: Literal["fund", "programme", "strand", "measure"]
    names: Text
    funder: Id
    parent: Id | None = None
    source: Id
    quote: str = Field(min_length=1)


# --- indicators.yaml ------------------------------------------------------------------------


class Indicator(Strict):
    code: Id
    labels: Text
    unit: Literal["people", "events", "sessions", "documents", "groups", "agreements", "cities"]
    counts: Literal["unique_people", "attendances", "people_reached", "people_informed", "items"]
    aggregation: Literal["sum", "at_least"]
    topic: Literal["participants", "supported", "trained", "informed", "employed", "outputs"]
    description: str = Field(min_length=1)
    # Counts people of a vulnerable group (refugees): small counts are hidden from the public.
    vulnerable: bool = False
    # Its role on the dashboard, decided here rather than by codes in the pages: the topic page
    # that shows it, whether it is a headline figure, whether it sizes the map's dots.
    page: Literal["participants", "people_supported"] | None = None
    headline: bool = False
    sizes_map: bool = False


# --- settings.yaml -------------------------------------------------------------------------


class Settings(Strict):
    """Data-set settings; the file is optional and every field has a default."""

    # The public site shows a vulnerable-people count below this as "fewer than N".
    small_count_threshold: int = Field(default=5, ge=2, le=100)


# --- projects/*.yaml ------------------------------------------------------------------------


class ProjectPlace(Cited, Inferable):
    place: Id
    role: Literal[
        "twin_town", "venue", "pilot_municipality", "target_region", "network_member", "home_city"
    ]


class ProjectOrganisation(Cited, Inferable):
    organisation: Id
    role: Literal["lead", "partner", "funder", "implementer", "host", "coordinator", "speaker"]


# A grant of more than a hundred billion is a typing slip (1e308 broke every page and export
# that adds or formats amounts); below one unit of a currency is no grant either.
MAX_AMOUNT = 100_000_000_000


class Amount(Strict):
    value: float = Field(ge=1, le=MAX_AMOUNT, allow_inf_nan=False)
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")]


class Funding(Cited, Inferable):
    funder: Id
    programme: Id | None = None
    grant_reference: str | None = None
    co_funded: bool = False
    amount: Amount | None = None


class Link(Cited, Inferable):
    from_place: Id
    to_place: Id
    kind: Literal["twinning", "network", "travelled_to_event"]


class Event(Cited, Inferable):
    id: Id
    type: Literal[
        "conference",
        "debate",
        "round_table",
        "seminar",
        "training",
        "online_meeting",
        "forum",
        "workshop",
        "meeting",
    ]
    title: Text
    start: DateText | None = None
    end: DateText | None = None
    place: Id | None = None
    online: bool = False
    status: Literal["held", "planned"] = "held"
    part_of: Id | None = None
    count: int | None = Field(default=None, gt=0, lt=10**12)  # as a figure's value


class Project(Inferable):
    id: Id
    published: bool
    title: Text
    summary: Text
    status: Literal["planned", "ongoing", "completed", "not_stated"]
    start: DateText | None = None
    end: DateText | None = None
    dates_source: Cited | None = None
    status_source: Cited | None = None
    places: list[ProjectPlace] = Field(min_length=1)
    organisations: list[ProjectOrganisation] = Field(min_length=1)
    funding: list[Funding] = Field(min_length=1)
    links: list[Link] = []
    events: list[Event] = []
    notes: list[Cited] = []
