"""The words a synthetic portfolio is made of: countries, project themes, event types and topics,
each in English, Bulgarian and Macedonian (WORD_LANGUAGES). Plain tables, read by the rest of
lib/synth; nothing here is about a real project.
"""

from __future__ import annotations

from collections.abc import Sequence

from lib.model.languages import LANGUAGE_CODES, SOURCE_LANGUAGE

# The languages every text below is written in, in this order. A language of the dashboard that
# is not among them gets the English words (`original: en`, so it is marked as a translation).
WORD_LANGUAGES = ("en", "bg", "mk")


def in_every_language(words: Sequence[str]) -> dict[str, str]:
    """A text block of the data format, from one text a language of WORD_LANGUAGES."""
    written = dict(zip(WORD_LANGUAGES, words, strict=True))
    filled = {code: written.get(code, written[SOURCE_LANGUAGE]) for code in LANGUAGE_CODES}
    return filled | {"original": SOURCE_LANGUAGE}


# ISO code -> (en, bg, mk): the countries synthetic cities are drawn from.
COUNTRIES: dict[str, tuple[str, str, str]] = {
    "AT": ("Austria", "Австрия", "Австрија"),
    "BE": ("Belgium", "Белгия", "Белгија"),
    "BG": ("Bulgaria", "България", "Бугарија"),
    "HR": ("Croatia", "Хърватия", "Хрватска"),
    "CY": ("Cyprus", "Кипър", "Кипар"),
    "CZ": ("Czechia", "Чехия", "Чешка"),
    "DK": ("Denmark", "Дания", "Данска"),
    "EE": ("Estonia", "Естония", "Естонија"),
    "FI": ("Finland", "Финландия", "Финска"),
    "FR": ("France", "Франция", "Франција"),
    "DE": ("Germany", "Германия", "Германија"),
    "GR": ("Greece", "Гърция", "Грција"),
    "HU": ("Hungary", "Унгария", "Унгарија"),
    "IE": ("Ireland", "Ирландия", "Ирска"),
    "IT": ("Italy", "Италия", "Италија"),
    "LV": ("Latvia", "Латвия", "Латвија"),
    "LT": ("Lithuania", "Литва", "Литванија"),
    "LU": ("Luxembourg", "Люксембург", "Луксембург"),
    "MT": ("Malta", "Малта", "Малта"),
    "NL": ("Netherlands", "Нидерландия", "Холандија"),
    "PL": ("Poland", "Полша", "Полска"),
    "PT": ("Portugal", "Португалия", "Португалија"),
    "RO": ("Romania", "Румъния", "Романија"),
    "SK": ("Slovakia", "Словакия", "Словачка"),
    "SI": ("Slovenia", "Словения", "Словенија"),
    "ES": ("Spain", "Испания", "Шпанија"),
    "SE": ("Sweden", "Швеция", "Шведска"),
    "MK": ("North Macedonia", "Северна Македония", "Северна Македонија"),
    "RS": ("Serbia", "Сърбия", "Србија"),
    "AL": ("Albania", "Албания", "Албанија"),
    "BA": ("Bosnia and Herzegovina", "Босна и Херцеговина", "Босна и Херцеговина"),
    "ME": ("Montenegro", "Черна гора", "Црна Гора"),
    "NO": ("Norway", "Норвегия", "Норвешка"),
    "CH": ("Switzerland", "Швейцария", "Швајцарија"),
}

# Countries whose national funders pay in their own currency; the others pay in EUR.
CURRENCIES = {
    "BG": "BGN",
    "CZ": "CZK",
    "DK": "DKK",
    "HU": "HUF",
    "PL": "PLN",
    "RO": "RON",
    "SE": "SEK",
    "MK": "MKD",
    "RS": "RSD",
    "AL": "ALL",
    "BA": "BAM",
    "NO": "NOK",
    "CH": "CHF",
}

# theme -> (title en, bg, mk), (summary en, bg, mk); {city} and {city2} are filled in.
THEMES: dict[str, tuple[tuple[str, str, str], tuple[str, str, str]]] = {
    "language": (
        (
            "Language courses for refugees in {city}",
            "Езикови курсове за бежанци в {city}",
            "Јазични курсеви за бегалци во {city}",
        ),
        (
            "Language courses and mentoring for refugees and other newcomers in {city}.",
            "Езикови курсове и менторство за бежанци и други новодошли в {city}.",
            "Јазични курсеви и менторство за бегалци и други новодојдени во {city}.",
        ),
    ),
    "jobs": (
        (
            "Pathways to work for newcomers in {city}",
            "Пътища към работа за новодошлите в {city}",
            "Патеки до работа за новодојдените во {city}",
        ),
        (
            "Job counselling, training and placements for refugees and migrants in {city}.",
            "Консултации за работа, обучения и стажове за бежанци и мигранти в {city}.",
            "Советување за работа, обуки и пракси за бегалци и мигранти во {city}.",
        ),
    ),
    "legal": (
        (
            "Legal aid for asylum seekers in {city}",
            "Правна помощ за търсещи убежище в {city}",
            "Правна помош за баратели на азил во {city}",
        ),
        (
            "Free legal counselling for asylum seekers and refugees in {city}.",
            "Безплатни правни консултации за търсещи убежище и бежанци в {city}.",
            "Бесплатно правно советување за баратели на азил и бегалци во {city}.",
        ),
    ),
    "schools": (
        (
            "School support for refugee children in {city}",
            "Училищна подкрепа за деца бежанци в {city}",
            "Училишна поддршка за деца бегалци во {city}",
        ),
        (
            "Homework clubs, teacher training and family meetings for refugee children in {city}.",
            "Клубове за домашни работи, обучения на учители и срещи със семействата в {city}.",
            "Клубови за домашни задачи, обуки за наставници и средби со семејствата во {city}.",
        ),
    ),
    "health": (
        (
            "Health mediators for migrant families in {city}",
            "Здравни медиатори за семейства мигранти в {city}",
            "Здравствени медијатори за семејства мигранти во {city}",
        ),
        (
            "Trained health mediators help migrant families in {city} to reach health services.",
            "Обучени здравни медиатори помагат на семействата мигранти в {city}.",
            "Обучени здравствени медијатори им помагаат на семејствата мигранти во {city}.",
        ),
    ),
    "strategy": (
        (
            "Local integration strategy of {city}",
            "Местна стратегия за интеграция на {city}",
            "Локална стратегија за интеграција на {city}",
        ),
        (
            "Municipal staff, NGOs and migrants of {city} prepare an integration strategy.",
            "Общината, НПО и мигрантите в {city} изготвят стратегия за интеграция.",
            "Општината, НВО и мигрантите во {city} подготвуваат стратегија за интеграција.",
        ),
    ),
    "twinning": (
        (
            "Town twinning of {city} and {city2}",
            "Побратимяване на {city} и {city2}",
            "Збратимување на {city} и {city2}",
        ),
        (
            "Citizens of {city} and {city2} meet to discuss the integration of refugees.",
            "Граждани на {city} и {city2} се срещат, за да обсъдят интеграцията на бежанците.",
            "Граѓани на {city} и {city2} се среќаваат за да ја разгледаат интеграцијата.",
        ),
    ),
    "network": (
        (
            "Network of welcoming cities around {city}",
            "Мрежа на приветливи градове около {city}",
            "Мрежа на гостопримливи градови околу {city}",
        ),
        (
            "Cities around {city} exchange practice on receiving and integrating refugees.",
            "Градове около {city} обменят опит в приемането и интеграцията на бежанци.",
            "Градови околу {city} разменуваат искуства за прием и интеграција на бегалци.",
        ),
    ),
    "awareness": (
        (
            "Know your new neighbours: an information campaign in {city}",
            "Опознай новите си съседи: информационна кампания в {city}",
            "Запознај ги новите соседи: информативна кампања во {city}",
        ),
        (
            "A campaign that tells the citizens of {city} about the refugees who settle there.",
            "Кампания, която разказва на гражданите на {city} за бежанците, заселили се там.",
            "Кампања што им раскажува на граѓаните на {city} за бегалците што се населуваат.",
        ),
    ),
    "women": (
        (
            "Women's circles for integration in {city}",
            "Женски кръгове за интеграция в {city}",
            "Женски кругови за интеграција во {city}",
        ),
        (
            "Groups where migrant and local women in {city} learn and work together.",
            "Групи, в които жени мигрантки и местни жени в {city} учат и работят заедно.",
            "Групи во кои жени мигрантки и локални жени во {city} учат и работат заедно.",
        ),
    ),
}
# How often each theme is drawn (a fund pays for many more courses than twinnings).
THEME_WEIGHTS = {
    "language": 16,
    "jobs": 14,
    "legal": 10,
    "schools": 10,
    "health": 8,
    "strategy": 6,
    "twinning": 6,
    "network": 5,
    "awareness": 8,
    "women": 7,
}

TOPICS: tuple[tuple[str, str, str], ...] = (
    ("access to work", "достъпа до работа", "пристапот до работа"),
    ("language learning", "изучаването на езика", "учењето на јазикот"),
    ("housing", "жилищното настаняване", "домувањето"),
    ("health services", "здравните услуги", "здравствените услуги"),
    ("the rights of asylum seekers", "правата на търсещите убежище", "правата на барателите"),
    ("schooling", "образованието", "образованието"),
    ("local integration plans", "местните планове за интеграция", "локалните планови"),
    ("volunteering", "доброволчеството", "волонтерството"),
    ("social services", "социалните услуги", "социјалните услуги"),
    ("hate speech", "речта на омразата", "говорот на омраза"),
)

# event type -> (title en, bg, mk) with {topic}, and its words in a report's sentence
EVENT_TYPES: dict[str, tuple[tuple[str, str, str], str]] = {
    "conference": (
        ("Conference on {t}", "Конференция за {t}", "Конференција за {t}"),
        "conference",
    ),
    "debate": (("Public debate on {t}", "Публичен дебат за {t}", "Јавна дебата за {t}"), "debate"),
    "round_table": (
        ("Round table on {t}", "Кръгла маса за {t}", "Тркалезна маса за {t}"),
        "round table",
    ),
    "seminar": (("Seminar on {t}", "Семинар за {t}", "Семинар за {t}"), "seminar"),
    "training": (("Training series on {t}", "Обучения за {t}", "Обуки за {t}"), "training series"),
    "online_meeting": (
        ("Online meeting on {t}", "Онлайн среща за {t}", "Онлајн средба за {t}"),
        "online meeting",
    ),
    "forum": (("Forum on {t}", "Форум за {t}", "Форум за {t}"), "forum"),
    "workshop": (("Workshop on {t}", "Работилница за {t}", "Работилница за {t}"), "workshop"),
    "meeting": (
        ("Partners' meeting on {t}", "Партньорска среща за {t}", "Партнерска средба за {t}"),
        "meeting",
    ),
}
EVENT_WEIGHTS = {
    "conference": 3,
    "debate": 2,
    "round_table": 4,
    "seminar": 4,
    "training": 6,
    "online_meeting": 3,
    "forum": 2,
    "workshop": 8,
    "meeting": 3,
}

# organisation kinds of the NGOs a city's projects are led by: (en, bg, mk) name stems
NGO_NAMES: tuple[tuple[str, str, str], ...] = (
    ("Welcome Centre", "Център за посрещане", "Центар за прием"),
    ("Refugee Support Network", "Мрежа за подкрепа на бежанци", "Мрежа за поддршка на бегалци"),
    (
        "Migrant Rights Association",
        "Сдружение за правата на мигрантите",
        "Здружение за правата на мигрантите",
    ),
    ("Integration Council", "Съвет по интеграция", "Совет за интеграција"),
    ("Youth for Inclusion", "Младежи за приобщаване", "Младите за инклузија"),
    ("Language and Work Initiative", "Инициатива „Език и работа“", "Иницијатива „Јазик и работа“"),
    ("Open Doors Foundation", "Фондация „Отворени врати“", "Фондација „Отворени врати“"),
    ("Neighbours Together", "Съседи заедно", "Соседи заедно"),
)

NOTES = (
    "the project's materials are available in four languages",
    "the partners plan to continue the activities after the grant ends",
    "several activities moved online for part of the project",
    "volunteers from the local community helped at every event",
    "the municipality offered its premises free of charge",
)

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
