import assert from "node:assert/strict";
import { test } from "node:test";
import { decideReload, HotReloadPoller, refreshedHref, type ReloadAnswer } from "../src/devtools/hotReload";

function answer(hash: string | null, extra: Partial<ReloadAnswer> = {}): ReloadAnswer {
  return { reloadHash: hash, hard: false, packages: ["dash"], files: [], ...extra };
}
const css = (url: string, modified = 5) => ({ url, modified, is_css: true });

test("the first answer only sets the baseline, an unchanged hash does nothing", () => {
  assert.deepEqual(decideReload(null, answer("a", { hard: true })), { kind: "baseline" });
  assert.deepEqual(decideReload(answer("a"), answer("a", { hard: true, files: [css("/assets/s.css")] })), { kind: "none" });
});

test("a hard change of stylesheets only swaps them", () => {
  const files = [css("/assets/a.css"), css("/assets/b.css", -1)];
  assert.deepEqual(decideReload(answer("a"), answer("b", { hard: true, files })), { kind: "css", files });
});

test("a hard change with any other file, or with no file listed, reloads the page", () => {
  const files = [css("/assets/a.css"), { url: "/assets/app.js", modified: 9, is_css: false }];
  assert.deepEqual(decideReload(answer("a"), answer("b", { hard: true, files })), { kind: "full" });
  assert.deepEqual(decideReload(answer("a"), answer("b", { hard: true })), { kind: "full" });
});

test("a new package list counts as hard; a plain new hash (Python restart) is a soft reload", () => {
  assert.deepEqual(decideReload(answer("a"), answer("b", { packages: ["dash", "extra"] })), { kind: "full" });
  assert.deepEqual(decideReload(answer("a"), answer("b")), { kind: "soft" });
});

test("the swapped stylesheet carries the modification time; a deleted one gets no new link", () => {
  assert.equal(refreshedHref(css("/assets/s.css", 1700)), "/assets/s.css?m=1700");
  assert.equal(refreshedHref(css("/assets/s.css", -1)), null);
});

function fakePage(replies: ({ status: number; text: string } | Error)[]) {
  const log: string[] = [];
  let pending: (() => void) | null = null;
  const env = {
    fetchHash: async () => {
      const reply = replies.shift();
      if (!reply || reply instanceof Error) throw reply || new Error("down");
      return reply;
    },
    schedule: (task: () => void) => void (pending = task),
    swapCss: (files: { url: string }[]) => void log.push(`css ${files.map((f) => f.url).join(",")}`),
    reloadPage: () => void log.push("reload"),
    softReload: () => void log.push("soft"),
    giveUp: (message: string) => void log.push(`alert ${message}`),
    onStatus: (status: string) => void log.push(`status ${status}`),
  };
  const step = async () => {
    const task = pending;
    pending = null;
    if (task) task();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { env, log, step, scheduled: () => pending !== null };
}

const ok = (a: ReloadAnswer) => ({ status: 200, text: JSON.stringify(a) });

test("the poller swaps CSS, then reloads the page on a script change and stops polling", async () => {
  const page = fakePage([
    ok(answer("a")),
    ok(answer("b", { hard: true, files: [css("/assets/s.css")] })),
    ok(answer("c", { hard: true, files: [{ url: "/assets/x.js", modified: 3, is_css: false }] })),
  ]);
  new HotReloadPoller(page.env, 100, 3).start();
  for (let i = 0; i < 3; i++) await page.step();
  assert.deepEqual(page.log.filter((line) => !line.startsWith("status")), ["css /assets/s.css", "reload"]);
  assert.equal(page.scheduled(), false);
});

test("after more than max_retry failures polling stops with an alert; status follows the server", async () => {
  const page = fakePage([ok(answer("a")), { status: 500, text: "" }, new Error("down"), { status: 500, text: "" }]);
  new HotReloadPoller(page.env, 100, 2).start();
  for (let i = 0; i < 4; i++) await page.step();
  assert.deepEqual(page.log, [
    "status available",
    "status unavailable",
    "status unavailable",
    "status unavailable",
    "alert Hot reloading is disabled after 3 failed attempts to reach the server.",
  ]);
  assert.equal(page.scheduled(), false);
});

test("a success resets the failure count", async () => {
  const page = fakePage([{ status: 500, text: "" }, ok(answer("a")), { status: 500, text: "" }, { status: 500, text: "" }]);
  new HotReloadPoller(page.env, 100, 2).start();
  for (let i = 0; i < 4; i++) await page.step();
  assert.ok(!page.log.some((line) => line.startsWith("alert")));
  assert.equal(page.scheduled(), true);
});
