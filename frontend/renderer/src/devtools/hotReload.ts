// Hot reload in the page (renderer §4, protocol-server §16.2): poll `_reload-hash`, decide what a new
// hash means (swap CSS, reload the page, or re-fetch layout and callbacks), give up after too many
// failures. The decision is pure; the poller takes its clock, HTTP and page actions as arguments.

/** A changed asset file, as the server lists it. */
export interface ChangedFile {
  url: string;
  /** New modification time; 0 or less when the file was deleted. */
  modified: number;
  is_css: boolean;
}

/** The `_reload-hash` answer. */
export interface ReloadAnswer {
  reloadHash: string | null;
  hard: boolean;
  packages: string[];
  files: ChangedFile[];
}

export type ReloadDecision =
  | { kind: "baseline" }
  | { kind: "none" }
  | { kind: "css"; files: ChangedFile[] }
  | { kind: "full" }
  | { kind: "soft" };

function samePackages(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

/**
 * What to do with an answer, given the last one acted on (null before the first). The first answer
 * only sets the baseline. A new hash with `hard` or other packages swaps CSS when every changed file
 * is a stylesheet and reloads the page otherwise; a new hash without them (the Python process
 * restarted) is a soft reload.
 */
export function decideReload(previous: ReloadAnswer | null, answer: ReloadAnswer): ReloadDecision {
  if (previous === null) return { kind: "baseline" };
  if (answer.reloadHash === previous.reloadHash) return { kind: "none" };
  if (answer.hard || !samePackages(previous.packages, answer.packages)) {
    const files = answer.files || [];
    return files.length && files.every((file) => file.is_css) ? { kind: "css", files } : { kind: "full" };
  }
  return { kind: "soft" };
}

/** The href of the stylesheet that replaces a changed one (null for a deleted file). */
export function refreshedHref(file: ChangedFile): string | null {
  return file.modified > 0 ? `${file.url}?m=${file.modified}` : null;
}

/** Disable the page's `<link>`s of each changed stylesheet and add the new version. */
export function swapStylesheets(doc: Document, files: readonly ChangedFile[]): void {
  const links = Array.from(doc.querySelectorAll<HTMLLinkElement>("link[href]"));
  for (const file of files) {
    for (const link of links) {
      if ((link.getAttribute("href") || "").includes(file.url)) link.disabled = true;
    }
    const href = refreshedHref(file);
    if (href === null) continue;
    const link = doc.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    doc.head.appendChild(link);
  }
}

export type ServerStatus = "available" | "unavailable" | "cold";

/** What the poller needs from the page. */
export interface PollerEnvironment {
  /** GET the `_reload-hash` route: status and body text; rejects when the server is unreachable. */
  fetchHash(): Promise<{ status: number; text: string }>;
  schedule(task: () => void, ms: number): void;
  swapCss(files: ChangedFile[]): void;
  reloadPage(): void;
  softReload(): void;
  /** Called when polling stops for good after `maxRetry` failures. */
  giveUp(message: string): void;
  onStatus(status: ServerStatus): void;
}

export class HotReloadPoller {
  private last: ReloadAnswer | null = null;
  private failures = 0;
  private stopped = false;

  constructor(
    private readonly env: PollerEnvironment,
    private readonly interval: number,
    private readonly maxRetry: number,
  ) {}

  start(): void {
    this.env.schedule(() => void this.poll(), 0);
  }

  stop(): void {
    this.stopped = true;
  }

  /** One poll; schedules the next unless polling stopped. */
  async poll(): Promise<void> {
    if (this.stopped) return;
    let answer: ReloadAnswer | null = null;
    try {
      const result = await this.env.fetchHash();
      if (result.status === 200) answer = JSON.parse(result.text) as ReloadAnswer;
    } catch {
      answer = null;
    }
    if (answer === null) return this.failed();
    this.failures = 0;
    this.env.onStatus("available");
    if (this.act(answer)) this.next();
  }

  /** Apply a decision; false when the page goes away (no further polling). */
  private act(answer: ReloadAnswer): boolean {
    const decision = decideReload(this.last, answer);
    if (decision.kind !== "none") this.last = answer;
    if (decision.kind === "css") this.env.swapCss(decision.files);
    else if (decision.kind === "soft") this.env.softReload();
    else if (decision.kind === "full") {
      this.stopped = true;
      this.env.reloadPage();
      return false;
    }
    return true;
  }

  private failed(): void {
    this.failures += 1;
    this.env.onStatus("unavailable");
    if (this.failures > this.maxRetry) {
      this.stopped = true;
      this.env.giveUp(`Hot reloading is disabled after ${this.failures} failed attempts to reach the server.`);
      return;
    }
    this.next();
  }

  private next(): void {
    if (!this.stopped) this.env.schedule(() => void this.poll(), this.interval);
  }
}
