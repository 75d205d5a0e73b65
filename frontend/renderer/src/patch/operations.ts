// What each Patch operation does to the value at its location (protocol-renderer §2.7).
//
// A handler receives the slot `parent[key]` (the parent is already a private copy) and
// either replaces the value there or, when that value was created during this application
// (`ctx.owned`), changes it in place. Values coming from the patch itself are never changed.
import { deepEqual } from "../equal";
import { assignKeys, isPlainObject, readSlot, writeSlot } from "./containers";
import { describeValue, type PatchError } from "./errors";
import type { Container, PatchOperationName, PatchParams, Slot } from "./types";

export interface OperationContext {
  /** Lists and objects created during this application: safe to change in place. */
  readonly owned: Set<object>;
  /** An error that names the operation, its location and the patched property. */
  fail(reason: string): PatchError;
}

type Handler = (slot: Slot, params: PatchParams, ctx: OperationContext) => void;

function isMissing(value: unknown): value is null | undefined {
  return value === undefined || value === null;
}

/** Put a freshly made container at `slot`, remembering that it may be changed in place. */
function placeOwned<T extends Container>(slot: Slot, ctx: OperationContext, value: T): T {
  ctx.owned.add(value);
  writeSlot(slot.parent, slot.key, value);
  return value;
}

/**
 * The list at `slot`, ready to be changed in place. A missing value (undefined or null)
 * starts as an empty list, so `p["items"].append(x)` creates `items` as a Dash user expects.
 */
function editableList(slot: Slot, ctx: OperationContext, operation: string): unknown[] {
  const target = readSlot(slot.parent, slot.key);
  if (isMissing(target)) return placeOwned(slot, ctx, []);
  if (!Array.isArray(target)) throw ctx.fail(`${operation} needs a list there, found ${describeValue(target)}.`);
  return ctx.owned.has(target) ? target : placeOwned(slot, ctx, target.slice());
}

/** The list at `slot` for an operation that has nothing to do when the value is missing. */
function existingList(slot: Slot, ctx: OperationContext, operation: string): unknown[] | null {
  const target = readSlot(slot.parent, slot.key);
  if (isMissing(target)) return null;
  if (!Array.isArray(target)) throw ctx.fail(`${operation} needs a list there, found ${describeValue(target)}.`);
  return target;
}

function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value);
}

/** `list` repeated `times` times, as Python's `list * n` (n <= 0 gives an empty list). */
function repeatList(list: readonly unknown[], times: number): unknown[] {
  const result: unknown[] = [];
  for (let i = 0; i < times; i++) for (const item of list) result.push(item);
  return result;
}

function numeric(name: string, compute: (a: number, b: number) => number): Handler {
  return (slot, params, ctx) => {
    const target = readSlot(slot.parent, slot.key);
    const value = params.value;
    if (typeof target !== "number" || typeof value !== "number") {
      throw ctx.fail(`${name} needs two numbers, found ${describeValue(target)} and ${describeValue(value)}.`);
    }
    writeSlot(slot.parent, slot.key, compute(target, value));
  };
}

const assign: Handler = (slot, params) => writeSlot(slot.parent, slot.key, params.value);

const merge: Handler = (slot, params, ctx) => {
  const value = params.value;
  if (!isPlainObject(value)) throw ctx.fail(`Merge needs an object value, got ${describeValue(value)}.`);
  const target = readSlot(slot.parent, slot.key);
  if (isMissing(target)) {
    placeOwned(slot, ctx, { ...value });
  } else if (!isPlainObject(target)) {
    throw ctx.fail(`Merge needs an object there, found ${describeValue(target)}.`);
  } else if (ctx.owned.has(target)) {
    assignKeys(target, value);
  } else {
    placeOwned(slot, ctx, { ...target, ...value });
  }
};

const extend: Handler = (slot, params, ctx) => {
  const value = params.value;
  if (!Array.isArray(value)) throw ctx.fail(`Extend needs a list value, got ${describeValue(value)}.`);
  const list = editableList(slot, ctx, "Extend");
  for (const item of value) list.push(item);
};

/** Only the list item or object key is removed; deleting something missing does nothing. */
const remove: Handler = ({ parent, key }) => {
  if (Array.isArray(parent)) {
    if ((key as number) < parent.length) parent.splice(key as number, 1);
  } else {
    delete parent[key];
  }
};

/** Python's `list.insert`: a negative index counts from the end; out-of-range indices clamp. */
const insert: Handler = (slot, params, ctx) => {
  const index = params.index;
  if (!isCount(index)) throw ctx.fail(`Insert needs an integer index, got ${describeValue(index)}.`);
  const list = editableList(slot, ctx, "Insert");
  const at = index < 0 ? Math.max(0, list.length + index) : Math.min(index, list.length);
  list.splice(at, 0, params.value);
};

const append: Handler = (slot, params, ctx) => {
  editableList(slot, ctx, "Append").push(params.value);
};

const prepend: Handler = (slot, params, ctx) => {
  editableList(slot, ctx, "Prepend").unshift(params.value);
};

/** Numbers add; strings concatenate (`p["title"] += " (2)"`). */
const add: Handler = (slot, params, ctx) => {
  const target = readSlot(slot.parent, slot.key);
  const value = params.value;
  if (typeof target === "number" && typeof value === "number") {
    writeSlot(slot.parent, slot.key, target + value);
  } else if (typeof target === "string" && typeof value === "string") {
    writeSlot(slot.parent, slot.key, target + value);
  } else {
    throw ctx.fail(
      `Add needs two numbers or two strings, found ${describeValue(target)} and ${describeValue(value)}.`,
    );
  }
};

/** Numbers multiply; a string or list times an integer repeats, as in Python. */
const mul: Handler = (slot, params, ctx) => {
  const target = readSlot(slot.parent, slot.key);
  const value = params.value;
  if (typeof target === "number" && typeof value === "number") {
    writeSlot(slot.parent, slot.key, target * value);
  } else if (typeof target === "string" && isCount(value)) {
    writeSlot(slot.parent, slot.key, target.repeat(Math.max(0, value)));
  } else if (Array.isArray(target) && isCount(value)) {
    placeOwned(slot, ctx, repeatList(target, value));
  } else {
    throw ctx.fail(`Mul needs two numbers, found ${describeValue(target)} and ${describeValue(value)}.`);
  }
};

const div = numeric("Div", (a, b) => a / b);

const divide: Handler = (slot, params, ctx) => {
  if (params.value === 0) throw ctx.fail("division by zero.");
  div(slot, params, ctx);
};

/** Empties a list, object or string, keeping its type; a missing value stays missing. */
const clear: Handler = (slot, _params, ctx) => {
  const target = readSlot(slot.parent, slot.key);
  if (isMissing(target)) return;
  if (Array.isArray(target)) placeOwned(slot, ctx, []);
  else if (isPlainObject(target)) placeOwned(slot, ctx, {});
  else if (typeof target === "string") writeSlot(slot.parent, slot.key, "");
  else throw ctx.fail(`Clear needs a list, object or string, found ${describeValue(target)}.`);
};

const reverse: Handler = (slot, _params, ctx) => {
  const list = existingList(slot, ctx, "Reverse");
  if (list === null) return;
  if (ctx.owned.has(list)) list.reverse();
  else placeOwned(slot, ctx, list.slice().reverse());
};

/** Drops every item deep-equal to the value (not only the first, unlike Python's list.remove). */
const removeItems: Handler = (slot, params, ctx) => {
  const list = existingList(slot, ctx, "Remove");
  if (list === null) return;
  placeOwned(slot, ctx, list.filter((item) => !deepEqual(item, params.value)));
};

export const OPERATIONS: Readonly<Record<PatchOperationName, Handler>> = {
  Assign: assign,
  Merge: merge,
  Extend: extend,
  Delete: remove,
  Insert: insert,
  Append: append,
  Prepend: prepend,
  Add: add,
  Sub: numeric("Sub", (a, b) => a - b),
  Mul: mul,
  Div: divide,
  Clear: clear,
  Reverse: reverse,
  Remove: removeItems,
};
