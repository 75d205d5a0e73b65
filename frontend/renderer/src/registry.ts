// Every renderer on the page (usually one): `window.dash_stores` for libraries, engines for set_props.
import type { Engine } from "./engine";
import { stringifyId } from "./ids";
import type { DashStore } from "./store/store";
import type { DashId, LayoutPath, Props } from "./types";
import { dashWindow } from "./window";

const engines: Engine[] = [];

export function register(engine: Engine): void {
  engines.push(engine);
  const w = dashWindow();
  (w.dash_stores = w.dash_stores || []).push(engine.store);
  w.store = engine.store;
}

function stores(): DashStore[] {
  return dashWindow().dash_stores || [];
}

/** `getLayout(pathOrId)`: a layout path (ending in `props` gives the props) or a string/dict id. */
export function getLayout(target: LayoutPath | DashId): unknown {
  for (const store of stores()) {
    if (Array.isArray(target)) {
      const found = store.get(target);
      if (found !== undefined) return found;
    } else {
      const path = store.pathOf(stringifyId(target));
      if (path) return store.get(path);
    }
  }
  return undefined;
}

/** `dash_clientside.set_props(idOrPath, props)` on whichever renderer holds the component. */
export function setPropsAnywhere(target: DashId | LayoutPath, props: Props): void {
  for (const engine of engines) {
    if (engine.setPropsFrom(target, props, "clientsideApi")) return;
  }
}
