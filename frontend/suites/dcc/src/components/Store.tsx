// dcc.Store: no DOM; keeps `data` in memory, localStorage or sessionStorage (renderer §5.4).
import React from "react";
import { MemoryBackend, WebStorageBackend, applyStep, mountStep, storageEventProps, updateStep } from "../logic/store";
import type { StoreBackend, StorageType } from "../logic/store";
import { domId, sendProps } from "../page";
import type { RendererProps } from "../page";

export interface StoreProps extends RendererProps {
  id?: unknown;
  storage_type?: StorageType;
  data?: unknown;
  clear_data?: boolean;
}

function makeBackend(type: StorageType | undefined): StoreBackend {
  if (type === "local") return new WebStorageBackend(window.localStorage);
  if (type === "session") return new WebStorageBackend(window.sessionStorage);
  return new MemoryBackend();
}

export function Store(props: StoreProps): null {
  const type = props.storage_type ?? "memory";
  const key = domId(props.id) ?? "";
  const backend = React.useMemo(() => makeBackend(type), [type]);
  const mounted = React.useRef<{ backend: StoreBackend; key: string } | null>(null);
  const latest = React.useRef(props);
  latest.current = props;

  React.useEffect(() => {
    const fresh = !mounted.current || mounted.current.backend !== backend || mounted.current.key !== key;
    mounted.current = { backend, key };
    const step = fresh ? mountStep(backend, key, props.data) : updateStep(backend, key, props.data, props.clear_data);
    const changes = applyStep(backend, key, step);
    if (changes) sendProps(latest.current, changes);
  }, [backend, key, props.data, props.clear_data]);

  React.useEffect(() => {
    if (!(backend instanceof WebStorageBackend)) return undefined;
    const onStorage = (event: StorageEvent): void => {
      if (event.storageArea !== backend.storage) return;
      const changes = storageEventProps(backend, key, event);
      if (changes) sendProps(latest.current, changes);
    };
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, [backend, key]);

  return null;
}
