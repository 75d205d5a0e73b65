import assert from "node:assert/strict";
import { test } from "node:test";
import { answer, div, FakeServer, propsOf, settle, spec, startEngine, tick } from "./helpers";

const MATCH = ["MATCH"];
const ALL = ["ALL"];
const item = (index: number, type = "item") => ({ type, index });
const text = (index: number, type = "item") => JSON.stringify({ index, type });

test("ALL dependencies are sent as lists and the answer is keyed by concrete ids", async () => {
  const server = new FakeServer();
  server.layout = div({
    children: [div({ id: "go" }), div({ id: item(1), value: "a" }), div({ id: item(2) }), div({ id: item(1, "out") }), div({ id: item(2, "out") })],
  });
  server.deps = [
    spec([[{ type: "out", index: ALL }, "children"]], [["go", "n_clicks"]], {
      state: [[{ type: "item", index: ALL }, "value"]],
      prevent_initial_call: true,
    }),
  ];
  server.auto = () => answer({ [text(1, "out")]: { children: "A" }, [text(2, "out")]: { children: "B" } });
  const engine = await startEngine(server);
  engine.setProps(engine.store.pathOf("go")!, { n_clicks: 1 });
  await settle(engine);
  const body = server.sent[0].body;
  assert.deepEqual(body.outputs, [
    { id: item(1, "out"), property: "children" },
    { id: item(2, "out"), property: "children" },
  ]);
  // Unset values have no `value` key.
  assert.deepEqual(body.state, [[{ id: item(1), property: "value", value: "a" }, { id: item(2), property: "value" }]]);
  assert.equal(propsOf(engine, text(1, "out")).children, "A");
  assert.equal(propsOf(engine, text(2, "out")).children, "B");
});

test("a MATCH click sends one request for that item only, with single objects", async () => {
  const server = new FakeServer();
  server.layout = div({ children: [1, 2].flatMap((i) => [div({ id: item(i, "btn") }), div({ id: item(i, "label") })]) });
  server.deps = [
    spec([[{ type: "label", index: MATCH }, "children"]], [[{ type: "btn", index: MATCH }, "n_clicks"]], {
      prevent_initial_call: true,
    }),
  ];
  server.auto = (body) => {
    const out = body.outputs as { id: { index: number } };
    return answer({ [text(out.id.index, "label")]: { children: `clicked ${out.id.index}` } });
  };
  const engine = await startEngine(server);
  engine.setProps(engine.store.pathOf(text(2, "btn"))!, { n_clicks: 1 });
  await settle(engine);
  assert.equal(server.sent.length, 1);
  assert.deepEqual(server.sent[0].body.outputs, { id: item(2, "label"), property: "children" });
  assert.deepEqual(server.sent[0].body.inputs, [{ id: item(2, "btn"), property: "n_clicks", value: 1 }]);
  assert.deepEqual(server.sent[0].body.changedPropIds, [`${text(2, "btn")}.n_clicks`]);
  assert.equal(propsOf(engine, text(2, "label")).children, "clicked 2");
  assert.equal(propsOf(engine, text(1, "label")).children, undefined);
});

test("clicks on two items in one tick give two requests (one per instance)", async () => {
  const server = new FakeServer();
  server.layout = div({ children: [1, 2].flatMap((i) => [div({ id: item(i, "btn") }), div({ id: item(i, "label") })]) });
  server.deps = [
    spec([[{ type: "label", index: MATCH }, "children"]], [[{ type: "btn", index: MATCH }, "n_clicks"]], {
      prevent_initial_call: true,
    }),
  ];
  server.auto = () => answer({});
  const engine = await startEngine(server);
  engine.setProps(engine.store.pathOf(text(1, "btn"))!, { n_clicks: 1 });
  engine.setProps(engine.store.pathOf(text(2, "btn"))!, { n_clicks: 1 });
  await settle(engine);
  assert.deepEqual(
    server.sent.map((r) => (r.body.outputs as { id: { index: number } }).id.index).sort(),
    [1, 2],
  );
});

test("new items fire their own initial calls and the ALL callbacks outside; removals re-fire ALL", async () => {
  const server = new FakeServer();
  server.layout = div({ children: [div({ id: "list", children: [] }), div({ id: "count" })] });
  // Each row sits in its own container, so a row can leave without the others being re-rendered.
  server.deps = [
    spec([[{ type: "label", index: MATCH }, "children"]], [[{ type: "item", index: MATCH }, "value"]]),
    spec([["count", "children"]], [[{ type: "item", index: ALL }, "value"]], { prevent_initial_call: true }),
  ];
  server.auto = (body) => {
    if (body.output === "count.children") {
      return answer({ count: { children: (body.inputs as unknown[][])[0].length } });
    }
    const out = body.outputs as { id: { index: number } };
    return answer({ [text(out.id.index, "label")]: { children: `label ${out.id.index}` } });
  };
  const engine = await startEngine(server);
  await settle(engine);
  assert.equal(server.sent.length, 0);
  const listPath = engine.store.pathOf("list")!;
  const rows = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      div({ id: `row-${i + 1}`, children: [div({ id: item(i + 1), value: i }), div({ id: item(i + 1, "label") })] }),
    );
  engine.setPropsFrom(listPath, { children: rows(2) }, "callback");
  await settle(engine);
  const outputs = server.sent.map((r) => r.body.output);
  assert.deepEqual(outputs.filter((o) => o === "count.children").length, 1);
  assert.equal(outputs.filter((o) => o !== "count.children").length, 2);
  const count = server.sent.find((r) => r.body.output === "count.children")!;
  assert.deepEqual(count.body.changedPropIds, [`${text(1)}.value`, `${text(2)}.value`]);
  assert.equal(propsOf(engine, "count").children, 2);
  assert.equal(propsOf(engine, text(2, "label")).children, "label 2");

  server.sent.length = 0;
  engine.setPropsFrom("row-2", { children: [] }, "callback");
  await settle(engine);
  assert.deepEqual(server.sent.map((r) => [r.body.output, r.body.changedPropIds]), [["count.children", []]]);
  assert.equal(propsOf(engine, "count").children, 1);
});

test("a single-valued pattern naming several components is an error; naming none skips", async () => {
  const server = new FakeServer();
  const cell = (index: number, column: number) => ({ type: "cell", index, column });
  server.layout = div({
    children: [div({ id: item(1) }), div({ id: cell(1, 1) }), div({ id: cell(1, 2) }), div({ id: "out" })],
  });
  server.deps = [
    // The Input pins `index` only: the State's `column` MATCH names two cells.
    spec([["out", "children"]], [[{ type: "item", index: MATCH }, "value"]], {
      state: [[{ type: "cell", index: MATCH, column: MATCH }, "value"]],
      prevent_initial_call: true,
    }),
    spec([["out", "title"]], [[{ type: "ghost", index: MATCH }, "value"]]),
  ];
  const errors: string[] = [];
  const engine = await startEngine(server, {}, errors);
  engine.setProps(engine.store.pathOf(text(1))!, { value: "x" });
  await settle(engine);
  assert.equal(server.sent.length, 0);
  assert.equal(errors.length, 1);
  assert.match(errors[0], /Multiple objects were found for a `State`/);
});

test("running values with wildcard ids apply to the triggering item only", async () => {
  const server = new FakeServer();
  server.layout = div({ children: [1, 2].map((i) => div({ id: item(i, "btn") })) });
  const key = `{"index":["MATCH"],"type":"btn"}.disabled`;
  server.deps = [
    spec([[{ type: "btn", index: MATCH }, "title"]], [[{ type: "btn", index: MATCH }, "n_clicks"]], {
      prevent_initial_call: true,
      running: { running: { [key]: true }, runningOff: { [key]: false } },
    }),
  ];
  const engine = await startEngine(server);
  engine.setProps(engine.store.pathOf(text(2, "btn"))!, { n_clicks: 1 });
  await tick();
  assert.equal(propsOf(engine, text(2, "btn")).disabled, true);
  assert.equal(propsOf(engine, text(1, "btn")).disabled, undefined);
  server.sent[0].respond(200, { multi: true, response: {} });
  await settle(engine);
  assert.equal(propsOf(engine, text(2, "btn")).disabled, false);
});
