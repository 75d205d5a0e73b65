// Turning a callback answer into prop updates per component (renderer §2.2, §2.6, §2.8). Pure: the
// engine writes the updates into the store and queues what they trigger.
import type { CallbackDef } from "./graph/graph";
import { isPattern, type MatchValues } from "./graph/patterns";
import { resolveId, type LayoutLookup } from "./graph/resolve";
import { canonicalIdText, parseIdText, stringifyId, stripHash } from "./ids";
import type { CallbackResponse, Props } from "./types";

/** Props to write into one component, keyed by its canonical id text. */
export interface ComponentUpdate {
  id: string;
  props: Props;
}

function cleanProps(props: Props): Props {
  let clean: Props | null = null;
  for (const key of Object.keys(props)) {
    if (key.includes("@")) {
      clean = clean || { ...props };
      delete clean[key];
      clean[stripHash(key)] = props[key];
    }
  }
  return clean || props;
}

/** The outputs of an answer: `{multi, response: {id: {prop: v}}}` or the legacy `{response: {props}}`. */
export function outputUpdates(data: CallbackResponse, cb: CallbackDef): ComponentUpdate[] {
  const response = data.response;
  if (!response || typeof response !== "object") return [];
  if (!data.multi && "props" in response && cb.outputs.length === 1) {
    return [{ id: stringifyId(cb.outputs[0].id), props: cleanProps(response.props as Props) }];
  }
  return Object.entries(response as Record<string, Props>).map(([id, props]) => ({
    id: canonicalIdText(id),
    props: cleanProps(props || {}),
  }));
}

/** `sideUpdate`: keys are `idString` → props, or `idString.prop` → value (several merge per id). */
export function sideUpdates(sideUpdate: Record<string, unknown> | undefined): ComponentUpdate[] {
  if (!sideUpdate) return [];
  const byId = new Map<string, Props>();
  for (const [key, value] of Object.entries(sideUpdate)) {
    const dot = key.lastIndexOf(".");
    const wholeId = key.startsWith("{") ? key.endsWith("}") : dot === -1;
    const id = canonicalIdText(wholeId ? key : key.slice(0, dot));
    const props = byId.get(id) || {};
    if (wholeId) Object.assign(props, cleanProps((value || {}) as Props));
    else props[stripHash(key.slice(dot + 1))] = value;
    byId.set(id, props);
  }
  return [...byId].map(([id, props]) => ({ id, props }));
}

/**
 * `running` / `runningOff` of one callback instance: wildcard ids expand relative to the trigger
 * (MATCH takes the instance's values, ALL every match in the layout).
 */
export function runningUpdates(
  map: Record<string, unknown> | undefined,
  match: MatchValues | null,
  layout: LayoutLookup,
): ComponentUpdate[] {
  if (!map) return [];
  const byId = new Map<string, Props>();
  for (const [key, value] of Object.entries(map)) {
    const dot = key.lastIndexOf(".");
    const id = parseIdText(key.slice(0, dot));
    const targets = isPattern(id) ? resolveId(id, layout, match).map((found) => found.idText) : [stringifyId(id)];
    for (const target of targets) {
      const props = byId.get(target) || {};
      props[stripHash(key.slice(dot + 1))] = value;
      byId.set(target, props);
    }
  }
  return [...byId].map(([id, props]) => ({ id, props }));
}
