"""Writes articles.jsonl and gold.jsonl: sample wire stories written for eventwire, and their coding."""

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent / "src" / "eventwire" / "samples"

ARTICLES = [
    {
        "id": "sample-aze-isr-visit", "published": "2026-11-20", "source": "eventwire samples",
        "title": "Israeli defence minister holds talks in Baku as Azerbaijan arrests man over embassy plot",
        "text": (
            "BAKU, Nov 20 — Israel's defence minister met Azerbaijan's president in Baku on Thursday, "
            "the two governments said, as the Caspian state said it had foiled a plot against Israel's embassy.\n\n"
            "Defence Minister Israel Katz and President Ilham Aliyev discussed regional security and defence "
            "cooperation, according to a statement from the presidential office. Katz also laid a wreath at a "
            "memorial in the capital.\n\n"
            "Separately, Azerbaijan's State Security Service said it had arrested an Afghan man over a foiled, "
            "Iran-inspired plot to attack Israel's embassy in Baku. The service said the suspect had been "
            "watching the building for weeks and was detained before he could carry out the attack.\n\n"
            "Iran's foreign ministry denied any involvement and accused Israel of trying to damage relations "
            "between Tehran and Baku.\n\n"
            "Reporting by the eventwire desk; Editing by the eventwire desk"
        ),
    },
    {
        "id": "sample-geo-protest", "published": "2026-11-16", "source": "eventwire samples",
        "title": "Georgian police fire tear gas at Tbilisi protesters",
        "text": (
            "TBILISI, Nov 16 — Georgian riot police fired tear gas and water cannon at thousands of "
            "protesters outside parliament in Tbilisi on Sunday, the fourth night of demonstrations against "
            "the government's decision to suspend talks on joining the European Union.\n\n"
            "Protesters threw fireworks at police lines and blocked Rustaveli Avenue for several hours. "
            "The interior ministry said police detained 43 people and that 12 officers were injured.\n\n"
            "The European Union condemned the use of force against peaceful demonstrators and called on "
            "the Georgian authorities to release those detained.\n\n"
            "Comments are closed."
        ),
    },
    {
        "id": "sample-pak-attack", "published": "2026-11-11", "source": "eventwire samples",
        "title": "Six Pakistani soldiers killed in militant attack in North Waziristan",
        "text": (
            "PESHAWAR, Pakistan, Nov 11 — Six soldiers were killed by militants who attacked a security "
            "checkpoint in the North Waziristan district on Tuesday, the Pakistani army said.\n\n"
            "The militants opened fire with heavy weapons before dawn, and troops killed four of the "
            "attackers in the exchange of fire that followed, the army's media wing said in a statement.\n\n"
            "The Pakistani Taliban, known as the TTP, claimed responsibility for the attack. Islamabad has "
            "repeatedly accused Kabul of allowing the group to operate from Afghan soil, a charge the "
            "Taliban government denies."
        ),
    },
    {
        "id": "sample-phl-arrest", "published": "2026-11-09", "source": "eventwire samples",
        "title": "Philippine police arrest former mayor on graft charges",
        "text": (
            "MANILA — Philippine police arrested a former town mayor in Manila on Sunday on charges of "
            "misusing public funds meant for flood control projects, the national police said.\n\n"
            "The ombudsman's office charged the former mayor and three engineers with graft last month. "
            "A lawyer for the former mayor said his client was innocent and would fight the charges in court.\n\n"
            "Copyright 2026 eventwire samples. All rights reserved."
        ),
    },
    {
        "id": "sample-eu-sanctions", "published": "2026-11-18", "source": "eventwire samples",
        "title": "EU imposes new sanctions on Russia",
        "text": (
            "BRUSSELS, Nov 18 — The European Union imposed sanctions on Russia on Monday, adding 14 "
            "individuals and nine companies accused of helping Moscow evade earlier export restrictions.\n\n"
            "The measures freeze the assets of those listed and bar them from entering the bloc, the "
            "Council of the EU said in a statement.\n\n"
            "Russia's foreign ministry condemned the sanctions as illegal and said Moscow would respond. "
            "Kremlin spokesman Dmitry Peskov said the measures would not change Russia's position."
        ),
    },
    {
        "id": "sample-sdn-aid", "published": "2026-11-19", "source": "eventwire samples",
        "title": "WFP convoy reaches North Darfur with food aid",
        "text": (
            "KHARTOUM, Nov 19 — The World Food Programme delivered 400 tonnes of food aid to displaced "
            "families in North Darfur on Wednesday, the first convoy to reach the region in two months, "
            "the U.N. agency said.\n\n"
            "The trucks crossed from Chad through the Adre border crossing. Japan pledged $10 million in "
            "additional humanitarian assistance for Sudan, its embassy said.\n\n"
            "Sign up for our daily newsletter to get the latest news."
        ),
    },
    {
        "id": "sample-prk-threat", "published": "2026-11-22", "source": "eventwire samples",
        "title": "North Korea threatens military action over South Korean drills",
        "text": (
            "SEOUL, Nov 22 — North Korea threatened on Saturday to take overwhelming military action against "
            "South Korea if joint drills with the United States went ahead near the border.\n\n"
            "Kim Yo Jong, the sister of leader Kim Jong Un, said in a statement carried by state media that "
            "Pyongyang would respond to any provocation. South Korea's defence ministry urged the North to "
            "stop raising tensions."
        ),
    },
    {
        "id": "sample-deu-foiled", "published": "2026-11-14", "source": "eventwire samples",
        "title": "German police foil plot to attack Christmas market",
        "text": (
            "BERLIN, Nov 14 — German police said on Friday they had foiled a plot to attack a Christmas "
            "market in Hamburg and arrested two men suspected of planning the attack.\n\n"
            "Prosecutors said the men, aged 19 and 22, had tried to buy weapons online. No one was hurt, "
            "and the market will open as planned next week."
        ),
    },
    {
        "id": "sample-rwa-denial", "published": "2026-11-12", "source": "eventwire samples",
        "title": "Rwanda denies sending troops into eastern Congo",
        "text": (
            "KIGALI, Nov 12 — Rwanda denied on Wednesday that its troops had crossed into eastern Congo, "
            "rejecting accusations by the Congolese government.\n\n"
            "Congo's government accused Rwanda on Tuesday of deploying soldiers near Goma in support of the "
            "M23 rebels. A Rwandan government spokeswoman said the claims were false.\n\n"
            "This article was originally published by the eventwire desk."
        ),
    },
    {
        "id": "sample-chn-bra-summit", "published": "2026-11-24", "source": "eventwire samples",
        "title": "Xi to visit Brazil for talks with Lula next month",
        "text": (
            "BEIJING, Nov 24 — Chinese President Xi Jinping will visit Brazil next month for talks with "
            "President Luiz Inacio Lula da Silva, China's foreign ministry said on Tuesday.\n\n"
            "The two leaders are expected to sign agreements on trade and infrastructure. No date has been "
            "set for the meeting, a Brazilian official said."
        ),
    },
    {
        "id": "sample-tur-ukr-call", "published": "2026-11-17", "source": "eventwire samples",
        "title": "Erdogan and Zelenskiy discuss prisoner exchange by phone",
        "text": (
            "ANKARA, Nov 17 — Turkish President Tayyip Erdogan spoke by phone with Ukrainian President "
            "Volodymyr Zelenskiy on Monday and offered to host new talks on a prisoner exchange, Erdogan's "
            "office said.\n\n"
            "Russia released 25 Ukrainian prisoners of war last week in an exchange mediated by the United "
            "Arab Emirates, Kyiv said."
        ),
    },
]

# Gold coding of the samples, by hand, in the contract's terms. "absent" lists what must NOT be asserted.
GOLD = {
    "sample-aze-isr-visit": {
        "events": [
            {"event": "CONSULT", "mode": "visit", "actor": [{"code": "ISR", "sector": "GOV"}],
             "recipient": [{"code": "AZE", "sector": "GOV"}], "date": "2026-11-19",
             "event_loc": {"country_code": "AZE", "name": "Baku"}},
            {"event": "COERCE", "mode": "arrest", "actor": [{"code": "AZE", "sector": "SPY"}],
             "recipient": [{"code": "AFG", "sector": "CVL"}], "event_loc": {"country_code": "AZE"}},
            {"event": "ACCUSE", "actor": [{"code": "IRN", "sector": "GOV"}], "recipient": [{"code": "ISR"}]},
        ],
        "absent": [{"event": "ASSAULT"}],
    },
    "sample-geo-protest": {
        "events": [
            {"event": "ASSAULT", "mode": "crowd-control", "actor": [{"code": "GEO", "sector": "COP"}],
             "recipient": [{"sector": "CVL"}], "date": "2026-11-15", "event_loc": {"country_code": "GEO"}},
            {"event": "PROTEST", "mode": "demo", "actor": [{"sector": "CVL"}], "recipient": [{"code": "GEO"}],
             "date": "2026-11-15", "event_loc": {"country_code": "GEO"}},
            {"event": "COERCE", "mode": "arrest", "actor": [{"code": "GEO", "sector": "COP"}],
             "recipient": [{"sector": "CVL"}], "event_loc": {"country_code": "GEO"}},
            {"event": "ACCUSE", "actor": [{"code": "EUR"}], "recipient": [{"code": "GEO"}]},
            {"event": "REQUEST", "actor": [{"code": "EUR"}], "recipient": [{"code": "GEO"}]},
        ],
        "absent": [],
    },
    "sample-pak-attack": {
        "events": [
            {"event": "ASSAULT", "actor": [{"code": "PAK", "sector": "REB"}],
             "recipient": [{"code": "PAK", "sector": "MIL"}], "date": "2026-11-10",
             "event_loc": {"country_code": "PAK"}},
            {"event": "ACCUSE", "actor": [{"code": "PAK", "sector": "GOV"}], "recipient": [{"code": "AFG"}]},
        ],
        "absent": [],
    },
    "sample-phl-arrest": {
        "events": [
            {"event": "COERCE", "mode": "arrest", "actor": [{"code": "PHL", "sector": "COP"}],
             "recipient": [{"code": "PHL"}], "date": "2026-11-08", "event_loc": {"country_code": "PHL"}},
            {"event": "ACCUSE", "actor": [{"code": "PHL"}], "recipient": [{"code": "PHL"}]},
        ],
        "absent": [],
    },
    "sample-eu-sanctions": {
        "events": [
            {"event": "SANCTION", "actor": [{"code": "EUR"}], "recipient": [{"code": "RUS"}],
             "date": "2026-11-16"},
            {"event": "ACCUSE", "actor": [{"code": "RUS", "sector": "GOV"}], "recipient": [{"code": "EUR"}]},
        ],
        "absent": [],
    },
    "sample-sdn-aid": {
        "events": [
            {"event": "AID", "actor": [{"code": "UNO"}], "recipient": [{"code": "SDN"}], "date": "2026-11-18",
             "event_loc": {"country_code": "SDN"}},
            {"event": "AGREE", "actor": [{"code": "JPN"}], "recipient": [{"code": "SDN"}]},
        ],
        "absent": [],
    },
    "sample-prk-threat": {
        "events": [
            {"event": "THREATEN", "mode": "violence", "actor": [{"code": "PRK"}], "recipient": [{"code": "KOR"}],
             "date": "2026-11-21"},
            {"event": "REQUEST", "actor": [{"code": "KOR"}], "recipient": [{"code": "PRK"}]},
        ],
        "absent": [{"event": "ASSAULT"}, {"event": "MOBILIZE"}],
    },
    "sample-deu-foiled": {
        "events": [
            {"event": "COERCE", "mode": "arrest", "actor": [{"code": "DEU", "sector": "COP"}],
             "recipient": [{}], "event_loc": {"country_code": "DEU"}},
        ],
        "absent": [{"event": "ASSAULT"}],
    },
    "sample-rwa-denial": {
        "events": [
            {"event": "ACCUSE", "actor": [{"code": "COD", "sector": "GOV"}], "recipient": [{"code": "RWA"}],
             "date": "2026-11-10"},
            {"event": "REJECT", "actor": [{"code": "RWA"}], "recipient": [{"code": "COD"}],
             "date": "2026-11-11"},
        ],
        "absent": [{"event": "MOBILIZE"}, {"event": "ASSAULT"}],
    },
    "sample-chn-bra-summit": {
        "events": [
            {"event": "AGREE", "actor": [{"code": "CHN"}], "recipient": [{"code": "BRA"}]},
        ],
        "absent": [{"event": "CONSULT"}],
    },
    "sample-tur-ukr-call": {
        "events": [
            {"event": "CONSULT", "mode": "phone", "actor": [{"code": "TUR", "sector": "GOV"},
                                                             {"code": "UKR", "sector": "GOV"}],
             "recipient": [], "date": "2026-11-16"},
            {"event": "AGREE", "actor": [{"code": "TUR"}], "recipient": [{"code": "UKR"}]},
            {"event": "RETREAT", "mode": "release", "actor": [{"code": "RUS"}], "recipient": [{"code": "UKR"}]},
        ],
        "absent": [],
    },
}


def main() -> None:
    with open(HERE / "articles.jsonl", "w", encoding="utf-8") as f:
        for a in ARTICLES:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    with open(HERE / "gold.jsonl", "w", encoding="utf-8") as f:
        for a in ARTICLES:
            g = GOLD[a["id"]]
            f.write(json.dumps({"article": a, "events": g["events"], "absent": g["absent"]},
                               ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
