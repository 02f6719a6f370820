"""A sign named, then settled in the same breath: taken back, explained away, or over.

- a self-correction: "my legs are numb, no wait, they're just tired", "i fell down the stairs,
  i mean i nearly did", "i can't pee, oh hang on, i just did";
- a fear explained away: "i thought i'd wet myself but it was just the ice pack", "i panicked
  that i couldn't move my legs but it was the blanket";
- a past sign with its outcome: "my husband had sciatica down both legs, he's fine now", "i had
  an accident on my scooter in college, no problems since", "my legs gave way once on the
  stairs, it was fine after";
- a denial put right, the other way round (affirmed_after): "no chest pain, hold on, yes there is";
- someone close's past (family_past) and a later clause that is only about the back (now_again).

passed.resolved() reads the first three after a finding (unsaid.py reads the words before one).
Each needs its own words AFTER the sign, and any word that says it is here now or worse ("both",
"still", "again", "can not", "really") keeps the words a report: a missed emergency costs more
than a false one. framing.py asks now_again() whether a later clause tells a past sign as now.
"""

from __future__ import annotations

import re

from ..text import word_set

__all__ = [
    "affirmed_after",
    "family_past",
    "now_again",
    "points_back",
    "settled",
]

# Any of these after the correction keeps the sign: it is emphasised, not taken back.
_KEEPS = (
    r" (?:not now|now|any ?more|still|again|worse|really|properly|at all|both|too|as well|also"
    r"|even|can not|cannot|could not|nothing|no feeling|at the moment|right now|just now"
    r"|earlier|before|this morning|yesterday|used to|definitely|actually worse|keeps?"
    r"|on me|on my|onto me|on top of me|until|till|except|just as|the same|as bad|once|a little"
    r"|a bit|a few|drop|dribble|slightly|a lot|loads|barely|hardly|only just|true|real|happening"
    r"|confirmed|if|help|helped|without)\b"
)
# A correction that takes back what was just said, whatever follows (unless _KEEPS).
_STRONG = (
    r" (?:no wait|wait no|no actually|actually no|well no|no sorry|sorry no|no i mean"
    r"|no i meant|scratch that|correction|my bad|let me rephrase|false alarm|that is wrong"
    r"|that is not right|that is not true)\b"
)
# A weaker opener ("i mean" may also add to it) needs a cue that the sign is not so.
_WEAK = r" (?:i mean|i meant|actually|hang on|hold on|oh wait|wait)\b"
_RETRACTS = (
    r" (?:not right|not true|wrong|false alarm|my mistake|never mind|ignore that|nearly|almost"
    r"|i (?:can|could)(?! not)(?! never)"
    r"|(?:just|only) (?:my|the|stiff|sore|tired|cold|achy|aching|tight|one|left|right)"
    r"|(?:they|it|that|she|he) (?:are|is|was|were) (?:fine|okay|alright|not))\b"
)
# Every opener holds one of these words. The patterns here are read rarely, so each is compiled
# on first need (re's cache), not at import: a cold start pays nothing for them.
_OPENS = word_set(
    "no wait actually well sorry mean meant scratch correction bad rephrase false wrong right true "
    "hang hold"
)
_OPEN_WITHIN = 10  # words after the finding's end in which a correction may open
_CORRECTED_WORDS = 12  # words after the opener read for its cue

# A fear before the sign ("i thought", "i was worried", "i panicked that"), explained away after.
_BELIEF = word_set("thought think worried panicked feared assumed convinced imagined sure scared")
_DEBUNKED = (
    r" but (?:then )?(?:it (?:was|is|turned out)|turns out|turned out|i checked|i have checked"
    r"|i looked|it is only|it was only|it is just|it was just|that was|that is)\b"
)
_BELIEF_WITHIN = 10  # words before the finding's end in which the fear must be said

# The sign told in the past, then how it ended: "he is fine now", "no problems since", "she has
# had the baby now", "all good now", "it was fine after", "has not come back".
_OUTCOME = (
    r" (?:(?:(?:he|she|they|i|it|that|everything|we) (?:is|are|am|was|were|has been|have been)"
    r" |all |both )?(?:(?:all|totally|completely|perfectly|absolutely|fully) )?"
    r"(?:fine|okay|alright|all right|good|grand|normal|sorted|better|recovered|healed)"
    r" (?:now|again|after|afterwards|since|ever since|since then|the next (?:day|morning))"
    r"|(?:he|she|they|we) (?:is|are) (?:both |all |completely |totally |perfectly )?"
    r"(?:well|fine|okay|healthy|alright|good)(?: now)?$"
    # the speaker after another's sign: "but mine is just a pulled muscle", "i have never had it"
    r"|mine(?: i)?s (?:just|only|not|a|more|different)|i have never had (?:it|that|one|them|any)$"
    r"|(?:he|she|they) (?:is|are) back (?:home|at work|to normal)"
    r"|(?:he|she|they|i|we) (?:is|are|am|was|were|got) over it"
    r"|(?:he|she|they) (?:is|are) (?:laughing|giggling|smiling|playing|running around)"
    r"|(?:this morning|today|now) (?:i am|he is|she is|they are|it is|all is|everything is)"
    r" (?:fine|okay|alright|grand|good|normal|better)"
    r"|no (?:problems?|issues?|trouble|bother|more problems) since|(?:gone|cleared|passed) now"
    r"|(?:has|have|had) not (?:come back|returned|happened since|happened again)"
    r"|never (?:came back|returned|happened again)|made a (?:full |good )?recovery"
    r"|(?:survived|pulled through)|(?:has|have|is) had (?:the|her|their) baby"
    r"|(?:he|she|they) (?:is|are) (?:in (?:his|her|their) )?(?:ten|eleven|twelve|\w+teen"
    r"|(?:twen|thir|for|fif|six|seven|eigh|nine)t(?:y|ies)|\d+)(?: years old)?(?= now))"
    r"(?: now| again| since)?\b"
)
# A past telling: one of these in the sign's own words before it, and none of _NOW_SAID.
_PAST = word_set(
    "had was were went got fell did used lost could felt broke came slipped tripped gave "
    "collapsed crashed needed"
)
_OTHERS = word_set(
    "he she they his her their dad mum mom mother father brother sister son daughter husband wife "
    "partner nan gran granny grandma grandad grandpa aunt uncle cousin niece nephew friend mate "
    "colleague neighbour neighbor boss manager flatmate guy man woman lady kid kids wifes husbands "
    "grandson granddaughter child children boy girl baby toddler"
)
_FELT = (
    "numb",
    "tingl",
    "pins",
    "needles",
    "weak",
    "tight",
    "dead",
    "heav",
    "jelly",
    "wobbl",
    "shak",
    "sore",
    "ach",
    "hurt",
    "pain",
    "dizz",
    "faint",
    "breath",
    "burn",
    "throb",
    "cramp",
    "asleep",
)
_LONG_AGO = (
    r" (?:(?:years?|ages|decades) (?:ago|back)|in (?:19|20)\d\d|in (?:nineteen|two thousand)"
    r"|(?:back )?in (?:college|uni|school|my (?:teens|twenties|thirties))|as a (?:kid|child|teen)"
    r"|when i was (?:a |young|little|pregnant)|long ago|long back)\b"
)
_NOW_SAID = word_set("am is are can cannot have has keep keeps still now today tonight")
_CLAUSE_BREAK = word_set("but so because cos though although however then")
_NEW_SUBJECT = word_set("i my we our he his she her they their it its this that now today")


def _corrected(after: list[str]) -> bool:
    if _OPENS.isdisjoint(after[: _OPEN_WITHIN + 2]):
        return False  # most findings: no word a correction opens with, and no regex read
    said = " " + " ".join(after[: _OPEN_WITHIN + _CORRECTED_WORDS])
    for opener, needs_cue in ((_STRONG, False), (_WEAK, True)):
        found = re.search(opener, said)
        if found is None or len(said[: found.start()].split()) > _OPEN_WITHIN:
            continue
        rest = " " + " ".join(said[found.end() :].split()[:_CORRECTED_WORDS])
        if re.search(_KEEPS, re.sub(_OUTCOME, "", rest)):  # "they are okay now" keeps nothing
            return False
        if len(rest.split()) < 2:
            continue  # "i have wet myself, no wait": nothing said instead
        if not needs_cue or re.search(_RETRACTS, rest):
            return True
    return False


def _own_words(text: str, end: int) -> list[str]:
    """The sign's own clause up to its end, back to a clause break (at most a dozen words)."""
    words = text[max(0, end - 96) : end].split()[-12:]
    for i in range(len(words) - 2, -1, -1):
        if words[i] in _CLAUSE_BREAK or (words[i] == "and" and words[i + 1] in _NEW_SUBJECT):
            return words[i + 1 :]
    return words


def _debunked(own: list[str], after: str) -> bool:
    if _BELIEF.isdisjoint(own[-_BELIEF_WITHIN:]):
        return False
    found = re.search(_DEBUNKED, after)
    return found is not None and not re.search(_KEEPS, after[found.end() : found.end() + 64])


def _over(own: list[str], after: str, text: str) -> bool:
    if _PAST.isdisjoint(own) or not _NOW_SAID.isdisjoint(own):
        return False
    # The speaker's own event (a wet bed, a fall) is over only when told as long ago; a felt
    # sign of theirs may pass ("my legs went numb, fine now"); someone else's may be over.
    mine = _OTHERS.isdisjoint(own)
    felt = any(w.startswith(_FELT) for w in own)
    if mine and not felt and not re.search(_LONG_AGO, text):
        return False
    found = re.search(_OUTCOME, after)
    return found is not None and not re.search(
        _KEEPS, re.sub(_OUTCOME, "", after[found.end() :]) + " "
    )


def settled(text: str, end: int) -> bool:
    """True when the words after text[:end] take the sign back (text: normalised, one leading
    space; end: where the finding's words end)."""
    after = text[end : end + 160]
    words = after.split()
    if not words:
        return False
    if words[0] in ("tired", "beat") and words[1:2] != ["of"] and text[:end].endswith(" dead"):
        return True  # "my legs are dead tired": tired, not numb
    own = _own_words(text, end)
    return _corrected(words) or _debunked(own, after) or _over(own, after, text) or _conceded(after)


# "should i worry about numbness down there even though i have not got any": asked, then denied.
_CONCEDED = (
    r"^(?: \w+){0,4} (?:even though|although|though) (?:i|there) (?:have|has|do|is|am|are)"
    r" (?:not|no)(?: got| had| noticed| felt)? any(?:thing)?(?: of (?:it|that|them))?$"
)


def _conceded(after: str) -> bool:
    return " though " in after and bool(re.search(_CONCEDED, after))


# A later clause about the back itself, or "just"/"only", tells nothing of the earlier sign ...
_ABOUT_BACK = (
    r" (?:just|only|merely|simply|purely|my back|the back|my lower back|this back|a spasm"
    r"|the spasm|this spasm|a pulled|a twinge|muscle|from lifting|from bending)\b"
)
# ... unless it points back at it: "it is back", "the same again", "happening again", "still".
_POINTS_BACK = (
    r" (?:again|same|still|too|as well|also|worse|spread|spreading|happening|returned|come back"
    r"|came back|coming back|is back|are back|it has started|started again)\b"
)


# The other way round: a denial put right: "no chest pain, hold on, yeah there is", "i have not
# wet myself, well actually i have", "my legs are fine, no wait, they are both tingling".
_YES_NOW = (
    r"^(?: \w+){0,6}? (?:no wait|wait|hold on|hang on|actually|well actually|oh no|sorry)"
    r"(?: no| well| actually)? (?:yes|yeah|yep|i am|i have|i do|i did|there is|there are"
    r"|it is|they are|they have|it has|i can not|i cannot|i have got)\b(?P<rest>(?: \w+){0,2})"
)
_ME = word_set("i my me myself mine we our us")
_NOT_YES = word_set("fine okay alright good not no nothing none normal better ok")


def affirmed_after(text: str, end: int) -> bool:
    """True when a correction after a denied or reassured sign says it is there after all."""
    said = text[end : end + 96]
    if _OPENS.isdisjoint(said.split()[:8]):
        return False
    found = re.search(_YES_NOW, said if said.startswith(" ") else " " + said)
    return found is not None and _NOT_YES.isdisjoint(found.group("rest").split())


# Someone close, in the past, after an operation or at the end of life: "my dad could not hold his
# water after his prostate surgery", "my great aunt could not walk at the end". Only with no word
# of the present anywhere (a sign told now for someone here: "my husband has wet the bed").
_FAMILY = word_set(
    "dad mum mom mother father brother sister son daughter husband wife partner nan gran granny "
    "grandma grandad grandpa grandmother grandfather aunt uncle guy man woman lady kid law"
)
_FAMILY_PAST = word_set("had could was were lost wet fell got needed went")
_THEN = (
    r" (?:after (?:his|her|their|the) (?:\w+ )?(?:op|operation|surgery|stroke|section|epidural"
    r"|spinal|hernia|prostate|hip|knee|chemo)|at the end|before (?:he|she|they) (?:died|passed))\b"
)
_ANY_NOW = (
    r" (?:is|are|am|has|have|can|cannot|will|keeps?|still|now|today|tonight|this morning|just"
    r"|right now|help|please|having|should|ambulance|call|ring|do i|do we|what do|need|needs)\b"
)


def family_past(text: str, start: int, before: list[str]) -> bool:
    """True when the sign at text[start:] is someone close's, told as past and over."""
    near = before[-8:]
    at = next((k for k in range(len(near) - 1, -1, -1) if near[k] in _FAMILY), None)
    if at is None or not _ME.isdisjoint(near[at + 1 :]) or re.search(_ANY_NOW, text):
        return False
    told = near[at + 1 :] + text[start : start + 24].split()[:1]
    return not _FAMILY_PAST.isdisjoint(told) and bool(re.search(_THEN, text))


def points_back(later: str) -> bool:
    """True when later words point back at an earlier sign: "and i have the same"."""
    return bool(re.search(_POINTS_BACK, later))


def now_again(later: str, now: re.Pattern[str]) -> bool:
    """True when a later clause ("" or words with a leading space) tells the earlier sign as
    now: "years ago, and it is happening again now". now: framing's words of the present."""
    if not now.search(later):
        return False
    said = re.sub(_OUTCOME, "", later)
    if not now.search(said):
        return False
    return not (re.search(_ABOUT_BACK, said) and not re.search(_POINTS_BACK, said))
