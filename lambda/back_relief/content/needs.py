"""Needs: what a question asks about its topic's thing, in everyday words, for the answer matcher.

"What's the limit on the ice", "how much of a gap between cold packs", "can I roll onto the
frozen peas": each names a concept (ice) and a need (a time limit, a gap between sessions, lying
on it). A need said near a concept names one topic (answers.toml `needs`: "ice duration" is how
long to ice), whatever the rest of the wording, where a lone concept word would otherwise go to
its general topic (ice or heat). Matching vocabulary only: no spoken fact lives here.
"""

from __future__ import annotations

from collections.abc import Callable

from .synonyms import runs_by_name

_NEEDS = """
duration: long, limit, minutes, minute, hour, hours, enough, morning, afternoon, all evening, ages,
  twenty, thirty, forty, half an hour, take off, take it off, come off, leave on, leave it on,
  stay on, keep on, keep it on, too long, since, been on, for ever, forever, when to stop,
  when do i stop, when should i stop, how much time, how much longer, by now
often: often, again, gap, between, next, times a day, how soon, it back on, them back on,
  put back on, go back on, goes back on, another go,
  every hour, every day, all week, frequently, repeat, more than once, how many times, goes,
  how many goes, times a day, a day
under: under me, underneath me, beneath me, under my back, underneath, onto, lie on,
  lie on top, lie back on, weight on, my weight, between me, roll onto
colour: red, pink, white, grey, gray, blotchy, blotches, blister, blisters, mottled, purple,
  marks, patch, patches, waxy, pale, colour, color
bare: bare, straight on, directly, right on, right against, naked, without, wrapped
# Going both ways ("switch between them"), not one way ("should I switch to heat": which one).
sequence: then, alternate, alternating, switch between, swap between, switch heat, switch ice,
  swap heat, swap ice, switch back, swap back, back and forth,
  followed by, one after, after that
early: new, fresh, first, early, yet, already, straight away, right away, just happened, ago,
  wait, today, this morning, yesterday, too soon, too early, hold off, put off, till tomorrow,
  until tomorrow
amount: how many, how much, most, next one, another, more, maximum, max, limit, too many,
  a day, per day, extra, double, at once, at a time
# How often a medicine may be taken (R1: "how often can I take", "how many times a day can I
# put the gel on"): "often" without its gaps ("between", for a medicine, is a choice).
dosing: how often, often, times a day, how many times, how soon, next, again, every hour,
  every day, a day, per day, repeat, more than once, reapply, top up, how long between,
  long between, gap between, wait between
more: most, next one, another, more than, maximum, max, too many, extra, double, at once
onset: kick in, kicks in, start working, starts working, take effect, takes effect, working yet,
  work yet, quick, quickly, fast, how long, how soon, when will
loosen: loosen, loosens, relax, relaxes, loose, untighten, unknot
stay: stay, staying, weekend, days, all day, few days, horizontal, flat, week, till it passes,
  until it passes, till it goes, until it goes, at all
firmness: firm, firmer, soft, softer, hard, harder, old, new, sag, saggy, sagging, lumpy,
  blame, buy, replace, change
recover: last, lasts, get better, getting better, feel better, back to normal, normal again,
  be better, be ok, be okay, be alright, be all right, be fine, laid up, out of action,
  heal, healed, recover, ease off, easing off, eases off, settle, settles, settled, gone, go away,
  be over, clear up, go on, improve, let up, lets up, last, for ever, forever, back on my feet,
  on my feet again, right again, myself again, up and about again
when: when, till, until, how soon, what point, how do i know, how would i know,
  how will i know, how can i know, how to know, how do i tell, how can i tell, what would make,
  what makes it, by the, by my, by next, in time, before i, before going,
  before seeing, before booking, before calling, tomorrow, monday, tuesday, wednesday, thursday,
  friday, saturday, sunday, weekend, what would mean, what means, what would tell, what tells,
  is it worth, worth calling, worth ringing, worth phoning, what should make, should make me,
  that means, which means, would mean
# Signs asked about ("what symptoms mean an ambulance"), not a sign reported: a question.
signs: signs, sign, symptoms, symptom, red flags, red flag
# Whether help is needed ("does he need the emergency room for a spasm"): a question too. Alexa
# drops the "does" it opened with, and "he need" is left: no statement says it that way.
whether: do i need, does he need, does she need, do we need, do they need, do you need,
  would i need, would he need, would she need, is it worth, should i go, should he go,
  should she go, should we go, he need, she need
# One medicine with another ("painkillers with my heart tablets"): a question of interactions.
mix: with my, together, at the same time, alongside, on top of, mix, mixing, combine, combined
# Ahead, not behind: "will I be like this for weeks" asks how long it lasts; "it's been a
# week" asks whether to see a doctor.
ahead: will, going to, gonna, ever, be like this, be this, still be, still going to
# Still as bad, said after days ("three days in, is it normal to still be this bad"): with the
# days, how long it lasts (answers.toml "day still"), not whether it is serious.
still: still be this, still this, still be as, still as, still so, still be so, still pain,
  still be pain, still feel this, still feel as, still feel so
# Mine for someone else ("can he take my muscle relaxants", "shall I give her some of mine"):
# a medicine not prescribed to the one who takes it.
lend: he take my, she take my, they take my, he have my, she have my, they have my, he use my,
  she use my, he have some of my, she have some of my, he take some of my, she take some of my,
  give him my, give her my, give them my, give him some of my, give her some of my,
  give him some of mine, give her some of mine, lend him, lend her, lend them
# One medicine weighed against another or chosen over it ("is X better than Y", "what do I take
# instead", "which one to buy"): a choice between medicines (R9), not whether to take one.
choose: than, instead, rather, versus, vs, which one, which is, which are, which of,
  one or the other, either one, compare, comparing, difference between, to buy, should i buy,
  switch to, alternative, which other, what other, another one instead, which medicine or,
  which cream or, which medicine and, which cream and, medicine or medicine, medicine or cream,
  cream or medicine, cream or tablet
# Moving said against lying still ("lie on the couch or get up and move", "lie still and not
# move at all"): whether to rest or keep moving, not how long to stay in bed.
astir: or move, or get up, get up and move, get up and about, up and about, or keep moving,
  get moving, not move, not moving, not to move
# Where a person on the floor would do something: "exercises I can do lying here" are stretches.
floor: lie, lie down, lie here, on floor, on my back, flat
# Going back to something left off ("back to my desk job", "return to the office").
return: back to, go back, going back, get back, return, returning
spread: down, travel, travels, travelling, traveling, run, runs, spread, spreads, spreading,
  shoot, shoots, shooting, radiate, radiates, radiating, into
water: water, shower, stand under
# "Could worry be making it tighter": a feeling said as what acts on the pain (stress), not
# as whether to be worried about it (is it serious).
effect: make, makes, making, made, cause, causes, causing, caused, worse, tighter, trigger,
  triggers, bring on, brings on, affect, affects
# Recurrence asked why ("how come this keeps happening to me") is its causes, not its prevention.
why: why, how come, what is the reason, reason for, reason why, what makes, what causes,
  is it because, was it because, could it be because, is that because, to do with,
  what is doing it, what is doing this, that is doing it, is it from, is this from, is that from,
  was it from, could it be from, could this be from, did it come from, did this come from,
  is it down to, was it down to
recur: again, coming back, come back, comes back, keeps happening, keep happening, every time,
  time this year, times this year, recurring, recurrent, keeps going, keep going, keep getting,
  keeps getting, so often, all the time, every few, every year, every winter, every month
# "I only bent down", "I didn't even do anything": a trivial act said as a puzzle asks why.
trivial: only, barely, all i did, did not even
act: bent, bend, bending, sat, sitting, picked, reached, reaching, stood, standing, turned,
  twisted, lifted, tying, got up, getting up, rolled over, sneezed, yawned, do anything,
  did anything, slept, slept on, lay on, lying on
"""


# A time someone else gave, said straight after their word ("my doctor said six weeks, is that
# normal", "the nurse says it can take a month"): with the weeks or days, how long it lasts
# (answers.toml "week told"). Not "said to rest for a few days": that is the rest's question.
# Any word of telling then any time, written without articles, which the matcher drops ("said
# a fortnight" arrives as "said week": synonyms.py folds a fortnight and ten days into a week).
_TOLD = runs_by_name("""
by: said, says, say, told me, tells me, telling me, told us, tells us, reckons, reckon,
  reckoned, thinks
time: one, two, three, four, five, six, seven, eight, nine, ten, eleven, twelve,
  1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, few, couple, fortnight, week, month, day, up to, about,
  around, roughly, at least, at most, it could take, it can take, it will take, it takes,
  it would take, it may take, it might take, it should take, it can last, it could last,
  it will last, it lasts
""")


def _told() -> list[tuple[str, ...]]:
    """The "told" need's runs: each word of telling followed by each time."""
    return [by + time for by in _TOLD["by"] for time in _TOLD["time"]]


# A kind of a concept is also that concept for a need: "would diazepam loosen it" asks what a
# medicine does, like "will the tablets loosen it".
_KINDS = {"relaxant": "medicine", "prescription": "medicine"}

# A particle said after the object ("pick my baby up", "take the heat pack off") is the same
# phrasal verb as "pick up": matched as if said together, a few words on at most.
_PARTICLES = frozenset(("up", "off", "on", "down", "out", "back"))
_PARTICLE_GAP = 3


class Needs:
    """The need runs stemmed the way the matcher stems questions (its `root`)."""

    def __init__(self, root: Callable[[str], str]) -> None:
        self.runs = {
            name: tuple(tuple(root(w) for w in run) for run in runs)
            for name, runs in {**runs_by_name(_NEEDS), "told": _told()}.items()
        }
        # Each run under its first word, so a question only tries the runs its words start.
        self._starting: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for name, runs in self.runs.items():
            for run in runs:
                self._starting.setdefault(run[0], []).append((name, run))

    def facets(self, tokens: tuple[str, ...]) -> dict[str, list[int]]:
        """Where each word and each need is said: facet -> token positions."""
        where: dict[str, list[int]] = {}
        for i, token in enumerate(tokens):
            where.setdefault(token, []).append(i)
            kind = _KINDS.get(token)
            if kind is not None:
                where.setdefault(kind, []).append(i)
            for name, run in self._starting.get(token, ()):
                size = len(run)
                if tokens[i : i + size] == run or (
                    # "take the heat pack off": a particle a few words after its verb
                    size == 2
                    and run[1] in _PARTICLES
                    and run[1] in tokens[i + 2 : i + 2 + _PARTICLE_GAP]
                ):
                    where.setdefault(name, []).append(i)
        return where


def near(where: dict[str, list[int]], facets: tuple[str, ...], span: int) -> bool:
    """Every facet said, all within `span` words of one of them: in a long story, "four hours"
    of gardening and the ice asked about later are not one need."""
    if not all(f in where for f in facets):
        return False
    return any(
        all(any(abs(p - q) <= span for q in where[f]) for f in facets) for p in where[facets[0]]
    )


def rejoined(tokens: tuple[str, ...], plain: frozenset[str]) -> str:
    """ "pick my baby up" -> "| pick up ": each telling word (not in `plain`) joined to a
    particle said a few words later, each pair after a bar no phrase spans."""
    runs = [
        f"{tokens[i]} {tokens[j]}"
        for j in range(2, len(tokens))
        if tokens[j] in _PARTICLES
        for i in range(max(0, j - 1 - _PARTICLE_GAP), j - 1)
        if tokens[i] not in plain
    ]
    return f"| {' | '.join(runs)} " if runs else ""
