"""Ingest on bad input: one error line naming the path (and line), the item skipped, the others read."""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
from pathlib import Path

import pytest

from eventwire.ingest import iter_articles
from eventwire.ingest.common import MAX_LINE_BYTES
from eventwire.records import Article

GOOD = json.dumps({"id": "good", "text": "Envoys met in Cairo on Monday."}) + "\n"


def collect(paths: list[str]) -> tuple[list[Article], list[str]]:
    errors: list[str] = []
    return list(iter_articles(paths, errors.append)), errors


def good_file(tmp_path: Path) -> Path:
    path = tmp_path / "zz_good.jsonl"
    path.write_text(GOOD, encoding="utf-8")
    return path


@pytest.mark.parametrize(("line", "reason"), [
    ('{"id": "x", "text": "Broken" "json"}', "invalid JSON (Expecting ',' delimiter)"),
    ('["a", "list"]', "not a JSON object but list"),
    ('{"id": "x"}', "no 'text' field"),
    ('{"id": "x", "text": 42}', "field 'text' must be a string, not int"),
    ('{"id": ["x"], "text": "Words."}', "field 'id' must be a string, not list"),
    ('{"id": "x", "text": "Words.", "title": 3.5}', "field 'title' must be a string, not float"),
    ('{"id": "x", "text": "Words.", "published": "last Tuesday"}', "'published' is not a YYYY-MM-DD date"),
    ('{"id": "x", "text": "Words.", "published": "2026-13-01"}', "'published' is not a YYYY-MM-DD date"),
    ('{"id": "x", "text": "   "}', "empty text"),
    ('{"id": "x", "text": "Advertisement"}', "empty text"),
    ('{"id": "x", "text": "bad \x00 bytes"}', "binary content"),
])
def test_bad_jsonl_line_reports_path_and_line(tmp_path: Path, line: str, reason: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(GOOD + line + "\n" + GOOD.replace("good", "after"), encoding="utf-8")
    articles, errors = collect([str(path)])
    assert [a.id for a in articles] == ["good", "after"]
    assert len(errors) == 1
    assert errors[0].startswith(f"{path}:2: skipped: ")
    assert reason in errors[0]


def test_enormous_jsonl_line_is_skipped_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl"
    huge = json.dumps({"id": "huge", "text": "word " * (MAX_LINE_BYTES // 5 + 10)})
    path.write_text(GOOD + huge + "\n" + GOOD.replace("good", "after"), encoding="utf-8")
    articles, errors = collect([str(path)])
    assert [a.id for a in articles] == ["good", "after"]
    assert errors == [f"{path}:2: skipped: line too long (more than {MAX_LINE_BYTES:,} bytes)"]


def test_latin1_jsonl_line_is_read_as_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    latin = '{"id": "l1", "text": "Talks in S\u00e3o Paulo."}\n'.encode("latin-1")
    path.write_bytes(GOOD.encode() + latin)
    articles, errors = collect([str(path)])
    assert errors == []
    assert articles[1].text == "Talks in S\u00e3o Paulo."


def test_c1_control_bytes_are_undecodable(tmp_path: Path) -> None:
    path = tmp_path / "c1.txt"
    path.write_bytes(b"Headline\n\nSome text \x81\x8d\x90 here.\n")
    articles, errors = collect([str(path), str(good_file(tmp_path))])
    assert [a.id for a in articles] == ["good"]
    assert errors == [f"{path}: skipped: undecodable text (neither UTF-8 nor cp1252)"]


def test_broken_utf16_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "broken16.txt"
    path.write_bytes("Headline\n\nBody.".encode("utf-16") + b"\x00\xd8")  # a lone high surrogate
    articles, errors = collect([str(path), str(good_file(tmp_path))])
    assert [a.id for a in articles] == ["good"]
    assert len(errors) == 1 and errors[0].startswith(f"{path}: skipped: undecodable utf-16 text")


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("empty.jsonl", b"", "empty input"),
    ("blank.txt", b"\n  \n\t\n", "empty input"),
    ("junk.txt", bytes(range(256)) * 16, "binary content, not text"),
    ("nul.jsonl", b'{"id": "x"}\x00\x00\x00\x01\x02', "binary content, not text"),
    ("only_boilerplate.txt", b"Advertisement\n\nAll rights reserved.\n", "empty text"),
    ("empty.html", b"<html><head><title>T</title></head><body><script>go()</script></body></html>",
     "no article text found in HTML"),
    ("empty.xml", b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>',
     "feed has no entries"),
    ("broken.gz", b"\x1f\x8b\x08\x00garbage-not-deflate", "read error"),
    ("broken.warc", b"WARC/1.0\r\nthis is not a header block\r\n\r\n", "no HTML response records"),
    ("damaged.warc", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 900\r\n\r\nabc",
     "not a readable WARC after record 0"),
])
def test_bad_file_one_error_and_others_read(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    articles, errors = collect([str(path), str(good_file(tmp_path))])
    assert [a.id for a in articles] == ["good"]
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"{path}: skipped: ")
    assert reason in errors[0]


def test_feed_entry_without_text_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>'
        "<item><title>No body</title><link>https://e.example/1</link></item>"
        "<item><title>Body</title><description>Rockets struck the port.</description></item>"
        "</channel></rss>", encoding="utf-8")
    articles, errors = collect([str(path)])
    assert [a.text for a in articles] == ["Rockets struck the port."]
    assert errors == [f"{path}: skipped: entry 1: entry has no text"]


def test_missing_file_is_reported(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.jsonl"
    articles, errors = collect([str(missing), str(good_file(tmp_path))])
    assert [a.id for a in articles] == ["good"]
    assert errors == [f"{missing}: skipped: cannot read (No such file or directory)"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    locked = tmp_path / "locked.jsonl"
    locked.write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    try:
        articles, errors = collect([str(tmp_path)])
    finally:
        locked.chmod(0o600)
    assert [a.id for a in articles] == ["good"]
    assert errors == [f"{locked}: skipped: cannot read (Permission denied)"]


def test_bad_file_in_directory_does_not_stop_the_walk(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text("{not json}\n", encoding="utf-8")
    (tmp_path / "b.bin").write_bytes(bytes(range(256)))
    (tmp_path / "c.jsonl.gz").write_bytes(gzip.compress(GOOD.encode()))
    articles, errors = collect([str(tmp_path)])
    assert [a.id for a in articles] == ["good"]
    assert [e.split(": skipped")[0] for e in errors] == [str(tmp_path / "a.jsonl") + ":1", str(tmp_path / "b.bin")]


def test_bad_stdin_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    class FakeStdin:
        buffer = io.BytesIO(b'{"id": 1, "text": "Fine."}\n{oops\n')

    monkeypatch.setattr(sys, "stdin", FakeStdin())
    articles, errors = collect(["-"])
    assert [a.id for a in articles] == ["1"]
    assert len(errors) == 1 and errors[0].startswith("<stdin>:2: skipped: invalid JSON")


def test_bad_item_in_json_array(tmp_path: Path) -> None:
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([{"id": "r1", "text": "Fine."}, {"id": "r2"}, {"id": "r3", "text": "Also fine."}]),
                    encoding="utf-8")
    articles, errors = collect([str(path)])
    assert [a.id for a in articles] == ["r1", "r3"]
    assert errors == [f"{path}: skipped: item 2: no 'text' field"]


def test_broken_json_array_names_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[\n  {"id": "r1", "text": "Fine."},\n  {"id": "r2", "text": }\n]\n', encoding="utf-8")
    articles, errors = collect([str(path), str(good_file(tmp_path))])
    assert [a.id for a in articles] == ["good"]
    assert len(errors) == 1 and errors[0].startswith(f"{path}:3: skipped: invalid JSON")


def test_path_through_a_file_is_reported(tmp_path: Path) -> None:
    bogus = tmp_path / "zz_good.jsonl" / "inner.jsonl"
    good = good_file(tmp_path)
    articles, errors = collect([str(bogus), str(good)])
    assert [a.id for a in articles] == ["good"]
    assert errors == [f"{bogus}: skipped: cannot read (Not a directory)"]


def test_utf8_with_one_damaged_byte_keeps_utf8(tmp_path: Path) -> None:
    path = tmp_path / "damaged.txt"
    body = "Leaders met in Z\u00fcrich and D\u00fcsseldorf; the \u00e9lys\u00e9e said \u201cyes\u201d. " * 3
    path.write_bytes(("Headline\n\n" + body).encode("utf-8") + b"\xff tail.")
    articles, errors = collect([str(path)])
    assert errors == []
    assert "Z\u00fcrich" in articles[0].text and articles[0].text.endswith("\ufffd tail.")
