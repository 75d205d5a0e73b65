import { test } from "node:test";
import assert from "node:assert/strict";
import { parseQuery } from "../src/filter/parser";
import type { FilterNode } from "../src/filter/parser";
import { deriveViewport, deriveVirtual } from "../src/logic/derived";
import { deriveProps } from "./deriveAll";
import { rowIndices, sortKeys } from "../src/logic/pipeline";
import { allIndices, filterIndices, isAllIndices, pageIndices, rowsAt, sortIndices } from "../src/logic/rows";
import type { SortKey } from "../src/logic/rows";
import { nullyTest } from "../src/logic/sort";
import type { Column, Row } from "../src/types";

const data: Row[] = [
  { id: "a", city: "Oslo", pop: 3, grp: 1 },
  { id: "b", city: "Bern", pop: null, grp: 2 },
  { id: "c", city: "Rome", pop: 1, grp: 1 },
  { id: "d", city: "Lima", grp: 2 },
  { id: "e", city: "Kyiv", pop: 2, grp: 1 },
  { id: "f", city: "Baku", pop: 1, grp: 2 },
];

function key(columnId: string, direction: "asc" | "desc", extra?: unknown[]): SortKey {
  return { columnId, direction, isNully: nullyTest({ id: columnId }, extra) };
}

function ids(indices: number[]): unknown[] {
  return indices.map((i) => data[i].id);
}

function tree(query: string): FilterNode {
  const parsed = parseQuery(query);
  assert.ok(parsed.ok && parsed.tree, `query should parse: ${query}`);
  return parsed.tree;
}

test("every row in data order, and recognising that order", () => {
  assert.deepEqual(allIndices(4), [0, 1, 2, 3]);
  assert.deepEqual(allIndices(0), []);
  assert.ok(isAllIndices([0, 1, 2], 3));
  assert.ok(!isAllIndices([0, 2, 1], 3));
  assert.ok(!isAllIndices([0, 1], 3));
});

test("rowsAt gives data itself for every row in order, a picked list otherwise", () => {
  assert.equal(rowsAt(data, allIndices(data.length)), data);
  assert.deepEqual(rowsAt(data, [2, 0]), [data[2], data[0]]);
});

test("filtering keeps the accepted rows in data order", () => {
  assert.deepEqual(ids(filterIndices(data, (row) => row.grp === 2)), ["b", "d", "f"]);
  assert.deepEqual(filterIndices(data, () => false), []);
});

test("ascending and descending sorts keep empty values last", () => {
  assert.deepEqual(ids(sortIndices(data, allIndices(data.length), [key("pop", "asc")])), ["c", "f", "e", "a", "b", "d"]);
  assert.deepEqual(ids(sortIndices(data, allIndices(data.length), [key("pop", "desc")])), ["a", "e", "c", "f", "b", "d"]);
});

test("sort_as_null values sort as empty", () => {
  assert.deepEqual(ids(sortIndices(data, allIndices(data.length), [key("pop", "asc", [1])])), ["e", "a", "b", "c", "d", "f"]);
});

test("later sort keys break ties; equal rows keep their order", () => {
  const sorted = sortIndices(data, allIndices(data.length), [key("grp", "desc"), key("city", "asc")]);
  assert.deepEqual(ids(sorted), ["f", "b", "d", "e", "a", "c"]);
  assert.deepEqual(ids(sortIndices(data, [4, 2, 0], [key("grp", "asc")])), ["e", "c", "a"]);
});

test("sorting returns a new list and leaves its input alone", () => {
  const input = [0, 1, 2];
  const sorted = sortIndices(data, input, [key("city", "asc")]);
  assert.deepEqual(input, [0, 1, 2]);
  assert.deepEqual(ids(sorted), ["b", "a", "c"]);
});

test("pages are slices of the list; past the end a page is empty", () => {
  assert.deepEqual(pageIndices([5, 4, 3, 2, 1], 0, 2), [5, 4]);
  assert.deepEqual(pageIndices([5, 4, 3, 2, 1], 2, 2), [1]);
  assert.deepEqual(pageIndices([5, 4, 3, 2, 1], 3, 2), []);
});

test("sort keys follow sort_by and skip unknown columns", () => {
  const columns: Column[] = [{ id: "pop", sort_as_null: [3] }, { id: "city" }];
  const keys = sortKeys([{ column_id: "nope", direction: "asc" }, { column_id: "pop", direction: "desc" }], columns, undefined);
  assert.deepEqual(keys.map((k) => [k.columnId, k.direction]), [["pop", "desc"]]);
  assert.ok(keys[0].isNully(3));
  assert.ok(!keys[0].isNully(2));
});

test("the pipeline filters, then sorts, as index lists into data", () => {
  const columns: Column[] = [{ id: "pop" }, { id: "city" }];
  const keys = sortKeys([{ column_id: "city", direction: "desc" }], columns, undefined);
  assert.deepEqual(ids(rowIndices(data, tree("{grp} = 1"), keys)), ["c", "a", "e"]);
  assert.deepEqual(ids(rowIndices(data, tree("{grp} = 1"), [])), ["a", "c", "e"]);
  assert.deepEqual(rowIndices(data, null, []), [0, 1, 2, 3, 4, 5]);
});

test("derived data is the table's data itself when nothing is filtered or sorted", () => {
  const every = allIndices(data.length);
  const derived = deriveProps(data, every, every, [], [], []);
  assert.equal(derived.derived_virtual_data, data);
  assert.equal(derived.derived_viewport_data, data);
  assert.deepEqual(derived.derived_viewport_row_ids, ["a", "b", "c", "d", "e", "f"]);
  assert.deepEqual(derived.derived_virtual_selected_rows, []);
});

test("a sort of many rows gives a non-decreasing column", () => {
  const many: Row[] = allIndices(5000).map((i) => ({ v: (i * 7919) % 1000 }));
  const sorted = sortIndices(many, allIndices(many.length), [key("v", "asc")]);
  for (let i = 1; i < sorted.length; i++) assert.ok((many[sorted[i - 1]].v as number) <= (many[sorted[i]].v as number));
  // Stable: equal values keep data order.
  for (let i = 1; i < sorted.length; i++) {
    if (many[sorted[i - 1]].v === many[sorted[i]].v) assert.ok(sorted[i - 1] < sorted[i]);
  }
});

test("viewport props of a window are computed on their own; the virtual ones are reused when the lists match", () => {
  const virtual = deriveVirtual(data, [5, 4, 3], [4]);
  assert.deepEqual(virtual.derived_virtual_row_ids, ["f", "e", "d"]);
  assert.deepEqual(virtual.derived_virtual_selected_rows, [1]);
  const window = deriveViewport(data, [4], [4], ["pop", "gone"], ["pop", "city"], virtual);
  assert.deepEqual(window.derived_viewport_data, [data[4]]);
  assert.deepEqual(window.derived_viewport_selected_rows, [0]);
  assert.deepEqual(window.derived_viewport_selected_row_ids, ["e"]);
  assert.deepEqual(window.derived_viewport_selected_columns, ["pop"]);
  const whole = deriveViewport(data, virtual.derived_virtual_indices, [4], [], [], virtual);
  assert.equal(whole.derived_viewport_row_ids, virtual.derived_virtual_row_ids);
  assert.equal(whole.derived_viewport_data, virtual.derived_virtual_data);
});
