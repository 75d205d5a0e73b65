// React contexts: the engine of the renderer a subtree belongs to, and the public DashContext.
import React from "react";
import type { Engine } from "../engine";
import type { DashContextValue } from "./dashContext";

export const EngineContext = React.createContext<Engine | null>(null);

/** Given to each component by its wrapper; read with `dash_component_api.useDashContext()`. */
export const DashContext = React.createContext<DashContextValue | null>(null);

export function useEngine(): Engine {
  const engine = React.useContext(EngineContext);
  if (!engine) throw new Error("A Dash component was rendered outside of a DashRenderer tree.");
  return engine;
}
