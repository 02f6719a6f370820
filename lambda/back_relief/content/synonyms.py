"""Concept classes for the answer matcher: words people use for one thing, folded to one token.

People on the floor say "frozen peas", "a cold pack" or "the ice"; "a wheat bag", "the hot water
bag" or "heat"; "nurofen", "a panadol" or "pain killer tablets". Folding each class to one token
(the first word of its line) lets one keyword cover every way of saying it, in any locale,
instead of listing every phrasing. Keys are stemmed and matched on the stemmed, normalised words
of both the keywords and the question, so they only need one form each. Matching vocabulary
only: no spoken fact lives here.
"""

from __future__ import annotations

# Each line: the concept token, then the words and phrases folded to it. A few are what a
# recogniser writes for the word ("eyes" or "nice pack" for "ice pack", "dr" for "doctor").
_CLASSES = """
ice: ice, icy, cold, frozen, freezer, peas, pea, icepack, ice pack, cold pack, cold compress,
  gel pack, frozen peas, bag of ice, ice cube, ice cubes, ice bag, bag of frozen peas, cooling,
  eyes, nice pack, nice back
heat: heat, hot, warm, warmth, heating, heater, heat pack, heatpack, heat pad, heating pad,
  heatingpad, hot water bottle, hot water bag, hotwater bottle, hotwater bag, hotwater,
  hot pack, wheat bag, wheatbag,
  wheat pack, electric blanket, heat patch, heat wrap, heat pads, hot compress, warm compress,
  microwave, microwaved, rice bag, rice sock, bag of rice, hot towel, warm towel, hair dryer,
  hairdryer, heat lamp, heated, plug in pad, heating blanket, magic bag, hottie,
  fomentation, hot fomentation
medicine: medicine, medication, meds, med, painkiller, pain killer, pain killers, tablet, pill,
  paracetamol, ibuprofen, acetaminophen, naproxen, aspirin, nurofen, neurofen, panadol, tylenol,
  advil, aleve, motrin, brufen, calpol, anadin, crocin, dolo, combiflam, capsule,
  anti inflammatory, anti inflammatories, antiinflammatory, nsaid, pain pill, pain tablet,
  co codamol, cocodamol, solpadeine, disprin, panadeine, nuromol, meftal, zerodol, saridon,
  excedrin, tablets, pills, paracetamols, pain relief, pain relief tablets, pain reliever,
  pain relievers, pain relief medicine
# Prescription-only pain medicines: a medicine (needs.py), asked about as a choice or a borrowing.
prescription: prescription, prescriptions, opioid, opioids, codeine, tramadol, dihydrocodeine,
  oxycodone, oxycontin, hydrocodone, vicodin, percocet, morphine, tapentadol, gabapentin,
  pregabalin, lyrica, neurontin, ultracet
cream: cream, gel, balm, ointment, liniment, spray, deep heat, tiger balm, voltaren,
  volini, iodex, moov, biofreeze, ibuleve, deep freeze, muscle rub, heat rub, voltarol, bengay,
  icy hot, salonpas, zandu balm, amrutanjan, deep relief
# A walk-in clinic or urgent care is a visit to a doctor ("when should I go to the walk-in
# clinic" asks when to see one), not a hospital's emergency department.
hospital: hospital, minor injuries
# Emergency care and the numbers that call it: "when do I go to A&E", "at what point do I ring
# triple zero" ask for the warning signs; the same words as a request ("call an ambulance") are
# call_for_me's, and a hospital or clinic for a check-up is a doctor's visit.
emergency: emergency, emergency room, emergency department, a and e, casualty, er, ambulance,
  paramedic, paramedics, nine nine nine, nine one one, triple zero, one one two, zero zero zero,
  999, 911, 000, 112
doctor: doctor, gp, doc, dr, physician, medic, clinic, surgery appointment, walk in clinic,
  walk in centre, walk in center, urgent care
pharmacy: pharmacy, pharmacist, chemist, drugstore, drug store
press: press, push, rub, knead, dig, prod, squeeze
# "How do I lift it without hurting myself": a way to do it safely, never the crisis answer's
# "hurt myself".
safely: safely, safe way, without hurting, without hurting myself, without hurting my back,
  without injuring myself, without harming myself, without doing damage, without making it worse,
  without straining
# "If that doesn't work", "will it work": working as in helping, not a job.
effective: not work, it work, that work, this work, they work, work for me
work: work, job, office, shift, uni, university, college, school, workplace, site, worksite,
  building site, construction site, job site
sport: sport, footy, cricket, netball, rugby, soccer, golf, tennis, basketball,
  hockey, squash, badminton, baseball, volleyball, kabaddi, bike, cycling, biking, pilates,
  pillates, spin class, crossfit, zumba, aerobics
sex: sex, intercourse, make love, making love, sexual, intimate, intimacy
sleep: sleep, asleep, doze, nap, snooze, nod off, drift off, fall asleep, go to bed, going to bed,
  bedtime, overnight, all night, through the night
bed: bed, doona, duvet, quilt, blanket
# A long journey sitting down is driving's question (how to sit), by road or not.
drive: drive, driving, drove, car, ute, truck, van, commute, scooter, motorbike, motorcycle,
  flight, aeroplane, airplane, long haul, train journey, coach trip, road trip
call: call, ring, phone, dial, text
bath: bath, bathtub, tub, soak, shower, jacuzzi, hot tub, spa
put: put, chuck, slap, stick
walk: walk, stroll, wander, hike, amble, round block, around block, hallway, corridor, treadmill,
  walking machine
pain: pain, painful, hurt, hurts, sore, ache, achy, aching, agony, agonising, agonizing,
  excruciating, throbbing pain, killing me, kills
spasm: spasm, spasming, spasmed, seized, seize, seized up, locked up, went into spasm
back: back, lowerback, lower back
gone: gone, stuffed, buggered, wrecked, rooted, busted, knackered
week: week, weeks, fortnight, seven days, eight days, nine days, ten days, ten day, eleven days,
  twelve days, fourteen days, several days, 7 days, 8 days, 9 days, 10 days, 14 days
child: child, kid, son, daughter, teenager, teen, boy, girl, toddler
pulse: pulse, heartbeat, heart beat, heart beating
wrap: wrap, wrapped, wrapping, towel, tea towel, cloth, flannel, pillowcase, pillow case
leg: leg, legs, thigh, thighs, buttock, buttocks, bum, butt, glute, glutes, hamstring, calf, calves
supplement: supplement, supplements, vitamin, vitamins, magnesium, potassium, fish oil, omega 3,
  turmeric, zinc, calcium, glucosamine, collagen, cod liver oil, multivitamin, banana, bananas
relaxant: relaxant, relaxants, relaxer, relaxers, muscle relaxant, muscle pill, muscle pills,
  muscle tablet, muscle tablets, muscle relaxants, muscle relaxer,
  muscle relaxers, relax muscles, relax the muscles, relax my muscles, diazepam, valium,
  methocarbamol, cyclobenzaprine, flexeril, baclofen, tizanidine, robaxin, robaxacet, robax,
  orphenadrine, norflex, thiocolchicoside,
  relaxor, relaxors
comfortable: comfortable, comfy, comfortably
tens: tens machine, tens unit, tenth machine, tenth unit, zappy, zapper, electrodes, electrode,
  electric pulse,
  pulse machine, electrotherapy, electro therapy, electric therapy, electrical therapy,
  electric stimulation, electrical stimulation, muscle stimulator
drink: drink, drank, drunk, drinking, fluid, fluids
# Feeling wound up (stress): not worry, which mostly asks whether it is serious ("anything to
# worry about", "should I be concerned").
stress: stress, stressed, stressful, anxiety, anxious, tension, tense, tensing, nervous, nerves,
  wound up, uptight, on edge, under pressure, frazzled, overwhelmed
# Afraid to move, afraid of what it is: the fear is the need, whatever it is about.
fear: fear, scared, afraid, frightened, terrified
worry: worry, worried, worrying, concerned, concerning
brace: brace, back brace, back support, back supports, support belt, lumbar belt, back belt, belt,
  corset, lumbar support belt, support brace
# Recogniser slips for these, each heard in the copies of three or more development writers'
# sets ("my cairo said", "should I see a fizzil", "our macros is soft").
chiro: chiro, chiropractor, chiropractors, cairo
physio: physio, physiotherapist, physiotherapy, fizzil, fizzils
mattress: mattress, mattresses, macrs, macros
roller: roller, foam roller, foam tube, foam tubes, foam roll, foam rolling, rolling pin
# A big ball, a way of sitting only when sat on (answers.toml "sit on fitball"): "exercises on a
# gym ball" stays exercise; never a massage ball.
fitball: fitball, gym ball, exercise ball, swiss ball, birthing ball, birth ball, stability ball,
  yoga ball, fitness ball, balance ball
# Falls said by what happened. Not "slipped" (a slipped disc) nor "trip" (a holiday).
fall: fall, fell, falling, tumble, tumbled, took a tumble, stumbled, went over, came a cropper
cough: cough, coughing, coughs, sneeze, sneezing, sneezes, blow my nose, blowing my nose,
  blow nose
move: move, moving, moves, movement, movements, potter, pottering, up and about, get about,
  getting about
# Written down for later, the thing named between the verb and its "down" ("note that down for
# my doctor", "jot it down").
track: track, tracking, log, logging, diary, journal, keep a note, keep notes, note down,
  write down, keep a record, keep track, note it down, note that down, note this down, jot down,
  jot it down, jot that down, write it down, write that down, write this down, make a note,
  take a note, make a note of
knees: knee to chest, knees to chest, knees up, knees to my chest, knee to my chest, hug my knees,
  pull my knees, pulling my knees, knee hug, knee hugs, hug your knees, hug knees, hugging my knees,
  hugging your knees, pull your knees, pulling your knees
injection: injection, injections, jab, cortisone, cortisone shot, steroid shot, steroid jab,
  epidural, nerve block
partner: partner, wife, husband, mate, friend, mum, mom, dad, mother, father, brother, sister,
  flatmate, boyfriend, girlfriend, neighbour, neighbor, housemate
"""


def runs_by_name(text: str) -> dict[str, list[tuple[str, ...]]]:
    """Blocks of "name: run, run," (indented lines continue the block; lines starting with #
    are comments) -> each name's word runs, unstemmed. The format of _CLASSES and needs.py."""
    out: dict[str, list[tuple[str, ...]]] = {}
    name = ""
    for line in text.strip().split("\n"):
        if line.lstrip().startswith("#"):
            continue
        if not line.startswith(" "):
            name, _, line = line.partition(":")
            name = name.strip()
        out.setdefault(name, []).extend(tuple(p.split()) for p in line.split(",") if p.split())
    return out


def classes() -> dict[tuple[str, ...], str]:
    """Word runs (unstemmed; the matcher stems them) -> concept token."""
    return {run: name for name, runs in runs_by_name(_CLASSES).items() for run in runs}


# Sound-alikes a recogniser writes for a little word, repaired only where the next (or previous)
# word shows which one was said: "get help four me", "want too be here", "i should weight",
# "the piece" (peas) but not "a piece of".
_FOR_BEFORE = frozenset(
    ("me", "you", "us", "him", "her", "them", "it", "my", "your", "a", "an", "the", "ever", "now")
)
_TO_AFTER = frozenset(
    (
        *("want", "wanted", "wants", "have", "has", "had", "need", "needs", "going", "got"),
        *("used", "ought", "in", "able"),
    )
)
_WAIT_AFTER = frozenset(("i", "to", "should", "can", "could", "we", "you", "just"))


def unslip(words: list[str]) -> list[str]:
    """Normalised words with the commonest recogniser sound-alikes put right from context."""
    out = list(words)
    for i, word in enumerate(out):
        before = out[i - 1] if i else ""
        after = out[i + 1] if i + 1 < len(out) else ""
        if word == "four" and after in _FOR_BEFORE:
            out[i] = "for"
        elif word in ("too", "two") and before in _TO_AFTER and after not in ("much", "many"):
            out[i] = "to"
        elif word == "weight" and before in _WAIT_AFTER:
            out[i] = "wait"
        elif word == "piece" and after != "of":
            # "the frozen piece", "can the piece go back on": peas, in six writers' heard
            # copies; "a piece of advice" keeps its word.
            out[i] = "peas"
    return out
