import { test } from "node:test";
import assert from "node:assert/strict";
import { boxText, joinStatements, readBox, splitQuery } from "../src/filter/columns";
import { parseQuery } from "../src/filter/parser";
import { evaluate } from "../src/filter/evaluate";
import type { Column } from "../src/types";

const text: Column = { id: "city", type: "text" };
const any: Column = { id: "name" };
const numeric: Column = { id: "pop", type: "numeric" };
const date: Column = { id: "when", type: "datetime" };

function query(column: Column, box: string, options = {}): string {
  const read = readBox(box, column, options);
  assert.ok(read.valid, `box should be valid: ${box}`);
  return read.node ? joinStatements([read.node], "and") : "";
}

test("a bare value implies contains / = / datestartswith by column type", () => {
  assert.equal(query(text, "Mon"), "{city} scontains Mon");
  assert.equal(query(any, "Mon"), "{name} scontains Mon");
  assert.equal(query(numeric, "5"), "{pop} s= 5");
  assert.equal(query(date, "2024-01"), "{when} datestartswith 2024-01");
});

test("operators typed in the box get the column's case prefix", () => {
  assert.equal(query(numeric, "> 5"), "{pop} s> 5");
  assert.equal(query(numeric, ">=5"), "{pop} s>= 5");
  assert.equal(query(numeric, "ne 5"), "{pop} sne 5");
  assert.equal(query(text, "icontains mon"), "{city} icontains mon");
  assert.equal(query(text, "Mon", { case: "insensitive" }), "{city} icontains Mon");
  assert.equal(query({ ...text, filter_options: { case: "insensitive" } }, "= Mon"), "{city} i= Mon");
  assert.equal(query(text, "is blank"), "{city} is blank");
});

test("free text with spaces is one value and gets quoted", () => {
  assert.equal(query(text, "New York"), '{city} scontains "New York"');
  assert.equal(query(text, '"New York"'), '{city} scontains "New York"');
  assert.equal(query(text, ""), "");
});

test("box statements filter rows like the query they make", () => {
  const read = readBox("on", text, {});
  const rows = [{ city: "Montreal" }, { city: "Paris" }, { city: "London" }];
  assert.deepEqual(rows.filter((row) => evaluate(read.node, row)).map((r) => r.city), ["Montreal", "London"]);
  const parsed = parseQuery(query(text, "on"));
  assert.ok(parsed.ok);
  assert.deepEqual(rows.filter((row) => evaluate(parsed.tree, row)).map((r) => r.city), ["Montreal", "London"]);
});

test("unreadable box text is invalid", () => {
  assert.equal(readBox("> ", numeric, {}).valid, false);
  assert.equal(readBox("{pop} > 5", numeric, {}).valid, false);
  assert.equal(readBox("is", numeric, {}).valid, true); // just a word: contains/= "is"
  assert.equal(query(text, "contains New York"), '{city} scontains "New York"');
});

test("a query of per-column statements splits back into boxes", () => {
  const split = splitQuery('{city} scontains "New York" && {pop} s> 5 && {name} is blank', "and");
  assert.ok(split);
  assert.deepEqual([...split.keys()], ["city", "pop", "name"]);
  assert.equal(boxText(split.get("city")!, text, {}), "New York");
  assert.equal(boxText(split.get("pop")!, numeric, {}), "> 5");
  assert.equal(boxText(split.get("name")!, any, {}), "is blank");
  const eq = splitQuery("{pop} s= 5", "and");
  assert.equal(boxText(eq!.get("pop")!, numeric, {}), "5");
  const insensitive = splitQuery("{city} icontains mon", "and");
  assert.equal(boxText(insensitive!.get("city")!, text, {}), "icontains mon");
});

test("queries that boxes cannot show do not split", () => {
  assert.equal(splitQuery("{a} = 1 || {b} = 2", "and"), null);
  assert.equal(splitQuery("{a} = 1 && {a} = 2", "and"), null);
  assert.equal(splitQuery("({a} = 1)", "and"), null);
  assert.equal(splitQuery("{a} = {b}", "and"), null);
  assert.ok(splitQuery("{a} = 1 || {b} = 2", "or"));
  assert.deepEqual([...splitQuery("", "and")!.keys()], []);
});
