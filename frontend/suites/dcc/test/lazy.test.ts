import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { chunkHandle, chunkUrl, defineChunk, folderOf, loadChunk, resetChunks } from "../../../shims/chunk-loader";
import { lazyComponent } from "../../../shims/lazy-component";
import { DatePickerRange as RealRange } from "../src/components/DatePickerRange";
import { DatePickerSingle as RealSingle } from "../src/components/DatePickerSingle";
import { Dropdown as RealDropdown } from "../src/components/Dropdown";
import { RangeSlider as RealRangeSlider } from "../src/components/RangeSlider";
import { Slider as RealSlider } from "../src/components/Slider";
import * as standIns from "../src/lazy/components";

afterEach(resetChunks);

/** An injector that records URLs and runs `onRun` as if the script had executed. */
function fakeScripts(onRun: (url: string) => void = () => undefined) {
  const urls: string[] = [];
  const inject = (url: string) => {
    urls.push(url);
    return Promise.resolve().then(() => onRun(url));
  };
  return { urls, inject };
}

test("chunks sit beside the suite bundle, whatever its fingerprint or query", () => {
  const folder = folderOf("http://h:8050/app/_dash-component-suites/dash/dcc/dash_core_components.v4_0m17.min.js?x=1");
  assert.equal(folder, "http://h:8050/app/_dash-component-suites/dash/dcc/");
  assert.equal(chunkUrl(folder, "markdown", false), `${folder}async-markdown.js`);
  assert.equal(chunkUrl(folder, "markdown", true), `${folder}async-markdown.dev.js`);
});

test("a chunk is fetched once however many components ask for it", async () => {
  const scripts = fakeScripts(() => defineChunk("suite/heavy", { Heavy: () => null }));
  const [a, b] = await Promise.all([
    loadChunk("suite/heavy", "/s/async-heavy.js", scripts.inject),
    loadChunk("suite/heavy", "/s/async-heavy.js", scripts.inject),
  ]);
  assert.equal(a, b);
  await loadChunk("suite/heavy", "/s/async-heavy.js", scripts.inject);
  assert.deepEqual(scripts.urls, ["/s/async-heavy.js"]);
});

test("a chunk that ran from its own script tag (eager loading) is not fetched", async () => {
  defineChunk("suite/eager", { Eager: () => null });
  const scripts = fakeScripts();
  await loadChunk("suite/eager", "/s/async-eager.js", scripts.inject);
  assert.deepEqual(scripts.urls, []);
});

test("a failed fetch says which chunk, and the next use tries again", async () => {
  let fail = true;
  const inject = (url: string) => {
    if (fail) return Promise.reject(new Error(`the script ${url} could not be loaded`));
    defineChunk("suite/flaky", { Flaky: () => null });
    return Promise.resolve();
  };
  await assert.rejects(loadChunk("suite/flaky", "/s/async-flaky.js", inject), /chunk "suite\/flaky".*async-flaky\.js/);
  fail = false;
  assert.ok((await loadChunk("suite/flaky", "/s/async-flaky.js", inject)).Flaky);
});

test("a script that defines nothing is reported with a hint to rebuild", async () => {
  await assert.rejects(loadChunk("suite/empty", "/s/async-empty.js", fakeScripts().inject), /did not define the chunk.*npm run build/);
});

test("the stand-in renders nothing until its chunk ran, then the real component with the same props", () => {
  const scripts = fakeScripts();
  const chunk = chunkHandle("suite", "greeting", "/s/", false, scripts.inject);
  const Greeting = lazyComponent<{ name: string }>(chunk, "Greeting");
  assert.equal(renderToStaticMarkup(React.createElement(Greeting, { name: "Ada" })), "");
  defineChunk(chunk.key, { Greeting: ({ name }: { name: string }) => React.createElement("p", { id: "g" }, `Hi ${name}`) });
  assert.equal(renderToStaticMarkup(React.createElement(Greeting, { name: "Ada" })), '<p id="g">Hi Ada</p>');
});

test("readiness is a promise that starts the fetch, and true once the chunk ran", async () => {
  const chunk = chunkHandle("suite", "ready", "/s/", false, fakeScripts(() => defineChunk("suite/ready", { Ready: () => null })).inject);
  const Ready = lazyComponent(chunk, "Ready", { dashPersistence: { persisted_props: ["value"], persistence_type: "local" } });
  const pending = Ready._dashprivate_isLazyComponentReady;
  assert.ok(pending instanceof Promise);
  assert.equal(await pending, true);
  assert.equal(Ready._dashprivate_isLazyComponentReady, true);
  assert.deepEqual((Ready as unknown as { dashPersistence: unknown }).dashPersistence, { persisted_props: ["value"], persistence_type: "local" });
});

test("the dcc stand-ins carry the persistence statics of the real components", () => {
  const pairs: [unknown, { dashPersistence?: unknown }][] = [
    [standIns.DatePickerSingle, RealSingle],
    [standIns.DatePickerRange, RealRange],
    [standIns.Dropdown, RealDropdown],
    [standIns.Slider, RealSlider],
    [standIns.RangeSlider, RealRangeSlider],
  ];
  for (const [standIn, real] of pairs) {
    assert.deepEqual((standIn as { dashPersistence?: unknown }).dashPersistence, real.dashPersistence);
  }
  for (const name of ["Markdown", "Graph", "Upload"] as const) {
    assert.equal((standIns[name] as { dashPersistence?: unknown }).dashPersistence, undefined);
  }
});
