// Applying a `Patch` to a property's current value (protocol-renderer §2.7).
//
// Copy-on-write: each list or object on an operation's path is shallow-copied once per
// `applyPatch` call and changed in place afterwards. The input is never mutated, branches no
// operation touches are shared with the result, and a long run of operations on one list
// (10,000 Appends) stays linear.
//
// Where the spec is silent, the behaviour is what a Dash user would expect:
// * A missing (undefined or null) container on the path is created, as an object, or as a list
//   when the next key is a number, for every operation but Delete. Deleting something missing
//   does nothing.
// * Append, Prepend, Insert and Extend on a missing value start from an empty list; Clear,
//   Reverse and Remove on a missing value do nothing; Add/Sub/Mul/Div need a value (error).
// * A list index may be negative (counted from the end) or point one past the last item (a
//   new item); anything further is an error, except for Delete, which ignores it.
// * A null property is patched like a missing value; an undefined property is an error.
import { isContainer, isPlainObject, readSlot, shallowCopy, writeSlot } from "./containers";
import { describeLocation, describeValue, PatchError } from "./errors";
import { OPERATIONS, type OperationContext } from "./operations";
import type { Container, PatchKey, PatchObject, PatchOperation, PatchOperationName, Slot } from "./types";

export type { PatchObject, PatchOperation } from "./types";
export { PatchError } from "./errors";

const MARKER = "__dash_patch_update";
const hasOwn = Object.prototype.hasOwnProperty;

/** True for the wire form of a `Patch` (an object carrying the marker key). */
export function isPatch(value: unknown): value is PatchObject {
  return isPlainObject(value) && value[MARKER] === MARKER;
}

/**
 * The value `current` becomes once the operations of `patch` are applied in order.
 * `current` is left untouched. `target` names the patched property in error messages
 * (for example `"graph.figure"`). Throws `PatchError` when the patch does not fit the value.
 */
export function applyPatch(current: unknown, patch: PatchObject, target = "this property"): unknown {
  if (current === undefined) {
    throw new PatchError(
      `Cannot apply a Patch to ${target} because it has no value yet. Give the property an ` +
        "initial value in the layout, or return its whole value instead of a Patch.",
    );
  }
  const operations: unknown = patch.operations;
  if (!Array.isArray(operations)) {
    throw new PatchError(`Invalid Patch for ${target}: "operations" must be a list.`);
  }
  // The root lives in slot 0 of a box, so replacing it is like replacing any other slot.
  const box: unknown[] = [current];
  const owned = new Set<object>([box]);
  for (let i = 0; i < operations.length; i++) {
    const operation = readOperation(operations[i], i, target);
    const ctx: OperationContext = {
      owned,
      fail: (reason) =>
        new PatchError(
          `Cannot apply Patch ${operation.operation} at ${describeLocation(operation.location)} ` +
            `of ${target}: ${reason}`,
        ),
    };
    const slot = locate(box, operation, ctx);
    if (slot !== null) OPERATIONS[operation.operation](slot, operation.params, ctx);
  }
  return box[0];
}

function isKey(key: unknown): key is PatchKey {
  return typeof key === "string" || typeof key === "number";
}

/** Check the shape of one operation from the wire; `params` may be left out. */
function readOperation(raw: unknown, position: number, target: string): PatchOperation {
  const name = isPlainObject(raw) ? raw.operation : undefined;
  if (typeof name !== "string" || !hasOwn.call(OPERATIONS, name)) {
    throw new PatchError(
      `Invalid Patch for ${target}: operation ${position} has an unknown operation name ` +
        `${JSON.stringify(name)} (expected one of ${Object.keys(OPERATIONS).join(", ")}).`,
    );
  }
  const { location, params } = raw as Record<string, unknown>;
  if (!Array.isArray(location) || !location.every(isKey)) {
    throw new PatchError(
      `Invalid Patch for ${target}: operation ${position} (${name}) needs a location made of ` +
        "strings and integers.",
    );
  }
  return {
    operation: name as PatchOperationName,
    location,
    params: isPlainObject(params) ? params : {},
  };
}

/**
 * Walk to the slot `operation` acts on, copying every container on the way (once per
 * application) and creating missing ones. Null means "nothing to do" (a Delete whose
 * target does not exist).
 */
function locate(box: unknown[], operation: PatchOperation, ctx: OperationContext): Slot | null {
  const { location } = operation;
  const deleting = operation.operation === "Delete";
  if (deleting && location.length === 0) {
    throw ctx.fail("a Patch cannot delete the whole property; assign null to it instead.");
  }
  let parent: Container = box;
  let key: PatchKey = 0;
  for (let depth = 0; depth < location.length; depth++) {
    const next = location[depth];
    const child = readSlot(parent, key);
    let container: Container;
    if (child === undefined || child === null) {
      if (deleting) return null;
      container = typeof next === "number" ? [] : {};
    } else if (!isContainer(child)) {
      throw ctx.fail(
        `${describeLocation(location.slice(0, depth))} holds ${describeValue(child)}, ` +
          `which has no key ${JSON.stringify(next)}.`,
      );
    } else if (ctx.owned.has(child)) {
      container = child;
    } else {
      container = shallowCopy(child);
    }
    if (container !== child) {
      ctx.owned.add(container);
      writeSlot(parent, key, container);
    }
    parent = container;
    if (Array.isArray(parent)) {
      const index = listIndex(parent, next, location.slice(0, depth), ctx);
      if (index === null) {
        if (deleting) return null;
        throw ctx.fail(
          `index ${next} is out of range for the list at ${describeLocation(location.slice(0, depth))} ` +
            `(${parent.length} items).`,
        );
      }
      key = index;
    } else {
      key = next;
    }
  }
  return { parent, key };
}

/**
 * `key` as a position in `list`: negative counts from the end, one past the end is allowed
 * (a new item). Null when out of range. Integer strings ("2") are accepted as indices.
 */
function listIndex(
  list: readonly unknown[],
  key: PatchKey,
  at: readonly PatchKey[],
  ctx: OperationContext,
): number | null {
  const index = typeof key === "number" ? key : /^-?\d+$/.test(key) ? Number(key) : NaN;
  if (!Number.isInteger(index)) {
    throw ctx.fail(
      `${describeLocation(at)} holds a list, which has no key ${JSON.stringify(key)}; ` +
        "use an integer index.",
    );
  }
  const position = index < 0 ? list.length + index : index;
  return position < 0 || position > list.length ? null : position;
}
