import assert from "node:assert/strict";
import { test } from "node:test";
import { watchTitle } from "../src/loading";
import { DashStore } from "../src/store/store";

function fakeDocument(title: string): Document {
  return { title, head: null, documentElement: null } as unknown as Document;
}

test("update_title shows while busy and the previous title comes back", () => {
  const store = new DashStore({});
  const doc = fakeDocument("My app");
  watchTitle(store, "Updating...", doc);
  assert.equal(doc.title, "Updating...");
  store.setPending([], false);
  assert.equal(doc.title, "My app");
  store.setPending([{ output: "a.b", changedPropIds: [], executing: true }], true);
  assert.equal(doc.title, "Updating...");
  store.setPending([], false);
  assert.equal(doc.title, "My app");
});

test("a falsy update_title leaves the title alone", () => {
  const store = new DashStore({});
  const doc = fakeDocument("Mine");
  watchTitle(store, null, doc);
  store.setPending([], true);
  assert.equal(doc.title, "Mine");
});
