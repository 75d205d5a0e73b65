// `dash_clientside.Patch`: builds the same partial-update object as Python's `Patch` (renderer §2.7).
import type { PatchObject, PatchOperation } from "./patch/applyPatch";

type Location = (string | number)[];

export class ClientsidePatch {
  private readonly operations: PatchOperation[] = [];

  private op(operation: PatchOperation["operation"], location: Location, params: PatchOperation["params"] = {}): this {
    this.operations.push({ operation, location, params });
    return this;
  }

  assign(location: Location, value: unknown): this {
    return this.op("Assign", location, { value });
  }
  merge(location: Location, value: unknown): this {
    return this.op("Merge", location, { value });
  }
  extend(location: Location, value: unknown[]): this {
    return this.op("Extend", location, { value });
  }
  delete(location: Location): this {
    return this.op("Delete", location);
  }
  insert(location: Location, index: number, value: unknown): this {
    return this.op("Insert", location, { index, value });
  }
  append(location: Location, value: unknown): this {
    return this.op("Append", location, { value });
  }
  prepend(location: Location, value: unknown): this {
    return this.op("Prepend", location, { value });
  }
  add(location: Location, value: number): this {
    return this.op("Add", location, { value });
  }
  sub(location: Location, value: number): this {
    return this.op("Sub", location, { value });
  }
  mul(location: Location, value: number): this {
    return this.op("Mul", location, { value });
  }
  div(location: Location, value: number): this {
    return this.op("Div", location, { value });
  }
  clear(location: Location): this {
    return this.op("Clear", location);
  }
  reverse(location: Location): this {
    return this.op("Reverse", location);
  }
  remove(location: Location, value: unknown): this {
    return this.op("Remove", location, { value });
  }

  /** The object to return from a clientside callback or pass to `set_props`. */
  build(): PatchObject {
    return { __dash_patch_update: "__dash_patch_update", operations: this.operations.slice() };
  }
}
