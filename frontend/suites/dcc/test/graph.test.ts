import assert from "node:assert/strict";
import { test } from "node:test";
import {
  canAnimate,
  clickData,
  containerStyle,
  figureWithShapes,
  isResponsive,
  plotConfig,
  plotLayout,
  pointsData,
  touchesShapes,
  traceUpdate,
} from "../src/logic/graph";

test("responsive 'auto' follows config.responsive unless the layout fixes both sizes or autosize is off", () => {
  assert.equal(isResponsive("auto", {}, {}), false);
  assert.equal(isResponsive("auto", { responsive: true }, { layout: {} }), true);
  assert.equal(isResponsive("auto", { responsive: true }, { layout: { width: 300 } }), true);
  assert.equal(isResponsive("auto", { responsive: true }, { layout: { width: 300, height: 200 } }), false);
  assert.equal(isResponsive("auto", { responsive: true }, { layout: { autosize: false } }), false);
  assert.equal(isResponsive(true, {}, { layout: { width: 300, height: 200 } }), true);
  assert.equal(isResponsive(false, { responsive: true }, {}), false);
  assert.equal(isResponsive(undefined, { responsive: true }, undefined), true);
});

test("the plotted config carries responsive and typesetMath; the user's config is not modified", () => {
  const config = { displayModeBar: false };
  assert.deepEqual(plotConfig(config, true, false), { displayModeBar: false, responsive: true, typesetMath: false });
  assert.deepEqual(config, { displayModeBar: false });
});

test("responsive=True drops the fixed size from a copy of the layout", () => {
  const layout = { width: 300, height: 200, xaxis: { range: [0, 1] } };
  const plotted = plotLayout(layout, true);
  assert.deepEqual(plotted, { autosize: true, xaxis: { range: [0, 1] } });
  assert.notEqual(plotted.xaxis, layout.xaxis);
  assert.deepEqual(plotLayout(layout, false), layout);
  assert.deepEqual(plotLayout(undefined, false), {});
});

test("a responsive container fills its parent's height unless style sets one", () => {
  assert.deepEqual(containerStyle({ width: "50%" }, true), { height: "100%", width: "50%" });
  assert.deepEqual(containerStyle({ height: "300px" }, true), { height: "300px" });
  assert.equal(containerStyle(undefined, false), undefined);
});

test("animation needs animate, an existing plot and the same number of traces", () => {
  const figure = { data: [{}, {}] };
  assert.equal(canAnimate(true, true, 2, figure), true);
  assert.equal(canAnimate(true, true, 1, figure), false);
  assert.equal(canAnimate(true, false, 2, figure), false);
  assert.equal(canAnimate(false, true, 2, figure), false);
});

test("event points keep scalars, bbox, customdata and pointNumbers, and drop nested objects", () => {
  const traces = [{ customdata: [["a"], ["b"], ["c"]] }];
  const raw = {
    points: [
      {
        curveNumber: 0,
        pointNumber: 1,
        x: 2,
        y: null,
        text: "t",
        data: { huge: true },
        fullData: {},
        xaxis: {},
        bbox: { x0: 1, x1: 2, y0: 3, y1: 4 },
        customdata: ["b"],
      },
      { curveNumber: 0, pointNumbers: [0, 2], x: "bin" },
    ],
    range: { x: [0, 1], y: [0, 1] },
  };
  assert.deepEqual(pointsData(raw, traces), {
    points: [
      { curveNumber: 0, pointNumber: 1, x: 2, y: null, text: "t", bbox: { x0: 1, x1: 2, y0: 3, y1: 4 }, customdata: ["b"] },
      { curveNumber: 0, pointNumbers: [0, 2], x: "bin", customdata: [["a"], ["c"]] },
    ],
    range: { x: [0, 1], y: [0, 1] },
  });
  assert.deepEqual(pointsData({ points: [], lassoPoints: { x: [1], y: [2] } }, []), { points: [], lassoPoints: { x: [1], y: [2] } });
  assert.equal(pointsData(undefined, []), null);
});

test("clickData carries a timestamp so that repeated clicks differ", () => {
  const event = { points: [{ curveNumber: 0, pointNumber: 0, x: 1, y: 1 }] };
  assert.deepEqual(clickData(event, [], 123), { points: [{ curveNumber: 0, pointNumber: 0, x: 1, y: 1 }], timestamp: 123 });
  assert.notDeepEqual(clickData(event, [], 123), clickData(event, [], 124));
});

test("shape relayouts update figure.layout.shapes without touching the old figure", () => {
  assert.equal(touchesShapes({ "shapes[0].x0": 1 }), true);
  assert.equal(touchesShapes({ shapes: [] }), true);
  assert.equal(touchesShapes({ "xaxis.range[0]": 1 }), false);
  const figure = { data: [{ x: [1] }], layout: { title: { text: "t" } } };
  const updated = figureWithShapes(figure, [{ type: "rect" }]);
  assert.deepEqual(updated.layout, { title: { text: "t" }, shapes: [{ type: "rect" }] });
  assert.equal(updated.data, figure.data);
  assert.equal("shapes" in figure.layout, false);
});

test("extendData accepts [update, indices, maxPoints] or a bare update for traces 0..n-1", () => {
  assert.deepEqual(traceUpdate([{ y: [[1]] }, [2], 10]), [{ y: [[1]] }, [2], 10]);
  assert.deepEqual(traceUpdate([{ y: [[1]] }, [2]]), [{ y: [[1]] }, [2]]);
  assert.deepEqual(traceUpdate([{ x: [[1], [2]], y: [[1], [2]] }]), [{ x: [[1], [2]], y: [[1], [2]] }, [0, 1]]);
  assert.deepEqual(traceUpdate({ x: [[1], [2], [3]] }), [{ x: [[1], [2], [3]] }, [0, 1, 2]]);
  assert.equal(traceUpdate(null), null);
  assert.equal(traceUpdate([null]), null);
});
