import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { applyPatch, isPatch, PatchError, type PatchObject } from "../src/patch/applyPatch";
import type { PatchKey, PatchOperationName, PatchParams } from "../src/patch/types";

type Op = [PatchOperationName, PatchKey[], PatchParams?];

function patch(...ops: Op[]): PatchObject {
  return {
    __dash_patch_update: "__dash_patch_update",
    operations: ops.map(([operation, location, params]) => ({ operation, location, params: params ?? {} })),
  };
}

function apply(current: unknown, ...ops: Op[]): unknown {
  return applyPatch(current, patch(...ops));
}

/** Freeze a value and everything inside it, so any mutation throws (modules are strict). */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

describe("isPatch", () => {
  test("recognises the wire form by its marker", () => {
    assert.equal(isPatch(patch()), true);
    assert.equal(isPatch({ __dash_patch_update: "__dash_patch_update", operations: [] }), true);
  });
  test("rejects ordinary values", () => {
    for (const value of [null, undefined, 3, "x", [], {}, { __dash_patch_update: true }, [patch()]]) {
      assert.equal(isPatch(value), false, JSON.stringify(value));
    }
  });
});

describe("operations", () => {
  test("Assign replaces a nested key, a list item and the root", () => {
    assert.deepEqual(apply({ a: { b: 1, c: 2 } }, ["Assign", ["a", "b"], { value: 9 }]), { a: { b: 9, c: 2 } });
    assert.deepEqual(apply([1, 2, 3], ["Assign", [1], { value: "x" }]), [1, "x", 3]);
    assert.deepEqual(apply({ a: 1 }, ["Assign", [], { value: [5] }]), [5]);
  });

  test("Merge is shallow: nested objects are replaced, not merged", () => {
    const current = { s: { color: "red", font: { size: 1 } } };
    const result = apply(current, ["Merge", ["s"], { value: { font: { bold: true }, w: 2 } }]);
    assert.deepEqual(result, { s: { color: "red", font: { bold: true }, w: 2 } });
  });

  test("Extend concatenates a list", () => {
    assert.deepEqual(apply({ l: [1] }, ["Extend", ["l"], { value: [2, 3] }]), { l: [1, 2, 3] });
  });

  test("Delete removes an object key or a list item", () => {
    assert.deepEqual(apply({ a: 1, b: 2 }, ["Delete", ["a"]]), { b: 2 });
    assert.deepEqual(apply({ l: [1, 2, 3] }, ["Delete", ["l", 0]]), { l: [2, 3] });
    assert.deepEqual(apply({ l: [1, 2, 3] }, ["Delete", ["l", -1]]), { l: [1, 2] });
  });

  test("Delete of something missing leaves the value as it was", () => {
    assert.deepEqual(apply({ a: 1 }, ["Delete", ["zz"]]), { a: 1 });
    assert.deepEqual(apply({ a: 1 }, ["Delete", ["x", "y"]]), { a: 1 });
    assert.deepEqual(apply({ l: [1] }, ["Delete", ["l", 5]]), { l: [1] });
  });

  test("Insert places an item before an index, negative from the end, clamped", () => {
    assert.deepEqual(apply([1, 2, 3], ["Insert", [], { index: 1, value: "x" }]), [1, "x", 2, 3]);
    assert.deepEqual(apply([1, 2, 3], ["Insert", [], { index: -1, value: "x" }]), [1, 2, "x", 3]);
    assert.deepEqual(apply([1, 2], ["Insert", [], { index: 10, value: "x" }]), [1, 2, "x"]);
    assert.deepEqual(apply([1, 2], ["Insert", [], { index: -10, value: "x" }]), ["x", 1, 2]);
  });

  test("Append and Prepend add one item at either end", () => {
    assert.deepEqual(apply([1], ["Append", [], { value: [2] }], ["Prepend", [], { value: 0 }]), [0, 1, [2]]);
  });

  test("Add sums numbers and concatenates strings", () => {
    assert.deepEqual(apply({ n: 1, s: "ab" }, ["Add", ["n"], { value: 2.5 }], ["Add", ["s"], { value: "c" }]), {
      n: 3.5,
      s: "abc",
    });
  });

  test("Sub, Mul and Div do arithmetic", () => {
    const result = apply(
      { a: 10, b: 3, c: 9 },
      ["Sub", ["a"], { value: 4 }],
      ["Mul", ["b"], { value: 2 }],
      ["Div", ["c"], { value: 2 }],
    );
    assert.deepEqual(result, { a: 6, b: 6, c: 4.5 });
  });

  test("Mul repeats a string or a list by an integer, as in Python", () => {
    assert.deepEqual(apply({ s: "ab", l: [1, 2] }, ["Mul", ["s"], { value: 3 }], ["Mul", ["l"], { value: 2 }]), {
      s: "ababab",
      l: [1, 2, 1, 2],
    });
  });

  test("Clear empties lists, objects and strings, keeping their type", () => {
    assert.deepEqual(apply({ l: [1], o: { a: 1 }, s: "x" }, ["Clear", ["l"]], ["Clear", ["o"]], ["Clear", ["s"]]), {
      l: [],
      o: {},
      s: "",
    });
  });

  test("Reverse reverses a list", () => {
    assert.deepEqual(apply({ l: [1, 2, 3] }, ["Reverse", ["l"]]), { l: [3, 2, 1] });
  });

  test("Remove drops every item deep-equal to the value", () => {
    const rows = [{ id: 1, tags: ["a"] }, { id: 2 }, { id: 1, tags: ["a"] }, { id: 1, tags: ["b"] }];
    const result = apply(rows, ["Remove", [], { value: { id: 1, tags: ["a"] } }]);
    assert.deepEqual(result, [{ id: 2 }, { id: 1, tags: ["b"] }]);
    assert.deepEqual(apply([1, "1", 1], ["Remove", [], { value: 1 }]), ["1"]);
  });

  test("operations apply in order, each seeing the previous result", () => {
    const result = apply(
      { l: [1] },
      ["Append", ["l"], { value: 2 }],
      ["Assign", ["l", -1], { value: 20 }],
      ["Reverse", ["l"]],
      ["Assign", ["l"], { value: ["new"] }],
      ["Append", ["l"], { value: "more" }],
    );
    assert.deepEqual(result, { l: ["new", "more"] });
  });

  test("a patch with no operations returns the value itself", () => {
    const current = { a: 1 };
    assert.equal(apply(current), current);
  });
});

describe("locations", () => {
  test("negative indices count from the end at every level", () => {
    const current = { data: [{ y: [1, 2] }, { y: [3, 4] }] };
    assert.deepEqual(apply(current, ["Add", ["data", -1, "y", -2], { value: 10 }]), {
      data: [{ y: [1, 2] }, { y: [13, 4] }],
    });
  });

  test("an index one past the end adds a new item", () => {
    assert.deepEqual(apply({ l: [1] }, ["Assign", ["l", 1], { value: 2 }]), { l: [1, 2] });
  });

  test("missing parents are created for Assign and Merge", () => {
    assert.deepEqual(apply({}, ["Assign", ["layout", "title", "text"], { value: "T" }]), {
      layout: { title: { text: "T" } },
    });
    assert.deepEqual(apply({ a: null }, ["Merge", ["a", "b"], { value: { c: 1 } }]), { a: { b: { c: 1 } } });
    assert.deepEqual(apply({}, ["Assign", ["rows", 0], { value: "r" }]), { rows: ["r"] });
  });

  test("list operations on a missing value start from an empty list", () => {
    assert.deepEqual(apply({}, ["Append", ["items"], { value: 1 }], ["Extend", ["more"], { value: [2] }]), {
      items: [1],
      more: [2],
    });
  });

  test("Clear, Reverse and Remove on a missing value do nothing", () => {
    assert.deepEqual(apply({ a: 1 }, ["Clear", ["x"]], ["Reverse", ["y"]], ["Remove", ["z"], { value: 1 }]), { a: 1 });
  });

  test("a null property is patched like an empty one", () => {
    assert.deepEqual(apply(null, ["Append", [], { value: 1 }]), [1]);
    assert.deepEqual(apply(null, ["Assign", ["k"], { value: 1 }]), { k: 1 });
  });

  test("the wire form produced by Python's dash.Patch applies to a figure", () => {
    const wire = JSON.parse(
      '{"__dash_patch_update":"__dash_patch_update","operations":[' +
        '{"operation":"Assign","location":["layout","title","text"],"params":{"value":"Sales"}},' +
        '{"operation":"Append","location":["data",0,"y"],"params":{"value":7}},' +
        '{"operation":"Add","location":["data",-1,"y",-1],"params":{"value":1}},' +
        '{"operation":"Extend","location":["layout","shapes"],"params":{"value":[{"type":"line"}]}},' +
        '{"operation":"Merge","location":["layout"],"params":{"value":{"height":300}}},' +
        '{"operation":"Delete","location":["config"],"params":{}}]}',
    ) as PatchObject;
    const figure = { data: [{ y: [1] }, { y: [5, 6] }], layout: { title: { text: "Old" } }, config: {} };
    assert.equal(isPatch(wire), true);
    assert.deepEqual(applyPatch(figure, wire), {
      data: [{ y: [1, 7] }, { y: [5, 7] }],
      layout: { title: { text: "Sales" }, shapes: [{ type: "line" }], height: 300 },
    });
  });
});

describe("immutability and sharing", () => {
  test("the input is never changed, even deep inside", () => {
    const current = deepFreeze({ a: { l: [1, 2], o: { k: 1 } }, n: 1, s: "x" });
    const snapshot = JSON.stringify(current);
    const result = apply(
      current,
      ["Append", ["a", "l"], { value: 3 }],
      ["Prepend", ["a", "l"], { value: 0 }],
      ["Insert", ["a", "l"], { index: 1, value: 0.5 }],
      ["Reverse", ["a", "l"]],
      ["Remove", ["a", "l"], { value: 2 }],
      ["Extend", ["a", "l"], { value: [9] }],
      ["Merge", ["a", "o"], { value: { j: 2 } }],
      ["Delete", ["a", "o", "k"]],
      ["Add", ["n"], { value: 1 }],
      ["Clear", ["s"]],
    );
    assert.equal(JSON.stringify(current), snapshot);
    assert.deepEqual(result, { a: { l: [3, 1, 0.5, 0, 9], o: { j: 2 } }, n: 2, s: "" });
  });

  test("untouched branches are shared with the result", () => {
    const current = { big: { rows: [1, 2, 3] }, small: { n: 1 } };
    const result = apply(current, ["Add", ["small", "n"], { value: 1 }]) as typeof current;
    assert.equal(result.big, current.big);
    assert.notEqual(result.small, current.small);
    assert.notEqual(result, current);
  });

  test("values carried by the patch are not changed by later operations", () => {
    const p = deepFreeze(
      patch(
        ["Assign", ["l"], { value: [1] }],
        ["Append", ["l"], { value: 2 }],
        ["Assign", ["o"], { value: { a: 1 } }],
        ["Merge", ["o"], { value: { b: 2 } }],
      ),
    );
    const result = applyPatch({}, p);
    assert.deepEqual(result, { l: [1, 2], o: { a: 1, b: 2 } });
    assert.deepEqual(p.operations[0].params.value, [1]);
  });

  test("applying the same patch twice gives the same answer", () => {
    const p = patch(["Append", ["l"], { value: 1 }]);
    const current = { l: [0] };
    assert.deepEqual(applyPatch(current, p), applyPatch(current, p));
    assert.deepEqual(current, { l: [0] });
  });

  test("a __proto__ key is stored as data, never as a prototype", () => {
    const result = apply({}, ["Assign", ["__proto__", "polluted"], { value: true }]) as Record<string, unknown>;
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(result), Object.prototype);
    assert.deepEqual(Object.keys(result), ["__proto__"]);
  });

  test("10,000 Appends build the list in order", () => {
    const ops: Op[] = [];
    for (let i = 0; i < 10_000; i++) ops.push(["Append", ["points"], { value: i }]);
    const current = deepFreeze({ points: [-1] });
    const result = apply(current, ...ops) as { points: number[] };
    assert.equal(result.points.length, 10_001);
    assert.equal(result.points[0], -1);
    assert.equal(result.points[10_000], 9_999);
    assert.ok(result.points.every((value, i) => value === i - 1));
    assert.deepEqual(current.points, [-1]);
  });
});

describe("errors", () => {
  const fails = (current: unknown, op: Op, message: RegExp) =>
    assert.throws(
      () => apply(current, op),
      (error: unknown) => error instanceof PatchError && message.test(error.message),
    );

  test("patching a property with no value yet names the property", () => {
    assert.throws(
      () => applyPatch(undefined, patch(["Append", [], { value: 1 }]), "graph.figure"),
      /Cannot apply a Patch to graph\.figure because it has no value yet/,
    );
  });

  test("list operations on a non-list say what was found and where", () => {
    fails({ a: { b: 1 } }, ["Append", ["a"], { value: 1 }], /Append at \["a"\].*needs a list there, found an object/);
    fails({ s: "x" }, ["Reverse", ["s"]], /needs a list there, found a string/);
  });

  test("arithmetic needs values of the right type", () => {
    fails({}, ["Add", ["n"], { value: 1 }], /Add needs two numbers or two strings, found nothing/);
    fails({ n: "1" }, ["Sub", ["n"], { value: 1 }], /Sub needs two numbers/);
    fails({ n: 1 }, ["Div", ["n"], { value: 0 }], /division by zero/);
  });

  test("Merge and Extend check their values", () => {
    fails({ o: {} }, ["Merge", ["o"], { value: [1] }], /Merge needs an object value, got a list/);
    fails({ l: [1] }, ["Merge", ["l"], { value: { a: 1 } }], /Merge needs an object there, found a list/);
    fails({ l: [] }, ["Extend", ["l"], { value: 3 }], /Extend needs a list value/);
  });

  test("out-of-range and non-integer list indices are refused", () => {
    fails({ l: [1, 2] }, ["Assign", ["l", 5], { value: 0 }], /index 5 is out of range for the list at \["l"\]/);
    fails({ l: [1, 2] }, ["Assign", ["l", 5], { value: 0 }], /\(2 items\)/);
    fails({ l: [1, 2] }, ["Assign", ["l", -3], { value: 0 }], /index -3 is out of range/);
    fails({ l: [1] }, ["Assign", ["l", "x"], { value: 0 }], /holds a list, which has no key "x"/);
  });

  test("walking through a scalar is refused", () => {
    fails({ a: 5 }, ["Assign", ["a", "b"], { value: 1 }], /\["a"\] holds a number \(5\), which has no key "b"/);
  });

  test("deleting the whole property is refused", () => {
    fails({ a: 1 }, ["Delete", []], /cannot delete the whole property/);
  });

  test("malformed operations are refused with their position", () => {
    const bad = { __dash_patch_update: "__dash_patch_update", operations: [{ operation: "Sort", location: [] }] };
    assert.throws(
      () => applyPatch({}, bad as unknown as PatchObject),
      /operation 0 has an unknown operation name "Sort"/,
    );
    const noLocation = { __dash_patch_update: "__dash_patch_update", operations: [{ operation: "Clear" }] };
    assert.throws(() => applyPatch({}, noLocation as unknown as PatchObject), /needs a location/);
  });
});
