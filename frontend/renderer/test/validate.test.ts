import assert from "node:assert/strict";
import { test } from "node:test";
import { CallbackGraph } from "../src/graph/graph";
import { findCycle, validateAgainstLayout, validateSpecs } from "../src/graph/validate";
import { answer, div, FakeServer, propsOf, settle, spec, startEngine } from "./helpers";

const MATCH = ["MATCH"];
const ALL = ["ALL"];
const ALLSMALLER = ["ALLSMALLER"];
const titles = (graph: CallbackGraph) => validateSpecs(graph).map((problem) => problem.title);

test("a cycle is reported as a chain of props; a callback's own Input == Output is legal", () => {
  const cyclic = new CallbackGraph([
    spec([["b", "children"]], [["a", "children"]]),
    spec([["a", "children"]], [["b", "children"]]),
  ]);
  assert.equal(findCycle(cyclic), "a.children -> b.children -> a.children");
  const selfSync = new CallbackGraph([spec([["a", "value"], ["b", "value"]], [["a", "value"], ["b", "value"]])]);
  assert.equal(findCycle(selfSync), null);
  const chain = new CallbackGraph([spec([["b", "value"]], [["a", "value"]]), spec([["c", "value"]], [["b", "value"]])]);
  assert.equal(findCycle(chain), null);
});

test("cycles through patterns are found", () => {
  const graph = new CallbackGraph([
    spec([[{ t: "x", i: MATCH }, "value"]], [["a", "value"]]),
    spec([["a", "value"]], [[{ t: "x", i: ALL }, "value"]]),
  ]);
  assert.match(findCycle(graph) || "", /a\.value -> .*"t":"x".*value -> a\.value/);
});

test("duplicate and overlapping outputs are reported unless allow_duplicate is set", () => {
  assert.deepEqual(
    titles(new CallbackGraph([spec([["o", "children"]], [["a", "value"]]), spec([["o", "children"]], [["b", "value"]])])),
    ["Duplicate callback outputs"],
  );
  const dup = spec([["o", "children"]], [["b", "value"]], { prevent_initial_call: true });
  dup.output = "o.children@abc123";
  assert.deepEqual(titles(new CallbackGraph([spec([["o", "children"]], [["a", "value"]]), dup])), []);
  assert.deepEqual(
    titles(
      new CallbackGraph([
        spec([[{ t: "x", i: MATCH }, "children"]], [[{ t: "b", i: MATCH }, "n_clicks"]]),
        spec([[{ t: "x", i: 1 }, "children"]], [["a", "value"]]),
      ]),
    ),
    ["Overlapping wildcard callback outputs"],
  );
});

test("wildcard misuse and bad ids are reported", () => {
  const misuse = new CallbackGraph([
    spec([[{ t: "x", i: ALLSMALLER }, "children"]], [["a", "value"]]),
    spec([[{ t: "y", i: MATCH }, "children"]], [[{ t: "b", j: MATCH }, "value"]]),
    spec([["z", "children"]], [[{ t: "c", i: ALLSMALLER }, "value"]]),
    spec([["dotted.id", "children"]], [["", "value"]]),
    spec([["never", "children"]], [], { prevent_initial_call: true }),
  ]);
  assert.deepEqual(titles(misuse), [
    "Invalid wildcard use",
    "Invalid wildcard use",
    "Invalid wildcard use",
    "Invalid callback dependency",
    "Invalid callback dependency",
    "Callback can never run",
  ]);
  // MATCH in an Input with an Output without wildcards is allowed.
  assert.deepEqual(titles(new CallbackGraph([spec([["log", "children"]], [[{ t: "b", i: MATCH }, "n_clicks"]])])), []);
});

test("ids missing from the layout and undeclared props are reported", () => {
  const graph = new CallbackGraph([
    spec([["out", "children"]], [["ghost", "value"]]),
    spec([["out", "title"]], [["typed", "nope"]]),
    spec([["out", "lang"]], [["typed", "data-x"]]),
  ]);
  const nodes: Record<string, { namespace: string; type: string; props: Record<string, unknown> }> = {
    out: { namespace: "n", type: "Div", props: {} },
    typed: { namespace: "n", type: "Typed", props: {} },
  };
  const problems = validateAgainstLayout(graph, {
    nodeOf: (id) => nodes[id],
    propTypesOf: (node) => (node.type === "Typed" ? { value: true } : undefined),
  });
  assert.deepEqual(
    problems.map((p) => p.title),
    ["ID not found in layout", "Invalid prop for this component"],
  );
  assert.match(problems[0].message, /`ghost` is not in the layout/);
});

test("with validate_callbacks, spec errors stop every callback; a cycle is reported but callbacks run", async () => {
  const broken = new FakeServer();
  broken.layout = div({ children: [div({ id: "a" }), div({ id: "o" })] });
  broken.deps = [spec([["o", "children"]], [["a", "value"]]), spec([["o", "children"]], [["a", "title"]])];
  broken.auto = () => answer({ o: { children: "ran" } });
  const errors: string[] = [];
  const engine = await startEngine(broken, { validate_callbacks: true }, errors);
  await settle(engine);
  assert.equal(broken.sent.length, 0);
  assert.equal(errors.length, 1);

  const cyclic = new FakeServer();
  cyclic.layout = div({ children: [div({ id: "a", children: "x" }), div({ id: "b" })] });
  cyclic.deps = [spec([["b", "children"]], [["a", "children"]]), spec([["a", "children"]], [["b", "children"]], { prevent_initial_call: true })];
  cyclic.auto = (body) => (body.output === "b.children" ? answer({ b: { children: "from a" } }) : answer({}));
  const cycleErrors: string[] = [];
  const running = await startEngine(cyclic, { validate_callbacks: true }, cycleErrors);
  await settle(running);
  assert.deepEqual(cycleErrors, ["Circular Dependencies: Error: Dependency Cycle Found: a.children -> b.children -> a.children"]);
  assert.equal(propsOf(running, "b").children, "from a");
});
