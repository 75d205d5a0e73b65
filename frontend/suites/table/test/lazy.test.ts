import assert from "node:assert/strict";
import { test } from "node:test";
import { tableChunk } from "../src/lazy/chunks";
import { DataTable as StandIn } from "../src/lazy/components";
import { TABLE_PERSISTENCE, TABLE_PERSISTENCE_TRANSFORMS } from "../src/logic/persistence";

type Statics = { dashPersistence?: unknown; persistenceTransforms?: unknown };

// (The real DataTable takes the same two objects; it cannot be imported under node, whose ESM
// resolution rejects the icon imports esbuild accepts.)
test("the DataTable stand-in gives the renderer the table's persistence statics", () => {
  const standIn = StandIn as unknown as Statics;
  assert.equal(standIn.dashPersistence, TABLE_PERSISTENCE);
  assert.equal(standIn.persistenceTransforms, TABLE_PERSISTENCE_TRANSFORMS);
  assert.deepEqual(TABLE_PERSISTENCE_TRANSFORMS.columns.name.extract([{ id: "a", name: "A" }]), ["A"]);
});

test("the table chunk is async-table.js of the dash_table namespace", () => {
  assert.equal(tableChunk.key, "dash_table/table");
  assert.match(tableChunk.url, /async-table\.js$/);
});
