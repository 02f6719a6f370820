"""What triage finds: a tier and the trigger that set it.

Kept apart from triage.py (re-exported there) so that the request path can name a finding
without importing the rules' machinery (regex analysis, concepts, the prefilters): a launch
never assesses any words, and on the embedded store its cold start is one launch long.
"""

from __future__ import annotations

from enum import IntEnum

from ..values import Value

__all__ = ["TIER_NAMES", "Finding", "Tier"]


class Tier(IntEnum):
    NONE = 0
    WITHIN_DAYS = 1
    SAME_DAY = 2
    EMERGENCY = 3


TIER_NAMES = {tier.name.lower(): tier for tier in Tier if tier}  # "same_day" -> SAME_DAY


class Finding(Value):
    tier: Tier
    trigger: str
