"""Ingest: each reader on good input, sniffing by content, directories, stdin, a JSONL round trip."""

from __future__ import annotations

import gzip
import io
import json
import string
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.ingest import iter_articles
from eventwire.ingest.clean import clean_text, is_boilerplate
from eventwire.ingest.common import normalise_date
from eventwire.ingest.sniff import Kind, sniff
from eventwire.ingest.text import split_title
from eventwire.records import Article

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Ministers meet in Baku | Example News</title>
<meta property="article:published_time" content="2026-11-20T09:30:00+04:00">
<link rel="canonical" href="https://news.example.org/world/ministers-meet-baku">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Ministers meet in Baku</h1>
<p>BAKU, Nov 20 (Example) - The foreign ministers of Azerbaijan and Armenia met in Baku on Thursday
to discuss a draft peace treaty, officials from both countries said.</p>
<p>The two sides agreed to continue the talks next month in Geneva, according to a joint statement
released after the meeting.</p>
<p>Reporting by Jane Doe; Editing by John Roe</p>
</article>
<div class="comments"><p>Comments are closed.</p></div>
<footer><p>Copyright 2026 Example News. All rights reserved.</p></footer>
<script>var tracking = 1;</script>
</body></html>
"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example Wire</title><link>https://wire.example.org</link><language>en-us</language>
<item><title>Talks resume in Geneva</title><link>https://wire.example.org/a1</link>
<pubDate>Thu, 20 Nov 2026 23:15:00 -0500</pubDate>
<description>&lt;p&gt;Negotiators from both sides &lt;b&gt;resumed&lt;/b&gt; talks in Geneva on Thursday.&lt;/p&gt;
&lt;p&gt;Sign up for our daily newsletter.&lt;/p&gt;</description>
</item>
<item><title>Protest in the capital</title><link>https://wire.example.org/a2</link>
<content:encoded><![CDATA[<p>Thousands marched in the capital on Friday.</p><p>Police used tear gas.</p>]]></content:encoded>
<description>Short summary.</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Example Atom Desk</title>
<entry><title>Border crossing reopens</title>
<link href="https://atom.example.org/e1"/><id>urn:example:e1</id>
<updated>2026-11-19T08:00:00Z</updated>
<content type="html">&lt;p&gt;The border crossing reopened on Wednesday after a week of closure.&lt;/p&gt;</content>
</entry>
</feed>
"""

TEXT = """Ceasefire holds in the north

KYIV, Nov 21 (Example) - A ceasefire held overnight in the north, local officials said on Friday.

Read more: our full coverage of the talks

Aid convoys are expected to arrive on Saturday.
"""


def collect(paths: list[str]) -> tuple[list[Article], list[str]]:
    errors: list[str] = []
    return list(iter_articles(paths, errors.append)), errors


def jsonl(*records: dict[str, object]) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


def make_warc(records: list[tuple[str, str, bytes]], *, gz: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    for uri, content_type, payload in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(payload),
                                                      http_headers=headers))
    return buffer.getvalue()


# --- JSONL -------------------------------------------------------------------------------------------

def test_jsonl_reads_fields_and_normalises_published(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text(jsonl(
        {"id": "w1", "text": "Troops withdrew from the town.", "title": "Withdrawal",
         "published": "2026-11-20T14:05:00+01:00", "url": "https://x.example/w1", "source": "Wire",
         "language": "en"},
        {"text": "Talks were held in Doha.", "published": "2026-11-19"},
    ), encoding="utf-8")
    articles, errors = collect([str(path)])
    assert errors == []
    assert articles[0] == Article(id="w1", text="Troops withdrew from the town.", title="Withdrawal",
                                  published="2026-11-20", url="https://x.example/w1", source="Wire",
                                  language="en")
    assert articles[1].published == "2026-11-19"
    assert articles[1].id == Article.make("Talks were held in Doha.").id


def test_jsonl_ids_are_stable_across_runs(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(jsonl({"text": "Rebels seized the airport."}), encoding="utf-8")
    first, _ = collect([str(path)])
    second, _ = collect([str(path)])
    assert first[0].id == second[0].id and first[0].id.startswith("a-")


def test_jsonl_with_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + b'{"id": "b1", "text": "Envoys met."}\r\n{"id": "b2", "text": "Envoys left."}\r\n')
    articles, errors = collect([str(path)])
    assert errors == []
    assert [a.id for a in articles] == ["b1", "b2"]


def test_jsonl_text_is_cleaned_of_boilerplate(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    text = "GENEVA (Example) - Envoys met on Monday.\n\nAdvertisement\n\nThey will meet again.\nAll rights reserved."
    path.write_text(jsonl({"id": "c1", "text": text}), encoding="utf-8")
    articles, _ = collect([str(path)])
    assert articles[0].text == "GENEVA (Example) - Envoys met on Monday.\n\nThey will meet again."


# --- plain text --------------------------------------------------------------------------------------

def test_text_title_dateline_and_boilerplate(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    articles, errors = collect([str(path)])
    assert errors == []
    (article,) = articles
    assert article.title == "Ceasefire holds in the north"
    assert article.text.startswith("KYIV, Nov 21 (Example) - A ceasefire held")
    assert "Read more" not in article.text
    assert article.text.endswith("Aid convoys are expected to arrive on Saturday.")


@pytest.mark.parametrize(("raw", "title"), [
    ("Headline\n\nBody text.", "Headline"),
    ("Headline\nBody text follows.", "Headline"),
    ("Only one line of text.", None),
    ("The lead sentence ends here.\n\nSecond paragraph.", None),
    ("A hard-wrapped sentence that goes\non to the next line.", None),
])
def test_split_title(raw: str, title: str | None) -> None:
    assert split_title(raw)[0] == title


def test_text_cp1252_falls_back(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\u00e9 talks\n\nThe caf\u00e9 hosted \u201cquiet\u201d talks.\n".encode("cp1252"))
    articles, errors = collect([str(path)])
    assert errors == []
    assert articles[0].title == "Caf\u00e9 talks"
    assert articles[0].text == "The caf\u00e9 hosted \u201cquiet\u201d talks."


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_text_is_transcoded(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes("Headline\n\nThe minister visited Ankara.\n".encode(encoding))
    articles, errors = collect([str(path)])
    assert errors == []
    assert articles[0].text == "The minister visited Ankara."


# --- HTML ----------------------------------------------------------------------------------------------

def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    articles, errors = collect([str(path)])
    assert errors == []
    (article,) = articles
    assert article.title == "Ministers meet in Baku"
    assert article.published == "2026-11-20"
    assert article.url == "https://news.example.org/world/ministers-meet-baku"
    assert article.language == "en"
    assert article.text.startswith("BAKU, Nov 20 (Example) - The foreign ministers")
    for junk in ("Reporting by", "Comments are closed", "Copyright", "tracking", "Home"):
        assert junk not in article.text


# --- feeds ---------------------------------------------------------------------------------------------

def test_rss_entries(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS, encoding="utf-8")
    articles, errors = collect([str(path)])
    assert errors == []
    first, second = articles
    assert first.title == "Talks resume in Geneva"
    assert first.text == "Negotiators from both sides resumed talks in Geneva on Thursday."
    assert first.published == "2026-11-20"  # the feed's own day, not UTC's 21st
    assert first.url == "https://wire.example.org/a1"
    assert first.source == "Example Wire" and first.language == "en"
    assert second.text == "Thousands marched in the capital on Friday.\n\nPolice used tear gas."
    assert second.published is None


def test_atom_entry(tmp_path: Path) -> None:
    path = tmp_path / "desk.atom"
    path.write_text(ATOM, encoding="utf-8")
    articles, errors = collect([str(path)])
    assert errors == []
    assert articles[0].title == "Border crossing reopens"
    assert articles[0].text == "The border crossing reopened on Wednesday after a week of closure."
    assert articles[0].published == "2026-11-19"
    assert articles[0].url == "https://atom.example.org/e1"


# --- WARC ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("gz", [True, False])
def test_warc_html_responses(tmp_path: Path, gz: bool) -> None:
    data = make_warc([
        ("https://news.example.org/baku", "text/html; charset=utf-8", PAGE.encode("utf-8")),
        ("https://news.example.org/logo.png", "image/png", b"\x89PNG not really"),
    ], gz=gz)
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(data)
    articles, errors = collect([str(path)])
    assert errors == []
    (article,) = articles
    assert article.url == "https://news.example.org/baku"
    assert article.title == "Ministers meet in Baku"


# --- sniffing, directories, stdin ---------------------------------------------------------------------

@pytest.mark.parametrize(("name", "content", "kind"), [
    ("notes.txt", b'{"id": "x", "text": "y"}\n', Kind.JSONL),
    ("page", PAGE.encode(), Kind.HTML),
    ("feed.xml", RSS.encode(), Kind.FEED),
    ("feed.txt", RSS.encode(), Kind.FEED),
    ("updates", ATOM.encode(), Kind.FEED),
    ("archive.bin", b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", Kind.WARC),
    ("batch.txt", b"[\n  {\"id\": \"x\", \"text\": \"y\"}\n]", Kind.JSON),
    ("note.txt", b"[Photo] Protesters in the square.", Kind.TEXT),
    ("story", b"Plain words about a meeting.", Kind.TEXT),
    ("story.html", b"Plain words, named like a page.", Kind.HTML),
    ("junk.txt", bytes(range(256)) * 4, None),
])
def test_sniff(name: str, content: bytes, kind: Kind | None) -> None:
    assert sniff(content, name) == kind


def test_content_beats_extension_end_to_end(tmp_path: Path) -> None:
    (tmp_path / "really_jsonl.txt").write_text(jsonl({"id": "j1", "text": "Talks ended."}), encoding="utf-8")
    (tmp_path / "noext").write_text(PAGE, encoding="utf-8")
    (tmp_path / "rss.xml").write_text(RSS, encoding="utf-8")
    articles, errors = collect([str(tmp_path)])
    assert errors == []
    assert [a.title for a in articles] == [
        "Ministers meet in Baku", None, "Talks resume in Geneva", "Protest in the capital"]
    assert articles[1].id == "j1"


def test_gzipped_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl.gz"
    path.write_bytes(gzip.compress(jsonl({"id": "g1", "text": "Sanctions were imposed."}).encode()))
    articles, errors = collect([str(path)])
    assert errors == [] and [a.id for a in articles] == ["g1"]


def test_directories_are_recursive_sorted_and_skip_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "1.jsonl").write_text(jsonl({"id": "b1", "text": "B one."}), encoding="utf-8")
    (tmp_path / "a" / "deep" / "2.jsonl").write_text(jsonl({"id": "a2", "text": "A two."}), encoding="utf-8")
    (tmp_path / "a" / "1.jsonl").write_text(jsonl({"id": "a1", "text": "A one."}), encoding="utf-8")
    (tmp_path / "z.jsonl").write_text(jsonl({"id": "z", "text": "Zed."}), encoding="utf-8")
    (tmp_path / ".hidden.jsonl").write_text(jsonl({"id": "h", "text": "Hidden."}), encoding="utf-8")
    (tmp_path / ".git" / "x.jsonl").write_text(jsonl({"id": "g", "text": "Git."}), encoding="utf-8")
    articles, errors = collect([str(tmp_path)])
    assert errors == []
    assert [a.id for a in articles] == ["a1", "a2", "b1", "z"]


def test_stdin_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    data = jsonl({"id": "s1", "text": "Protesters gathered."}, {"id": "s2", "text": "Police arrived."})

    class FakeStdin:
        buffer = io.BytesIO(data.encode("utf-8"))

    monkeypatch.setattr(sys, "stdin", FakeStdin())
    articles, errors = collect(["-"])
    assert errors == []
    assert [a.id for a in articles] == ["s1", "s2"]


def test_stdin_html(monkeypatch: pytest.MonkeyPatch) -> None:
    class FakeStdin:
        buffer = io.BytesIO(PAGE.encode("utf-8"))

    monkeypatch.setattr(sys, "stdin", FakeStdin())
    articles, _ = collect(["-"])
    assert articles[0].title == "Ministers meet in Baku"


# --- cleaning and dates --------------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Comments are closed.",
    "Jane Doe in Tbilisi contributed to this report.",
    "Reporting by Jane Doe; Editing by John Roe",
    "(Reporting by Jane Doe in Baku; Writing by Sam Poe; Editing by John Roe)",
    "Sign up for our newsletter to get the news first.",
    "Subscribe to our daily briefing",
    "Copyright 2026 Example News",
    "\u00a9 2026 Example Media Group",
    "(c) 2026 Example Media",
    "All rights reserved.",
    "Click here to read the full statement",
    "Read more: how the talks collapsed",
    "Follow us on Twitter",
    "Advertisement",
    "This article was originally published by Example Review.",
])
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "BAKU, Nov 20 (Reuters) - Azerbaijan and Armenia signed a deal on Thursday.",
    "Copyright lawsuits against the broadcaster were dismissed on Monday.",
    "(c) the parties shall refrain from the use of force.",
    "The ministers said they would follow up on the talks in December.",
    "Reporters said the police had blocked the road. " * 10,
])
def test_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


def test_clean_text_keeps_untouched_text_identical() -> None:
    text = "  First line.\r\nSecond line.  \n\n\n"
    assert clean_text(text) == text


@pytest.mark.parametrize(("raw", "day"), [
    ("2026-11-20", "2026-11-20"),
    ("2026-11-20T23:59:59Z", "2026-11-20"),
    ("2026-11-20T10:00:00.123+05:30", "2026-11-20"),
    ("2026-11-20 10:00", "2026-11-20"),
    ("2026-02-30", None),
    ("20 November 2026", None),
    ("yesterday", None),
])
def test_normalise_date(raw: str, day: str | None) -> None:
    assert normalise_date(raw) == day


# --- round trip ----------------------------------------------------------------------------------------

words = st.text(alphabet=string.ascii_letters + " ", min_size=1, max_size=80)
optional_words = st.none() | st.text(alphabet=string.ascii_letters + " -", min_size=1, max_size=30)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=words, title=optional_words, source=optional_words,
    id_=st.text(alphabet=string.ascii_letters + string.digits + "-_:", min_size=1, max_size=20),
    published=st.none() | st.dates().map(lambda d: d.isoformat()),
    url=st.none() | st.just("https://example.org/story?id=1"),
    language=st.none() | st.sampled_from(["en", "fr", "ar"]),
)
def test_article_jsonl_round_trip(tmp_path: Path, text: str, title: str | None, source: str | None,
                                  id_: str, published: str | None, url: str | None,
                                  language: str | None) -> None:
    assume(text.strip() and clean_text(text) == text)
    article = Article(id=id_, text=text, title=title, published=published, url=url, source=source,
                      language=language)
    path = tmp_path / "round.jsonl"
    path.write_text(json.dumps(article.to_dict()) + "\n", encoding="utf-8")
    articles, errors = collect([str(path)])
    assert errors == []
    assert articles == [article]


def test_json_array_of_records(tmp_path: Path) -> None:
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([
        {"id": "r1", "text": "The envoy arrived in Kabul."},
        {"id": "r2", "text": "Officials denied the report.", "published": "2026-11-18"},
    ], indent=2), encoding="utf-8")
    articles, errors = collect([str(path)])
    assert errors == []
    assert [(a.id, a.published) for a in articles] == [("r1", None), ("r2", "2026-11-18")]
