#!/usr/bin/env python3
"""`faqbot mcp` speed: `ask` round trips through the official Python MCP client and through a
minimal raw JSON-RPC client (median and 99th percentile over ASKS calls each), the time from
process start to a completed `initialize` beside `faqbot --version`, and peak RSS.

usage: Benchmarks/mcp_latency.py FAQBOT_BINARY [--asks N] [--starts N] [--markdown]

Run it with the Python of the MCP venv (scripts/mcp-venv). The default pack's model is
cached first, so starts are measured warm, as a host starts faqbot after the first time.
With --markdown it prints the BENCHMARKS.md section; Benchmarks/run calls it so.
"""
import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import time

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

QUESTIONS = ["Is ketamine addictive?", "What are the side effects?", "How much ketamine should I take?",
             "any thunderstorms expected", "How does ketamine work on the brain?"]
INITIALIZE = {"jsonrpc": "2.0", "id": 0, "method": "initialize",
              "params": {"protocolVersion": "2025-06-18", "capabilities": {},
                         "clientInfo": {"name": "mcp_latency", "version": "1"}}}


def line(message):
    return (json.dumps(message) + "\n").encode()


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * fraction) - 1)]


def figures(seconds):
    return {"median_ms": statistics.median(seconds) * 1000, "p99_ms": percentile(seconds, 0.99) * 1000}


async def python_client(binary, asks):
    latencies = []
    async with stdio_client(StdioServerParameters(command=binary, args=["mcp"])) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            for index in range(asks):
                start = time.perf_counter()
                result = await session.call_tool("ask", {"question": QUESTIONS[index % len(QUESTIONS)]})
                latencies.append(time.perf_counter() - start)
                assert not getattr(result, "is_error", getattr(result, "isError", False))
    return figures(latencies)


def start_server(binary):
    return subprocess.Popen([binary, "mcp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0)


def raw_client(binary, asks):
    """One line out, one line in: the least a client can do, so the server's own cost shows."""
    process = start_server(binary)
    process.stdin.write(line(INITIALIZE))
    process.stdout.readline()
    process.stdin.write(line({"jsonrpc": "2.0", "method": "notifications/initialized"}))
    latencies = []
    for index in range(asks):
        request = {"jsonrpc": "2.0", "id": index + 1, "method": "tools/call",
                   "params": {"name": "ask", "arguments": {"question": QUESTIONS[index % len(QUESTIONS)]}}}
        start = time.perf_counter()
        process.stdin.write(line(request))
        reply = json.loads(process.stdout.readline())
        latencies.append(time.perf_counter() - start)
        assert reply["id"] == index + 1 and "result" in reply, reply
    with open(f"/proc/{process.pid}/status") as status:
        peak_kib = next(int(row.split()[1]) for row in status if row.startswith("VmHWM:"))
    process.stdin.close()
    process.wait(timeout=30)
    return figures(latencies), peak_kib


def start_to_initialize(binary):
    start = time.perf_counter()
    process = start_server(binary)
    process.stdin.write(line(INITIALIZE))
    process.stdout.readline()
    elapsed = time.perf_counter() - start
    process.stdin.close()
    process.wait(timeout=30)
    return elapsed


def version_run(binary):
    start = time.perf_counter()
    subprocess.run([binary, "--version"], check=True, capture_output=True)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--asks", type=int, default=1000)
    parser.add_argument("--starts", type=int, default=20)
    parser.add_argument("--markdown", action="store_true")
    options = parser.parse_args()
    start_to_initialize(options.binary)  # trains and caches the default pack's model
    python = asyncio.run(python_client(options.binary, options.asks))
    raw, peak_kib = raw_client(options.binary, options.asks)
    initialize = statistics.median(start_to_initialize(options.binary) for _ in range(options.starts))
    version = statistics.median(version_run(options.binary) for _ in range(options.starts))
    result = {"python": python, "raw": raw, "initialize_ms": initialize * 1000, "version_ms": version * 1000,
              "ratio": initialize / version, "peak_rss_mib": peak_kib / 1024}
    if not options.markdown:
        print(json.dumps(result))
        return
    asks, starts = options.asks, options.starts
    print("## MCP server (`faqbot mcp`)")
    print()
    print(f"`Benchmarks/mcp_latency.py` on the default pack: {asks:,} `ask` calls in a row through each "
          f"client, one at a time; starts are the median of {starts}, with the model cached.")
    print()
    print("| measure | median | p99 |")
    print("| --- | ---: | ---: |")
    print(f"| `ask` round trip, official Python client (`mcp` {version_of_mcp()}) | "
          f"{python['median_ms']:.2f} ms | {python['p99_ms']:.2f} ms |")
    print(f"| `ask` round trip, raw JSON-RPC client (one line out, one in) | "
          f"{raw['median_ms']:.2f} ms | {raw['p99_ms']:.2f} ms |")
    print()
    print(f"- Process start to a completed `initialize`: {initialize * 1000:.1f} ms, "
          f"{result['ratio']:.2f}× `faqbot --version` ({version * 1000:.1f} ms).")
    print(f"- Peak RSS of `faqbot mcp` after {asks:,} asks: {result['peak_rss_mib']:.1f} MiB.")


def version_of_mcp():
    from importlib.metadata import version
    return version("mcp")


if __name__ == "__main__":
    main()
