// The props check's html attribute types (frontend/shared/elementTypes.ts) against the fixture the
// Python generator's types are also checked against (tests/unit/test_html.py): one description of
// each attribute's type on both sides.
import assert from "node:assert/strict";
import { test } from "node:test";
import { attributeType, type AttributeEntry } from "../../shared/elementTypes";
import { common, elements } from "../../suites/html/elements.json";
import fixture from "../../../tests/fixtures/html_prop_types.json";

function typesOf(attributes: Record<string, AttributeEntry>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(attributes)) if (!entry.wildcard) out[name] = attributeType(name, entry);
  return out;
}

test("shared attributes get the types the Python generator writes", () => {
  assert.deepEqual(typesOf(common as Record<string, AttributeEntry>), fixture.common);
});

test("each element's own attributes get the types the Python generator writes", () => {
  const own: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(elements as Record<string, { attributes?: Record<string, AttributeEntry> }>)) {
    const types = typesOf(spec.attributes ?? {});
    if (Object.keys(types).length) own[name] = types;
  }
  assert.deepEqual(own, fixture.elements);
});
