"""Whose, when and whether: words that name a warning sign without reporting one now.

scope.py takes back a sign said as absent or asked about in general; this module takes back a
sign told as another time ("i fell off a ladder ten years ago", "my mum had cauda equina years
ago", "when i was pregnant with my first"), as not real (a film, a dream, "nearly wet myself
laughing"), as advice remembered or a hypothetical (supposed.py: "the doctor said to come in if
i go numb", "what if i can't pee") or as a distant person's past ("my mate's husband had a heart
attack with back pain").

Each frame holds only inside the finding's own clause, and a clause that goes on to report the
sign now keeps it a report: "the doctor said if i can't wee to come in, and i can't", "i had
cauda equina years ago and it is happening again", "i was watching a film and my legs went
numb". When in doubt the words stay a report: a missed emergency costs more than a false one.
"""

from __future__ import annotations

import re

from ..text import word_set as _word_set
from .supposed import ADVISED as _ADVISED
from .supposed import NOW as _NOW
from .supposed import SUBJECTS as _SUBJECTS
from .supposed import advised, denied_after, named, supposed, told_now

__all__ = ["ALL_FRAMES", "HISTORY_TRIGGERS", "NOT_TIME", "NO_FRAMES", "elsewhere"]

# Tiers whose definition is itself a history ("had breast cancer", "an operation two months
# ago", "keeps coming back", "a few weeks", "first time after fifty", "on steroids for years"):
# their own words and the concepts only they use are never taken back as another time.
HISTORY_TRIGGERS = frozenset({"U2", "U3", "U10", "U13", "D1", "D2", "D6", "D7"})
# Which frames apply to a finding: all; all but another time and a distant person's past (the
# history tiers: "the surgeon told me to phone if the wound got hot" is still advice); none (a
# guard that explains a sign away, "bruised my ribs playing footy last month").
ALL_FRAMES, NOT_TIME, NO_FRAMES = 2, 1, 0


# A clause ends at these; "and" only when a new subject or time follows it ("fell off a horse
# and could not walk for a week" is one event, "years ago and now i can not walk" is two).
_BREAKS = _word_set(
    "but now then so because cos though although however yet until till well woke wake awoke"
)
_NEW_SUBJECT = _word_set(
    "i my we our he his she her they their it its this that now today tonight then suddenly "
    "since still yesterday everything"
)
_ME = _word_set("i my me myself mine we our us")
_BEFORE_CHARS, _AFTER_WORDS = 160, 12

# Another time, at a distance: "years ago", "in 2015", "back in my twenties", "as a teenager",
# "when i was pregnant with my first", "last year", "last time".
_DISTANT = re.compile(
    r" (?:(?:\w+ )?(?:years?|months|ages|decades|yonks|a while|some time|a long time|long time)"
    r" (?:ago|back|before|earlier)"
    r"|in (?:19|20)\d\d|in (?:nineteen|two thousand)\b"
    r"|(?:that|this|it) was (?:in |back in )?(?:19|20)\d\d"
    r"|back in (?:(?:19|20)\d\d|the day|my|his|her|the|uni|school|college|high school)|long ago"
    r"|in the (?:fifties|sixties|seventies|eighties|nineties|noughties|\d0s)"
    r"|(?:back|when i was|when he was|when she was) in (?:my|his|her) (?:teens|twenties|thirties)"
    r"|as a (?:kid|child|teenager|teen|boy|girl|baby|student|youngster|toddler|young \w+)"
    r"|when (?:i|he|she|they|we|you) (?:was|were) (?:a |an |in |at )?"
    r"(?:kid|child|teenager|teen|boy|girl|baby|student|young|younger|little|small|toddler"
    r"|school|uni|college|pregnant|my age|your age|\d+|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty)"
    r"|(?:was|were) pregnant with|(?:first|previous|earlier|other|last) (?:pregnancy|labour|labor)"
    r"|last (?:year|month|spring|summer|autumn|fall|winter|christmas|easter|decade|time)"
    r"|the (?:other|previous) (?:year|time)|back then|at the time|once before|previously"
    r"|(?<!at )once(?! (?:i|you|it|he|she|they|we|my|the|a|an|again|more|every|or|in a|daily)\b)"
    r"|(?<!am )in (?:my|his|her) (?:teens|twenties|thirties|forties)"
    r"|(?:after|during|when i had) (?:my|her|our|the) (?:first|second|third|last|previous|older)"
    r" (?:baby|pregnancy|child|labour|labor|birth|son|daughter)"
    # a birth: "when i had my daughter", "during labour with my son", "in labour with the twins"
    r"|when (?:i|she|we|(?:my|our) \w+) had (?:my|our|her) (?:son|daughter|baby|babies|twins"
    r"|kids|children|boy|girl|eldest|youngest|oldest)"
    r"|during (?:my |her |the )?(?:labour|labor|delivery|childbirth)"
    r"|in (?:labour|labor) with|when (?:my|our|her|his) \w+ (?:was|were) born"
    # a past illness or treatment: "when he had his stroke", "when i had my op"
    r"|when (?:i|he|she|they|we) had (?:my|his|her|their|the|a) (?:stroke|op|operation|surgery"
    r"|heart attack|chemo|radiotherapy|treatment|hysterectomy|prostate \w+))\b"
)
# Another person's recovery or age now: "she is fine now", "he is over it now", "she is fifty
# now". Read out before "now" keeps a told time or a distant person's past a report.
# Read rarely (a cue word and a finding), so compiled on first need (re's cache), not at import.
_RECOVERED = (
    r" (?:he|she|they) (?:is|are|has|have|got|walks|walk|moves|gets about|gets around)"
    r" (?:(?:totally|completely|perfectly|all|been|about) )?"
    r"(?:fine|okay|alright|all right|good|well|better|right|over it|recovered|normally"
    r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|[1-9][0-9])(?: [a-z]+)?"
    r"(?= now\b|$))(?: now| again| since)?\b"
)
# "my dad used to have sciatica down both legs": only before the sign, never "like i used to",
# "not working like they used to back there": now set against then is a report of now.
COMPARED = ("like", "as", "than", "way")  # scope.py's clause reading shares them
_COMPARED = "".join(
    f"(?<! {how} {who})"
    for how in COMPARED
    for who in ("i", "it", "they", "he", "she", "we", "you", "things", "everything")
)
_USED_TO = re.compile(
    rf"(?<! not)(?<! get)(?<! getting)(?<! got){_COMPARED} used to(?! be\b| and\b| but\b|$)"
)
# An origin story, a recovery, a life event since: "i fell off a ladder once, that is when my
# back trouble started", "my dad broke his back but he recovered", "before we met".
_ORIGIN = re.compile(
    r" (?:(?:that is|that was|which is|which was) (?:when|how) (?:it|my|the|this|all|everything)"
    r"(?: \w+){0,3} (?:started|began|begun|kicked off)"
    r"|(?:he|she|they|i|we) (?:recovered|got better|pulled through|made a (?:full |good )?recovery)"
    r"|(?:fine|okay|good|normal) (?:ever )?since|never since|long gone|all sorted"
    r"|before (?:we|i|he|she|they) (?:met|married|got married|was born|were born|died|passed))\b"
)

# Not real: a film, a show, a book, the news; a dream.
_SHOWN = _word_set(
    "film films movie movies episode episodes show shows series programme program programmes "
    "drama dramas soap soaps sitcom documentary documentaries cartoon cartoons book books novel "
    "novels scene scenes character characters news stuntman actor actress play musical video "
    "videos netflix youtube tiktok podcast article watched watching doco docos docco"
)
# A screen is furniture ("tv on, lying down, legs numb", "grandad had the cricket on the telly
# and he wet himself"): only "on the telly" followed by whom or what it showed ("on the telly a
# fella couldn't pee", "on tv last night there was a woman who") tells of something shown.
_SCREENS = _word_set("telly tv television")
_SCREEN_ON = _word_set("a an some someone somebody there where who")
_WATCH = _word_set("watch watches watched watching")
_WATCHERS = _word_set(
    "he she they husband hubby wife missus partner mum mom mother dad father son daughter "
    "brother sister grandad grandpa grandma nan nana gran granny papa pop nanaji nani dadi "
    "friend mate neighbour neighbor uncle aunt auntie flatmate boyfriend girlfriend"
)
_STORY = _word_set("where about which who whose with")
_DREAMT = _word_set("dreamt dreamed dreaming nightmare nightmares")
# "nearly wet myself laughing", "laughed so hard i almost peed", "the comedian had me wetting
# myself", "i could wet myself with excitement"; never "not a laughing matter".
_LAUGH = _word_set(
    "laugh laughing laughed laughter laughs giggling giggled giggle lol lmao haha hilarious "
    "comedian comedy jokes joke stitches"
)
_LAUGHING_AFTER = re.compile(
    r" (?:(?:my|them|him|her|your|our)sel(?:f|ves)|pants|knickers|breathe|me|here|bed)"
    r" (?:laughing|giggling|with (?:laughter|excitement)|(?:from|for) laughing|in laughter)\b"
)
_AS_IF = _word_set("nearly almost practically basically literally could so till until had")
# "nearly had a heart attack when the dog barked", "almost passed out at the price": a fright or
# a laugh that did not happen; never "i nearly fainted" alone (near-fainting is a sign).
_NEARLY = _word_set("nearly almost practically")
_STARTLED = _word_set(
    "scared fright frightened shock shocked laughing laughed news price bill saw heard won "
    "surprise surprised jumped barked"
)
# "i nearly fell down the stairs but i caught the rail", "nearly went flying, managed to grab
# the fence": the fall did not happen (told_now still hears "and now i can not get up").
_CAUGHT = re.compile(
    r" (?:caught|catch|grabbed|grab|held on|hold on|got hold|grabbing|steadied|steady|saved)"
    r" (?:the|a|my|onto|on|hold|myself|me|it|of)\b"
)
# "this heat is killing me", "the kids are killing me": not a pain.
_IDIOM_SUBJECT = _word_set(
    "heat weather humidity boredom jokes kids children grandkids traffic suspense waiting "
    "queue noise neighbours he she they you"
)
_IDIOM_WORDS = _word_set("killing dying dead")

# A distant person's past: "my mate's husband had a heart attack with back pain", "my old boss
# had a fever and it turned out to be an abscess". Never someone the speaker is with now
# ("my mate fell off a roof, he can not move his legs"): a present word keeps it a report.
_DISTANT_PEOPLE = _word_set(
    "friend friends mate mates colleague colleagues coworker neighbour neighbours neighbor "
    "neighbors cousin cousins uncle uncles aunt aunts auntie aunty ex boss pal buddy "
    "acquaintance"
)
_HAD = re.compile(r" (?:had|ended up|turned out|was diagnosed|got diagnosed|used to)\b")
_PRESENT = re.compile(
    r" (?:(?<!that )(?<!which )is|are|has|(?<!to )have|can|cannot|keeps?|will|does|says|just|now"
    r"|help|please|today|tonight|this morning)\b"
)


def _clause(text: str, start: int) -> tuple[list[str], list[str], list[str]]:
    """(every word before the finding that the slice holds, the words of the finding's own
    clause before it, its own clause from the finding on)."""
    lo = max(0, start - _BEFORE_CHARS)
    before = text[lo:start].split()
    if lo > 0 and text[lo - 1] != " ":
        before = before[1:]
    own: list[str] = []
    for i in range(len(before) - 1, -1, -1):
        word = before[i]
        if word in _BREAKS or (
            word == "and" and i + 1 < len(before) and before[i + 1] in _NEW_SUBJECT
        ):
            break
        own.insert(0, word)
    after: list[str] = []
    words = text[start:].split()[:_AFTER_WORDS]
    for i, word in enumerate(words):
        if i and (
            word in _BREAKS
            or (word == "and" and words[i + 1 : i + 2] and words[i + 1] in _NEW_SUBJECT)
        ):
            break
        after.append(word)
    return before, own, after


def _unreal(text: str, before: list[str], own: list[str], after: list[str]) -> bool:
    for i, word in enumerate(own):  # "i dreamt my legs would not move", "in my dream"
        dreamt = word in _DREAMT or (word == "dream" and own[i - 1 : i] in (["a"], ["my"], ["the"]))
        if dreamt and "from" not in own[max(0, i - 3) : i]:  # never "woke from a nightmare and"
            return True
    for i in range(len(before) - 1, max(-1, len(before) - 15), -1):
        on_screen = (
            before[i] in _SCREENS
            and "on" in before[max(0, i - 2) : i]
            and not _SCREEN_ON.isdisjoint(before[i + 1 : i + 5])
            and _WATCHERS.isdisjoint(before[max(0, i - 6) : i])
        )
        if before[i] in _SHOWN or on_screen:  # "in that episode the woman wet herself"
            # ... nor when someone with the speaker is the one watching, unless what was shown
            # follows: "my husband was watching the footie and he collapsed" is a report, "my
            # kids were watching a cartoon where the dog could not walk" is not.
            watcher = before[i] in _WATCH and not _WATCHERS.isdisjoint(before[max(0, i - 3) : i])
            if watcher and _STORY.isdisjoint(before[i + 1 :]):
                return False
            return not _ME.intersection(before[i + 1 :] + after[:6])
    if _LAUGHING_AFTER.search(" " + " ".join(after[:8])):
        return True  # "wet myself laughing", "could wet myself with excitement"
    laughs = _LAUGH.intersection(own)
    if laughs and "matter" not in own and not {"not", "no"}.intersection(own):
        return bool(_AS_IF.intersection(own)) or own[-1] in ("stitches", "hysterics")
    near = own[-3:] + after[:1]
    for i, word in enumerate(near):  # "i nearly had a heart attack when the dog barked"
        if word in _NEARLY and not _SUBJECTS.intersection(near[i + 1 :]):
            # never "nearly ... my legs gave"; "nearly fell ... but i caught the rail": a near miss
            return bool(_STARTLED.intersection(text.split()) or _CAUGHT.search(text))
    return after[0] in _IDIOM_WORDS and bool(_IDIOM_SUBJECT.intersection(own[-3:]))


def _distant_person(before: list[str], own: list[str], after: list[str]) -> bool:
    for i in range(len(before) - 1, -1, -1):
        if before[i] in _DISTANT_PEOPLE:
            told = re.sub(_RECOVERED, "", " " + " ".join(before[i + 1 :] + after))
            said = " " + " ".join(before[i + 1 :])
            return (
                not _ME.intersection(before[i + 1 :])
                and bool(_HAD.search(said) or " turned out" in told)
                and not _PRESENT.search(told)
            )
    return False


# Every frame needs one of these words (or a year): most texts hold none, and skip the rest.
_CUES = (
    _word_set(
        "ago before earlier years year months ages decades yonks while long last other previous "
        "previously then once youth young school uni college pregnant age began begun started "
        "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen "
        "twenty thirty forty fifty sixty seventy eighty thousand recovered recovery better "
        "died met married born since gone sorted used "
        "pregnancy labour labor teens twenties thirties fifties sixties seventies eighties "
        "nineties noughties kid child teenager teen youngster toddler if case how "
        "something anything thing things sign signs flag symptom symptoms dream turned "
        "excitement giggling nearly almost practically little small younger labour labor "
        "delivery childbirth son daughter twins baby first second third birth born stroke op "
        "operation surgery chemo radiotherapy treatment hysterectomy prostate"
    )
    | _SHOWN
    | _SCREENS
    | _DREAMT
    | _LAUGH
    | _IDIOM_WORDS
    | _ADVISED
    | _DISTANT_PEOPLE
)


_YEAR = re.compile(r" (?:19|20)\d\d\b")
# One text is read once per finding in it: its answer is kept for the next finding.
_LAST_CUED: list[tuple[str, bool]] = [("", False)]


def _cued(text: str) -> bool:
    last, cued = _LAST_CUED[0]
    if text is not last and text != last:
        cued = not _CUES.isdisjoint(text.split()) or bool(_YEAR.search(text))
        _LAST_CUED[0] = (text, cued)
    return cued


def elsewhere(text: str, start: int, frames: int = ALL_FRAMES) -> bool:
    """True when the finding at text[start:] is told as another time, not real, advice, a
    hypothetical or a distant person's past (text: normalised, one leading space)."""
    if frames == NO_FRAMES or not _cued(text):
        return False
    if re.search(_RECOVERED, text[start:]):  # after the finding only: start stays where it was
        text = text[:start] + re.sub(_RECOVERED, "", text[start:])
    before, own, after = _clause(text, start)
    if not after:
        return False
    clause = " " + " ".join(own + after)
    # "last time i could not feel my legs, and it is the same now": now again, a report
    # (the words after the clause, with its last word for "never walked right again")
    rest = text[start:].split()
    later = " " + " ".join(rest[len(after) - 1 :]) if len(rest) > len(after) else ""
    times = frames == ALL_FRAMES
    distant = (
        _DISTANT.search(clause)
        or _USED_TO.search(" " + " ".join(own))
        or _ORIGIN.search(text, start)
    )
    if times and distant and not _NOW.search(clause) and not _NOW.search(later):
        return True
    if _unreal(text, before, own, after) and not told_now(text, start, len(after)):
        return True
    if (advised(own, text, start) or supposed(text, start, own, after)) and not told_now(
        text, start, len(after)
    ):
        return True
    if named(own) and denied_after(text, start, len(after)):
        return True  # "the leaflet says call 999 if you can not pee, but i can pee fine"
    return times and _distant_person(before, own, after)
