import assert from "node:assert/strict";
import { test } from "node:test";
import {
  canonicalIdText,
  normalizeId,
  parseOutputs,
  splitPropId,
  stringifyId,
  stripHash,
} from "../src/ids";

test("string ids are their own canonical text", () => {
  assert.equal(stringifyId("my-div"), "my-div");
});

test("dict ids sort keys and write JSON values without spaces", () => {
  assert.equal(stringifyId({ type: "item", index: 2 }), '{"index":2,"type":"item"}');
  assert.equal(stringifyId({ b: true, a: "x y" }), '{"a":"x y","b":true}');
});

test("wildcards are written bare in canonical ids", () => {
  assert.equal(stringifyId(normalizeId({ index: ["MATCH"], type: "item" })), '{"index":MATCH,"type":"item"}');
});

test("ids from Python are re-canonicalised (1.0 and \\u escapes)", () => {
  assert.equal(canonicalIdText('{"index": 1.0, "type": "caf\\u00e9"}'), '{"index":1,"type":"café"}');
  assert.equal(canonicalIdText("plain"), "plain");
});

test("prop ids split at the last dot and parse dict ids", () => {
  assert.deepEqual(splitPropId("out.children"), { id: "out", property: "children" });
  assert.deepEqual(splitPropId('{"a":"x.y"}.value'), { id: { a: "x.y" }, property: "value" });
});

test("@hash suffixes are stripped from properties", () => {
  assert.equal(stripHash("children@c239d745"), "children");
  assert.equal(stripHash("children"), "children");
});

test("a single output string parses to one output", () => {
  const [out] = parseOutputs("out.children");
  assert.deepEqual(out.id, "out");
  assert.equal(out.property, "children");
});

test("multi-output strings split on ... and keep the raw @hash property", () => {
  const outs = parseOutputs("..out2.children...out2.title@c239d745..");
  assert.deepEqual(
    outs.map((o) => [o.id, o.property, o.rawProperty]),
    [
      ["out2", "children", "children"],
      ["out2", "title", "title@c239d745"],
    ],
  );
});

test("escaped dots inside dict ids are unescaped", () => {
  const outs = parseOutputs('..{"a":"x\\.y"}.children...b.value..');
  assert.deepEqual(outs[0].id, { a: "x.y" });
  assert.equal(outs[0].property, "children");
  assert.deepEqual([outs[1].id, outs[1].property], ["b", "value"]);
  assert.deepEqual(parseOutputs('{"a":"x\\.y"}.title')[0].id, { a: "x.y" });
});

test("no-output callbacks have no outputs", () => {
  assert.deepEqual(parseOutputs("3f2a9c", true), []);
});
