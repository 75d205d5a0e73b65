import assert from "node:assert/strict";
import { test } from "node:test";
import { pathKey } from "../src/store/layout";
import { DashStore } from "../src/store/store";
import { div } from "./helpers";

function storeWith(layout: unknown, config = {}): DashStore {
  const store = new DashStore(config);
  store.setLayout(layout);
  return store;
}

const many = () => div({ id: "root", children: Array.from({ length: 50 }, (_, i) => div({ id: `c${i}`, value: i })) });

test("the layout root lives at ['components'] and ids map to paths", () => {
  const store = storeWith(many());
  assert.deepEqual(store.pathOf("root"), ["components"]);
  assert.deepEqual(store.pathOf("c3"), ["components", "props", "children", 3]);
  assert.deepEqual(store.getState().paths.strs.c3, ["components", "props", "children", 3]);
});

test("a list layout is indexed side by side", () => {
  const store = storeWith([div({ id: "a" }), div({ id: "b" })]);
  assert.deepEqual(store.pathOf("b"), ["components", 1]);
});

test("setProps drops values deep-equal to the stored ones", () => {
  const store = storeWith(div({ id: "x", style: { color: "red" }, value: 1 }));
  assert.equal(store.updateProps(["components"], { style: { color: "red" }, value: 1 }, "internal", true), null);
  const update = store.updateProps(["components"], { style: { color: "red" }, value: 2, title: "t" }, "internal", true);
  assert.deepEqual(update && update.changed, { value: 2, title: "t" });
  assert.equal(store.nodeAt(["components"])?.props.title, "t");
});

test("changing one of many components notifies only that component's subscribers", () => {
  const store = storeWith(many());
  const calls: string[] = [];
  for (let i = 0; i < 50; i++) {
    const path = ["components", "props", "children", i];
    store.subscribePath(pathKey(path), () => calls.push(`c${i}`));
  }
  store.subscribePath(pathKey(["components"]), () => calls.push("root"));
  store.updateProps(["components", "props", "children", 7], { value: "new" }, "internal", true);
  assert.deepEqual(calls, ["c7"]);
  assert.equal(store.renderTypeOf(pathKey(["components", "props", "children", 7])), "internal");
});

test("replacing children re-indexes ids inside and forgets the old ones", () => {
  const store = storeWith(div({ id: "root", children: div({ id: "old", children: div({ id: "old-inner" }) }) }));
  const update = store.updateProps(
    ["components"],
    { children: [div({ id: "new1" }), div({ children: div({ id: { k: 1 } }) })] },
    "callback",
    false,
  );
  assert.deepEqual(update && update.addedIds, ["new1", { k: 1 }]);
  assert.deepEqual(update && update.removedIds, ["old", "old-inner"]);
  assert.equal(store.pathOf("old"), undefined);
  assert.equal(store.pathOf("old-inner"), undefined);
  assert.deepEqual(store.pathOf("new1"), ["components", "props", "children", 0]);
  assert.deepEqual(store.getState().paths.objs.k, [
    { values: [1], path: ["components", "props", "children", 1, "props", "children"] },
  ]);
});

test("children_props specs are crawled for ids", () => {
  const config = { children_props: { dash_html_components: { Div: ["label", "options[].label", "extra{}"] } } };
  const store = storeWith(
    div({
      label: div({ id: "l" }),
      options: [{ label: div({ id: "o0" }), value: 1 }, { label: "text" }],
      extra: { a: div({ id: "e" }) },
    }),
    config,
  );
  assert.deepEqual(store.pathOf("l"), ["components", "props", "label"]);
  assert.deepEqual(store.pathOf("o0"), ["components", "props", "options", 0, "label"]);
  assert.deepEqual(store.pathOf("e"), ["components", "props", "extra", "a"]);
});

test("loading entries are keyed by JSON path and make a new object on each change", () => {
  const store = storeWith(many());
  const path = ["components", "props", "children", 2];
  const before = store.getState().loading;
  const entry = { path, property: "value", id: "c2" };
  let notified = 0;
  store.subscribeLoading(JSON.stringify(path), () => notified++);
  store.changeLoading([entry], true);
  assert.notEqual(store.getState().loading, before);
  assert.deepEqual(store.getState().loading[JSON.stringify(path)], [entry]);
  store.changeLoading([entry], false);
  assert.deepEqual(store.getState().loading, {});
  assert.equal(notified, 2);
});

test("getState is stable until something changes", () => {
  const store = storeWith(many());
  const first = store.getState();
  assert.equal(store.getState(), first);
  store.updateProps(["components", "props", "children", 0], { value: 9 }, "internal", true);
  assert.notEqual(store.getState(), first);
});
