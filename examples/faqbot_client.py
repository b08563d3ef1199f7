#!/usr/bin/env python3
"""A minimal client for faqbot's JSON Lines protocol v1 (see docs/protocol.md).

It starts `faqbot --json` as a child process, sends one request line and reads one
response line at a time, then holds a short conversation in a session so that the
follow-up question is understood in context.

    python3 examples/faqbot_client.py [path/to/faqbot [faqbot options...]]

Options after the executable go to faqbot, e.g. `--intents my-pack/`.

Only the Python 3 standard library is used.
"""

import json
import subprocess
import sys


class FAQBot:
    """One faqbot process; `ask` sends a request and returns its answer as a dict."""

    def __init__(self, executable="faqbot", options=()):
        self._next_id = 1
        self._process = subprocess.Popen(
            [executable, "--json", *options],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            # Bytes in and out: the protocol is UTF-8 whatever the locale says.
        )

    def ask(self, question, session=None):
        request = {"id": self._next_id, "question": question}
        if session is not None:
            request["session"] = session
        self._next_id += 1
        line = json.dumps(request, ensure_ascii=False) + "\n"
        self._process.stdin.write(line.encode("utf-8"))
        self._process.stdin.flush()  # the bot answers as soon as the line arrives
        response = json.loads(self._process.stdout.readline().decode("utf-8"))
        if response["id"] != request["id"]:
            raise RuntimeError(f"answer for id {response['id']}, expected {request['id']}")
        if "error" in response:
            raise ValueError(f"{response['error']['code']}: {response['error']['message']}")
        return response

    def close(self):
        """Ends the input; the bot answers what it has read and exits with status 0."""
        self._process.stdin.close()
        status = self._process.wait()
        self._process.stdout.close()
        return status

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()


def show(question, answer):
    print(f"> {question}")
    print(f"  [{answer['kind']}: {answer['intent']}, confidence {answer['confidence']}]")
    print(f"  {answer['answer']}")
    for source in answer["sources"]:
        print(f"  source: {source['section']} ({source['id']})")


def main():
    executable = sys.argv[1] if len(sys.argv) > 1 else "faqbot"
    bot = FAQBot(executable, sys.argv[2:])
    try:
        # One request, one answer.
        question = "What is ketamine?"
        show(question, bot.ask(question))

        # A session: the follow-up only makes sense after the first question.
        for question in ["What are the side effects?", "how long do they last?"]:
            show(question, bot.ask(question, session="demo"))
    finally:
        status = bot.close()
    return status


if __name__ == "__main__":
    sys.exit(main())
