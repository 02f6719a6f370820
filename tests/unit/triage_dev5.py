"""Figures for triage on the round-5 development sets, tests/unit/data/triage_dev5_*.tsv.

    .venv/bin/python tests/unit/triage_dev5.py --set NAME        # triage_dev5_NAME.tsv as written
    .venv/bin/python tests/unit/triage_dev5.py --set NAME --heard  # its _heard.tsv copy, if made
    .venv/bin/python tests/unit/triage_dev5.py --set NAME --heard --copy 311  # _heard311.tsv
    .venv/bin/python tests/unit/triage_dev5.py --set NAME -v     # also list every miss
    .venv/bin/python tests/unit/triage_dev5.py --all             # every set, round 5 first

Round 5 (issue 12) split the tiers between writers; each wrote a development set and a probe set
(NAME and NAME_probe) in a style unlike the earlier sets BEFORE changing anything, tuned on the
development set only and measured the probe untuned at the end. Same columns as triage_dev4.tsv.
They are development sets, NOT the held-out evaluation (tests/heldout/).

Round 6 ("heard6"): heard6 (173 red flags in new styles + 89 benign, five locales) with a heard
copy through two seeds (5 and 11) in one file (a `seed` column), and heard6_probe (101 + 50),
written before any change and channelled once (seed 29), measured at the end only.
heard_gap.py tabulates why red flags are lost as heard.

Round 7 ("triage8"): triage8 (97 red flags, 45 same-day, 40 benign: carers, answers in words,
function for anatomy, hedges, elliptical answers to a sign just asked about) and triage8_probe
(55 + 17 + 20), both written before any change. Untuned: E 84/97, U 42/45, benign E 1/40; probe
E 52/55, U 15/17, benign 0/20. After (safety/affirmed.py, retold.py, concept classes): E 97/97,
U 45/45, benign 1/40; probe, measured once at the end, E 53/55, U 17/17, benign 0/20.
Round 7 ("heard7"): heard7 (137 E + 30 U + 87 benign, five locales, carers, answers, elliptical
and regional words) with a heard copy through seeds 41 and 43 (piper, noise), and heard7_probe
(86 E + 16 U + 50 benign) channelled once (seed 47), written before any change.
Round 10 ("heard10"): heard copies (asr_noise.py piper+whisper, noise, seed 43; answers sets seed
47) of the development sets that had none, made before any round-10 change. Chosen before any
was looked at: the copies of triage5a and precision8 (and urgent5, if channelled in time) are
an untouched check, measured only at the end; the others are where heard slips are studied.
Channelled in time: triage9, triage8, triage7, triage5a, benign8, precision8, benign5, triage6
(urgent5, urgent7 and the probes were not: about 35 lines a minute on the shared CPU). Red flags
lost to NOTHING as heard (no finding, no question) on the studied copies before any change: 58
of 489 emergency rows (triage7 17, triage9 15, benign8 14, triage8 7, benign5 3, triage6 2), 45
after; most a content word heard as an unrelated word or phrase ("cheeseburger", "ladies and
gentlemen"): no class. Classes read back (heard_classes.py, heard_slots.py, text.py), each only
where the heard words make no sense: "an erection" as "a direction" (also in 4 older copies),
numb as "now i am" / numbness as "now messing" before a body place (3 + 5 older), bleeding as
"leading" (2), the baby "due" as "do", legs that "give away", wee as "we"/"weak"/"wait" where
a verb or a flow must stand, feel as "fill" and chest as "jess" before a place or a pain, the
ute as "youth", a leg word after "both the", an answer "no"/"nope" before a clause with its own
"not" (written too: "no, can't feel my legs" read nothing), "sure to breath" for "short of
breath" (a denied sign heard as doubt alarmed), a decade as "eighty s". Heard E (an emergency
finding) before -> after: triage9 128->133, triage7 99->103, benign8 45->48, triage8 87->88,
heard7 231->239, heard6 244->248, triage5b 75->76, benign7 32->33; benign alarms as heard
benign8 13->11, heard7 7->5, triage8 2->1, dev4 2->1; no written figure moved. Untouched check,
rules alone (heard E / reached with a question / benign alarms): triage5a 66/69/1 of 87 E and
51 benign -> 66/69/1; precision8 33/35/6 of 41 and 60 -> 34/36/6.
Round 11 ("heard11"): heard11 (166 E weighted to E2-E5, E7, E8; 45 U; 130 benign look-alikes;
en-AU and en-IN 48% of rows) and heard11_probe (100 E + 63 benign), both written before any
change; heard11 channelled twice (seed 67 -> _heard, seed 68 -> _heard2: a slip in both passes
is stable), the probe once (seed 67) and held back from the red-flag model until measured.
Written vs heard text, normalised, aligned over every heard copy: the stable confusions of a
word the rules listen for (seen 3+ times from 2+ writers) became classes (branch heard11), each
read only where the heard word makes no sense. Heard E, branch point -> after (rules):
heard7 238->244, heard7_probe 66->69, triage5a 66->68, heard6 247->249, heard6_probe 70->72,
benign7 33->34, benign8 48->49, triage9 133->134, precision8 34->35, dev4 139->140; heard U
+9; heard11 heard 137->142, heard2 139->144 (of 166; written 158); no written figure and no
benign alarm moved on any set. Probe, untouched, measured once at the end: written E 94/100,
heard 79/100 (+7 asked), benign 0/63, the same at the branch point: the classes did not carry
(nor to heard11's own copy before it was studied: 137->137), so they were not merged; the data,
its second pass and the grouping of copies were.
Round 11 ("precision11"): precision11 (224 benign look-alikes full of red-flag words: past and
resolved events, other people's history, questions and hypotheticals, films, work, jokes, negation
as a recogniser writes it, self-corrections, rambles; and 124 red flags in the same shapes, five
locales) and precision11_probe (109 + 60), both written before any change and channelled once
(seed 73). Untuned -> after (settled.py, unsaid.py and the framing modules, by class),
benign alarms / E: written 62/224 -> 8, 113/124 -> 117; heard 56 -> 15, 105 -> 108. Probe,
measured once at the end: written 21/109 -> 15, 55/60 -> 57; heard 20 -> 15, 50 -> 52. Every
other set: no emergency lost, written or heard; benign alarms 106/2966 -> 87 written, 71/1878 ->
61 heard. Not kept (branch precision11): a review's own 300 phrasings found about 25 present red
flags those framings silenced, with no question either ("the feeling hasn't come back", "no wait,
it's my whole chest and arm", "my mate fell off the roof and he is not moving"). The data stays.
Round 12 ("triage12"): triage12 (166 E weighted to E5 28, E12 26, E2 26, E9/E4/E1 18 each; 42
U; 133 benign look-alikes: sex and back pain, pregnancy with no red flag, peeing often or fine,
chest stretches; histories in passing, numbers as speech, a question and a report in one breath,
very old and young speakers, limited English, five locales) and triage12_probe (96 E + 62
benign), both written before any change and channelled once (seed 83; WER 10.0%); the probe
is held back from the red-flag model. Written E / heard E / benign alarms, untuned -> after (by
class, test_triage_round12.py): 146 -> 163, 125 -> 132, 2 -> 1 (heard 2 -> 1); every other
set: no emergency lost and no benign alarm more, written or heard (flag10 +1, heard7 +1, its
heard copy +2). Probe, measured once at the end: written 91/96 (+3 asked), heard 72/96 (+6
asked -> +7), benign 0/62 written, 1/62 heard, the same before and after: as in round 11, the
classes did not carry to the writer's own probe.
Round 13 ("triage13"): triage13 (169 E, 40 U, 25 D, 132 benign look-alikes, five locales; heard
copy seed 89, WER 13.3%) and triage13_probe (90 E + 15 U + 55 benign; seed 97), both written
before any change; the probe is held back from the red-flag model. Kept classes, in
test_triage_round13.py: a body word's 's ("belly's"), the urge never felt since, an electric
"current" in the legs, a touch on both legs barely felt, a stream that will not start (held back
only by a screen word said with it: "live stream"); same-day: about to snap, up near the
shoulders, burning after peeing and "paining", a bare "expecting"; heard: "chivalry" after a
feeling word, "slept" for slipped where a fall is said, "wii", "direction stop working",
"painting". Four holds written for triage13's benign alarms (a thing torn open is no tearing pain,
someone else's fall said fine, a doubled "no no", "can i still") were reverted: a review's own red
flags in their shapes lost the emergency answer ("i tore open a heat pack and now there's a
tearing in my chest"), so triage13's 7 benign alarms stay. Written E / heard E, untuned -> after:
161 -> 166 (+7 asked -> +2), 123 -> 128; U 36 -> 40, heard 25 -> 31; benign alarms 7 and 6,
unchanged. Every other set: no emergency lost and no benign alarm more, written or heard (heard E
+3, heard U +6). Probe, measured at the end (the same before and after the revert): written 81/90
(+5 asked), U 15/15, benign 0/55; heard 66/90 (+7 asked), benign 0/55; at the branch point 81/90
and 65/90: again the classes barely carried to the writer's own probe.

Round 14 heard ("hrd14"): no new data. Every non-probe set's heard E and U misses were aligned with
their written rows, and a slip became a class only when it recurred in rows of two or more sets
(heard_classes.py _ROUND14; test_triage_round14.py RECURRING), each read only where the heard word
makes no sense. Emergency: wee held as "week/peat"; urine since as "your instance/incense", "pass
during"; the loft hatch as "locked hatch"; legs as "lets/flex/lights" before what only legs do;
pooed as "proved/approved" unaware; the need to poo as "need to prove"; bowels as "bells/vowels"
controlled or let go; erection as "your action/interaction" got or a problem; "a recent" (wee
since), "a week" that lasts an hour, "camp pea", "a wheel" all day, the terrace as "the tears".
Same-day: an age in the eighties as "i may be/i made" before a fall, "going for it who" (a poo),
"singing" when peeing. The safety review found that a wider first draft raised ordinary talk (a
steering wheel or one's peace held, neighbours "down below", "just pain", "puked and did not
notice", "do it we", "slept in the kitchen", "scary meds", "uses", "company", "physician", "it is a
beer", "weave"): those folds were dropped or narrowed and the review's sentences are a test (CALM).
Heard, before -> after, summed over --all's heard lines: non-probe sets E 2363 -> 2399 of 2718, U
577 -> 585 of 681; probes E 444 -> 448 of 554; written unchanged; benign alarms unchanged (heard
126/2336 non-probe, 25/417 probes); no emergency lost on any set.

Round 14 ("triage14"): triage14 (168 E, 40 U, 25 D, 130 benign look-alikes: similes, "is it
normal" worries, evidence instead of the symptom, lists with the sign not first, answers to the
skill's prompt; heard copy seed 101, WER 10.0%) and triage14_probe (91 E + 15 U + 55 benign;
seed 103), both written before any change; the probe is held back from the red-flag model.
Classes, in test_triage_round14.py: a "not" before a verb of relenting ("won't let go", "thaw",
"leave") denies nothing after it; a heavy thing in a simile sat on the chest; "managed a wee",
"no pee, not since", not a drop got out; a touch (tickled, squeezed) on both feet barely felt
in "either one"; legs "gone to nothing"; washing after the toilet with nothing felt there;
found at the foot of the stairs; same-day: worse "in night", "not reducing" with rest, a back
that explodes with a sneeze, a foot that trips the person up; within-days: a notch worse every
day, other places said first to spasm; heard: a terrace as "tears" after a fall ("felt from the
tears", three writers' copies). Not fixed: three benign alarms (a heat pack torn open twice,
round 13's reverted hold; numbness that "went as soon as i moved", too near legs that "went");
written E2 "when i last had a wee ... it was yesterday" (past the gap). Written E / heard E,
untuned -> after: 156 -> 166, 143 -> 150; U 37 -> 40, heard 31 -> 33; D 22 -> 25; benign
alarms 3 and 2, unchanged. Every other set: no row lost and no benign alarm more, written or
heard (heard E +1 on heard11 and heard6, +1 on heard11_probe). Probe, measured once at the end:
written 87/91, U 14/15, benign 1/55; heard 73/91, U 10/15, benign 2/55; the same at the branch
point: the classes did not carry to the writer's own probe.

Round 15 heard ("hrd15"): no new writing. New passes of three older sets through the channel
with new seeds (piper, noise, Whisper), committed as copies that --all reads: triage9_heard311
(WER 7.1%), heard7_heard313 (8.1%), triage8_heard311 (9.7%), 694 rows with their benign ones;
flag_model.py groups a three-digit-seed copy with its writer's set. Every non-probe heard E and
U miss was aligned with its written row, and a slip became a class (heard_classes.py _ROUND15,
test_triage_round15.py RECURRING beside calm twins, and CALM) only when it recurred in two or
more rows across sets or seeds, read only where the heard words make no sense: numb as "i am"
before where it is ("i am all round my bum", "i am during sex", "feels and i am down there",
"i am where you sit"); stool as "dual/still/tool" passed; an erection as "a reaction problem",
"problem interaction"; sciatica as "so i had to (cut one|go on)" before both sides; the bladder
as "flatters/flighters", its control as "lighter controls"; peed as "peaked/paid" not done all
day or since this morning; wet as "or what" after the clothes, unaware; wee as "we" after the
urge to, dribbled, or in "can not we, can not sit"; weed as "weeds" since; pee as "key/keep"
after "there is", running down a leg; the loo as "the loop/lew"; numbness as "not missing/now
messing" first before both the legs or "there is now missing" before the private parts; the
legs as "lex/flex" collapsed or like someone else's; fell as "throw" first or "fill" of a thing
on someone; can't get up after a fall as "can't get out"; same-day: "stings when i weave", an
age in the eighties as "i may be too/i made for" before a fall, a "back hop/cop". The round-14
review's removed folds (wheel/peace held, "do it we", "just" as chest, slept in the kitchen,
"weave" alone...) stay out; a safety read narrowed "paid" (wages, bills), a closing "can't we",
"the bottom of the garden", bed covers thrown off, a scarf woven. Heard, before -> after, summed
over --all's existing heard lines: non-probe E 2549 -> 2589 of 2886, U 618 -> 625 of 721 (54
dev rows over 17 copies, counting the new passes and dev2's mixed-voice copy); the new
passes at their branch point E 342 -> 348 of 386, U 63 -> 63 of 75; written unchanged; benign
alarms unchanged (heard 128/2466, new passes 22/233, written 200/4082); no emergency lost on any
set. Probes, measured once at the end: heard E 521 -> 523 of 645, U 56/68, benign alarms 27/472,
unchanged.

Round 15 ("triage15"): triage15 (172 E, 40 U, 25 D, 133 benign look-alikes: a daily task that
failed, self-corrections, change over time, loose lay medical words, asking whether to call,
wording with no "i", indirect and polite speech; heard copy seed 111, WER 11.4%) and
triage15_probe (90 E + 15 U + 55 benign; seed 113), both written before any change; the probe
is held back from the red-flag model. Classes, in test_triage_round15.py: "can not stop
shivering" with its "i" dropped is no general question; a fever "gone up" rose; a polite hedge
("don't seem to be able to", "doesn't seem to want to") read as "can not"/"will not"; a
statement taken back and said the other way ("i've not wet myself, well, i have"), read again
whole by corrected.py, which adds a reading and silences nothing; a try with a partner and no
object; legs that will not push or lift the person up; same-day: a spinal procedure named alone,
a wound's 's, the pain named in full after what sets it off. Not kept: "any of that" as no
clause break (fixed "i don't have any of that cauda equina stuff", but silenced "i haven't had
any of that numbness down below before but now i have"). Not fixed: benign alarms from a
correction that takes a sign back ("i wet myself, no, i mean the hot water bottle leaked"),
the torn heat pack (round 13), numbness "gone as soon as i rolled over". Written E / heard E,
untuned -> after: 158 -> 166, 135 -> 142; U 36 -> 38, heard 34 -> 34; D 22 -> 22; benign alarms
9 and 5, unchanged. Every other set: no row lost and no benign alarm more, written or heard
(E +1 on heard11 written and both heard passes, precision11_probe written and heard, triage7_probe,
triage9_probe; U +1 on triage12 and heard11's second pass). Probe, measured once at the end:
written 78/90, U 15/15, benign 5/55; heard 65/90, U 12/15, benign 7/55; the same at the branch
point: the classes did not carry to the writer's own probe.

Round 16 ("triage16"): triage16 (171 E, 40 U, 25 D, 130 benign look-alikes: a sign presupposed
in a why/how question, clipped fragments, what someone else noticed, sensory words, contrast with
the usual episodes, fear first, a sign buried in a ramble; heard copy seed 121, WER 9.4%) and
triage16_probe (90 E + 15 U + 55 benign; seed 123), both written before any change; the probe
is held back from the red-flag model. Classes, in test_triage_triage16.py: "never ... before
today / till today" is a first time said now, read only in the finding's own clause (scope.py;
never past a new subject: "never wet myself, my back has just been sore until now"); a barrier
felt as a simile ("like a layer of wool over everything down there"); a touch on the saddle "not
feeling it", held when the pain or a bruise is what is not felt or is elsewhere, and "says when
he/she touches ..." is what the teller noticed, not advice (supposed.py; one person, never
we/they); within days: "still hurts/aches" after weeks, "better when i lie down" is how the pain
eases, not that it passed (passed.py); heard: grey as "great" after a person "gone" (three sets'
copies). Reverted after the safety review (the probe had not moved with round 16's classes, so
none was worth a safety cost): the hold for a bottom gone numb on a hard floor that comes back on
moving (it silenced real saddle numbness said beside it: "it passes when i stand up, but my
perineum is numb"); "can not stand without holding ..." (it alarmed on standing limited by pain:
"without holding my back"); a body "hot as a furnace/oven" (places got through: "our flat is hot
as an oven"); a clipped "had cancer, new back pain" ("survived cancer, that's my aunt"); spasms in
the back "and also" elsewhere or "without any reason" ("after a long drive"). Not fixed: benign
alarms from the torn heat packs (round 13's reverted hold), floor numbness that comes back on
moving (E4, as before round 16), a friend's dad "paralysed" (a distant person's past said with
"got"; widening that frame would silence a mate hurt now); D3 "couldn't get to work today ...
eases when i lie down" (d3_for_now holds "today"); most heard E misses are single slips ("what
myself", "wed come out", "can get it up"). Written E / heard E, untuned -> after: 166 -> 169,
141 -> 146; U 39 -> 39, heard 28 -> 28; D 21 -> 23, heard 21 -> 23; benign alarms 8 -> 8, heard
6 -> 6. Every other set: no row lost and no benign alarm more, written or heard (no other figure
moved). Probe, measured once at the end: written 82/90, U 15/15, benign 3/55; heard 74/90, U
13/15, benign 2/55; the same as at the branch point, and again in --all after the review's
reverts: the classes did not carry to the writer's own probe.

Round 16 heard ("hrd16"): no new writing. Two older sets went through the channel again with
new seeds and are kept as development data (--all reads them; flag_model.py groups each with
its set, so the red-flag model learns them): triage12_heard317 (all 341 E, U and benign rows;
WER 10.0%) and flag10_heard319 (its 193 E and 14 U rows and every other benign row, 286; WER
6.3%). A helper then folded 24 slips that recurred across sets or seeds (lost as "law/loss/
plus", making love as "make club", a wee as "wait/weigh/weave", wetting as "waiting/wedding",
pee as "he/paid", intercourse as "of course", fever as "thever", going to faint as "going to
think", a foot that "slots", eighty as "i am eddie" ...). Over the non-probe heard copies that
took E from 3623 to 3652 of 3999, but the probes, measured once, moved 848 -> 849 of 1004: the
folds fit the rows they were read from and did not carry to new writers' words. The safety
review then found ordinary sentences alarming through five of them ("plus feeling in my legs
is fine" as E6, "of course feels different now" as E5, "i couldn't wait at all since lunch" as
E2, "i'm eddie and i slipped a disc" as U9, "my foot slots down into my boot" as U8) and more
through ten others. None of the folds was merged: a probe gain of one row does not pay for a
false alarm. Only the two seeded passes are kept.

Round 19 ("triage19"): triage19 (168 E, 40 U, 25 D, 130 benign look-alikes: a sign beside a
denial of others, counts and durations, unsure where it comes from, calls and forms with the
patient's yes, polite euphemisms; heard copy) and triage19_probe (90 E + 15 U + 55 benign),
both written before any change; the probe is held back from the red-flag model. Classes, in
test_triage_triage19.py: a medicine named as the cause before a mild dizzy word ("the tablets
making me woozy") holds E10 as standing up too fast does; a sign asked about answered with a
bare "have not got any"/"have none" is denied, and a form "ticked yes/no" answers like "said"
(supposed.py); E5 inability in the perfect ("have not been able to get hard", @not_able) and
sexual feeling named lost (not "for" a person); "zero feeling"; the "seat area" as the saddle;
legs that "just fold" when standing or "went and i dropped"; a pee that "barely" comes (never
"for laughing"); hours told before "no urine"; "a spasm can feel like a heart attack" compares
and reports nothing; same-day: no position "giving" relief, the back "feels like it's going to
explode" on a sneeze, burning with every pee in any tense, pregnancy and severe pain across a
denial or "but" (U12 concepts); heard: the terrace as "the tears" with the height said next.
Not fixed: benign alarms from the torn heat pack (round 13), floor numbness that comes right on
moving (round 16's reverted hold), a friend's father "got paralysis" (round 16); E6 both legs
numb "maybe from lying on the floor" (a cause said as a guess still holds E6: the hold for legs
numb from sitting is kept), "not been able to get hard once" ("once" read as another time),
"old plumbing isn't working" (asked), a wife and "couldn't finish" without a sex word (asked).
Doubtful labels, left alone: none bent. Written E / heard E, untuned -> after: 156 -> 163 (+5
asked), 144 -> 151 (+13 asked); U 35 -> 39, heard 32 -> 36; D 22 -> 22, heard 23 -> 23; benign
alarms 7 -> 4, heard 8 -> 5. Every other set: no row lost and no benign alarm more, written or
heard (E +1 on flag10_probe, triage5a_probe, triage13_probe and triage15_probe written, and
the last two heard); summed over --all without triage19's probe: written E 4563 -> 4576 of
4807, U 1537 -> 1541, benign alarms 259 -> 256 of 4475; heard E 4692 -> 4699 of 5235, U 999 ->
1003, benign alarms 186 -> 183 of 3996. Probe, measured once at the end: written E 85/90 (+3
asked), U 15/15, benign 2/55; heard E 79/90 (+4 asked), U 14/15, benign 3/55; at the branch
point E 85/90 and 79/90, U 15/15 and 14/15, benign 3/55 and 4/55: one benign alarm fewer, no
emergency gained. ALL REVERTED after the safety review (12 of its own red flags lost, about 20
new false alarms, for a probe that did not move): the medicine hold before "make(s) me" took any
word after it and was not lifted by feeling faint or sweating ("the painkillers make me sick and
I feel like I'm going to faint" lost E10); "i have none" denied a sign that is itself a loss
("they asked if I'd lost feeling in my bottom and I have none at all" lost E4); furniture legs
"just fold" (E7), "hours and no pee break" (E2), a heated "seat area" (E4), "going to burst with
happiness" (U5) and "zero feeling of motivation" (asked) alarmed. The data stays: the red-flag
model learns from triage19 (round 19's summed model, interaction_models/flag_model.py).

Round 20 ("triage20"): triage20 (174 E, 40 U, 25 D, 138 benign look-alikes: a sign told by its
consequence for objects and chores, said mid-routine, a reply to the skill's question, a sign as
an absence or a can't, fillers and restarts, a familiar feeling, a local service word; heard
copy, seed 141, WER 12.0%) and triage20_probe (90 E + 15 U + 55 benign, seed 143, WER 11.6%),
held back from the red-flag model (flag_model.HELD_BACK). No rule was written from them. The
rules alone: written E 159/174, U 36/40, D 22/25, benign alarms 5/138; heard E 134/174, U 33/40,
D 21/25, benign alarms 3/138; probe written E 84/90, U 15/15, benign alarms 1/55; heard E 72/90,
U 14/15, benign alarms 1/55. The model learns from triage20 and from second recogniser passes
(piper, noise, Whisper; the held-out channel, another seed) of triage19, 16, 15, 14 and 13:
_heard401 to _heard405 (WER 10.4%, 9.7%, 11.2%, 10.2%, 13.1%).

Round 21: second recogniser passes of triage20 (_heard406, WER 11.5%) and precision11
(_heard407, WER 7.1%) join the red-flag model's training, on the same channel; no rule changed.

Round 22 ("precision22", the rules' precision): precision22 (224 benign look-alikes, 130 E, 32 U, 15
D: other people's signs, pets, the skill's own list, screens, everyday causes, questions about a
sign, each beside its dangerous twin) and precision22_probe (90 + 55 + 10), both written before any
change; then two probes by two more writers, precision22b_probe (134 benign, 72 E, 16 U) and
precision22c_probe (120, 70, 10), each measured untouched when first written. The first holds
(long-standing said in more ways, pets, the skill's list, screens, someone's recovery, a sign asked
to be defined, both legs numb that passed on moving) took precision22's benign alarms 37 -> 23 and
the untouched probes 40 -> 37 and 25 -> 22; four read-only safety reviews (558, 473, 499 and 348
sentences of their own, written at the edges of the holds) found real red flags each silenced: a
duration that was the back pain's, a pet beside a person, a recovery in name only, a report inside a
question about the list or a sign's meaning, a carer whose person had the television on, numbness in
both legs that comes and goes, a back that "tore open lifting a box". Kept: a heat, ice or gel pack
torn open when nothing else of E10's, no pain, no feeling and no second tearing word is said;
someone with the speaker watching a screen read as a report; onset words that make a long-standing
sign new ("for the first time", "i just", weekdays, "since lunch"). Final, benign alarms (E kept):
precision22 and its three probes unchanged (37, 17, 40, 25; E 128, 52, 71, 70); every earlier set
234 -> 221 of 4,181 written and 320 -> 302 of 5,843 heard (torn heat packs), no emergency and no
question lost. The four reviews' own sentences, red flags with the emergency answer: 282 -> 285 of
304, 250 -> 257 of 272, 289 -> 292 of 331, 231 -> 237 of 243, none worse; benign ones with it: 99 ->
93, 88 -> 82, 76 -> 76, 40 -> 38. Not kept either: reading sixteen words after a sign for another
time (lost a real "urinary retention ... last time"). precision22 as heard (_heard, seed 409, WER
7.9%), the rules in both trees: E 115 of 130, benign alarms 30 of 224. All four sets and that copy
were held back from the red-flag model in round 22.

Round 24: precision22 and its heard copy joined the red-flag model (interaction_models/
flag_model.py); its three probes stay held back, an untouched check on the model's SURE
(safety/flagger.py). No rule changed, so the figures above are the rules' as ever.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from triage_dev import NAMES, report
from triage_dev2 import DATA, measure
from triage_dev4 import every_set as earlier_sets

PREFIX = "triage_dev5_"


def _path(name: str, heard: bool = False, copy: str = "") -> Path:
    return DATA / f"{PREFIX}{name}{'_heard' + copy if heard else ''}.tsv"


def _names() -> list[str]:
    stems = sorted(p.stem[len(PREFIX) :] for p in DATA.glob(f"{PREFIX}*.tsv"))
    return [s for s in stems if not _HEARD.search(s)]


# A heard copy, or a second recogniser pass of the same rows ("_heard2", round 11).
_HEARD = re.compile(r"_heard\d*$")


def _option(flag: str) -> str | None:
    for i, arg in enumerate(sys.argv):
        if arg == flag and i + 1 < len(sys.argv):
            return sys.argv[i + 1]
        if arg.startswith(flag + "="):
            return arg.split("=", 1)[1]
    return None


if __name__ == "__main__":
    if "--all" in sys.argv:
        sets = {}
        for stem in _names():
            sets[f"dev5 {stem}"] = measure(_path(stem), "utterance")
            if _path(stem, heard=True).exists():
                sets[f"dev5 {stem} heard"] = measure(_path(stem, heard=True), "heard")
            # Further passes: "_heard2" (round 11), "_heard311" (round 15: the seed), ...
            for copy in sorted(DATA.glob(f"{PREFIX}{stem}_heard?*.tsv")):
                if (seed := copy.stem.rsplit("_heard", 1)[1]).isdigit():
                    sets[f"dev5 {stem} heard{seed}"] = measure(copy, "heard")
        for label, got in (sets | earlier_sets()).items():
            kinds = [k for k in NAMES if got.total.get(k)]
            cells = (f"{k} {got.hit.get(k, 0)}/{got.total[k]}" for k in kinds)
            print(f"{label:22}", "  ".join(cells))
        sys.exit()
    name = _option("--set")
    if name is None:
        sys.exit(f"--set NAME (one of: {', '.join(_names()) or 'none yet'}) or --all")
    heard = "--heard" in sys.argv
    copy = _option("--copy") or ""  # a further pass: --heard --copy 311 reads NAME_heard311.tsv
    report(measure(_path(name, heard, copy), "heard" if heard else "utterance"), NAMES)
