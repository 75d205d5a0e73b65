// Wires the dev tools into one renderer (only with config `ui`): the error reporter, the network
// figures of callback requests, clean_url warnings, the hot-reload poller and the stylesheet.
import { isDangerousUrl } from "../cleanUrl";
import { requestPrefix } from "../config";
import type { Fetcher } from "../transport";
import type { DashConfig } from "../types";
import type { ErrorDetails } from "./errors";
import { HotReloadPoller, swapStylesheets, type ChangedFile, type ServerStatus } from "./hotReload";
import { DevToolsState, type FlagStorage } from "./state";
import { parseServerTiming, type CallRecord } from "./stats";
import { injectStyles } from "./styles";

const UPDATE_ROUTE = "_dash-update-component";

/** What the page gives the dev tools. */
export interface DevToolsPage {
  doc: Document;
  storage: FlagStorage | null;
}

export class DevTools {
  readonly state: DevToolsState;
  constructor(config: DashConfig, page: DevToolsPage) {
    this.state = new DevToolsState(Boolean(config.hot_reload), page.storage);
    injectStyles(page.doc);
  }

  /** The engine's error reporter: a card in the Errors popup, and the console as before. */
  report = (title: string, message: string, details: ErrorDetails = {}): void => {
    this.state.report(title, message, details);
    console.error(`${title}\n${message}`);
  };

  /** A finished callback call (engine observer). */
  recordCall = (output: string, record: CallRecord): void => {
    this.state.recordCall(output, record);
  };

  /** `fetch` that also notes timings and sizes of callback requests. */
  measuringFetcher(inner: Fetcher): Fetcher {
    return async (url, init) => {
      if (!url.includes(UPDATE_ROUTE) || !init.body) return inner(url, init);
      const started = performance.now();
      const response = await inner(url, init);
      const text = await response.text();
      const headers = (response as { headers?: { get(name: string): string | null } }).headers;
      this.state.noteNetwork(outputOf(init.body), {
        network: Math.round(performance.now() - started),
        upload: init.body.length,
        download: text.length,
        status: response.status,
        serverTimings: parseServerTiming(headers ? headers.get("Server-Timing") : null),
      });
      return { status: response.status, headers, text: async () => text };
    };
  }

  /** `dash_clientside.clean_url` that reports the URLs it blocks. */
  reportingCleanUrl(clean: (url: unknown, fallback?: string) => unknown): (url: unknown, fallback?: string) => unknown {
    const reported = new Set<string>();
    return (url, fallback) => {
      const result = clean(url, fallback);
      if (typeof url === "string" && result !== url && !reported.has(url) && isDangerousUrl(url)) {
        reported.add(url);
        // Called while a component renders: report once that render is over.
        setTimeout(() => this.report(
          "Dangerous URL blocked",
          `The URL "${url}" would run script when followed, so it was replaced by "${String(result)}". ` +
            "Use an http(s), mailto or relative URL instead.",
        ), 0);
      }
      return result;
    };
  }
}

/** What the hot-reload poller needs from the page besides the config. */
export interface ReloadPage {
  doc: Document;
  alert: (message: string) => void;
  reload: () => void;
  /** GET a URL: status and body text. */
  fetchText: (url: string) => Promise<{ status: number; text: string }>;
}

/**
 * Poll `_reload-hash` when the config has `hot_reload` (with or without the UI); `softReload`
 * re-fetches layout and callbacks. Returns the poller, or null when hot reload is off.
 */
export function startHotReload(
  config: DashConfig,
  page: ReloadPage,
  softReload: () => void,
  onStatus: (status: ServerStatus) => void,
): HotReloadPoller | null {
  const settings = config.hot_reload as { interval?: number; max_retry?: number } | undefined;
  if (!settings) return null;
  const url = `${requestPrefix(config)}_reload-hash`;
  const poller = new HotReloadPoller(
    {
      fetchHash: () => page.fetchText(url),
      schedule: (task, ms) => void setTimeout(task, ms),
      swapCss: (files: ChangedFile[]) => swapStylesheets(page.doc, files),
      reloadPage: page.reload,
      softReload,
      giveUp: page.alert,
      onStatus,
    },
    settings.interval || 3000,
    settings.max_retry === undefined ? 8 : settings.max_retry,
  );
  poller.start();
  return poller;
}

function outputOf(body: string): string {
  try {
    return String((JSON.parse(body) as { output?: unknown }).output);
  } catch {
    return "";
  }
}
