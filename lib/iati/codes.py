"""The IATI 2.03 codes our data maps to and from, each choice in one place with its reason.

Every code here is in the codelists copied to tests/iati/codelists/ (tests check that), except
four whose codelists are not shipped: the schema version, description type 1 (General), and a
document link's category and format; tests/test_iati.py lists those, checked upstream.
"""

from __future__ import annotations

import re

IATI_VERSION = "2.03"

# We have no organisation identifier from a registration agency, and XI-IATI identifiers are
# allocated only by the IATI Secretariat: using either would claim a registration we do not
# have. "XX" is an ISO 3166 user-assigned code that no registration agency uses, so the prefix
# says plainly that the publisher is unregistered. Replace it here, and only here, when the team
# registers one (a Bulgarian association's would be BG-EIK-<number>).
REPORTING_ORG_REF = "XX-UNREGISTERED-INTEGRATION-DASHBOARD"
REPORTING_ORG_NAME = "Integration projects impact dashboard (curated from public reports)"
# OrganisationType 90 "Other": the curators are NGO staff, but no one organisation publishes it.
REPORTING_ORG_TYPE = "90"

# DAC 5-digit purpose code 15190 "Facilitation of orderly, safe, regular and responsible
# migration and mobility": the DAC code for migration, which the codelist points to for "data
# on migration and refugees" (see 13010) and which covers capacity building in migration policy
# and access to protection and assistance for displaced people. Our projects build local
# capacity for refugee and migrant integration. The code's wording speaks of assistance to
# developing countries; part of our work is in EU member states, so read it as the nearest fit.
SECTOR_VOCABULARY = "1"
SECTOR_CODE = "15190"

# ActivityStatus. `completed` is 4 "Closed", whose definition is only that physical activity is
# complete; 3 "Finalisation" would claim financial sign-off is pending, which no report says.
# IATI requires a status and has no "not stated": the reports describe work under way, so such
# projects are exported as 2 "Implementation" with a sentence in the description saying the
# status is not stated and may have changed since the reports.
STATUS_CODES = {"planned": "1", "ongoing": "2", "completed": "4", "not_stated": "2"}
STATUS_FROM_CODE = {"1": "planned", "2": "ongoing", "3": "completed", "4": "completed"}
STATUS_NOT_STATED_NOTE = (
    "Activity status: not stated by the reports. Exported as 2 (Implementation), the status "
    "the reports describe; it may have changed since."
)

# ActivityDateType: 1 planned start, 2 actual start, 3 planned end, 4 actual end.
START_TYPE = {"planned": "1"}  # anything else started as the reports say: 2
END_TYPE = {"completed": "4"}  # anything else has not ended as far as the reports say: 3

# OrganisationRole. Host and speaker have no IATI role and are left out of the export.
ROLE_CODES = {
    "funder": "1",
    "lead": "2",  # the lead answers to the funder for the project: Accountable
    "coordinator": "2",
    "implementer": "4",
    "partner": "4",  # partners in our reports carry out the work together
}
ROLE_FROM_CODE = {"1": "funder", "2": "lead", "3": "coordinator", "4": "implementer"}

# OrganisationType, only where our kind decides it. An NGO is international, national,
# regional or partner-country based in IATI, and the reports do not say which; the EU's
# institutions are neither a government nor a multilateral in every reading: no type for them.
ORGANISATION_TYPES = {
    "municipality": "11",
    "ministry": "10",
    "embassy": "10",
    "government_body": "10",
    "intergovernmental": "40",
}
KIND_FROM_TYPE = {
    "10": "government_body",
    "11": "municipality",
    "15": "government_body",
    "21": "ngo",
    "22": "ngo",
    "23": "ngo",
    "24": "ngo",
    "40": "intergovernmental",
}

RESULT_TYPE_OUTPUT = "1"  # counts of people reached and things made are outputs
MEASURE_UNIT = "1"
GEONAMES_VOCABULARY = "G1"
COUNTRY_VOCABULARY = "A4"  # location/administrative: the ISO country the place lies in
EXACTNESS_EXACT = "1"  # the location is the GeoNames place itself, at GeoNames' point
LOCATION_CLASS = {"city": "2", "municipality": "1", "region": "1"}  # populated place, admin
WGS84 = "http://www.opengis.net/def/crs/EPSG/0/4326"

# Only where a source has a web address: category A08 "Results, outcomes and outputs" (our
# reports report what a project did), format text/html (they are web pages).
DOCUMENT_CATEGORY = "A08"
DOCUMENT_FORMAT = "text/html"

# IATI actual values have no "approximate" flag: the actual's comment starts with this word.
APPROXIMATE_MARK = "Approximate"
# A part of a total that came from a city is an actual with this dimension and the city's
# location; the import reads it back as breakdown origin_city.
ORIGIN_DIMENSION = "origin_city"
# Our indicator catalogue's fields have no IATI element: written into the indicator's
# description so that the import, or a reader, can take them back.
CATALOGUE_NOTE = (
    "Dashboard catalogue: code {code}; unit {unit}; counts {counts}; aggregation "
    "{aggregation}; topic {topic}."
)
CATALOGUE_PATTERN = re.compile(
    r"Dashboard catalogue: code (?P<code>[a-z0-9-]+); unit (?P<unit>\w+); counts (?P<counts>\w+);"
    r" aggregation (?P<aggregation>\w+); topic (?P<topic>\w+)\."
)
# An indicator's roles on the dashboard (page, headline, sizes_map in indicators.yaml), after the
# catalogue note when it has any: "Dashboard roles: page participants; headline; sizes_map."
ROLES_NOTE = "Dashboard roles: {roles}."
ROLES_PATTERN = re.compile(r"Dashboard roles: (?P<roles>[a-z_; ]+)\.")
# Our own notes in the English description start here; the import leaves them out of summaries.
NOTES_HEADING = "About this record:"
