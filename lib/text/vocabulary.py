"""The data's codes in words of the reader's language: 'twin_town' is 'twin town', 'побратимен
град' or 'збратимен град'. The codes are the schema's (lib/model/schema.py); the words are marked
here for the catalogs and translated where they are shown."""

from __future__ import annotations

from lib.text.i18n import N_, tr

WORDS = {
    # project and event status
    "planned": N_("planned"),
    "ongoing": N_("ongoing"),
    "completed": N_("completed"),
    "not_stated": N_("not stated"),
    "held": N_("held"),
    # event types
    "conference": N_("conference"),
    "debate": N_("debate"),
    "round_table": N_("round table"),
    "seminar": N_("seminar"),
    "training": N_("training"),
    "online_meeting": N_("online meeting"),
    "forum": N_("forum"),
    "workshop": N_("workshop"),
    "meeting": N_("meeting"),
    # what a place is to a project
    "twin_town": N_("twin town"),
    "venue": N_("venue"),
    "pilot_municipality": N_("pilot municipality"),
    "target_region": N_("target region"),
    "network_member": N_("network member"),
    "home_city": N_("home city"),
    # what an organisation is to a project
    "lead": N_("lead"),
    "partner": N_("partner"),
    "funder": N_("funder"),
    "implementer": N_("implementer"),
    "host": N_("host"),
    "coordinator": N_("coordinator"),
    "speaker": N_("speaker"),
    # kinds of place
    "city": N_("city"),
    "municipality": N_("municipality"),
    "region": N_("region"),
    # what one unit of an indicator is
    "unique_people": N_("unique people"),
    "attendances": N_("attendances"),
    "people_reached": N_("people reached"),
    "people_informed": N_("people informed"),
    "items": N_("items"),
    # precision of a figure
    "exact": N_("exact"),
    "approximate": N_("approximate"),
    "not_reported": N_("not reported"),
    # programme levels
    "fund": N_("fund"),
    "programme": N_("programme"),
    "strand": N_("strand"),
    "measure": N_("measure"),
}


def code_words(code: str, language: str) -> str:
    """The code in words of `language`; a code this list lacks is written with spaces."""
    return tr(language, WORDS.get(code, code.replace("_", " ")))
