#!/usr/bin/env python3
"""End-to-end test of `faqbot mcp` under the official Python MCP client (the `mcp` package).

Starts the binary as an MCP host would, then: initialize, list tools and resources, call
every tool, read every kind of resource, the bad inputs a client can send through the SDK,
and ASKS `ask` calls in a row, each answer checked. Prints one JSON line of figures (the
ask round trips' median and 99th percentile) and exits 0, or names the first failure and
exits 1. Exits 2 when the `mcp` package cannot be imported: the caller must fail, not skip.

Usage: mcp_client_test.py FAQBOT_BINARY [--asks N] [--intents DIR]
(XDG_CACHE_HOME is passed on to faqbot, so a test run's model cache is used.)
"""

import argparse
import asyncio
import json
import os
import statistics
import sys
import time

try:
    from mcp import ClientSession, StdioServerParameters
    from mcp.client.stdio import stdio_client
    from mcp.shared.exceptions import MCPError
except ImportError as error:  # pragma: no cover - the point is the message
    print(f"the Python `mcp` package is not importable ({error}); run scripts/mcp-venv", file=sys.stderr)
    sys.exit(2)

SECTION_URI = "faqbot://knowledge/sections/"
FILE_URI = "faqbot://knowledge/file"

# The questions the long run cycles through, each with what its answer must show.
CHECKS = [
    ("Is ketamine addictive?", "cites"),
    ("What are the side effects?", "cites"),
    ("How much ketamine should I take?", "declines dose"),
    ("I took too many pills, I think I overdosed", "emergency"),
    ("any thunderstorms expected", "dont know"),
    ("How does ketamine work on the brain?", "cites"),
]


class Failure(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Failure(message)


def field(result, snake, camel):
    """mcp 2.x names fields in snake case, 1.x as on the wire."""
    return getattr(result, snake, getattr(result, camel, None))


def text_of(result):
    return "".join(block.text for block in result.content if getattr(block, "type", "") == "text")


def check_answer(question, kind, result):
    structured = field(result, "structured_content", "structuredContent")
    text = text_of(result)
    expect(not field(result, "is_error", "isError"), f"{question!r}: isError: {text}")
    expect(isinstance(structured, dict), f"{question!r}: no structured content")
    for key in ("kind", "intent", "confidence", "answer", "sources", "candidates", "suggestions", "truncated"):
        expect(key in structured, f"{question!r}: structured content lacks {key!r}")
    if kind == "cites":
        expect(structured["kind"] in ("intent", "knowledge"), f"{question!r}: kind {structured['kind']}")
        expect(structured["sources"], f"{question!r}: no sources")
        for source in structured["sources"]:
            expect(source.get("id") and source.get("section") and source.get("section_id"), f"{question!r}: {source}")
            expect(source.get("text"), f"{question!r}: source {source.get('id')} has no quoted text")
            expect(source["id"] in text, f"{question!r}: the text does not cite {source['id']}")
    elif kind == "declines dose":
        expect(structured["intent"] == "dosing", f"{question!r}: intent {structured['intent']}")
        expect("can't give dosing" in structured["answer"], f"{question!r}: not declined: {structured['answer']}")
    elif kind == "emergency":
        expect(structured["kind"] == "safety" and structured["emergency"] is True, f"{question!r}: {structured}")
        expect(text.startswith("EMERGENCY:"), f"{question!r}: text does not start with the emergency mark")
        expect("988" in text.split(".")[0], f"{question!r}: 988 is not in the first sentence: {text}")
    elif kind == "dont know":
        # An honest "not covered": a fallback with no intent, that says the document does not
        # cover it (the subject check names the thing: "… doesn't say anything about X").
        expect(structured["kind"] == "fallback", f"{question!r}: kind {structured['kind']}")
        expect(structured["intent"] is None, f"{question!r}: intent {structured['intent']}")
        expect(structured.get("category") == "not_covered", f"{question!r}: category {structured.get('category')}")
        expect("does not cover" in text or "doesn't say anything about" in text, f"{question!r}: {text}")


async def expect_tool_error(session, name, arguments, needle):
    result = await session.call_tool(name, arguments)
    expect(field(result, "is_error", "isError") is True, f"{name}({str(arguments)[:60]}): not an error result")
    expect(needle in text_of(result), f"{name}: error text {text_of(result)!r} lacks {needle!r}")


async def expect_protocol_error(call, code, what):
    try:
        await call
    except MCPError as error:
        expect(error.code == code, f"{what}: error code {error.code}, expected {code}")
        return
    raise Failure(f"{what}: no error")


async def run(binary, asks, intents):
    env = {key: os.environ[key] for key in ("XDG_CACHE_HOME",) if key in os.environ}
    args = ["mcp"] + (["--intents", intents] if intents else [])
    server = StdioServerParameters(command=binary, args=args, env=env)
    async with stdio_client(server) as (read, write):
        async with ClientSession(read, write) as session:
            init = await session.initialize()
            expect(field(init, "server_info", "serverInfo").name == "faqbot", "server name")

            tools = {tool.name: tool for tool in (await session.list_tools()).tools}
            expect(set(tools) == {"ask", "search", "topics", "get_section"}, f"tools: {sorted(tools)}")
            for tool in tools.values():
                schema = field(tool, "input_schema", "inputSchema")
                expect(schema.get("type") == "object", f"{tool.name}: input schema")
                expect("Ketamine Therapy" in tool.description, f"{tool.name}: description names no document")
            expect("declines" in tools["ask"].description and "I don't know" in tools["ask"].description,
                   "ask's description says nothing of declining or not knowing")

            resources = (await session.list_resources()).resources
            uris = [str(resource.uri) for resource in resources]
            sections = [uri for uri in uris if uri.startswith(SECTION_URI)]
            expect(FILE_URI in uris and len(sections) >= 5, f"resources: {uris}")
            for uri in sections:
                contents = (await session.read_resource(uri)).contents
                expect(len(contents) == 1 and contents[0].text.startswith("# "), f"{uri}: {contents}")
                expect(field(contents[0], "mime_type", "mimeType") == "text/markdown", f"{uri}: MIME type")
            file_contents = (await session.read_resource(FILE_URI)).contents[0]
            expect(field(file_contents, "mime_type", "mimeType") == "application/json", "file MIME type")
            document = json.loads(file_contents.text)
            expect([SECTION_URI + s["id"] for s in document["sections"]] == sections, "file and section resources differ")
            await expect_protocol_error(session.read_resource(SECTION_URI + "no-such-section"), -32002, "unknown resource")

            # Every tool.
            check_answer("Is ketamine addictive?", "cites", await session.call_tool("ask", {"question": "Is ketamine addictive?"}))
            found = await session.call_tool("search", {"query": "side effects", "limit": 3})
            hits = field(found, "structured_content", "structuredContent")["results"]
            expect(1 <= len(hits) <= 3, f"search: {len(hits)} results")
            for hit in hits:
                expect(hit["id"] and hit["section"] and hit["text"] and hit["score"] > 0, f"search hit {hit}")
            # A crisis in a search query gets emergency help first, not passages.
            crisis = await session.call_tool("search", {"query": "i want to kill myself"})
            crisis_content = field(crisis, "structured_content", "structuredContent")
            expect(crisis_content["results"] == [] and "988" in crisis_content["safety"], f"search crisis: {crisis_content}")
            expect(crisis.content[0].text.startswith("EMERGENCY: ") and "988" in crisis.content[0].text, "search crisis text")
            expect(crisis_content["emergency"] is True, "search crisis: emergency flag")
            topics = field(await session.call_tool("topics", {}), "structured_content", "structuredContent")["topics"]
            questions = [q for topic in topics for q in topic["questions"]]
            expect(any("side effects" in q for q in questions), "topics: no side effects question")
            for refused in ("crisis", "recreational", "buy", "dose", "how much"):
                expect(not any(refused in q.lower() for q in questions), f"topics lists a {refused!r} question")
            section_id = document["sections"][0]["id"]
            section = await session.call_tool("get_section", {"id": section_id})
            structured = field(section, "structured_content", "structuredContent")
            expect(structured["id"] == section_id and structured["paragraphs"], "get_section by section id")
            sentence_id = structured["paragraphs"][0]["sentences"][0]["id"]
            by_sentence = await session.call_tool("get_section", {"id": sentence_id})
            expect(field(by_sentence, "structured_content", "structuredContent")["id"] == section_id, "get_section by sentence id")

            # Sessions: a follow-up is understood in its session only.
            await session.call_tool("ask", {"question": "What are the side effects?", "session": "s1"})
            follow = await session.call_tool("ask", {"question": "how long do they last?", "session": "s1"})
            expect(field(follow, "structured_content", "structuredContent")["intent"] == "side_effect_duration", "session follow-up")

            # Bad inputs through the client.
            await expect_protocol_error(session.call_tool("no_such_tool", {}), -32602, "unknown tool")
            await expect_tool_error(session, "ask", {}, "missing required argument \"question\"")
            await expect_tool_error(session, "ask", {"question": 42}, "must be a string")
            await expect_tool_error(session, "ask", {"question": "hi", "session": ["x"]}, "must be a string")
            await expect_tool_error(session, "ask", {"question": ""}, "is empty")
            await expect_tool_error(session, "ask", {"question": "   "}, "is empty")
            await expect_tool_error(session, "ask", {"question": "x" * 10_000_000}, "more than the limit")
            await expect_tool_error(session, "ask", {"question": "hi", "sesion": "a"}, "unknown argument")
            await expect_tool_error(session, "search", {"query": "side effects", "limit": "3"}, "must be an integer")
            await expect_tool_error(session, "search", {"query": "side effects", "limit": 0}, "between 1 and 20")
            await expect_tool_error(session, "get_section", {"id": "nope"}, "no section")
            await expect_tool_error(session, "get_section", {"id": None}, "missing required argument")
            # Still answering after all that.
            check_answer("Is ketamine addictive?", "cites", await session.call_tool("ask", {"question": "Is ketamine addictive?"}))

            # ASKS calls in a row, every answer checked.
            latencies = []
            for index in range(asks):
                question, kind = CHECKS[index % len(CHECKS)]
                start = time.perf_counter()
                result = await session.call_tool("ask", {"question": question})
                latencies.append(time.perf_counter() - start)
                check_answer(question, kind, result)
    latencies.sort()
    return {
        "asks": asks,
        "median_ms": round(statistics.median(latencies) * 1000, 3) if latencies else None,
        "p99_ms": round(latencies[int(len(latencies) * 0.99) - 1] * 1000, 3) if latencies else None,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--asks", type=int, default=1000)
    parser.add_argument("--intents")
    options = parser.parse_args()
    try:
        figures = asyncio.run(run(options.binary, options.asks, options.intents))
    except Failure as failure:
        print(f"FAIL: {failure}", file=sys.stderr)
        sys.exit(1)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
