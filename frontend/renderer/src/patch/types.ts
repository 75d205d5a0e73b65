// Shapes of the partial updates a `Patch` sends (protocol-server §12, protocol-renderer §2.7).

/** One step of a location: an object key, or a list index (negative counts from the end). */
export type PatchKey = string | number;

export type PatchOperationName =
  | "Assign"
  | "Merge"
  | "Extend"
  | "Delete"
  | "Insert"
  | "Append"
  | "Prepend"
  | "Add"
  | "Sub"
  | "Mul"
  | "Div"
  | "Clear"
  | "Reverse"
  | "Remove";

/** `value` for every operation that carries one, `index` for `Insert` only. */
export interface PatchParams {
  value?: unknown;
  index?: number;
}

export interface PatchOperation {
  operation: PatchOperationName;
  location: readonly PatchKey[];
  params: PatchParams;
}

/** The wire form, recognised by its marker key. */
export interface PatchObject {
  __dash_patch_update: "__dash_patch_update";
  operations: readonly PatchOperation[];
}

/** A list or plain object that a location walks through. */
export type Container = unknown[] | Record<string, unknown>;

/** Where an operation acts: `parent[key]` (the root is slot 0 of a one-item box). */
export interface Slot {
  parent: Container;
  key: PatchKey;
}
