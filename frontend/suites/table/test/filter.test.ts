import { test } from "node:test";
import assert from "node:assert/strict";
import { lex } from "../src/filter/lexer";
import { parseQuery, toStructure } from "../src/filter/parser";
import { evaluate } from "../src/filter/evaluate";
import { normalizeDate } from "../src/filter/dates";

const rows = [
  { id: 0, name: "Montreal", city: "Montreal", pop: 1.7, temp: 5, date: "2024-01-05", flag: true, note: null },
  { id: 1, name: "toronto", city: "Toronto", pop: 2.9, temp: 12, date: "2024-02-10", flag: false, note: "" },
  { id: 2, name: "New York", city: "New York", pop: 8.4, temp: "7", date: "2023-12-31 23:59", flag: "yes", note: "x" },
  { id: 3, name: "Boston", city: "Boston", pop: 0.7, temp: 3, date: "1999-07-01", flag: null, note: { a: 1 } },
];

function matching(query: string): number[] {
  const parsed = parseQuery(query);
  assert.ok(parsed.ok, `query should parse: ${query}`);
  return rows.filter((row) => evaluate(parsed.tree, row)).map((row) => row.id);
}

test("relational operators in symbol and word forms", () => {
  assert.deepEqual(matching("{temp} > 4"), [0, 1, 2]);
  assert.deepEqual(matching("{temp} gt 4"), [0, 1, 2]);
  assert.deepEqual(matching("{temp} >= 5"), [0, 1, 2]);
  assert.deepEqual(matching("{temp} lt 5"), [3]);
  assert.deepEqual(matching("{temp} <= 5"), [0, 3]);
  assert.deepEqual(matching("{temp}<5"), [3]);
});

test("equality is numeric when both sides are numeric", () => {
  assert.deepEqual(matching("{temp} = 7"), [2]);
  assert.deepEqual(matching("{temp} eq 7.0"), [2]);
  assert.deepEqual(matching("{temp} != 7"), [0, 1, 3]);
  assert.deepEqual(matching('{city} = "Boston"'), [3]);
  assert.deepEqual(matching("{city} ne Boston"), [0, 1, 2]);
});

test("contains, case prefixes and quoted values", () => {
  assert.deepEqual(matching("{city} contains on"), [0, 1, 3]);
  assert.deepEqual(matching("{name} contains T"), []);
  assert.deepEqual(matching("{name} icontains T"), [0, 1, 3]);
  assert.deepEqual(matching("{name} scontains t"), [0, 1, 3]);
  assert.deepEqual(matching("{name} ieq TORONTO"), [1]);
  assert.deepEqual(matching("{city} contains 'New Y'"), [2]);
  assert.deepEqual(matching('{city} contains "New Y"'), [2]);
  assert.deepEqual(matching("{city} contains `New Y`"), [2]);
  // contains needs a string on one side: numbers are not searched as text
  assert.deepEqual(matching("{pop} contains 7"), []);
});

test("datestartswith compares normalised dates", () => {
  assert.deepEqual(matching("{date} datestartswith 2024"), [0, 1]);
  assert.deepEqual(matching("{date} datestartswith 2024-1"), [0]);
  assert.deepEqual(matching('{date} datestartswith "2023-12-31 23"'), [2]);
  assert.deepEqual(matching("{date} datestartswith 99"), [3]);
});

test("unary operators", () => {
  assert.deepEqual(matching("{note} is blank"), [0, 1]);
  assert.deepEqual(matching("{note} is nil"), [0]);
  assert.deepEqual(matching("{flag} is bool"), [0, 1]);
  assert.deepEqual(matching("{temp} is num"), [0, 1, 3]);
  assert.deepEqual(matching("{temp} is str"), [2]);
  assert.deepEqual(matching("{note} is object"), [3]);
  assert.deepEqual(matching("{temp} is even"), [1]);
  assert.deepEqual(matching("{temp} is odd"), [0, 3]);
  assert.deepEqual(matching("{temp} is prime"), [0, 3]);
  assert.deepEqual(matching("{id} is prime"), [2, 3]);
});

test("logical operators, negation and parentheses", () => {
  assert.deepEqual(matching("{temp} > 4 && {pop} < 2"), [0]);
  assert.deepEqual(matching("{temp} > 4 and {pop} < 2"), [0]);
  assert.deepEqual(matching("{temp} < 4 || {pop} > 8"), [2, 3]);
  assert.deepEqual(matching("{temp} < 4 or {pop} > 8"), [2, 3]);
  assert.deepEqual(matching("!({temp} < 4 or {pop} > 8)"), [0, 1]);
  assert.deepEqual(matching("!{temp} < 4 && {pop} > 1"), [0, 1, 2]);
  assert.deepEqual(matching("({temp} < 4 || {pop} > 8) && {city} contains o"), [2, 3]);
  // && binds tighter than ||
  assert.deepEqual(matching("{id} = 0 || {id} = 1 && {pop} > 100"), [0]);
});

test("field names with spaces and escaped braces", () => {
  const row = { "a b": 1, "x{y}": "z" };
  const parsed = parseQuery("{a b} = 1 && {x\\{y\\}} = z");
  assert.ok(parsed.ok);
  assert.equal(evaluate(parsed.tree, row), true);
});

test("an empty query has no tree; broken queries are rejected", () => {
  assert.deepEqual(parseQuery(""), { ok: true, tree: null });
  assert.deepEqual(parseQuery("   "), { ok: true, tree: null });
  for (const bad of ["{a} =", "{a} > 1 &&", "({a} = 1", "{a} = 1)", "{a} = New York", "{a} is blob", "{a", "&& {a} = 1"]) {
    assert.equal(parseQuery(bad).ok, false, bad);
  }
});

test("bare numeric values become numbers, quoted ones stay strings", () => {
  const tokens = lex("{a} = 12 && {b} = '12'");
  assert.ok(tokens.ok);
  assert.equal(tokens.tokens[2].value, 12);
  assert.equal(tokens.tokens[6].value, "12");
});

test("structure matches derived_filter_query_structure", () => {
  const parsed = parseQuery("{a} scontains x && ({b} > 5 || !{c} is blank)");
  assert.ok(parsed.ok);
  assert.deepEqual(toStructure(parsed.tree), {
    type: "logical-operator",
    subType: "&&",
    value: "&&",
    left: {
      type: "relational-operator",
      subType: "contains",
      value: "scontains",
      left: { type: "expression", subType: "field", value: "a" },
      right: { type: "expression", subType: "value", value: "x" },
    },
    right: {
      type: "open-block",
      value: "(",
      block: {
        type: "logical-operator",
        subType: "||",
        value: "||",
        left: {
          type: "relational-operator",
          subType: ">",
          value: ">",
          left: { type: "expression", subType: "field", value: "b" },
          right: { type: "expression", subType: "value", value: 5 },
        },
        right: {
          type: "unary-operator",
          subType: "!",
          value: "!",
          right: {
            type: "unary-operator",
            value: "is blank",
            left: { type: "expression", subType: "field", value: "c" },
          },
        },
      },
    },
  });
});

test("chains of one operator nest to the right", () => {
  const parsed = parseQuery("{a} = 1 && {b} = 2 && {c} = 3");
  assert.ok(parsed.ok);
  const tree = toStructure(parsed.tree) as { left: { left: { value: string } }; right: { type: string } };
  assert.equal(tree.left.left.value, "a");
  assert.equal(tree.right.type, "logical-operator");
});

test("normalizeDate pads parts and expands two-digit years", () => {
  assert.equal(normalizeDate("2024-1-5"), "2024-01-05");
  assert.equal(normalizeDate("2024-01-05T7:03"), "2024-01-05 07:03");
  assert.equal(normalizeDate("2024-01-05 07:03:09.5"), "2024-01-05 07:03:09.5");
  assert.equal(normalizeDate("99"), "1999");
  assert.equal(normalizeDate("24-02"), "2024-02");
  assert.equal(normalizeDate("2024-13"), null);
  assert.equal(normalizeDate("hello"), null);
  assert.equal(normalizeDate(2024), null);
});
