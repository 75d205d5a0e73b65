import { test } from "node:test";
import assert from "node:assert/strict";
import { columnParts, fixedSplit, isPhantom, sharedWidths, viewportWindow } from "../src/logic/fixed";
import { dropdownFor, optionOf, searchOptions } from "../src/logic/dropdowns";
import { headerTooltip } from "../src/logic/tooltips";
import type { Column, DataTableProps } from "../src/types";

test("fixed rows and columns need headers: true and are bounded by the table", () => {
  assert.deepEqual(fixedSplit(undefined, undefined, 5, 10), { headersOnTop: false, topDataRows: 0, leftColumns: 0 });
  assert.deepEqual(fixedSplit({ headers: true }, { headers: true, data: 2 }, 5, 10), {
    headersOnTop: true,
    topDataRows: 0,
    leftColumns: 2,
  });
  assert.deepEqual(fixedSplit({ headers: false, data: 3 }, { headers: false, data: 2 }, 5, 10), {
    headersOnTop: false,
    topDataRows: 0,
    leftColumns: 0,
  });
  assert.deepEqual(fixedSplit({ headers: true, data: 50 }, { headers: true, data: 9 }, 5, 10), {
    headersOnTop: true,
    topDataRows: 10,
    leftColumns: 5,
  });
});

test("column parts: the left fragment owns the fixed columns and the row operation cells", () => {
  const none = columnParts(fixedSplit(undefined, undefined, 4, 3), 4);
  assert.equal(none.left, null);
  assert.deepEqual([0, 1, 2, 3].map((i) => isPhantom(none.right, i)), [false, false, false, false]);
  const { left, right } = columnParts(fixedSplit(undefined, { headers: true, data: 1 }, 4, 3), 4);
  assert.ok(left);
  assert.deepEqual([0, 1, 2, 3].map((i) => isPhantom(left, i)), [false, true, true, true]);
  assert.deepEqual([0, 1, 2, 3].map((i) => isPhantom(right, i)), [true, false, false, false]);
  assert.equal(left.operations && left.fixed, true);
  assert.equal(right.operations || right.fixed, false);
});

test("shared widths take the widest measurement and fill the container when asked", () => {
  const measured = [
    [30, 40.2, 10],
    [30, 20, 60],
  ];
  assert.deepEqual(sharedWidths(measured, 1, 100, false), [30, 41, 60]);
  assert.deepEqual(sharedWidths(measured, 1, 100, true), [30, 41, 60], "already wider than the container");
  const grown = sharedWidths(measured, 1, 232, true);
  assert.equal(grown[0], 30, "operation columns keep their width");
  assert.equal(grown.reduce((a, b) => a + b, 0), 232);
  assert.ok(grown[2] > grown[1], "columns grow in proportion");
});

test("a virtualized viewport is the fixed rows plus the rendered window", () => {
  const indices = [7, 3, 9, 1, 4, 8];
  assert.equal(viewportWindow(indices, false, 0, 2, 4), indices);
  assert.deepEqual(viewportWindow(indices, true, 0, 2, 4), [9, 1]);
  assert.deepEqual(viewportWindow(indices, true, 1, 3, 10), [7, 1, 4, 8]);
  assert.deepEqual(viewportWindow(indices, true, 0, 0, 6), indices);
});

const city: Column = { id: "city", presentation: "dropdown" };
const temp: Column = { id: "temp", presentation: "dropdown" };
const options = (...values: string[]) => values.map((v) => ({ label: v.toUpperCase(), value: v }));

test("dropdown options: per row, then the last matching conditional, then the column's", () => {
  const props: Pick<DataTableProps, "dropdown" | "dropdown_conditional" | "dropdown_data"> = {
    dropdown: { city: { options: options("nyc", "ldn") }, temp: { options: options("warm") } },
    dropdown_conditional: [
      { if: { column_id: "temp", filter_query: "{city} eq 'ldn'" }, options: options("cold") },
      { if: { column_id: "temp", filter_query: "{city} eq 'ldn' && {n} > 1" }, options: options("freezing") },
    ],
    dropdown_data: [{}, { city: { options: options("mtl"), clearable: false } }],
  };
  assert.deepEqual(dropdownFor(props, city, { city: "nyc" }, 0)?.options, options("nyc", "ldn"));
  assert.deepEqual(dropdownFor(props, city, { city: "mtl" }, 1), { options: options("mtl"), clearable: false });
  assert.deepEqual(dropdownFor(props, temp, { city: "nyc" }, 0)?.options, options("warm"));
  assert.deepEqual(dropdownFor(props, temp, { city: "ldn", n: 1 }, 0)?.options, options("cold"));
  assert.deepEqual(dropdownFor(props, temp, { city: "ldn", n: 2 }, 0)?.options, options("freezing"));
  assert.equal(dropdownFor({}, temp, {}, 0), null);
});

test("dropdown search matches labels ignoring case; values match strictly", () => {
  const list = [
    { label: "New York", value: "nyc" },
    { label: "York", value: 1 },
    { label: "London", value: "1" },
  ];
  assert.deepEqual(searchOptions(list, " york").map((o) => o.value), ["nyc", 1]);
  assert.equal(searchOptions(list, "").length, 3);
  assert.equal(optionOf(list, 1)?.label, "York");
  assert.equal(optionOf(list, "1")?.label, "London");
  assert.equal(optionOf(list, null), undefined);
});

test("header tooltips: tooltip_header (one or per row), then the column tooltip unless data-only", () => {
  const a: Column = { id: "a" };
  const b: Column = { id: "b" };
  const c: Column = { id: "c" };
  const d: Column = { id: "d" };
  const props: DataTableProps = {
    tooltip_header: { a: "All rows", b: [null, { value: "**B**", type: "markdown", delay: 5 }] },
    tooltip: { c: { value: "data only", use_with: "data" }, d: "both" },
    tooltip_delay: 100,
    tooltip_duration: null,
  };
  assert.deepEqual(headerTooltip(props, a, 1), { value: "All rows", type: "text", delay: 100, duration: null });
  assert.equal(headerTooltip(props, b, 0), null);
  assert.deepEqual(headerTooltip(props, b, 1), { value: "**B**", type: "markdown", delay: 5, duration: null });
  assert.equal(headerTooltip(props, b, 2), null);
  assert.equal(headerTooltip(props, c, 0), null);
  assert.equal(headerTooltip(props, d, 0)?.value, "both");
  assert.equal(headerTooltip({}, d, 0), null);
  assert.equal(headerTooltip({ tooltip: { d: "x" } }, d, 0)?.duration, 2000, "default duration");
});
