"""Negation scope: whether words found in a text are said as absent ("no weakness at all",
"i do not have pain going down my legs") or asked about in general ("when should i worry about
numb legs") rather than reported. passed.py reads the words after a finding."""

from __future__ import annotations

import re
from itertools import pairwise

from ..text import NO_NOUNS
from ..text import word_set as _word_set
from .framing import ALL_FRAMES, COMPARED, elsewhere
from .questioned import ASKS, criterion, skill_asked
from .supposed import ANYONE as _ANYONE
from .supposed import told_now

__all__ = ["NEGATIONS", "SCOPE_ENDS", "asked_about", "negated"]


NEGATIONS = _NEGATIONS = frozenset(
    {"no", "not", "never", "without", "nor", "neither", "none", "nobody"}
)
# A negation does not reach past these: "no fever but i wet myself", "no i wet myself".
SCOPE_ENDS = _SCOPE_ENDS = _word_set(
    "but and though although however yet except because so then now still also plus while "
    "whereas since i we he she they it you there my this that why what how if whether when "
    "who which where idea wonder doubt after"
)
# "not sore, just numb", "no pain, only a tingling": "not X, just Y" denies X and says Y. Only
# negation reads these as ends (passed.py reads "the numbness just went away" as one clause).
_CONTRAST = _word_set("just only instead")
# "nothing funny down below", "nothing wrong with my waterworks": a judgement denied. Never
# "nothing" alone: "i can feel nothing down there" is the sign.
_JUDGED = _word_set(
    "funny wrong weird odd strange unusual abnormal different untoward amiss new worrying"
)
# "nothing is numb down there", "nothing feels tingly": the sign itself denied through a link
# verb. Never after a sense ("i can feel nothing, numb"), nor "nothing numb": a recogniser drops
# the comma of "nothing. numb bum".
_COPULAS = _word_set("is s feels feel seems looks")
_SENSE = _word_set("feel felt feeling notice noticed sense")

# "no" before a clause's first word is an answer or an exclamation, not that clause's negation.
_CLAUSE_STARTS = _word_set("my i it the both they he she we his her their our this these those")
# "can not feel my legs" and "not able to walk" describe symptoms, not their absence.
_NOT_AFTER = frozenset({"can", "could"})
# "my teeth will not stop chattering", "it has not stopped leaking": the sign goes on. "i do
# not respond down there", "it is not working down below": the failing is the sign, and the
# place after it is where, not what is denied.
_NOT_BEFORE = _word_set(
    "able sure certain just only stop stopped stopping respond responding react reacting "
    "work works working function functioning happening"
    # "ice that will not thaw, no feeling in my bum", "a guest who will not leave, four weeks
    # now": something that will not relent goes on, and the comma the text lost opens a new
    # clause. "let" only as "let go", "let up": "i do not let myself wet the bed" denies.
    " leave thaw budge ease relent"
)
_NOT_BEFORE_PAIRS = frozenset({("let", "go"), ("let", "up")})
# "i am not okay, high fever with shivering", "not feeling well, both legs numb": a well-being
# denied is complete in itself, and the words after it (the comma the text lost) are a report.
# Never "not okay to ...": a judgement of what follows.
_WELL = _word_set("okay ok alright fine good great well")
# "no control over my bladder", "no feeling in my legs": the negation is the symptom itself.
_SYMPTOM_NOUNS = frozenset(NO_NOUNS) | {"use"}
_WINDOW_WORDS, _WINDOW_CHARS = 3, 64
_UNDENIED = _word_set("since all because")
# "not because my legs are weak": a reason denied; the words after it are not the reason.
_REASONS = _word_set("because cos coz")
# "what if my legs go numb", "how do i know if i have cauda equina", "in case i start leaking":
# a question about a sign that may come, not the sign. "what if i can't feel my legs" and "is it
# bad if both my legs tingle" describe one now, so "what if" needs a verb of onset after it.
_HYPOTHETICAL_IF = _word_set("what happens happen ever do")
_ONSET = _word_set(
    "go goes get gets got start starts become becomes lose loses develop develops ever will would "
    "suddenly later one someday"
)
# "the doctor said to ring an ambulance if my legs go weak": advice about a sign that may come.
_ADVICE = _word_set("said says told advised advises leaflet website instructions")
# "supposing my legs went numb one day": like "what if", with a verb of onset after it.
_SUPPOSING = _word_set("supposing suppose imagine hypothetically")
_KNOW = _word_set("know tell")
_ASKING = _word_set("do would can could will should")
_SUBJECTS = _word_set("i my we you your")


def _hypothetical(words: list[str], i: int, after: list[str]) -> bool:
    """words[i] ends the clause: is it "what if", "how do i know if (i)", "in case (i)"?
    after: the words that follow words[i] up to a few past the finding."""
    if words[i] in _SUBJECTS and i > 0:
        i -= 1
    if words[i] in _SUPPOSING:
        return True
    if i < 1:
        return False
    before, word = words[i - 1], words[i]
    if before in _KNOW:  # "how do i know if", never "i can't tell if i wet myself"
        return word == "if" and i > 2 and words[i - 2] == "i" and words[i - 3] in _ASKING
    opens = (word == "if" and (before in _HYPOTHETICAL_IF or _ADVICE.intersection(words[:i]))) or (
        (before, word) == ("in", "case")
    )
    # "what if someone can't feel their legs": a question about anybody, not a report.
    return opens and (any(w in _ONSET for w in after[:4]) or bool(after and after[0] in _ANYONE))


# "will my legs go numb", "can a spasm cause numbness in both legs", "what are the signs of
# cauda equina": a general question, not a report. Never when the asker is the subject ("can i",
# "could it be", "can you help") or the clause goes on ("will it pass and my legs are numb").
_MODALS = _word_set("will could can might may would does do")
_NOT_GENERAL = _word_set("i it you we this")
# "can not stop shivering under three blankets": a report with its "i" dropped, its verb right
# after the modal's "not". "won't a bulging disc cause ..." names a subject first: still general.
_MODAL_NOT = _word_set("not never")
_CAUSING = _word_set(
    "go goes get gets make makes cause causes affect affects lead leads turn stop stops"
)
_CLAUSE_BREAKS = _word_set("and but because so now since then why")
_SIGNS_OF = _word_set("signs sign symptoms symptom")
_MODAL_STARTS = tuple(f" {w} " for w in _MODALS)  # texts arrive with one leading space


def _asked_in_general(text: str, start: int) -> bool:
    words = text[:start].split()
    if len(words) >= 2 and words[-1] == "of" and words[-2] in _SIGNS_OF:
        return True
    if len(words) > 8 or not words or words[0] not in _MODALS:
        return False
    if (len(words) > 1 and words[1] in _NOT_GENERAL) or _CLAUSE_BREAKS.intersection(words):
        return False
    if len(words) > 1 and words[1] in _MODAL_NOT and (len(words) < 3 or words[2] in _CAUSING):
        return False
    return any(w in _CAUSING for w in words + text[start : start + 40].split()[1:4])


# Asked about, not reported: "when should i worry about numb legs", "my physio told me to watch
# out for numbness down there", "if someone can't control their bladder", "what does saddle
# numbness feel like". Each needs the sign to be nobody's in particular: a first-person word
# between the frame and the sign ("worry about my legs going numb") keeps it a report, and so
# does a clause break ("which symptoms are serious, because i can't feel my bottom").
_ME = _word_set("i my me im ive myself mine we our us")
# The asker asking, which is no first person of the sign's: "when is leaking pee a warning
# sign, i am asking so i know what to look for", "i want to know the warning signs".
_ASKERS_OWN = re.compile(
    r"\b(?:i am (?:just )?(?:asking|curious)|i am wondering|i was wondering|i wonder"
    r"|i (?:want|need|would like) to know|so i know)\b"
)
_REPORT_BREAKS = _word_set("but because cos so now since then and")
_FRAMES = (
    ("worry", "about"),
    ("scared", "of"),
    ("afraid", "of"),
    ("frightened", "of"),
    ("terrified", "of"),
    ("fear", "of"),
    ("nervous", "about"),
    ("paranoid", "about"),
    ("out", "for"),
    ("watch", "for"),
    ("read", "about"),
    ("read", "that"),
    ("reading", "about"),
    ("learn", "about"),
    ("heard", "about"),
    ("know", "about"),
    ("know", "when"),
    ("know", "whether"),
    ("curious", "about"),
    ("curious", "whether"),
    ("curious", "if"),
    ("in", "general"),
    ("what", "kind", "of"),
    ("what", "type", "of"),
    ("what", "sort", "of"),
    ("which", "symptoms"),
    # "what do you mean trouble peeing", "what counts as numb": the skill's words asked about
    ("you", "mean"),
    ("mean", "by"),
    ("meant", "by"),
    ("counts", "as"),
    ("count", "as"),
    ("difference", "between"),
)
_FRAME_STARTS = frozenset(frame[0] for frame in _FRAMES)
# "is it common for sciatica to affect both legs": only with a verb of causing after it.
_COMMON = _word_set("common usual typical possible unusual")
_GENERIC = _word_set("you your someone somebody anyone anybody person people")
_GENERIC_AFTER = _word_set("with who that ever")
_QUESTION_OPEN = _word_set("would do does can could will should is are")
_MEANING_OPEN = _word_set("what how")
_MEANING_ENDS = (" feel like", " feel", " feels like", " mean", " look like", " be like")


def _framed(clause: list[str], following: list[str]) -> bool:
    # "i used to get pins and needles", "the sciatica used to go down both legs": history. Not
    # when the finding is the "used to" itself ("i used to go every hour, now nothing").
    near = clause + following[:4] if following[:1] != ["used"] else clause
    for i in range(len(near) - 2, -1, -1) if "used" in near else ():
        if near[i : i + 2] == ["used", "to"]:  # never "not used to", "getting used to"
            if i > 1 and near[i - 2] in COMPARED:
                continue  # "it does not work like it used to": now set against then, a report
            accustomed = i > 0 and near[i - 1] in ("not", "get", "getting", "got")
            return not accustomed and near[i + 2 : i + 3] not in (["be"], ["have"], ["being"])
    if ASKS.intersection(clause) and skill_asked(clause, following):
        return True
    # Every text of a turn passes here: most hold no frame's first word, and skip the scan.
    for frame in _FRAMES if _FRAME_STARTS.intersection(clause) else ():
        n = len(frame)
        for i in range(len(clause) - n, -1, -1):
            if tuple(clause[i : i + n]) == frame:
                return not _ME.intersection(clause[i + n :] + following[:1])
    for i in range(len(clause) - 1, 0, -1):
        if clause[i] == "for" and clause[i - 1] in _COMMON:
            return not _ME.intersection(clause[i:] + following[:1]) and bool(
                _CAUSING.intersection(clause[i:] + following[:4])
            )
    if "if" in clause:
        after_if = clause[len(clause) - clause[::-1].index("if") :] + following[:1]
        return bool(_GENERIC.intersection(after_if)) and not _ME.intersection(after_if)
    return False


def asked_about(text: str, start: int) -> bool:
    """True when the words at text[start:] are the object of a question or advice about a
    warning sign in general, not a report of one (text: normalised, one leading space)."""
    before = text[max(0, start - 96) : start].split()
    clause: list[str] = []
    for word in reversed(before[1:] if start > 96 else before):
        if word in _REPORT_BREAKS:
            break
        clause.insert(0, word)
    if clause and _framed(clause, text[start : start + 48].split()):
        return True
    words = text.split()
    if len(words) < 3 or _ME.intersection(_ASKERS_OWN.sub(" ", text).split()):
        return False
    if words[0] in _QUESTION_OPEN and any(
        a in _GENERIC and b in _GENERIC_AFTER for a, b in pairwise(words[1:5])
    ):
        return True  # "would a person with cauda equina still walk", "do people with ... ever"
    if criterion(words, text[start:].split()[1:6]):
        return True
    return (
        words[0] in _MEANING_OPEN
        and words[1] in _MODALS | {"did", "might", "should"}
        and words[2] not in _NOT_GENERAL | {"that", "this"}
        and text.endswith(_MEANING_ENDS)
    )


# "does a slipped disc make you wee yourself? because i just did", "should i worry about tingling
# in both my legs since this morning": a question that goes on to report the sign is a report.
_BECAUSE = _word_set("because cos coz cause")
# "... make you lose an erection? cause mine stopped working on monday when my back seized": the
# asker's own report after "because" may run on past its first clause (ten words, not six).
_TOLD_WORDS = 10
_TELLER = _word_set("i mine my he she we they")
_ONLY_ASKING = _word_set(
    "worried worry scared curious wondering asking want need read heard afraid"
)
_SINCE_WHEN = _word_set("since today tonight yesterday")
_DID = _word_set("did just already too")  # "... wee yourself? i just did", "mine has too"
_CONFIRM = _word_set(
    "did just already too have has had do does am is are got both that this it them those these "
    "also as well same one now yes definitely really again all of"
)


def _reported_after(text: str, start: int) -> bool:
    after = text[start : start + 96].split()[1:]
    for i, word in enumerate(after):
        if word in _BECAUSE:
            tail = after[i + 1 :]
            told = bool(tail) and tail[0] in _TELLER and len(tail) <= _TOLD_WORDS
            return told and not _ONLY_ASKING.intersection(tail)
        if word in _TELLER and len(after) - i <= 4 and _DID.intersection(after[i + 1 :]):
            return True
        # "... chest pain? i have got both", "... down both legs? mine does": the question ends
        # with the asker saying it is theirs, and nothing else.
        if word in _TELLER and after[i + 1 :] and _CONFIRM.issuperset(after[i + 1 :]):
            return True
        # "... pressure in your chest? mine feels crushed": "mine" is the sign, owned.
        if word == "mine" and len(after) - i <= 5:
            return not _NEGATIONS.intersection(after[i + 1 :])  # never "... ? mine hasn't"
    near = after[:10]
    if _SINCE_WHEN.intersection(near) or " this morning" in " " + " ".join(near):
        return True
    return told_now(text, start)  # "watch for numbness down there, and now i have got it"


# Fillers, and "or": "i have not fallen or had an accident" negates both.
_FILLERS = _word_set("any a an the some really much or")


# "i do not think i have lost control", "i do not believe i have wet myself": a belief denied
# reaches into its clause. Never an ability ("i do not think i can not ...") or novelty ("i do not
# think i have ever been this numb").
_BELIEVE = _word_set("think believe reckon suppose")
_ABILITY = _word_set("can could cannot unable not no never")


def _doubted(words: list[str], i: int, first_word: str) -> bool:
    return (
        i >= 2
        and words[i - 2] == "not"
        and words[i - 1] in _BELIEVE
        and first_word not in _ABILITY
        and not _ABILITY.intersection(words[i + 1 : i + 2])  # "i do not think i can pee"
        and "ever" not in words[i:]
    )


# "i have never not been able to hold my bowels till today", "never wet myself before today":
# contrast with the usual episodes. "never ... before" alone is history ("never wet myself
# before, and not now either"); a limit that reaches the present makes it a first time now.
_FIRST_TIME = re.compile(
    r" (?:before|till|til|until|up until|up to) (?:today|tonight|now|this (?:morning|afternoon"
    r"|evening|week)|last night|yesterday)\b"
)


# The limit must close the finding's own clause: a new subject or a verb of its own between them
# ("i have never wet myself my back has just been sore until now", "never lost control of my
# bladder i was fine until this morning") says when something else held, not a first time.
_OWN_CLAUSE_ENDS = _word_set(
    "i he she we they it you there but and so when because though although while then which who "
    "just only instead also is am are was were has have had"
)
_NEW_SUBJECT = re.compile(
    r"\b(?:my|the|his|her|our|their|your|this|that) \w+ (?:has|have|had|is|are|was|were|been|be"
    r"|feels?|felt|went|goes|gone|got|gets|just|only|keeps?|kept|seems?|seemed|hurts?|aches?)\b"
)


def _first_time(text: str, start: int) -> bool:
    found = _FIRST_TIME.search(text, start, start + 80)
    if found is None or text[found.end() :].startswith(" either"):
        return False  # "never numb down there, not until today either"
    between = text[start : found.start()]
    if _OWN_CLAUSE_ENDS.intersection(between.split()) or _NEW_SUBJECT.search(between):
        return False  # "never wet myself, my back has just been sore until now"
    said = between.split()
    # The finding may open with its own "not" ("not been able to hold ..."): that is the sign.
    return not _NEGATIONS.intersection(said[1:] if said[:1] == ["not"] else said)


# A sign read off as a checklist and answered: "chest pain? no, just the back", "weak legs? no.
# numb? no. just stiff", "trouble peeing? not at all, that's all fine". The text has lost its
# question marks, so three things must all hold: the sign is a fragment with no verb or subject
# of its own (never "my legs are numb, no": Indian English's tag affirms), a denial follows it,
# and a reassurance follows the denial within a few words (never "numb legs, no, actually it
# is dead": a denial taken back; never "numb legs now it is spreading" heard as "no").
_DENIALS = _word_set("no nope nah never none not")
_FRAGMENT_VERBS = _word_set(
    "i he she we they it am is are was were be been have has had feel feels felt feeling got "
    "gone went go goes going can could cannot keep keeps kept started start starting do does did "
    "lost losing get gets getting seem seems seemed came come coming will would shall should may "
    "might must"
)
_ASKED_BACK = _word_set("you ask asked asking")  # "any numbness in my legs, you ask? nope"
_REASSURED = _word_set("fine normal okay ok alright good")
# "no, just the back", "no, only my left hip", "no, nothing like that": what it is instead, or
# none of it. Never "no, it just gets worse", "no, nothing helps": a complaint, which is the sign
# (U4: nothing eases it).
_INSTEAD = _word_set("just only nothing")
_COMPLAINT = _word_set(
    "gets getting got makes making made hurts hurting worse more keeps seems stays goes went "
    "helps help works work eases ease stops touches shifts changes fixes relieves budges"
)
_FRAGMENT_WORDS, _REASSURED_WITHIN = 8, 4


def _reassured(words: list[str]) -> bool:
    # "both legs now, not just the one", "no no, not just wet": "not just" adds, never
    # reassures; "not okay", "no good": a complaint.
    for i, w in enumerate(words):
        if words[i - 1 : i] == ["not"]:
            continue
        if w in _REASSURED and words[i - 1 : i] != ["no"]:
            return True
        if w in _INSTEAD and not _COMPLAINT.intersection(words[i + 1 : i + 3]):
            return True
    return False


def _denied_after(text: str, start: int) -> bool:
    # A fragment is at most _FRAGMENT_WORDS long: words further back can only make it longer.
    before = text[:start].split()[-(_FRAGMENT_WORDS + 1) :]
    for i in range(len(before) - 1, -1, -1):
        if before[i] in _DENIALS:
            before = before[i + 1 :]  # "chest pain? no. breathless? no": the fragment's own
            break
    after = text[start:].split()
    denial = next((i for i, w in enumerate(after) if w in _DENIALS), None)
    if denial is None or denial == 0:
        return False
    fragment = [w for w in before + after[:denial] if w not in _ASKED_BACK]
    if len(fragment) > _FRAGMENT_WORDS or _FRAGMENT_VERBS.intersection(fragment):
        return False
    rest = after[denial:]  # from a denial, which _reassured reads before what follows it
    while True:  # "chest pain no, breathless no, only the back": the list's last denial
        if _reassured(rest[: 1 + _REASSURED_WITHIN]):
            return True
        step = next((i for i, w in enumerate(rest[1:], 1) if w in _DENIALS), None)
        if step is None or step == 1 or step > _FRAGMENT_WORDS:
            return False
        if _FRAGMENT_VERBS.intersection(rest[1:step]):
            return False
        rest = rest[step:]


def _nothing_denies(words: list[str], i: int) -> bool:
    """words[i] is "nothing"; words[-1] the sign's first word."""
    if words[i + 1] in _JUDGED:
        return True
    linked = len(words) - i > 2 and _COPULAS.issuperset(words[i + 1 : -1])
    return linked and (i == 0 or words[i - 1] not in _SENSE)


def negated(text: str, start: int, first_word: str, frames: int = ALL_FRAMES) -> bool:
    """True when a negation sits up to three words before text[start:] in the same clause.
    Filler words ("do not have ANY trouble peeing") do not use up the three. frames: which of
    framing.py's frames (another time, not real, advice, a hypothetical) also take it back."""
    lo = max(0, start - _WINDOW_CHARS)
    words = text[lo:start].split()
    if lo > 0 and text[lo - 1] != " ":
        words = words[1:]  # the slice cut a word in half
    words.append(first_word)
    if elsewhere(text, start, frames):  # another time, not real, advice (framing.py)
        return True
    if asked_about(text, start) and not _reported_after(text, start):
        return True
    if (text.startswith(_MODAL_STARTS) or " of " in text[start - 4 : start]) and (
        start < 80 and _asked_in_general(text, start) and not _reported_after(text, start)
    ):
        return True
    if _denied_after(text, start):
        return True
    if first_word in _UNDENIED:
        # "have not been since yesterday": how long the lack has lasted; "can not get up without
        # help because of the spasm": a reason opens its own clause. Neither is what is denied.
        return False
    counted = 0
    for i in range(len(words) - 2, -1, -1):
        word = words[i]
        if word == "nothing" and _nothing_denies(words, i):
            return True
        if word in _WELL and words[i + 1] != "to" and _NEGATIONS & set(words[max(0, i - 3) : i]):
            return False
        if word in _SCOPE_ENDS or word == "case" or word in _SUPPOSING or word in _CONTRAST:
            if word in _REASONS and i > 0 and words[i - 1] == "not":
                return True  # "slow on the stairs, not because my legs are weak": denied
            if word == "i" and _doubted(words, i, first_word):
                return True
            after = words[i + 1 :] + text[start : start + 40].split()[1:4]
            # "the physio said if i start wetting myself to ring, and this morning i did": the
            # advice's sign, then a clause reporting it come. Never a time said with the sign
            # ("suppose i get tingling in both legs tonight"): that is still the supposition.
            return _hypothetical(words, i, after) and not told_now(text, start)
        if word in _NEGATIONS:
            if word == "never" and _first_time(text, start):
                continue  # "i have never wet myself before today": a first time, said now
            if word == "no" and words[i + 1] in _CLAUSE_STARTS:
                continue  # "no, my legs have gone numb", "oh no i have wet myself": an answer
            if word == "not" and (
                (i > 0 and words[i - 1] in _NOT_AFTER)
                or words[i + 1] in _NOT_BEFORE
                or tuple(words[i + 1 : i + 3]) in _NOT_BEFORE_PAIRS
            ):
                continue
            if words[i + 1] in _SYMPTOM_NOUNS:
                continue
            return True
        if word not in _FILLERS:
            counted += 1
            if counted >= _WINDOW_WORDS:
                return False
    return False
