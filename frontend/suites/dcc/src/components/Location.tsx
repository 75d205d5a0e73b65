// dcc.Location: no DOM; mirrors the address bar into props and props into the address bar.
import React from "react";
import { HISTORY_CHANGE_EVENT, PUSHSTATE_EVENT } from "../logic/history";
import { planLocation, staleFields, urlParts } from "../logic/location";
import type { Refresh } from "../logic/location";
import { sendProps } from "../page";
import type { RendererProps } from "../page";

export interface LocationProps extends RendererProps {
  pathname?: string;
  search?: string;
  hash?: string;
  href?: string;
  refresh?: Refresh;
}

function sendIfAny(props: LocationProps, changes: Record<string, unknown>): void {
  if (Object.keys(changes).length) sendProps(props, changes);
}

export function Location(props: LocationProps): null {
  const latest = React.useRef(props);
  latest.current = props;
  const { pathname, search, hash, href } = props;
  const refresh = props.refresh ?? true;

  React.useEffect(() => {
    const plan = planLocation({ pathname, search, hash, href }, urlParts(window.location), refresh);
    if (plan.mode === "reload" && plan.target !== null) {
      window.location.assign(plan.target);
      return;
    }
    if (plan.target !== null) {
      window.history.pushState({}, "", plan.target);
      if (plan.mode === "push-announce") {
        window.dispatchEvent(new CustomEvent(PUSHSTATE_EVENT));
        return;
      }
      sendIfAny(latest.current, staleFields(latest.current, urlParts(window.location)));
      return;
    }
    sendIfAny(latest.current, plan.fill);
  }, [pathname, search, hash, href]);

  React.useEffect(() => {
    const onNavigation = (): void => {
      sendIfAny(latest.current, staleFields(latest.current, urlParts(window.location)));
      window.dispatchEvent(new CustomEvent(HISTORY_CHANGE_EVENT));
    };
    window.addEventListener("popstate", onNavigation);
    window.addEventListener(PUSHSTATE_EVENT, onNavigation);
    return () => {
      window.removeEventListener("popstate", onNavigation);
      window.removeEventListener(PUSHSTATE_EVENT, onNavigation);
    };
  }, []);

  return null;
}
