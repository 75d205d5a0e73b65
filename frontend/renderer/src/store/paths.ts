// The id → path index of the layout (`state.paths = {strs, objs}`, renderer §2.1).
import { ChildrenProps, forEachComponentAt, isComponent, propsOf } from "../childrenProps";
import { stringifyId } from "../ids";
import type { DashId, DictId, IdValue, LayoutNode, LayoutPath, PathKey } from "../types";
import { samePath } from "./layout";

/** One dict-id component: its values in sorted-key order and where it lives. */
export interface DictIdEntry {
  values: IdValue[];
  path: LayoutPath;
}

export type NodeVisitor = (node: LayoutNode, path: LayoutPath) => void;

/** Visit every component of a layout value (a component, or a list of them), depth first. */
export function crawlLayout(value: unknown, path: LayoutPath, children: ChildrenProps, visit: NodeVisitor): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => crawlLayout(item, [...path, i], children, visit));
    return;
  }
  if (!isComponent(value)) return;
  visit(value, path);
  const props = propsOf(value);
  for (const spec of children.specsFor(value.namespace, value.type)) {
    forEachComponentAt(props, spec, (rel, child) =>
      crawlLayout(child, [...path, "props", ...rel], children, visit),
    );
  }
}

const NO_ENTRIES: readonly DictIdEntry[] = [];

/** Key of a dict id's shape in `objs`: its sorted keys joined by commas. */
export function dictKeys(id: DictId): string {
  return Object.keys(id).sort().join(",");
}

function dictValues(id: DictId): IdValue[] {
  return Object.keys(id)
    .sort()
    .map((key) => id[key]);
}

/** Ids of the layout and their paths; kept current as subtrees are replaced. */
export class PathIndex {
  readonly strs: Record<string, LayoutPath> = {};
  readonly objs: Record<string, DictIdEntry[]> = {};
  private readonly byId = new Map<string, LayoutPath>();

  constructor(private readonly children: ChildrenProps) {}

  /** Index every id inside `value` (found at `path`); returns the ids added, in crawl order. */
  add(value: unknown, path: LayoutPath): DashId[] {
    const added: DashId[] = [];
    crawlLayout(value, path, this.children, (node, nodePath) => {
      const id = propsOf(node).id as DashId | undefined;
      if (id === undefined || id === null) return;
      this.addId(id, nodePath);
      added.push(id);
    });
    return added;
  }

  /** Forget the ids inside `value` (an old subtree that lived at `path`); returns them. */
  remove(value: unknown, path: LayoutPath): DashId[] {
    const removed: DashId[] = [];
    crawlLayout(value, path, this.children, (node, nodePath) => {
      const id = propsOf(node).id as DashId | undefined;
      if (id === undefined || id === null) return;
      this.removeId(id, nodePath);
      removed.push(id);
    });
    return removed;
  }

  /** Dict-id entries of one key set (sorted keys joined by commas), in crawl order. */
  dictEntries(keySet: string): readonly DictIdEntry[] {
    return this.objs[keySet] || NO_ENTRIES;
  }

  /** Record one id at `path`; returns its canonical text. */
  addId(id: DashId, path: LayoutPath): string {
    const text = stringifyId(id);
    this.byId.set(text, path);
    if (typeof id === "object") {
      const key = dictKeys(id);
      const list = this.objs[key] || (this.objs[key] = []);
      const existing = list.findIndex((entry) => samePath(entry.path, path));
      if (existing !== -1) list.splice(existing, 1);
      list.push({ values: dictValues(id), path });
    } else {
      this.strs[text] = path;
    }
    return text;
  }

  /** Forget one id if it is still recorded at `path`. */
  removeId(id: DashId, path: readonly PathKey[]): void {
    const text = stringifyId(id);
    const current = this.byId.get(text);
    if (current && samePath(current, path)) this.byId.delete(text);
    if (typeof id === "object") {
      const key = dictKeys(id);
      const list = this.objs[key];
      if (!list) return;
      const at = list.findIndex((entry) => samePath(entry.path, path));
      if (at !== -1) list.splice(at, 1);
      if (!list.length) delete this.objs[key];
    } else if (this.strs[text] && samePath(this.strs[text], path)) {
      delete this.strs[text];
    }
  }

  /** Path of a component from its canonical id text (see `stringifyId`). */
  pathOf(canonicalId: string): LayoutPath | undefined {
    return this.byId.get(canonicalId);
  }

  has(canonicalId: string): boolean {
    return this.byId.has(canonicalId);
  }

  /** Every canonical id currently in the layout. */
  ids(): IterableIterator<string> {
    return this.byId.keys();
  }

  /** String ids currently in the layout (for error messages). */
  stringIds(): string[] {
    return Object.keys(this.strs);
  }
}
