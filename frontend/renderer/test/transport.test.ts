import assert from "node:assert/strict";
import { test } from "node:test";
import { plotlyUrl, requestPrefix } from "../src/config";
import { Transport, type Fetcher } from "../src/transport";
import { answer, div, FakeServer, settle, spec } from "./helpers";

type Call = { url: string; init: Parameters<Fetcher>[1] };

function recorder(statuses: number[] = [200]): { calls: Call[]; fetcher: Fetcher } {
  const calls: Call[] = [];
  const fetcher: Fetcher = (url, init) => {
    calls.push({ url, init });
    const status = statuses[Math.min(calls.length - 1, statuses.length - 1)];
    return Promise.resolve({ status, text: () => Promise.resolve(status === 401 ? "JWT Expired" : "{}") });
  };
  return { calls, fetcher };
}

test("the request prefix always ends with a slash", () => {
  assert.equal(requestPrefix({ requests_pathname_prefix: "/app" }), "/app/");
  assert.equal(requestPrefix({ requests_pathname_prefix: "/app/" }), "/app/");
  assert.equal(requestPrefix({ url_base_pathname: "/base/" }), "/base/");
  assert.equal(requestPrefix({}), "/");
});

test("plotly.js comes from the package when served locally, else from the CDN url", () => {
  assert.equal(
    plotlyUrl({ serve_locally: true, requests_pathname_prefix: "/p/" }),
    "/p/_dash-component-suites/plotly/package_data/plotly.min.js",
  );
  assert.equal(plotlyUrl({ serve_locally: false, plotlyjs_url: "https://cdn/x.js" }), "https://cdn/x.js");
});

test("requests are same-origin JSON with the CSRF cookie copied into its header", async () => {
  const { calls, fetcher } = recorder();
  const config = { requests_pathname_prefix: "/app/", csrf_token_name: "tok", csrf_header_name: "X-Tok" };
  const transport = new Transport(config, fetcher, () => "a=1; tok=s%20ecret; b=2");
  await transport.post("_dash-update-component", { x: 1 });
  assert.equal(calls[0].url, "/app/_dash-update-component");
  assert.equal(calls[0].init.credentials, "same-origin");
  assert.equal(calls[0].init.headers["Content-Type"], "application/json");
  assert.equal(calls[0].init.headers.Accept, "application/json");
  assert.equal(calls[0].init.headers["X-Tok"], "s ecret");
  assert.equal(calls[0].init.body, '{"x":1}');
});

test("no CSRF header without the cookie", async () => {
  const { calls, fetcher } = recorder();
  await new Transport({}, fetcher, () => "other=1").get("_dash-layout");
  assert.equal("X-CSRFToken" in calls[0].init.headers, false);
});

test("an expired JWT is refreshed once and the request retried with the new token", async () => {
  const { calls, fetcher } = recorder([401, 200]);
  const transport = new Transport({}, fetcher, () => "", () => Promise.resolve("new-token"));
  const result = await transport.post("_dash-update-component", {});
  assert.equal(result.status, 200);
  assert.equal(calls.length, 2);
  assert.equal(calls[1].init.headers.Authorization, "Bearer new-token");
});

test("request hooks see the payload and the answer; layout_post may edit the layout", async () => {
  const server = new FakeServer();
  server.layout = div({ children: [div({ id: "in", value: 1 }), div({ id: "out" })] });
  server.deps = [spec([["out", "children"]], [["in", "value"]])];
  server.auto = () => answer({ out: { children: "x" } });
  const seen: string[] = [];
  const { Engine } = await import("../src/engine");
  const engine = new Engine({
    config: {},
    transport: new Transport({}, server.fetcher),
    hooks: {
      layout_pre: () => seen.push("layout_pre"),
      layout_post: (layout) => {
        seen.push("layout_post");
        (layout as { props: { title?: string } }).props.title = "edited";
      },
      request_pre: (payload) => seen.push(`pre ${(payload as { output: string }).output}`),
      request_post: (_, json) => seen.push(`post ${JSON.stringify((json as { response: unknown }).response)}`),
      callback_resolved: (cbSpec) => seen.push(`resolved ${cbSpec.output}`),
    },
  });
  await engine.load();
  engine.start();
  await settle(engine);
  assert.deepEqual(seen, ["layout_pre", "layout_post", "pre out.children", 'post {"out":{"children":"x"}}', "resolved out.children"]);
  assert.equal(engine.store.nodeAt(["components"])?.props.title, "edited");
});

test("a failing layout request shows the loading error and stops the busy state", async () => {
  const server = new FakeServer();
  const failing: Fetcher = (url, init) =>
    url.endsWith("_dash-layout") ? Promise.resolve({ status: 500, text: () => Promise.resolve("err") }) : server.fetcher(url, init);
  const { Engine } = await import("../src/engine");
  const engine = new Engine({ config: {}, transport: new Transport({}, failing) });
  await engine.load();
  assert.equal(engine.store.status, "error");
  assert.equal(engine.store.errorMessage, "Error loading layout");
  assert.equal(engine.store.getState().isLoading, false);
});
