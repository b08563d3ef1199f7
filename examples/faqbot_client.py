#!/usr/bin/env python3
"""A minimal client for faqbot's JSON Lines protocol v1 (see docs/protocol.md).

It starts `faqbot --json` as a child process, sends one request line and reads one
response line at a time, then holds a short conversation in a session so that the
follow-up question is understood in context.

    python3 examples/faqbot_client.py [path/to/faqbot [faqbot options...]]

Options after the executable go to faqbot, e.g. `--intents my-pack/`.

If faqbot cannot start (a pack with errors, a bad option) or stops, `ask` raises
`FAQBotExited` with faqbot's own error message and exit status, never a JSON error.

Only the Python 3 standard library is used.
"""

import json
import subprocess
import sys
import threading


class FAQBotExited(RuntimeError):
    """faqbot exited before answering; the message holds what it wrote on stderr."""

    def __init__(self, status, errors):
        self.status = status
        self.errors = errors
        super().__init__(f"faqbot exited with status {status}: {errors.strip() or '(no message)'}")


class FAQBot:
    """One faqbot process; `ask` sends a request and returns its answer as a dict."""

    def __init__(self, executable="faqbot", options=()):
        self._next_id = 1
        self._process = subprocess.Popen(
            [executable, "--json", *options],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            # Bytes in and out: the protocol is UTF-8 whatever the locale says.
        )
        # stderr is read on its own thread, so that a chatty faqbot can never block on a
        # full pipe, and kept for the error message if faqbot exits.
        self._errors = []
        self._error_reader = threading.Thread(target=self._read_errors, daemon=True)
        self._error_reader.start()

    def _read_errors(self):
        for line in self._process.stderr:
            self._errors.append(line.decode("utf-8", "replace"))

    def _exited(self):
        status = self._process.wait()
        self._error_reader.join(timeout=5)
        return FAQBotExited(status, "".join(self._errors))

    def ask(self, question, session=None):
        request = {"id": self._next_id, "question": question}
        if session is not None:
            request["session"] = session
        self._next_id += 1
        line = json.dumps(request, ensure_ascii=False) + "\n"
        try:
            self._process.stdin.write(line.encode("utf-8"))
            self._process.stdin.flush()  # the bot answers as soon as the line arrives
        except BrokenPipeError:
            raise self._exited() from None
        reply = self._process.stdout.readline()
        if not reply:  # end of output: faqbot has exited
            raise self._exited()
        response = json.loads(reply.decode("utf-8"))
        if response["id"] != request["id"]:
            raise RuntimeError(f"answer for id {response['id']}, expected {request['id']}")
        if "error" in response:
            raise ValueError(f"{response['error']['code']}: {response['error']['message']}")
        return response

    def close(self):
        """Ends the input; the bot answers what it has read and exits with status 0."""
        try:
            self._process.stdin.close()
        except BrokenPipeError:
            pass
        status = self._process.wait()
        self._process.stdout.close()
        self._error_reader.join(timeout=5)
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
    except FAQBotExited as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    finally:
        status = bot.close()
    return status


if __name__ == "__main__":
    sys.exit(main())
