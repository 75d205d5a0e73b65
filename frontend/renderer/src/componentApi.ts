// `window.dash_component_api` (renderer §3.4): what component libraries use at render time.
import React from "react";
import { stringifyId } from "./ids";
import { DashContext } from "./react/contexts";
import type { DashContextValue } from "./react/dashContext";
import { ExternalWrapper } from "./react/ExternalWrapper";
import { getLayout } from "./registry";

const outside: DashContextValue = {
  componentPath: [],
  isLoading: () => false,
  useLoading: () => false,
  useSelector: () => undefined as never,
  useDispatch: () => (action) => action,
  useStore: () => {
    throw new Error("useDashContext().useStore() was called outside of a Dash component.");
  },
};

/** The context of the component being rendered; logs an error when called outside of a wrapper. */
export function useDashContext(): DashContextValue {
  const context = React.useContext(DashContext);
  if (context) return context;
  console.error("useDashContext() was called outside of a Dash component wrapper.");
  return outside;
}

export function componentApi(): Record<string, unknown> {
  return {
    useDashContext,
    DashContext,
    getLayout,
    stringifyId,
    ExternalWrapper,
    devtool: {},
    callbackGraphTime: "0",
  };
}
