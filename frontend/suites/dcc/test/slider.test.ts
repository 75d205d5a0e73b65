import assert from "node:assert/strict";
import { test } from "node:test";
import {
  adjacentMark,
  dotValues,
  generatedMarks,
  insideSelection,
  keyDirection,
  markLabel,
  percentOf,
  showsInputs,
  sliderBounds,
  sliderMarks,
  sliderStep,
  snapValue,
  thumbValues,
  tooltipText,
  valuesFromInput,
} from "../src/logic/slider";

test("min and max come from the props, else the marks, else 0 and 100", () => {
  assert.deepEqual(sliderBounds(5, 9, undefined), { min: 5, max: 9 });
  assert.deepEqual(sliderBounds(undefined, undefined, { "2": "a", "-3": "b", "10": "c" }), { min: -3, max: 10 });
  assert.deepEqual(sliderBounds(undefined, undefined, undefined), { min: 0, max: 100 });
});

test("step: given, None for marks only, 1 for integer bounds, else a power of ten", () => {
  assert.equal(sliderStep(5, 0, 20), 5);
  assert.equal(sliderStep(null, 0, 20), null);
  assert.equal(sliderStep(undefined, 0, 20), 1);
  assert.equal(sliderStep(undefined, 0, 1.5), 0.01);
  assert.equal(sliderStep(undefined, 0.5, 0.9), 0.001);
});

test("values snap to the step grid from min, or to the nearest mark with step None", () => {
  const grid = { min: 1, max: 20, step: 5, marks: [] };
  assert.equal(snapValue(8, grid), 6);
  assert.equal(snapValue(9, grid), 11);
  assert.equal(snapValue(40, grid), 16);
  assert.equal(snapValue(0.1 + 0.2, { min: 0, max: 1, step: 0.1, marks: [] }), 0.3);
  const marks = sliderMarks({ 0: "zero", 26: "26", 37: { label: "37°C", style: { color: "red" } }, 100: "hot" }, 0, 100, null);
  assert.equal(snapValue(30, { min: 0, max: 100, step: null, marks }), 26);
  assert.equal(snapValue(33, { min: 0, max: 100, step: null, marks }), 37);
  assert.equal(adjacentMark(26, 1, marks), 37);
  assert.equal(adjacentMark(26, -1, marks), 0);
  assert.equal(adjacentMark(100, 1, marks), 100);
});

test("given marks are sorted, styled, and limited to the range; None hides them", () => {
  const marks = sliderMarks({ 10: "ten", 5: { label: "five", style: { color: "red" } }, 50: "out" }, 0, 20, 1);
  assert.deepEqual(marks, [
    { value: 5, label: "five", style: { color: "red" } },
    { value: 10, label: "ten" },
  ]);
  assert.deepEqual(sliderMarks(null, 0, 20, 1), []);
});

test("generated marks are round values on the step grid with SI labels", () => {
  assert.deepEqual(generatedMarks(0, 20, 5).map((m) => m.value), [0, 5, 10, 15, 20]);
  assert.deepEqual(generatedMarks(0, 10, 1).map((m) => m.value), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  const big = generatedMarks(0, 50000, 1);
  assert.deepEqual(big.map((m) => m.label), ["0", "5k", "10k", "15k", "20k", "25k", "30k", "35k", "40k", "45k", "50k"]);
  assert.ok(generatedMarks(0, 1000, 1).length <= 11);
  assert.equal(markLabel(0.30000000000000004), "0.3");
  assert.equal(markLabel(2500000), "2.5M");
  // More than 500 given marks fall back to generated ones.
  const many: Record<string, string> = {};
  for (let i = 0; i <= 600; i += 1) many[i] = String(i);
  assert.ok(sliderMarks(many, 0, 600, 1).length <= 11);
});

test("handle values default to min (Slider) or the whole range (RangeSlider)", () => {
  assert.deepEqual(thumbValues(undefined, false, 0, 10), [0]);
  assert.deepEqual(thumbValues(15, false, 0, 10), [10]);
  assert.deepEqual(thumbValues([2, 8], true, 0, 10), [2, 8]);
  assert.deepEqual(thumbValues(undefined, true, 0, 10), [0, 10]);
  assert.deepEqual(thumbValues(undefined, true, 0, 9, 2), [0, 4.5, 9]);
});

test("tooltips apply the dccFunctions transform, then the template", () => {
  const functions = { double: (v: number) => v * 2 };
  assert.equal(tooltipText(4, { template: "$ {value}" }, undefined), "$ 4");
  assert.equal(tooltipText(4, { transform: "double", template: "{value} kg" }, functions), "8 kg");
  assert.equal(tooltipText(4, { transform: "missing" }, functions), "4");
  assert.equal(tooltipText(4, null, undefined), "4");
});

test("typed values are snapped, clamped and kept between the other handles", () => {
  const grid = { min: 0, max: 100, step: 10, marks: [] };
  assert.deepEqual(valuesFromInput("47", 0, [20, 60], grid), [50, 60]);
  assert.deepEqual(valuesFromInput("95", 0, [20, 60], grid), [60, 60]);
  assert.deepEqual(valuesFromInput("-5", 1, [20, 60], grid), [20, 20]);
  assert.deepEqual(valuesFromInput("250", 0, [20], grid), [100]);
  assert.equal(valuesFromInput("abc", 0, [20], grid), null);
});

test("inputs show for horizontal sliders with a step and at most two handles", () => {
  assert.ok(showsInputs(undefined, 1, false, 2));
  assert.ok(!showsInputs(false, 1, false, 1));
  assert.ok(!showsInputs(true, null, false, 1));
  assert.ok(!showsInputs(true, 1, true, 1));
  assert.ok(!showsInputs(true, 1, false, 3));
});

test("positions, dots, selection and key directions", () => {
  assert.equal(percentOf(5, 0, 20), 25);
  assert.equal(percentOf(50, 0, 20), 100);
  assert.deepEqual(dotValues(0, 1, 0.25), [0, 0.25, 0.5, 0.75, 1]);
  assert.deepEqual(dotValues(0, 1000, 1), []);
  assert.ok(insideSelection(3, [5], true, false));
  assert.ok(!insideSelection(7, [5], true, false));
  assert.ok(!insideSelection(3, [4, 8], true, true));
  assert.ok(!insideSelection(3, [5], false, false));
  assert.equal(keyDirection("ArrowRight", false, false), 1);
  assert.equal(keyDirection("ArrowRight", false, true), -1);
  assert.equal(keyDirection("ArrowUp", true, true), -1);
  assert.equal(keyDirection("PageDown", false, true), -1);
  assert.equal(keyDirection("Enter", false, false), null);
});
