// Turning a callback answer into prop updates per component (renderer §2.2, §2.6, §2.8). Pure: the
// engine writes the updates into the store and queues what they trigger.
import type { CallbackDef } from "./graph/graph";
import { canonicalIdText, stringifyId, stripHash } from "./ids";
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

/** `running` / `runningOff` maps: `idString.prop` → value, grouped per component. */
export function propIdUpdates(map: Record<string, unknown> | undefined): ComponentUpdate[] {
  if (!map) return [];
  const byId = new Map<string, Props>();
  for (const [key, value] of Object.entries(map)) {
    const dot = key.lastIndexOf(".");
    const id = canonicalIdText(key.slice(0, dot));
    const props = byId.get(id) || {};
    props[stripHash(key.slice(dot + 1))] = value;
    byId.set(id, props);
  }
  return [...byId].map(([id, props]) => ({ id, props }));
}
