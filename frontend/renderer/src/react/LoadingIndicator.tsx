// `div._dash-loading-callback` after the app while callbacks are pending (renderer §2.13).
import React from "react";
import { useEngine } from "./contexts";

export function LoadingIndicator(): React.ReactElement | null {
  const store = useEngine().store;
  const busy = React.useSyncExternalStore(store.subscribeStatus, () => store.isLoading);
  return busy ? React.createElement("div", { className: "_dash-loading-callback" }) : null;
}
