"""Hostile values for the envelope fuzzer: markup, odd locales, unknown types, junk progress."""

from __future__ import annotations

from typing import Any

from back_relief.alexa import services

# Strings that must never reach speech and never break it: markup, entities, control
# characters, format placeholders, odd Unicode, and very long text.
MARKER = "evil.example"
INJECTIONS = (
    "</speak><audio src='https://evil.example/a.mp3'/><speak>",
    '<speak><say-as interpret-as="expletive">x</say-as></speak>',
    ']]><![CDATA[<break time="600s"/>',
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;',
    "&amp;&lt;&#0;&#x1F;&bogus; & < > \" '",
    "\x00\x01\x07\x0b\x0c\x1b\x7f\ud7ff\ufffe\uffff",
    "{emergency} {0} {name!r} %s %(x)s {{}} }{",
    "Traceback (most recent call last): File \"x\", KeyError: 'evil.example'",
    "\u202e\u200b\u00a0\U0001f600 emoji and bidi",
    "ice" + " really" * 400,
    "x" * 10_000,
    "<" * 3000,
    "&" * 3000,
    "",
    "   ",
)
LOCALES = (
    "en-US",
    "en-GB",
    "en-CA",
    "en-AU",
    "en-IN",
    "fr-FR",
    "de-DE",
    "en-NZ",
    "xx",
    "en",
    "EN-us",
    "en_US",
    "",
    None,
    42,
    ["en-US"],
    "zz-ZZ-" + "x" * 300,
)
UNKNOWN_TYPES = (
    "Foo.Bar",
    "",
    "launchrequest",
    "IntentRequest ",
    "AudioPlayer.PlaybackStarted",
    "CanFulfillIntentRequest",
    "Reminders.ReminderCreated",
    "AlexaSkillEvent.SkillEnabled",
    "AlexaSkillEvent.SkillPermissionAccepted",
    "Alexa.Presentation.APL.RuntimeError",
    "Messaging.MessageReceived",
    "Dialog.API.Invoked",
)
UNKNOWN_INTENTS = (
    "MadeUpIntent",
    "AMAZON.ShuffleOnIntent",
    "AMAZON.SearchAction<object@WeatherForecast>",
    "",
    "x" * 5000,
    "</speak>",
)
ROUTINE_INTENTS = (
    "StartRoutineIntent",
    "AMAZON.NextIntent",
    "AMAZON.YesIntent",
    "AMAZON.NoIntent",
    "AMAZON.PreviousIntent",
    "AMAZON.PauseIntent",
    "AMAZON.ResumeIntent",
    "AMAZON.StopIntent",
    "TimeLeftIntent",
    "SkipIntent",
)
SCOPES = (services.TIMERS_SCOPE, services.REMINDERS_SCOPE, "alexa::profile:email:read", "", None)
USER_EVENT_ARGS: tuple[Any, ...] = (
    ["nav", "next"],
    ["nav", "previous"],
    ["nav", "repeat"],
    ["nav", "stop"],
    ["nav", "explode"],
    ["nav"],
    ["nav", {"next": True}],
    ["nav", "next", "extra"],
    [],
    None,
    "nav",
    {"nav": "next"},
    [1, 2],
    ["x" * 10_000, "next"],
)
SESSION_END_REASONS = ("USER_INITIATED", "EXCEEDED_MAX_REPROMPTS", "ERROR", "NOPE", None)
SESSION_ERRORS: tuple[Any, ...] = (
    {"type": "INVALID_RESPONSE", "message": "An exception occurred while dispatching"},
    {"type": "DEVICE_COMMUNICATION_ERROR", "message": "x" * 10_000},
    {"type": "INTERNAL_SERVICE_ERROR"},
    {"type": "NOT_A_TYPE", "message": None},
    "error",
    None,
)
# Progress as a client could hand it back: wrong shapes and types everywhere.
HOSTILE_PROGRESS: tuple[Any, ...] = (
    {"seq": "9", "state": {}, "profile": {}},
    {"seq": 999, "state": [], "profile": {}},
    {"seq": 999, "state": "active", "profile": []},
    {"seq": 999, "state": {"routine": "ice", "step": 99, "status": "timing"}, "profile": {}},
    {"seq": 999, "state": {"routine": "nope", "step": -1}, "profile": {"launches": "many"}},
    {"seq": 999, "state": {"step": "1", "timer_started_at": "now"}, "profile": {"welcomed": []}},
    {"seq": 999, "state": {"pending": ["offer:ice"]}, "profile": {"reminder_for": ["ice"]}},
    {"seq": 999, "state": {"pending": "offer:nope"}, "profile": {"reminder_for": {"x": 1}}},
    {"seq": 999, "state": {"routine": "ice", "status": "timing", "timer_seconds": -5}},
    {"seq": 1e308, "state": {"routine": "stretches", "step": 2**63}, "profile": None},
    {"seq": None, "state": None, "profile": None},
    [],
    "progress",
    None,
)
