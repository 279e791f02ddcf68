"""The catalogue of a synthetic portfolio: real European cities from the offline gazetteer, and
invented organisations and programmes, each named in a synthetic register so that its quote is
a real sentence of a source. Entries are made as projects need them, so nothing is unused.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

from lib.curation.place_entry import slug
from lib.load.geonames import (
    BULGARIAN_LETTERS,
    MACEDONIAN_LETTERS,
    GeoName,
    all_places,
    name_in_alphabet,
)
from lib.synth.words import COUNTRIES, CURRENCIES, NGO_NAMES

REGISTER_ID = "synthetic-register"
REGISTER_FILE = "synthetic-register.txt"
EU = "european-union"
_MIN_POPULATION = 30_000

# id -> (level, parent, (en, bg, mk)): the EU's programmes, as the register names them.
EU_PROGRAMMES: dict[str, tuple[str, str | None, tuple[str, str, str]]] = {
    "amif": (
        "fund",
        None,
        (
            "Asylum, Migration and Integration Fund",
            "Фонд „Убежище, миграция и интеграция“",
            "Фонд за азил, миграција и интеграција",
        ),
    ),
    "amif-integration": (
        "strand",
        "amif",
        (
            "Specific objective: integration of third-country nationals",
            "Специфична цел: интеграция на граждани на трети страни",
            "Специфична цел: интеграција на државјани на трети земји",
        ),
    ),
    "amif-local-actions": (
        "measure",
        "amif-integration",
        (
            "Measure: local integration actions",
            "Мярка: местни действия за интеграция",
            "Мерка: локални активности за интеграција",
        ),
    ),
    "amif-asylum": (
        "strand",
        "amif",
        (
            "Specific objective: the common European asylum system",
            "Специфична цел: общата европейска система за убежище",
            "Специфична цел: заедничкиот европски систем за азил",
        ),
    ),
    "esf-plus": (
        "fund",
        None,
        (
            "European Social Fund Plus",
            "Европейски социален фонд плюс",
            "Европски социјален фонд плус",
        ),
    ),
    "europe-for-citizens": (
        "programme",
        None,
        ("Europe for Citizens", "Европа за гражданите", "Европа за граѓаните"),
    ),
    "efc-strand-2": (
        "strand",
        "europe-for-citizens",
        (
            "Strand 2: Democratic engagement and civic participation",
            "Направление 2: Демократично участие и гражданска ангажираност",
            "Насока 2: Демократско учество и граѓанска вклученост",
        ),
    ),
    "efc-measure-2-1": (
        "measure",
        "efc-strand-2",
        (
            "Measure 2.1 Town twinning",
            "Мярка 2.1 Побратимяване на градове",
            "Мерка 2.1 Збратимување на градови",
        ),
    ),
    "efc-measure-2-2": (
        "measure",
        "efc-strand-2",
        (
            "Measure 2.2 Networks of towns",
            "Мярка 2.2 Мрежи от градове",
            "Мерка 2.2 Мрежи на градови",
        ),
    ),
    "cerv": (
        "programme",
        None,
        (
            "Citizens, Equality, Rights and Values",
            "Граждани, равенство, права и ценности",
            "Граѓани, еднаквост, права и вредности",
        ),
    ),
}
FOUNDATIONS: tuple[tuple[str, str, str], ...] = (
    (
        "Horizon Foundation for Inclusion",
        "Фондация „Хоризонт“ за приобщаване",
        "Фондација „Хоризонт“ за инклузија",
    ),
    ("Bridges Trust", "Тръст „Мостове“", "Фонд „Мостови“"),
    ("Common Ground Fund", "Фонд „Обща земя“", "Фонд „Заедничка почва“"),
)


@dataclass(frozen=True)
class City:
    id: str
    geoname: GeoName
    bg: str
    mk: str

    @property
    def en(self) -> str:
        return self.geoname.name

    @property
    def country(self) -> str:
        return self.geoname.country

    def name(self, language: str) -> str:
        return {"en": self.en, "bg": self.bg, "mk": self.mk}[language]


def pick_cities(rng: random.Random, count: int) -> list[City]:
    """`count` cities of the listed countries, larger ones likelier (weighted sampling)."""
    candidates = sorted(
        (
            p
            for p in all_places().values()
            if p.country in COUNTRIES and p.population >= _MIN_POPULATION
        ),
        key=lambda p: p.geonames_id,
    )
    # Efraimidis-Spirakis: the largest random()**(1/weight) keys are a weighted sample.
    keyed = sorted(candidates, key=lambda p: -(rng.random() ** (1 / math.sqrt(p.population))))
    cities, used = [], set()
    for place in keyed:
        bg = name_in_alphabet(place, BULGARIAN_LETTERS)
        mk = name_in_alphabet(place, MACEDONIAN_LETTERS)
        if bg is None or mk is None:
            continue  # no name in one of the alphabets: a city that has both is picked instead
        if len(cities) == count:
            break
        place_id = slug(place.name)[:60] or f"place-{place.geonames_id}"
        if place_id in used:
            place_id = f"{place_id}-{place.country.lower()}-{place.geonames_id}"
        used.add(place_id)
        cities.append(City(place_id, place, bg, mk))
    return cities


@dataclass
class Organisation:
    id: str
    kind: str
    names: tuple[str, str, str]
    country: str | None = None
    place: str | None = None


@dataclass
class Programme:
    id: str
    level: str
    names: tuple[str, str, str]
    funder: str
    parent: str | None = None


@dataclass
class Catalogue:
    """Organisations and programmes made on demand; `sentence` is what the register says."""

    rng: random.Random
    organisations: dict[str, Organisation] = field(default_factory=dict)
    programmes: dict[str, Programme] = field(default_factory=dict)
    ngos_of: dict[str, list[str]] = field(default_factory=dict)

    def sentence(self, entry_id: str) -> str:
        if entry_id in self.programmes:
            name, kind = self.programmes[entry_id].names[0], "a programme"
        else:
            name, kind = self.organisations[entry_id].names[0], "an organisation"
        return f"{name} is {kind} of this synthetic register."

    def _organisation(self, organisation: Organisation) -> str:
        self.organisations.setdefault(organisation.id, organisation)
        return organisation.id

    def ngo(self, city: City) -> str:
        """One of the city's NGOs: a new one now and then, up to one of each name."""
        mine = self.ngos_of.setdefault(city.id, [])
        if not mine or (len(mine) < len(NGO_NAMES) and self.rng.random() < 0.12):
            en, bg, mk = NGO_NAMES[len(mine)]
            names = (f"{en} {city.en}", f"{bg} – {city.bg}", f"{mk} – {city.mk}")
            ngo_id = f"{slug(en)}-{city.id}"[:80].strip("-")
            mine.append(
                self._organisation(Organisation(ngo_id, "ngo", names, city.country, city.id))
            )
        return self.rng.choice(mine)

    def municipality(self, city: City) -> str:
        names = (f"Municipality of {city.en}", f"Община {city.bg}", f"Општина {city.mk}")
        entry = Organisation(
            f"municipality-{city.id}"[:80], "municipality", names, city.country, city.id
        )
        return self._organisation(entry)

    def eu(self) -> str:
        names = ("European Union", "Европейски съюз", "Европска унија")
        return self._organisation(Organisation(EU, "eu_institution", names))

    def eu_programme(self, programme_id: str) -> str:
        """The programme and every programme above it, under the EU."""
        level, parent, names = EU_PROGRAMMES[programme_id]
        if parent is not None:
            self.eu_programme(parent)
        self.programmes.setdefault(
            programme_id, Programme(programme_id, level, names, self.eu(), parent)
        )
        return programme_id

    def ministry(self, country: str) -> tuple[str, str, str]:
        """(ministry id, its national programme id, the currency it pays in)."""
        en, bg, mk = COUNTRIES[country]
        names = (
            f"Ministry of the Interior of {en}",
            f"Министерство на вътрешните работи – {bg}",
            f"Министерство за внатрешни работи – {mk}",
        )
        ministry = self._organisation(
            Organisation(f"ministry-interior-{country.lower()}", "ministry", names, country)
        )
        programme_names = (
            f"National integration programme of {en}",
            f"Национална програма за интеграция – {bg}",
            f"Национална програма за интеграција – {mk}",
        )
        programme_id = f"national-integration-{country.lower()}"
        self.programmes.setdefault(
            programme_id, Programme(programme_id, "programme", programme_names, ministry)
        )
        return ministry, programme_id, CURRENCIES.get(country, "EUR")

    def foundation(self) -> tuple[str, str]:
        """(foundation id, its small-grants programme id)."""
        names = self.rng.choice(FOUNDATIONS)
        foundation = self._organisation(Organisation(slug(names[0]), "ngo", names))
        programme_names = (
            f"Small grants of the {names[0]}",
            f"Малки грантове – {names[1]}",
            f"Мали грантови – {names[2]}",
        )
        programme_id = f"small-grants-{foundation}"[:80]
        self.programmes.setdefault(
            programme_id, Programme(programme_id, "programme", programme_names, foundation)
        )
        return foundation, programme_id
