// Clientside callbacks (renderer §2.11): call `dash_clientside[ns][fn]` with Input then State values,
// with `callback_context` present only during the synchronous call.
import type { CallbackDef } from "./graph/graph";
import { splitPropId, stringifyId, stripHash } from "./ids";
import type { CallbackPayload, DependencyEntry, DependencyValue, OutputTarget } from "./request";
import type { Outcome } from "./scheduler/scheduler";
import type { CallbackResponse, Props } from "./types";

/** The parts of `window.dash_clientside` used here. */
export interface ClientsideNamespace {
  no_update: unknown;
  PreventUpdate: unknown;
  callback_context?: unknown;
  [namespace: string]: unknown;
}

function valueOf(dep: DependencyEntry<DependencyValue>): unknown {
  return Array.isArray(dep) ? dep.map((item) => item.value) : dep.value;
}

function byPropId(deps: DependencyEntry<DependencyValue>[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const dep of deps.flat()) out[`${stringifyId(dep.id)}.${dep.property}`] = dep.value;
  return out;
}

/** The `callback_context` object of one call. */
export function clientsideContext(payload: CallbackPayload): Record<string, unknown> {
  const inputs = byPropId(payload.inputs);
  const states = byPropId(payload.state || []);
  const triggered = payload.changedPropIds.map((prop_id) => ({ prop_id, value: inputs[prop_id] }));
  return {
    triggered,
    triggered_id: triggered.length ? splitPropId(triggered[0].prop_id).id : undefined,
    inputs,
    inputs_list: payload.inputs,
    states,
    states_list: payload.state || [],
    outputs_list: payload.outputs,
  };
}

function isPreventUpdate(error: unknown, api: ClientsideNamespace): boolean {
  return error === api.PreventUpdate || (typeof api.PreventUpdate === "function" && error instanceof api.PreventUpdate);
}

function isNoUpdate(value: unknown, api: ClientsideNamespace): boolean {
  return (
    value === api.no_update ||
    (typeof value === "object" && value !== null && (value as Props)._dash_no_update === "_dash_no_update")
  );
}


/** The declared outputs of a payload, one entry (or list, for ALL) per Output. */
function declaredOutputs(cb: CallbackDef, payload: CallbackPayload): DependencyEntry<OutputTarget>[] {
  const outputs = payload.outputs;
  if (outputs === undefined) return [];
  return cb.multi ? (outputs as DependencyEntry<OutputTarget>[]) : [outputs as DependencyEntry<OutputTarget>];
}

function setOutput(response: Record<string, Props>, target: OutputTarget, value: unknown): void {
  const id = stringifyId(target.id);
  (response[id] || (response[id] = {}))[stripHash(target.property)] = value;
}

/** Turn the function's return value into a `{multi, response}` answer (or skip / error). */
export function resultToOutcome(
  cb: CallbackDef,
  result: unknown,
  api: ClientsideNamespace,
  payload: CallbackPayload,
): Outcome {
  if (cb.noOutput || isNoUpdate(result, api)) return { kind: "data", data: { multi: true, response: {} } };
  const values = cb.multi ? result : [result];
  const targets = declaredOutputs(cb, payload);
  if (!Array.isArray(values) || values.length !== targets.length) {
    return {
      kind: "error",
      message: `Expected a list of ${targets.length} values, got ${JSON.stringify(result)}.`,
    };
  }
  const response: Record<string, Props> = {};
  for (let i = 0; i < targets.length; i++) {
    const target = targets[i];
    const value = values[i];
    if (isNoUpdate(value, api)) continue;
    if (!Array.isArray(target)) {
      setOutput(response, target, value);
      continue;
    }
    if (!Array.isArray(value) || value.length !== target.length) {
      return {
        kind: "error",
        message: `Output ${i} is a wildcard list of ${target.length} components: return a list of as many values, got ${JSON.stringify(value)}.`,
      };
    }
    target.forEach((item, j) => {
      if (!isNoUpdate(value[j], api)) setOutput(response, item, value[j]);
    });
  }
  const data: CallbackResponse = { multi: true, response };
  return { kind: "data", data };
}

/** Call the clientside function of `cb` with the values of `payload`. */
export async function runClientside(
  cb: CallbackDef,
  payload: CallbackPayload,
  api: ClientsideNamespace,
): Promise<Outcome> {
  const { namespace, function_name } = cb.clientside as { namespace: string; function_name: string };
  const scope = api[namespace] as Record<string, unknown> | undefined;
  const fn = scope && scope[function_name];
  if (typeof fn !== "function") {
    return { kind: "error", message: `dash_clientside.${namespace}.${function_name} is not a function.` };
  }
  const args = [...payload.inputs.map(valueOf), ...(payload.state || []).map(valueOf)];
  let result: unknown;
  api.callback_context = clientsideContext(payload);
  try {
    result = fn(...args);
  } catch (error) {
    return failure(cb, error, api);
  } finally {
    delete api.callback_context;
  }
  if (result && typeof (result as PromiseLike<unknown>).then === "function") {
    try {
      result = await result;
    } catch (error) {
      return failure(cb, error, api);
    }
  }
  return resultToOutcome(cb, result, api, payload);
}

function failure(cb: CallbackDef, error: unknown, api: ClientsideNamespace): Outcome {
  if (isPreventUpdate(error, api)) return { kind: "prevent" };
  const detail = error instanceof Error ? `${error.message}\n${error.stack || ""}` : String(error);
  return { kind: "error", message: detail };
}
