import assert from "node:assert/strict";
import { test } from "node:test";
import { fr } from "date-fns/locale";
import {
  canGoBack,
  canGoForward,
  dateLimits,
  formatDate,
  isAllowed,
  isoDate,
  momentToDateFns,
  monthWeeks,
  normaliseDate,
  openingMonth,
  parseIsoDate,
  parseTypedDate,
  pickLocale,
  weekdayNames,
} from "../src/logic/dates";
import { dayClassName, isHighlighted, pickRangeDay, rangeChanges, tooFewNights } from "../src/logic/daterange";

test("date props are read as YYYY-MM-DD days, with any time part dropped", () => {
  assert.equal(normaliseDate("2024-03-05"), "2024-03-05");
  assert.equal(normaliseDate("2024-03-05T23:59:59"), "2024-03-05");
  assert.equal(normaliseDate("2024-03-05 10:00"), "2024-03-05");
  assert.equal(normaliseDate("2024-02-30"), null);
  assert.equal(normaliseDate("soon"), null);
  assert.equal(normaliseDate(null), null);
  assert.equal(isoDate(parseIsoDate("0099-01-02") as Date), "0099-01-02");
});

test("moment formats become date-fns patterns, literals quoted", () => {
  assert.equal(momentToDateFns("YYYY-MM-DD"), "yyyy-MM-dd");
  assert.equal(momentToDateFns("DD/MM/YY"), "dd/MM/yy");
  assert.equal(momentToDateFns("MMMM Do, YYYY"), "MMMM do, yyyy");
  assert.equal(momentToDateFns("dddd D MMM"), "EEEE d MMM");
  assert.equal(momentToDateFns("[Week] W"), "'Week' I");
  assert.equal(momentToDateFns("Q/YYYY"), "Q/yyyy");
});

test("dates are written and read back with the display format", () => {
  const day = new Date(2024, 2, 5);
  assert.equal(formatDate(day, "YYYY-MM-DD"), "2024-03-05");
  assert.equal(formatDate(day, "MMMM Do, YYYY"), "March 5th, 2024");
  assert.equal(formatDate(day, "ddd DD MMM YY"), "Tue 05 Mar 24");
  assert.equal(formatDate(day, "dddd D MMMM YYYY", fr), "mardi 5 mars 2024");
  assert.equal(isoDate(parseTypedDate("05/03/2024", "DD/MM/YYYY") as Date), "2024-03-05");
  assert.equal(isoDate(parseTypedDate("March 5th, 2024", "MMMM Do, YYYY") as Date), "2024-03-05");
  assert.equal(isoDate(parseTypedDate("2024-03-05", "DD/MM/YYYY") as Date), "2024-03-05"); // ISO always works
  assert.equal(parseTypedDate("31/02/2024", "DD/MM/YYYY"), null);
  assert.equal(parseTypedDate("garbage", "YYYY-MM-DD"), null);
  assert.equal(parseTypedDate("  ", "YYYY-MM-DD"), null);
});

test("allowed days respect min, max and disabled_days", () => {
  const limits = dateLimits("2024-03-03", "2024-04-20T12:00:00", ["2024-03-20", "bad"]);
  assert.equal(isAllowed(new Date(2024, 2, 2), limits), false);
  assert.equal(isAllowed(new Date(2024, 2, 3), limits), true);
  assert.equal(isAllowed(new Date(2024, 2, 20), limits), false);
  assert.equal(isAllowed(new Date(2024, 3, 20), limits), true);
  assert.equal(isAllowed(new Date(2024, 3, 21), limits), false);
  assert.equal(canGoBack(new Date(2024, 2, 1), limits), false);
  assert.equal(canGoBack(new Date(2024, 3, 1), limits), true);
  assert.equal(canGoForward(new Date(2024, 3, 1), limits), false);
  assert.equal(canGoForward(new Date(2024, 2, 1), limits), true);
});

test("the calendar opens on the date, else initial_visible_month, else today within the limits", () => {
  const none = dateLimits(undefined, undefined, undefined);
  const today = new Date(2024, 6, 14);
  assert.equal(isoDate(openingMonth("2023-01-20", "2022-05-01", none, today)), "2023-01-01");
  assert.equal(isoDate(openingMonth(null, "2022-05-17", none, today)), "2022-05-01");
  assert.equal(isoDate(openingMonth(null, undefined, none, today)), "2024-07-01");
  assert.equal(isoDate(openingMonth(null, undefined, dateLimits(undefined, "2020-02-02", []), today)), "2020-02-01");
  assert.equal(isoDate(openingMonth(null, undefined, dateLimits("2030-09-09", undefined, []), today)), "2030-09-01");
});

test("month grids are whole weeks starting on first_day_of_week", () => {
  const march = monthWeeks(new Date(2024, 2, 1), 0);
  assert.equal(march.length, 6);
  assert.deepEqual(march[0].map((d) => d.iso), ["2024-02-25", "2024-02-26", "2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01", "2024-03-02"]);
  assert.deepEqual(march[0].map((d) => d.inside), [false, false, false, false, false, true, true]);
  const mondays = monthWeeks(new Date(2024, 2, 1), 1);
  assert.equal(mondays[0][0].iso, "2024-02-26");
  assert.equal(mondays[mondays.length - 1][6].iso, "2024-03-31");
  assert.deepEqual(weekdayNames(1), ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]);
  assert.deepEqual(weekdayNames(0, fr).slice(0, 2), ["di", "lu"]);
});

test("the page's date-fns locales are matched to the browser languages", () => {
  const available = { fr, enGB: { code: "en-GB" } as never };
  assert.equal(pickLocale(available, ["fr-FR"]), fr);
  assert.equal(pickLocale(available, ["de-DE", "en-GB"]), available.enGB);
  assert.equal(pickLocale(available, ["de"]), undefined);
  assert.equal(pickLocale(undefined, ["fr"]), undefined);
});

test("range picking: start, then end; an early end restarts; minimum_nights blocks close ends", () => {
  const empty = { start: null, end: null };
  const first = pickRangeDay(empty, "2024-03-10", "start", 0);
  assert.deepEqual(first, { range: { start: "2024-03-10", end: null }, next: "end", complete: false });
  assert.deepEqual(pickRangeDay(first.range, "2024-03-12", "end", 0), {
    range: { start: "2024-03-10", end: "2024-03-12" },
    next: "start",
    complete: true,
  });
  assert.deepEqual(pickRangeDay(first.range, "2024-03-10", "end", 0).range, { start: "2024-03-10", end: "2024-03-10" });
  assert.deepEqual(pickRangeDay(first.range, "2024-03-01", "end", 0).range, { start: "2024-03-01", end: null });
  assert.equal(pickRangeDay(first.range, "2024-03-11", "end", 2).complete, false);
  const full = { start: "2024-03-10", end: "2024-03-20" };
  assert.deepEqual(pickRangeDay(full, "2024-03-12", "start", 0).range, { start: "2024-03-12", end: "2024-03-20" });
  assert.deepEqual(pickRangeDay(full, "2024-03-25", "start", 0).range, { start: "2024-03-25", end: null });
  assert.equal(tooFewNights("2024-03-11", first.range, "end", 2), true);
  assert.equal(tooFewNights("2024-03-12", first.range, "end", 2), false);
  assert.equal(tooFewNights("2024-03-11", first.range, "start", 2), false);
});

test("highlighting covers the range, or the hover preview while the end is chosen", () => {
  const range = { start: "2024-03-10", end: "2024-03-12" };
  assert.equal(isHighlighted("2024-03-11", range, null, "start"), true);
  assert.equal(isHighlighted("2024-03-13", range, null, "start"), false);
  const half = { start: "2024-03-10", end: null };
  assert.equal(isHighlighted("2024-03-14", half, "2024-03-15", "end"), true);
  assert.equal(isHighlighted("2024-03-14", half, "2024-03-15", "start"), false);
  assert.equal(isHighlighted("2024-03-16", half, "2024-03-15", "end"), false);
});

test("updatemode: singledate sends changed ends, bothdates waits for a complete or empty range", () => {
  const sent = { start: "2024-03-01", end: "2024-03-05" };
  assert.deepEqual(rangeChanges(sent, { start: "2024-03-10", end: null }, "singledate"), { start_date: "2024-03-10", end_date: null });
  assert.deepEqual(rangeChanges(sent, { start: "2024-03-01", end: "2024-03-09" }, undefined), { end_date: "2024-03-09" });
  assert.equal(rangeChanges(sent, sent, "singledate"), null);
  assert.equal(rangeChanges(sent, { start: "2024-03-10", end: null }, "bothdates"), null);
  assert.deepEqual(rangeChanges(sent, { start: "2024-03-10", end: "2024-03-14" }, "bothdates"), {
    start_date: "2024-03-10",
    end_date: "2024-03-14",
  });
  assert.deepEqual(rangeChanges(sent, { start: null, end: null }, "bothdates"), { start_date: null, end_date: null });
});

test("day cell classes start with a space and stack selected/highlighted/disabled", () => {
  assert.equal(dayClassName({ inside: true, selected: false, highlighted: false, disabled: false }), " dash-datepicker-calendar-date-inside");
  assert.equal(
    dayClassName({ inside: false, selected: true, highlighted: true, disabled: true }),
    " dash-datepicker-calendar-date-outside dash-datepicker-calendar-date-selected dash-datepicker-calendar-date-highlighted dash-datepicker-calendar-date-disabled",
  );
});
