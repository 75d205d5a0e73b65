// HTTP to the Dash server (renderer §1 step 1, §2.14): same-origin credentials, JSON headers, the CSRF
// cookie copied into its header, and a JWT refresh-and-retry when the page provides the hook.
import { requestPrefix } from "./config";
import type { DashConfig } from "./types";

export interface HttpResult {
  status: number;
  /** Raw body text (JSON for 200 answers of the Dash routes). */
  text: string;
}

/** The subset of `fetch` the transport uses (a fake in tests). */
export type Fetcher = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; credentials: "same-origin" },
) => Promise<{ status: number; text(): Promise<string> }>;

export type RefreshJwt = (oldToken: string) => Promise<string | undefined> | string | undefined;

function readCookie(cookies: string, name: string): string | undefined {
  for (const part of cookies.split(";")) {
    const eq = part.indexOf("=");
    if (eq !== -1 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

export class Transport {
  private token: string | undefined;
  private refreshing: Promise<string | undefined> | null = null;

  constructor(
    private readonly config: DashConfig,
    private readonly fetcher: Fetcher,
    private readonly cookies: () => string = () => "",
    private readonly refreshJwt?: RefreshJwt,
  ) {}

  /** Full URL of a Dash route. */
  url(route: string): string {
    return requestPrefix(this.config) + route;
  }

  get(route: string): Promise<HttpResult> {
    return this.send("GET", route);
  }

  post(route: string, payload: unknown): Promise<HttpResult> {
    return this.send("POST", route, JSON.stringify(payload));
  }

  private headers(): Record<string, string> {
    const headers: Record<string, string> = { Accept: "application/json", "Content-Type": "application/json" };
    const csrf = readCookie(this.cookies(), this.config.csrf_token_name || "_csrf_token");
    if (csrf !== undefined) headers[this.config.csrf_header_name || "X-CSRFToken"] = csrf;
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    return headers;
  }

  private async send(method: string, route: string, body?: string, retried = false): Promise<HttpResult> {
    const response = await this.fetcher(this.url(route), {
      method,
      headers: this.headers(),
      body,
      credentials: "same-origin",
    });
    const result = { status: response.status, text: await response.text() };
    if (!retried && this.refreshJwt && (result.status === 400 || result.status === 401)) {
      if (result.text.includes("JWT Expired") && (await this.refreshToken())) {
        return this.send(method, route, body, true);
      }
    }
    return result;
  }

  /** One refresh at a time, shared by every request that hit the expiry. */
  private async refreshToken(): Promise<boolean> {
    if (!this.refreshing) {
      const old = this.token || "";
      this.refreshing = Promise.resolve(this.refreshJwt!(old)).finally(() => {
        this.refreshing = null;
      });
    }
    const token = await this.refreshing;
    if (token) this.token = token;
    return Boolean(token);
  }
}
