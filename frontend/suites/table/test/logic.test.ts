import { test } from "node:test";
import assert from "node:assert/strict";
import { flagOn, headerRowCount, headerRows, labelAt } from "../src/logic/headers";
import { cellFormatter } from "../src/logic/format";
import { nextSortBy, nullyTest } from "../src/logic/sort";
import { allIndices, sortIndices } from "../src/logic/rows";
import { pageCountFor, showsPagination, typedPage } from "../src/logic/pagination";
import { deriveProps } from "./deriveAll";
import { cellRange, moved, rowsAfterDelete, toggledRows } from "../src/logic/selection";
import { coerceValue } from "../src/logic/coerce";
import { applyPaste, parseTsv, toTsv } from "../src/logic/clipboard";
import { cellStyle, matches } from "../src/logic/styles";
import { toCsv } from "../src/logic/exporting";
import { deepEqual } from "../src/logic/equal";
import type { Column } from "../src/types";

test("header rows: list names stack, strings repeat, missing names show the id", () => {
  const columns: Column[] = [
    { id: "year", name: ["", "Year"] },
    { id: "mtl", name: ["City", "Montreal"] },
    { id: "tor", name: ["City", "Toronto"] },
    { id: "x", name: "Other" },
    { id: "y" },
  ];
  assert.equal(headerRowCount(columns), 2);
  assert.deepEqual([0, 1].map((r) => labelAt(columns[4], r, 2)), ["", "y"]);
  assert.deepEqual([0, 1].map((r) => labelAt(columns[3], r, 2)), ["Other", "Other"]);
  const merged = headerRows(columns, true);
  assert.deepEqual(merged[0].map((c) => [c.label, c.start, c.span]), [["", 0, 1], ["City", 1, 2], ["Other", 3, 1], ["", 4, 1]]);
  assert.equal(headerRows(columns, false)[0].length, 5);
});

test("per-header-row flags", () => {
  assert.equal(flagOn(true, 0, 2), true);
  assert.equal(flagOn("last", 0, 2), false);
  assert.equal(flagOn("last", 1, 2), true);
  assert.equal(flagOn("first", 0, 2), true);
  assert.deepEqual([0, 1].map((r) => flagOn([false, true], r, 2)), [false, true]);
});

test("numeric formats use d3-format with locale and nully", () => {
  const money = cellFormatter({ id: "p", type: "numeric", format: { specifier: "$,.2f" } });
  assert.equal(money(1234.5), "$1,234.50");
  assert.equal(money(null), "");
  assert.equal(money("n/a"), "n/a");
  const euro = cellFormatter(
    { id: "p", type: "numeric", format: { specifier: "$,.2f", locale: { symbol: ["", " €"], decimal: ",", group: "." }, nully: "–" } },
  );
  assert.equal(euro(1234.5), "1.234,50 €");
  assert.equal(euro(undefined), "–");
  const table = cellFormatter({ id: "p", type: "numeric", format: { specifier: ",.0f" } }, { group: " " });
  assert.equal(table(1234567), "1 234 567");
  const four = cellFormatter({ id: "p", type: "numeric", format: { specifier: ",.0f", locale: { separate_4digits: false } } });
  assert.deepEqual([four(1234), four(12345)], ["1234", "12,345"]);
  const kilo = cellFormatter({ id: "p", type: "numeric", format: { specifier: ".1f", prefix: 1000 } });
  assert.equal(kilo(1500), "1.5k");
  assert.equal(cellFormatter({ id: "p", type: "numeric", format: { specifier: ".0%" } })(0.25), "25%");
  // no format or not numeric: plain text, booleans as words
  assert.equal(cellFormatter({ id: "b" })(true), "true");
  assert.equal(cellFormatter({ id: "b", format: { specifier: ".2f" } })(1.5), "1.5");
});

test("sort icon cycles asc → desc → none; multi mode keeps other columns", () => {
  assert.deepEqual(nextSortBy([], "a"), [{ column_id: "a", direction: "asc" }]);
  assert.deepEqual(nextSortBy([{ column_id: "a", direction: "asc" }], "a"), [{ column_id: "a", direction: "desc" }]);
  assert.deepEqual(nextSortBy([{ column_id: "a", direction: "desc" }], "a"), []);
  assert.deepEqual(nextSortBy([{ column_id: "a", direction: "asc" }], "b"), [{ column_id: "b", direction: "asc" }]);
  const multi = nextSortBy([{ column_id: "a", direction: "asc" }], "b", "multi");
  assert.deepEqual(multi, [{ column_id: "a", direction: "asc" }, { column_id: "b", direction: "asc" }]);
  assert.deepEqual(nextSortBy(multi, "a", "multi"), [{ column_id: "a", direction: "desc" }, { column_id: "b", direction: "asc" }]);
  assert.deepEqual(nextSortBy([{ column_id: "a", direction: "desc" }, { column_id: "b", direction: "asc" }], "a", "multi"), [{ column_id: "b", direction: "asc" }]);
});

test("empty and sort_as_null values sort last in both directions", () => {
  const isNully = nullyTest({ id: "a", sort_as_null: ["N/A"] }, [""]);
  const values = [3, null, 1, "N/A", 2, undefined];
  const data = values.map((a) => ({ a }));
  const sorted = (direction: "asc" | "desc") =>
    sortIndices(data, allIndices(data.length), [{ columnId: "a", direction, isNully }]).map((i) => values[i]);
  const asc = sorted("asc");
  const desc = sorted("desc");
  assert.deepEqual(asc.slice(0, 3), [1, 2, 3]);
  assert.deepEqual(desc.slice(0, 3), [3, 2, 1]);
  assert.ok(asc.slice(3).every(isNully) && desc.slice(3).every(isNully));
  assert.equal(nullyTest(undefined, [""])(""), true);
  assert.equal(nullyTest({ id: "a", sort_as_null: [0] }, [""])(""), false);
});

test("pagination rules", () => {
  assert.equal(pageCountFor(0, 10), 1);
  assert.equal(pageCountFor(21, 10), 3);
  assert.equal(showsPagination("native", 11, 10, undefined), true);
  assert.equal(showsPagination("native", 10, 10, undefined), false);
  assert.equal(showsPagination("custom", 0, 10, undefined), true);
  assert.equal(showsPagination("custom", 0, 10, 1), false);
  assert.equal(showsPagination("none", 100, 10, undefined), false);
  assert.equal(typedPage("2", 5), 1);
  assert.equal(typedPage("9", 5), 4);
  assert.equal(typedPage("x", 5), null);
  assert.equal(typedPage("0", 5), null);
});

test("derived props follow filtering, sorting and the page", () => {
  const data = [{ id: "a", v: 1 }, { id: "b", v: 2 }, { id: "c", v: 3 }, { id: "d", v: 4 }];
  const derived = deriveProps(data, [3, 1, 0], [1, 0], [0, 2, 3], ["v", "hidden"], ["v"]);
  assert.deepEqual(derived.derived_virtual_indices, [3, 1, 0]);
  assert.deepEqual(derived.derived_virtual_row_ids, ["d", "b", "a"]);
  assert.deepEqual(derived.derived_virtual_selected_rows, [2, 0]);
  assert.deepEqual(derived.derived_virtual_selected_row_ids, ["a", "d"]);
  assert.deepEqual(derived.derived_viewport_data, [data[1], data[0]]);
  assert.deepEqual(derived.derived_viewport_selected_rows, [1]);
  assert.deepEqual(derived.derived_viewport_selected_row_ids, ["a"]);
  assert.deepEqual(derived.derived_viewport_selected_columns, ["v"]);
  assert.deepEqual(deriveProps([{ v: 1 }], [0], [0], [], [], []).derived_viewport_row_ids, [null]);
});

test("cell ranges, moves and row selection", () => {
  const rows = [{ id: 10 }, { id: 11 }, { id: 12 }];
  const columns: Column[] = [{ id: "a" }, { id: "b" }];
  const range = cellRange({ row: 2, column: 1, column_id: "b" }, { row: 1, column: 0, column_id: "a" }, rows, columns);
  assert.deepEqual(range, [
    { row: 1, column: 0, column_id: "a", row_id: 11 },
    { row: 1, column: 1, column_id: "b", row_id: 11 },
    { row: 2, column: 0, column_id: "a", row_id: 12 },
    { row: 2, column: 1, column_id: "b", row_id: 12 },
  ]);
  assert.deepEqual(moved({ row: 0, column: 0, column_id: "a" }, "up", 3, 2), { row: 0, column: 0 });
  assert.deepEqual(moved({ row: 0, column: 0, column_id: "a" }, "right", 3, 2), { row: 0, column: 1 });
  assert.deepEqual(moved({ row: 2, column: 1, column_id: "b" }, "down", 3, 2), { row: 2, column: 1 });
  assert.deepEqual(toggledRows([1], 2, "multi"), [1, 2]);
  assert.deepEqual(toggledRows([1, 2], 2, "multi"), [1]);
  assert.deepEqual(toggledRows([1], 2, "single"), [2]);
  assert.deepEqual(rowsAfterDelete([0, 2, 3], 2), [0, 2]);
});

test("typed values are coerced by column type and on_change", () => {
  assert.deepEqual(coerceValue("12.5", { id: "n", type: "numeric" }), { accepted: true, value: 12.5 });
  assert.deepEqual(coerceValue("abc", { id: "n", type: "numeric" }), { accepted: false });
  assert.deepEqual(coerceValue("abc", { id: "n", type: "numeric", on_change: { failure: "accept" } }), { accepted: true, value: "abc" });
  assert.deepEqual(
    coerceValue("abc", { id: "n", type: "numeric", on_change: { failure: "default" }, validation: { default: 0 } }),
    { accepted: true, value: 0 },
  );
  assert.deepEqual(coerceValue("", { id: "n", type: "numeric", validation: { allow_null: true } }), { accepted: true, value: null });
  assert.deepEqual(coerceValue("12", { id: "n", type: "numeric", on_change: { action: "validate" } }), { accepted: true, value: "12" });
  assert.deepEqual(coerceValue("abc", { id: "n", type: "numeric", on_change: { action: "none" } }), { accepted: true, value: "abc" });
  assert.deepEqual(coerceValue("2024-1-5", { id: "d", type: "datetime" }), { accepted: true, value: "2024-01-05" });
  assert.deepEqual(coerceValue("12", { id: "x" }), { accepted: true, value: "12" });
});

test("TSV round trip with quoted fields", () => {
  const grid = [["a", "b\tc"], ['say "hi"', "line\nbreak"], [1, null]];
  const text = toTsv(grid);
  assert.deepEqual(parseTsv(text), [["a", "b\tc"], ['say "hi"', "line\nbreak"], ["1", ""]]);
  assert.deepEqual(parseTsv("1\t2\r\n3\t4\r\n"), [["1", "2"], ["3", "4"]]);
});

test("paste fills editable cells from the active cell, adding rows and columns", () => {
  const columns: Column[] = [{ id: "a", type: "numeric" }, { id: "b" }, { id: "c", editable: false }];
  const data = [{ a: 1, b: "x", c: "k" }, { a: 2, b: "y", c: "k" }];
  const result = applyPaste([["10", "u"], ["zz", "v"], ["30", "w"]], {
    data, columns, allColumns: columns, viewportIndices: [1, 0], row: 0, column: 0, canAddRows: true,
    isEditable: (column) => column.editable ?? true,
  });
  assert.deepEqual(result.data, [{ a: 1, b: "v", c: "k" }, { a: 10, b: "u", c: "k" }, { a: 30, b: "w", c: "" }]);
  assert.equal(result.columns, null);
  assert.deepEqual(data[0], { a: 1, b: "x", c: "k" }, "the original data is not modified");
  const wide = applyPaste([["p", "q", "r"]], {
    data, columns, allColumns: columns, viewportIndices: [0, 1], row: 0, column: 1, canAddRows: false,
    isEditable: (column) => column.editable ?? true,
  });
  assert.deepEqual(wide.columns?.map((c) => c.id), ["a", "b", "c", "Column 4"]);
  assert.deepEqual(wide.data[0], { a: 1, b: "p", c: "k", "Column 4": "r" });
  const noRows = applyPaste([["5"], ["6"], ["7"]], {
    data, columns, allColumns: columns, viewportIndices: [0, 1], row: 1, column: 0, canAddRows: false,
    isEditable: () => true,
  });
  assert.equal(noRows.data.length, 2);
});

test("conditional styles: if clauses and later entries winning", () => {
  const column: Column = { id: "temp", type: "numeric" };
  const row = { temp: 30, city: "Rome" };
  assert.equal(matches({ if: { column_id: ["x", "temp"] } }, { column, editable: false }), true);
  assert.equal(matches({ if: { column_type: "text" } }, { column, editable: false }), false);
  assert.equal(matches({ if: { filter_query: "{temp} > 25" } }, { column, editable: false, row }), true);
  assert.equal(matches({ if: { filter_query: "{temp} > 35" } }, { column, editable: false, row }), false);
  assert.equal(matches({ if: { filter_query: "{temp} >" } }, { column, editable: false, row }), false);
  assert.equal(matches({ if: { row_index: "odd" } }, { column, editable: false, rowIndex: 3 }), true);
  assert.equal(matches({ if: { row_index: [0, 2] } }, { column, editable: false, rowIndex: 3 }), false);
  assert.equal(matches({ if: { state: "active" } }, { column, editable: false, state: "active" }), true);
  assert.equal(matches({ if: { column_editable: true } }, { column, editable: false }), false);
  assert.equal(matches({ if: { header_index: 1 } }, { column, editable: false, headerIndex: 1 }), true);
  const style = cellStyle(
    [
      [{ padding: "5px", "text-align": "left" }, [{ if: { column_id: "temp" }, textAlign: "right" }]],
      [{ color: "black" }, [{ if: { filter_query: "{temp} > 25" }, color: "red" }, { if: { row_index: 0 }, color: "blue" }]],
    ],
    { column, editable: false, row, rowIndex: 0 },
  );
  assert.deepEqual(style, { padding: "5px", textAlign: "right", color: "blue" });
});

test("CSV export with each header mode", () => {
  const columns: Column[] = [{ id: "a", name: ["G", "A"] }, { id: "b", name: ["G", "B"] }];
  const rows = [{ a: 1, b: 'x,"y"' }];
  assert.equal(toCsv(rows, columns, "none", false), '1,"x,""y"""\r\n');
  assert.equal(toCsv(rows, columns, "ids", false), 'a,b\r\n1,"x,""y"""\r\n');
  assert.equal(toCsv(rows, columns, "names", true), 'G,G\r\nA,B\r\n1,"x,""y"""\r\n');
  assert.equal(toCsv(rows, columns, "display", true), 'G,\r\nA,B\r\n1,"x,""y"""\r\n');
});

test("deepEqual", () => {
  assert.equal(deepEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), true);
  assert.equal(deepEqual({ a: [1] }, { a: [2] }), false);
  assert.equal(deepEqual([], {}), false);
  assert.equal(deepEqual(null, undefined), false);
});
