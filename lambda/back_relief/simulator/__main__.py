"""Talk to Back Relief in text: `make chat`, or one-shot:

    python -m back_relief.simulator --locale en-GB "how long should I ice"

In the chat, type what you would say. Commands: :wait 18m (virtual time passes; timers
ring), :accept / :deny / :ignore (answer a permission question), :open, :locale en-GB,
:help, :quit. "open back relief" starts a session; "ask back relief ..." is a one-shot.
"""

from __future__ import annotations

import argparse
import os
import re
import sys

from ..skill import lambda_handler
from .conversation import Device, Reply
from .fake_alexa_api import FakeAlexaApi

_LAUNCH = re.compile(r"^(alexa,? )?(open|launch|start) back relief$", re.I)
_ONE_SHOT = re.compile(r"^(alexa,? )?(ask|tell) back relief (to )?(?P<rest>.+)$", re.I)
_UNITS = {"s": 1, "m": 60, "h": 3600}


def handle_line(device: Device, line: str) -> str:
    line = line.strip()
    if not line:
        return ""
    if line.startswith(":"):
        return _command(device, line)
    if _LAUNCH.match(line):
        return _show(device.launch())
    one_shot = _ONE_SHOT.match(line)
    if one_shot:
        device.wait(0)  # a new session
        line = one_shot.group("rest")
    return _show(device.say(line))


def _command(device: Device, line: str) -> str:
    name, _, arg = line[1:].partition(" ")
    if name == "wait":
        found = re.fullmatch(r"(\d+)([smh]?)", arg.strip())
        if not found:
            return "usage: :wait 18m  (s, m or h)"
        seconds = int(found.group(1)) * _UNITS[found.group(2) or "m"]
        rung = device.wait(seconds)
        shown = [f"(virtual time passes: {arg.strip()})"]
        shown += [f"[timer rings] Alexa: {text}" for text in rung]
        return "\n".join(shown)
    if name in ("accept", "deny", "ignore"):
        status = {"accept": "ACCEPTED", "deny": "DENIED", "ignore": "NOT_ANSWERED"}[name]
        return _show(device.consent(status))
    if name == "open":
        return _show(device.launch())
    if name == "locale" and arg:
        device.locale = arg.strip()
        return f"(locale is now {device.locale})"
    if name == "help":
        return __doc__ or ""
    return "unknown command; try :help"


def _show(reply: Reply) -> str:
    out = [f"Alexa: {reply.text}"]
    if reply.consent_scope:
        out.append(f"(Alexa asks for permission: {reply.consent_scope} — :accept, :deny, :ignore)")
    elif reply.ends_session:
        out.append("(session ended)")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Text simulator for Back Relief")
    parser.add_argument("--locale", default="en-US")
    parser.add_argument("utterances", nargs="*", help="one-shot utterances, in order")
    args = parser.parse_args(argv)
    # Request logs would drown the conversation; warnings and errors still show.
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    with FakeAlexaApi() as api:
        device = Device(handler=lambda env: lambda_handler(env, None), locale=args.locale, api=api)
        api.clock = lambda: device.now
        if args.utterances:
            for utterance in args.utterances:
                print(handle_line(device, utterance))
            return 0
        print("Back Relief simulator. Say 'open back relief', or :help. Ctrl-D to quit.")
        while True:
            try:
                line = input("you> ")
            except EOFError:
                print()
                return 0
            if line.strip() in (":quit", ":q"):
                return 0
            shown = handle_line(device, line)
            if shown:
                print(shown)


if __name__ == "__main__":
    sys.exit(main())
