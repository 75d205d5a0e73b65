import assert from "node:assert/strict";
import { test } from "node:test";
import { planLocation, staleFields } from "../src/logic/location";

const here = { pathname: "/a", search: "?x=1", hash: "", href: "http://h/a?x=1" };

test("unset props are filled from the address bar", () => {
  const plan = planLocation({}, here, true);
  assert.deepEqual(plan.fill, here);
  assert.equal(plan.target, null);
});

test("a changed pathname navigates according to refresh", () => {
  const props = { ...here, pathname: "/b" };
  assert.deepEqual(planLocation(props, here, true), { fill: {}, target: "/b?x=1", mode: "reload" });
  assert.equal(planLocation(props, here, false).mode, "push");
  assert.equal(planLocation(props, here, "callback-nav").mode, "push-announce");
});

test("a changed href alone goes to that href", () => {
  const plan = planLocation({ ...here, href: "http://h/z" }, here, false);
  assert.equal(plan.target, "http://h/z");
});

test("after a navigation only differing fields are written back", () => {
  assert.deepEqual(staleFields(here, { ...here, pathname: "/c", href: "http://h/c?x=1" }), {
    pathname: "/c",
    href: "http://h/c?x=1",
  });
});
