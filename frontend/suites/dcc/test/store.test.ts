import assert from "node:assert/strict";
import { test } from "node:test";
import { MemoryBackend, WebStorageBackend, applyStep, mountStep, storageEventProps, updateStep } from "../src/logic/store";

class FakeStorage {
  items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.has(key) ? (this.items.get(key) as string) : null;
  }
  key(): string | null {
    return null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

test("stored data wins over the layout's data on mount", () => {
  const storage = new FakeStorage();
  storage.setItem("s", JSON.stringify({ saved: true }));
  storage.setItem("s-timestamp", "1234");
  const backend = new WebStorageBackend(storage as unknown as Storage);
  const props = applyStep(backend, "s", mountStep(backend, "s", { saved: false }));
  assert.deepEqual(props, { data: { saved: true }, modified_timestamp: 1234 });
});

test("without stored data the layout's data is written under <id> and <id>-timestamp", () => {
  const storage = new FakeStorage();
  const backend = new WebStorageBackend(storage as unknown as Storage);
  const props = applyStep(backend, "s", mountStep(backend, "s", [1, 2]));
  assert.equal(storage.getItem("s"), "[1,2]");
  assert.ok(Number(storage.getItem("s-timestamp")) > 0);
  assert.equal(props?.modified_timestamp, Number(storage.getItem("s-timestamp")));
});

test("new data is written and stamped; equal data does nothing", () => {
  const backend = new MemoryBackend();
  applyStep(backend, "m", mountStep(backend, "m", 1));
  assert.deepEqual(updateStep(backend, "m", 1, false), {});
  const props = applyStep(backend, "m", updateStep(backend, "m", 2, false));
  assert.equal(backend.getItem("m"), 2);
  assert.ok((props?.modified_timestamp as number) > 0);
});

test("clear_data erases the data and resets the flag", () => {
  const storage = new FakeStorage();
  const backend = new WebStorageBackend(storage as unknown as Storage);
  applyStep(backend, "s", mountStep(backend, "s", "x"));
  const props = applyStep(backend, "s", updateStep(backend, "s", "x", true));
  assert.deepEqual(props, { data: null, clear_data: false });
  assert.equal(storage.getItem("s"), null);
  assert.equal(storage.getItem("s-timestamp"), null);
});

test("another tab's storage event updates data only for this store's key", () => {
  const storage = new FakeStorage();
  storage.setItem("s-timestamp", "99");
  const backend = new WebStorageBackend(storage as unknown as Storage);
  assert.deepEqual(storageEventProps(backend, "s", { key: "s", newValue: '{"a":1}' }), {
    data: { a: 1 },
    modified_timestamp: 99,
  });
  assert.equal(storageEventProps(backend, "s", { key: "other", newValue: "1" }), null);
});
