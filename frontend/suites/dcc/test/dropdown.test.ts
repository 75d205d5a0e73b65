import assert from "node:assert/strict";
import { test } from "node:test";
import {
  deselectAll,
  dropdownLabels,
  filterOptions,
  inOrder,
  isPrintableKey,
  movedIndex,
  openOrder,
  pickValue,
  prunedValue,
  selectAll,
  selectedCountText,
  valueText,
} from "../src/logic/dropdown";
import { normalizeOptions } from "../src/logic/options";

const CITIES = normalizeOptions([
  { label: "New York City", value: "NYC" },
  { label: "Montréal", value: "MTL" },
  { label: "San Francisco", value: "SF", search: "bay area" },
  { label: "Yorkshire", value: "YRK", disabled: true },
]);
const values = (options: { value: unknown }[]) => options.map((o) => o.value);

test("search matches value, label and search text, case-insensitively", () => {
  assert.deepEqual(values(filterOptions(CITIES, "san")), ["SF"]);
  assert.deepEqual(values(filterOptions(CITIES, "mtl")), ["MTL"]);
  assert.deepEqual(values(filterOptions(CITIES, "BAY")), ["SF"]);
  assert.deepEqual(values(filterOptions(CITIES, "")), ["NYC", "MTL", "SF", "YRK"]);
  assert.deepEqual(values(filterOptions(CITIES, "zzz")), []);
  // Every word must match somewhere.
  assert.deepEqual(values(filterOptions(CITIES, "new city")), ["NYC"]);
});

test("search order ranks better matches first unless 'original' is asked", () => {
  // "york" is a prefix of "Yorkshire" but only a word inside "New York City".
  assert.deepEqual(values(filterOptions(CITIES, "york")), ["YRK", "NYC"]);
  assert.deepEqual(values(filterOptions(CITIES, "york", "original")), ["NYC", "YRK"]);
});

test("labels are not searched when any label is a component", () => {
  const options = normalizeOptions([
    { label: "Apple", value: "a" },
    { label: { type: "Span", namespace: "dash_html_components", props: { children: "Pear" } }, value: "p" },
  ]);
  assert.deepEqual(values(filterOptions(options, "apple")), []);
  assert.deepEqual(values(filterOptions(options, "p")), ["p"]);
});

test("single picks replace the value; multi picks toggle in selection order", () => {
  assert.equal(pickValue("NYC", "SF", false), "SF");
  assert.equal(pickValue("SF", "SF", false), "SF");
  let value = pickValue(undefined, "SF", true);
  value = pickValue(value, "NYC", true);
  assert.deepEqual(value, ["SF", "NYC"]);
  assert.deepEqual(pickValue(value, "SF", true), ["NYC"]);
});

test("select all and deselect all act on the shown options only and skip disabled ones", () => {
  const shown = filterOptions(CITIES, "o"); // NYC, MTL, SF (Francisco), YRK (disabled)
  assert.deepEqual(selectAll(["SF"], shown), ["SF", "NYC", "MTL"]);
  assert.deepEqual(deselectAll(["YRK", "NYC", "SF"], filterOptions(CITIES, "york")), ["YRK", "SF"]);
});

test("multi menus list selected options first, and keep that order while open", () => {
  const order = openOrder(CITIES, ["SF", "YRK"], true);
  assert.deepEqual(order, ["SF", "YRK", "NYC", "MTL"]);
  assert.deepEqual(openOrder(CITIES, ["SF"], false), ["NYC", "MTL", "SF", "YRK"]);
  const more = normalizeOptions(["NYC", "LA", "SF"]);
  assert.deepEqual(values(inOrder(more, ["SF", "NYC"])), ["SF", "NYC", "LA"]);
  assert.deepEqual(values(inOrder(more, null)), ["NYC", "LA", "SF"]);
});

test("values the options no longer offer are pruned", () => {
  const options = normalizeOptions(["a", "b"]);
  assert.equal(prunedValue("c", options, false), null);
  assert.equal(prunedValue("a", options, false), undefined);
  assert.deepEqual(prunedValue(["a", "c"], options, true), ["a"]);
  assert.equal(prunedValue(["a", "b"], options, true), undefined);
  assert.equal(prunedValue(null, options, true), undefined);
});

test("labels default to English and accept overrides", () => {
  const labels = dropdownLabels({ select_all: "Tout", selected_count: "{num_selected} choisis", bogus: 1 });
  assert.equal(labels.select_all, "Tout");
  assert.equal(labels.deselect_all, "Deselect All");
  assert.equal(selectedCountText(labels, 3), "3 choisis");
  assert.equal(selectedCountText(dropdownLabels(undefined), 2), "2 selected");
});

test("values render as attribute text and keys move within the list", () => {
  assert.equal(valueText(3), "3");
  assert.equal(valueText(true), "true");
  assert.equal(movedIndex("ArrowDown", 2, 3), 2);
  assert.equal(movedIndex("ArrowUp", 0, 3), -1);
  assert.equal(movedIndex("End", 0, 30), 29);
  assert.equal(movedIndex("PageDown", 25, 30), 29);
  assert.equal(movedIndex("x", 0, 3), null);
  assert.ok(isPrintableKey({ key: "a" }));
  assert.ok(!isPrintableKey({ key: "Enter" }));
  assert.ok(!isPrintableKey({ key: "c", ctrlKey: true }));
});
