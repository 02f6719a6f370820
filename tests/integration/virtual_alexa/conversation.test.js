// virtual-alexa drives the dev web service by utterance, through the generated voice model.
// Started by tests/integration/test_virtual_alexa.py, which passes SKILL_URL and MODEL_DIR.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const path = require("node:path");
const { VirtualAlexa } = require("virtual-alexa");

const url = process.env.SKILL_URL;
const modelDir = process.env.MODEL_DIR;

function device(locale) {
  return VirtualAlexa.Builder()
    .skillURL(url)
    .interactionModelFile(path.join(modelDir, `${locale}.json`))
    .locale(locale)
    .create();
}

function said(reply) {
  const speech = reply.response && reply.response.outputSpeech;
  return (speech ? speech.ssml : "").replace(/<[^>]+>/g, " ").replace(/&apos;/g, "'");
}

test("launch, a question, a routine step and stop", async () => {
  const alexa = device("en-US");
  const launch = await alexa.launch();
  assert.match(said(launch), /not a doctor/i);
  assert.match(said(launch), /nine one one/);

  const answer = await alexa.utter("how long should i ice my back");
  assert.match(said(answer), /fifteen minutes/i);

  const start = await alexa.utter("start an ice session");
  assert.match(said(start), /wrap an ice pack/i);
  const step = await alexa.utter("next");
  assert.match(said(step), /skip ice/i);

  const stop = await alexa.utter("stop");
  assert.match(said(stop), /take off any pack/i);
  assert.strictEqual(stop.response.shouldEndSession, true);
});

test("a red flag gets the locale's emergency number", async () => {
  for (const [locale, number] of [["en-GB", "nine nine nine"], ["en-AU", "triple zero"],
                                  ["en-IN", "one one two"], ["en-US", "nine one one"]]) {
    const alexa = device(locale);
    await alexa.launch();
    const reply = await alexa.utter("i wet myself");
    assert.match(said(reply), new RegExp(`call ${number} now`, "i"), locale);
    assert.match(said(reply), /local emergency number/);
  }
});

test("stretches can be walked with next, repeat and go back", async () => {
  const alexa = device("en-GB");
  await alexa.launch();
  const start = await alexa.utter("start stretches");
  assert.match(said(start), /mild pull/i);
  const caution = await alexa.utter("next");
  assert.match(said(caution), /osteoporosis/i);
  const first = await alexa.utter("next");
  assert.match(said(first), /knee to chest/i);
  const again = await alexa.utter("repeat");
  assert.match(said(again), /knee to chest/i);
  // In position: "ready" paces the reps; "next" then moves on to the next stretch.
  const reps = await alexa.utter("ready");
  assert.match(said(reps), /knee in/i);
  const second = await alexa.utter("next");
  assert.match(said(second), /knee rolls/i);
  const back = await alexa.utter("go back");
  assert.match(said(back), /knee to chest/i);
});
