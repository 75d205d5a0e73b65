import assert from "node:assert/strict";
import { test } from "node:test";
import { pollBody } from "../src/background";
import { Engine } from "../src/engine";
import { Transport } from "../src/transport";
import type { CallbackSpec, DashConfig } from "../src/types";
import { div, FakeServer, propsOf, spec, tick, type SentRequest } from "./helpers";

const END_ID = "AbCdEfGhIjKlMnOpQrStUvWx~0123abcd";

/** A timer the test advances by hand: `wake()` ends every pending sleep. */
class FakeTimer {
  readonly periods: number[] = [];
  private waiting: (() => void)[] = [];

  readonly sleep = (ms: number): Promise<void> => {
    this.periods.push(ms);
    return new Promise((resolve) => this.waiting.push(resolve));
  };

  get sleeping(): number {
    return this.waiting.length;
  }

  async wake(): Promise<void> {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
    await flush();
  }
}

async function flush(): Promise<void> {
  for (let i = 0; i < 4; i++) await tick();
}

interface Setup {
  server: FakeServer;
  timer: FakeTimer;
  engine: Engine;
  errors: string[];
}

const RUNNING = {
  running: { "btn.disabled": true, "stop.disabled": false },
  runningOff: { "btn.disabled": false, "stop.disabled": true },
};

/** The app of the example: Run button, Cancel button, a progress element and a result. */
function jobSpec(extra: Partial<Omit<CallbackSpec, "state">> = {}): CallbackSpec {
  return spec([["out", "children"]], [["btn", "n_clicks"]], {
    prevent_initial_call: true,
    background: { interval: 250 },
    running: RUNNING,
    state: [["note", "value"]],
    ...extra,
  });
}

async function setup(specs: CallbackSpec[], config: DashConfig = { end_id: END_ID }): Promise<Setup> {
  const server = new FakeServer();
  server.layout = div({
    children: [
      div({ id: "btn", n_clicks: 0 }),
      div({ id: "stop", n_clicks: 0, disabled: true }),
      div({ id: "note", value: "hello" }),
      div({ id: "prog", children: "idle" }),
      div({ id: "out", children: "nothing yet" }),
      div({ id: "side" }),
    ],
  });
  server.deps = specs;
  const timer = new FakeTimer();
  const errors: string[] = [];
  const transport = new Transport({ requests_pathname_prefix: "/", ...config }, server.fetcher);
  const engine = new Engine({
    config,
    transport,
    reportError: (title, message) => errors.push(`${title}: ${message}`),
    sleep: timer.sleep,
  });
  await engine.load();
  engine.start();
  await flush();
  return { server, timer, engine, errors };
}

function click(engine: Engine, id: string): void {
  const clicks = (propsOf(engine, id).n_clicks as number) + 1;
  engine.setProps(engine.store.pathOf(id)!, { n_clicks: clicks });
}

function started(job = "4242~aa", extra: Record<string, unknown> = {}) {
  return { cacheKey: "c0ffee~bb", job, ...extra };
}

function query(request: SentRequest): URLSearchParams {
  return new URLSearchParams(request.url.split("?")[1] || "");
}

function last(server: FakeServer): SentRequest {
  return server.sent[server.sent.length - 1];
}

test("a started job is polled with its handles and nulled values until the result arrives", async () => {
  const { server, timer, engine, errors } = await setup([jobSpec()]);
  click(engine, "btn");
  await flush();
  assert.equal(server.sent.length, 1);
  server.sent[0].respond(200, started());
  await flush();
  assert.equal(server.sent.length, 1, "no poll before the interval has passed");
  assert.deepEqual(timer.periods, [250]);

  await timer.wake();
  assert.equal(server.sent.length, 2);
  const poll = server.sent[1];
  assert.ok(poll.url.startsWith("/_dash-update-component?"));
  assert.equal(query(poll).get("cacheKey"), "c0ffee~bb");
  assert.equal(query(poll).get("job"), "4242~aa");
  assert.deepEqual(poll.body, pollBody(server.sent[0].body));
  assert.deepEqual(poll.body.inputs, [{ id: "btn", property: "n_clicks", value: null }]);
  assert.deepEqual(poll.body.state, [{ id: "note", property: "value", value: null }]);
  assert.equal(poll.body.output, "out.children");

  poll.respond(200, { multi: true });
  await flush();
  assert.equal(propsOf(engine, "out").children, "nothing yet");
  await timer.wake();
  assert.equal(server.sent.length, 3);
  last(server).respond(200, { multi: true, response: { out: { children: "done" } } });
  await flush();
  assert.equal(propsOf(engine, "out").children, "done");
  await timer.wake();
  assert.equal(server.sent.length, 3, "polling stops once the result is in");
  assert.equal(timer.sleeping, 0);
  assert.deepEqual(errors, []);
});

test("without an interval the poll period falls back to 500 ms", async () => {
  const { server, timer, engine } = await setup([jobSpec({ background: null })]);
  click(engine, "btn");
  await flush();
  server.sent[0].respond(200, started());
  await flush();
  assert.deepEqual(timer.periods, [500]);
});

test("progress and side updates are applied on every poll; the default wins at the end", async () => {
  const { server, timer, engine, errors } = await setup([jobSpec()]);
  click(engine, "btn");
  await flush();
  server.sent[0].respond(200, started("1~x", { progressDefault: { "prog.children": "idle" } }));
  await flush();
  await timer.wake();
  last(server).respond(200, { multi: true, progress: { "prog.children": "25%" }, sideUpdate: { side: { children: "s1" } } });
  await flush();
  assert.equal(propsOf(engine, "prog").children, "25%");
  assert.equal(propsOf(engine, "side").children, "s1");
  await timer.wake();
  last(server).respond(200, { multi: true, progress: { "prog.children": "75%" } });
  await flush();
  assert.equal(propsOf(engine, "prog").children, "75%");
  await timer.wake();
  last(server).respond(200, {
    multi: true,
    progress: { "prog.children": "100%" },
    response: { out: { children: "done" } },
  });
  await flush();
  assert.equal(propsOf(engine, "out").children, "done");
  assert.equal(propsOf(engine, "prog").children, "idle");
  assert.deepEqual(errors, []);
});

test("running stays on and the app stays loading for the whole job, then switches off", async () => {
  const { server, timer, engine } = await setup([jobSpec()]);
  click(engine, "btn");
  await flush();
  assert.equal(propsOf(engine, "btn").disabled, true);
  assert.equal(propsOf(engine, "stop").disabled, false);
  server.sent[0].respond(200, started());
  await flush();
  await timer.wake();
  last(server).respond(200, { multi: true });
  await flush();
  assert.equal(propsOf(engine, "btn").disabled, true);
  assert.equal(engine.store.isLoading, true);
  await timer.wake();
  last(server).respond(200, { multi: true, response: { out: { children: "done" } } });
  await flush();
  assert.equal(propsOf(engine, "btn").disabled, false);
  assert.equal(propsOf(engine, "stop").disabled, true);
  assert.equal(engine.store.isLoading, false);
});

test("a 204 poll ends the job without output, with running off and the default progress", async () => {
  const { server, timer, engine, errors } = await setup([jobSpec()]);
  click(engine, "btn");
  await flush();
  server.sent[0].respond(200, started("9~z", { progressDefault: { "prog.children": "idle" } }));
  await flush();
  await timer.wake();
  last(server).respond(200, { multi: true, progress: { "prog.children": "50%" } });
  await flush();
  await timer.wake();
  last(server).respond(204);
  await flush();
  assert.equal(propsOf(engine, "out").children, "nothing yet");
  assert.equal(propsOf(engine, "prog").children, "idle");
  assert.equal(propsOf(engine, "btn").disabled, false);
  assert.equal(engine.store.isLoading, false);
  await timer.wake();
  assert.equal(server.sent.length, 3);
  assert.deepEqual(errors, []);
});

test("a failed poll reports the error and ends the job", async () => {
  const { server, timer, engine, errors } = await setup([jobSpec()]);
  click(engine, "btn");
  await flush();
  server.sent[0].respond(200, started());
  await flush();
  await timer.wake();
  last(server).respond(500, { message: "An error occurred inside a background callback: boom" });
  await flush();
  assert.equal(errors.length, 1);
  assert.match(errors[0], /Callback error updating out\.children: HTTP 500/);
  assert.equal(propsOf(engine, "btn").disabled, false);
});

/** The generated cancel callback the server adds (output `<cancel id>.id`, hidden). */
const cancelSpec = spec([["stop", "id"]], [["stop", "n_clicks"]], { prevent_initial_call: true, hidden: null });

test("a click on a cancel input sends cancelJob, applies the default and stops polling", async () => {
  const { server, timer, engine, errors } = await setup([jobSpec(), cancelSpec]);
  click(engine, "btn");
  await flush();
  server.sent[0].respond(
    200,
    started("77~c", {
      cancel: [{ id: "stop", property: "n_clicks" }],
      progressDefault: { "prog.children": "idle" },
    }),
  );
  await flush();
  await timer.wake();
  last(server).respond(200, { multi: true, progress: { "prog.children": "10%" } });
  await flush();
  assert.equal(propsOf(engine, "prog").children, "10%");

  click(engine, "stop");
  await flush();
  const cancel = last(server);
  assert.equal(cancel.body.output, "stop.id");
  assert.deepEqual(query(cancel).getAll("cancelJob"), ["77~c"]);
  assert.equal(query(cancel).get("endId"), END_ID);
  assert.equal(propsOf(engine, "prog").children, "idle");
  cancel.respond(204);
  const sent = server.sent.length;
  await timer.wake();
  await timer.wake();
  assert.equal(server.sent.length, sent, "no poll after the cancel");
  assert.equal(propsOf(engine, "out").children, "nothing yet");
  assert.equal(propsOf(engine, "btn").disabled, false);
  assert.equal(engine.store.isLoading, false);

  click(engine, "stop");
  await flush();
  assert.deepEqual(query(last(server)).getAll("cancelJob"), [], "a finished job is not cancelled twice");
  assert.deepEqual(errors, []);
});

test("a result arriving after the cancel is dropped", async () => {
  const { server, timer, engine } = await setup([jobSpec(), cancelSpec]);
  click(engine, "btn");
  await flush();
  server.sent[0].respond(200, started("5~d", { cancel: [{ id: "stop", property: "n_clicks" }] }));
  await flush();
  await timer.wake();
  const openPoll = last(server);
  click(engine, "stop");
  await flush();
  openPoll.respond(200, { multi: true, response: { out: { children: "too late" } } });
  await flush();
  assert.equal(propsOf(engine, "out").children, "nothing yet");
});

test("an input outside the cancel list cancels nothing", async () => {
  const other = spec([["side", "children"]], [["note", "value"]], { prevent_initial_call: true });
  const { server, timer, engine } = await setup([jobSpec(), other]);
  click(engine, "btn");
  await flush();
  server.sent[0].respond(200, started("5~d", { cancel: [{ id: "stop", property: "n_clicks" }] }));
  await flush();
  engine.setProps(engine.store.pathOf("note")!, { value: "changed" });
  await flush();
  assert.deepEqual(query(last(server)).getAll("cancelJob"), []);
  last(server).respond(204);
  await timer.wake();
  assert.equal(query(last(server)).get("job"), "5~d", "the job is still polled");
});

test("re-triggering a running job sends oldJob once and drops the old result", async () => {
  const { server, timer, engine, errors } = await setup([jobSpec()]);
  click(engine, "btn");
  await flush();
  server.sent[0].respond(200, started("100~old"));
  await flush();
  await timer.wake();
  const oldPoll = last(server);
  assert.equal(query(oldPoll).get("job"), "100~old");

  click(engine, "btn");
  await flush();
  const restart = last(server);
  assert.equal(restart.body.inputs && (restart.body.inputs as { value: unknown }[])[0].value, 2);
  assert.deepEqual(query(restart).getAll("oldJob"), ["100~old"]);
  assert.equal(query(restart).get("cacheKey"), null);
  oldPoll.respond(200, { multi: true, response: { out: { children: "old result" } } });
  restart.respond(200, started("200~new"));
  await flush();
  assert.equal(propsOf(engine, "out").children, "nothing yet");
  assert.equal(propsOf(engine, "btn").disabled, true, "running stays on for the new job");

  await timer.wake();
  const polls = server.sent.filter((request) => query(request).has("job"));
  assert.deepEqual(polls.map((request) => query(request).get("job")), ["100~old", "200~new"]);
  assert.deepEqual(query(last(server)).getAll("oldJob"), [], "oldJob is sent once");
  last(server).respond(200, { multi: true, response: { out: { children: "new result" } } });
  await flush();
  assert.equal(propsOf(engine, "out").children, "new result");
  assert.equal(propsOf(engine, "btn").disabled, false);
  assert.deepEqual(errors, []);
});

test("re-triggering while the old job sleeps between polls stops its loop", async () => {
  const { server, timer, engine } = await setup([jobSpec()]);
  click(engine, "btn");
  await flush();
  server.sent[0].respond(200, started("100~old"));
  await flush();
  click(engine, "btn");
  await flush();
  assert.deepEqual(query(last(server)).getAll("oldJob"), ["100~old"]);
  last(server).respond(200, started("200~new"));
  await flush();
  await timer.wake();
  const jobs = server.sent.filter((request) => query(request).has("job")).map((request) => query(request).get("job"));
  assert.deepEqual(jobs, ["200~new"]);
});

test("endId is on every update request, background or not", async () => {
  const plain = spec([["side", "children"]], [["note", "value"]], { prevent_initial_call: true });
  const { server, timer, engine } = await setup([jobSpec(), plain]);
  click(engine, "btn");
  engine.setProps(engine.store.pathOf("note")!, { value: "x" });
  await flush();
  server.for("side.children")[0].respond(200, { multi: true, response: { side: { children: "ok" } } });
  server.for("out.children")[0].respond(200, started());
  await flush();
  await timer.wake();
  last(server).respond(200, { multi: true, response: { out: { children: "done" } } });
  await flush();
  assert.equal(server.sent.length, 3);
  for (const request of server.sent) {
    assert.ok(request.url.includes(`endId=${END_ID}`), request.url);
  }
});

test("without end_id in the config no endId is sent", async () => {
  const { server, engine } = await setup([jobSpec()], {});
  click(engine, "btn");
  await flush();
  assert.equal(server.sent[0].url, "/_dash-update-component");
});

test("jobs waiting between polls leave their in-flight slot to other callbacks", async () => {
  const outputs = Array.from({ length: 12 }, (_, i) => `job${i}`);
  const specs = outputs.map((id) =>
    spec([[id, "children"]], [["btn", "n_clicks"]], { prevent_initial_call: true, background: { interval: 100 } }),
  );
  specs.push(spec([["side", "children"]], [["btn", "n_clicks"]], { prevent_initial_call: true }));
  const { server, engine } = await setup(specs);
  engine.store.setLayout(
    div({ children: [div({ id: "btn", n_clicks: 0 }), div({ id: "side" }), ...outputs.map((id) => div({ id }))] }),
  );
  click(engine, "btn");
  await flush();
  assert.equal(server.sent.length, 12);
  assert.equal(server.for("side.children").length, 0);
  server.sent.forEach((request, i) => request.respond(200, started(`${i}~j`)));
  await flush();
  assert.equal(server.for("side.children").length, 1);
  assert.equal(engine.scheduler.inFlight, 1);
});
