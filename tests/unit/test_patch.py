"""`dash.Patch`: the operations a callback records and the JSON the browser receives."""

from __future__ import annotations

import json

import numpy as np
import pytest

from dash import Input, Output
from dash._callback import register_callback
from dash._dispatch import dispatch
from dash._json import to_json_bytes
from dash._patch import Patch

MARKER = "__dash_patch_update"


def ops(patch: Patch) -> list[dict]:
    """The recorded operations, as the browser will receive them."""
    return json.loads(to_json_bytes(patch))["operations"]


def op(operation: str, location: list, **params) -> dict:
    return {"operation": operation, "location": location, "params": params}


class TestWireForm:
    def test_empty_patch(self):
        assert Patch().to_plotly_json() == {MARKER: MARKER, "operations": []}

    def test_encodes_through_the_json_encoder(self):
        p = Patch()
        p["title"] = "new"
        assert json.loads(to_json_bytes(p)) == {
            MARKER: MARKER,
            "operations": [op("Assign", ["title"], value="new")],
        }

    def test_operations_keep_their_order_across_sub_patches(self):
        p = Patch()
        p["a"] = 1
        p["b"].append(2)
        p["a"] = 3
        assert [(o["operation"], o["location"]) for o in ops(p)] == [
            ("Assign", ["a"]),
            ("Append", ["b"]),
            ("Assign", ["a"]),
        ]

    def test_sub_patch_shares_the_parent_operations(self):
        p = Patch()
        child = p["data"][0]
        child["x"] = [1, 2]
        assert ops(p) == [op("Assign", ["data", 0, "x"], value=[1, 2])]
        assert ops(child) == ops(p)

    def test_reading_does_not_record(self):
        p = Patch()
        _ = p["a"]["b"][3]
        _ = p.layout.title
        assert ops(p) == []

    def test_components_and_numpy_values_encode(self):
        from dash import html

        p = Patch()
        p["children"] = html.Span("hi", id="s")
        p["values"] = np.array([1, 2])
        encoded = ops(p)
        assert encoded[0]["params"]["value"]["type"] == "Span"
        assert encoded[0]["params"]["value"]["props"] == {"children": "hi", "id": "s"}
        assert encoded[1]["params"]["value"] == [1, 2]

    def test_explicit_location_and_parent(self):
        root = Patch()
        sub = Patch(location=["a", 1], parent=root)
        sub.append("x")
        assert ops(root) == [op("Append", ["a", 1], value="x")]


class TestOperations:
    def test_assign_by_item(self):
        p = Patch()
        p["a"][0] = "v"
        assert ops(p) == [op("Assign", ["a", 0], value="v")]

    def test_assign_by_attribute(self):
        p = Patch()
        p.layout.title = "T"
        assert ops(p) == [op("Assign", ["layout", "title"], value="T")]

    def test_assign_none(self):
        p = Patch()
        p["a"] = None
        assert ops(p) == [op("Assign", ["a"], value=None)]

    def test_delete_by_item_and_attribute(self):
        p = Patch()
        del p["a"][-1]
        del p.b
        assert ops(p) == [op("Delete", ["a", -1]), op("Delete", ["b"])]

    def test_append_and_prepend(self):
        p = Patch()
        p.append(1)
        p["list"].prepend({"k": 0})
        assert ops(p) == [op("Append", [], value=1), op("Prepend", ["list"], value={"k": 0})]

    def test_insert(self):
        p = Patch()
        p.insert(-2, "x")
        assert ops(p) == [op("Insert", [], value="x", index=-2)]

    def test_insert_accepts_numpy_int_index(self):
        p = Patch()
        p.insert(np.int64(1), "x")
        assert ops(p)[0]["params"]["index"] == 1

    def test_extend_with_list_and_tuple(self):
        p = Patch()
        p.extend([1, 2])
        p["t"].extend((3, 4))
        assert ops(p) == [op("Extend", [], value=[1, 2]), op("Extend", ["t"], value=[3, 4])]

    def test_extend_with_range_and_numpy_array(self):
        p = Patch()
        p.extend(range(3))
        p.extend(np.array([5, 6]))
        assert ops(p) == [op("Extend", [], value=[0, 1, 2]), op("Extend", [], value=[5, 6])]

    def test_remove(self):
        p = Patch()
        p["tags"].remove({"id": 2})
        assert ops(p) == [op("Remove", ["tags"], value={"id": 2})]

    def test_clear_and_reverse(self):
        p = Patch()
        p.clear()
        p["rows"].reverse()
        assert ops(p) == [op("Clear", []), op("Reverse", ["rows"])]

    def test_update_with_dict_pairs_and_keywords(self):
        p = Patch()
        p.update({"a": 1})
        p.update([("b", 2)], c=3)
        p.update(d=4)
        assert ops(p) == [
            op("Merge", [], value={"a": 1}),
            op("Merge", [], value={"b": 2, "c": 3}),
            op("Merge", [], value={"d": 4}),
        ]

    def test_in_place_or_merges(self):
        p = Patch()
        p |= {"a": 1}
        p["style"] |= {"color": "red"}
        assert ops(p) == [
            op("Merge", [], value={"a": 1}),
            op("Merge", ["style"], value={"color": "red"}),
        ]

    def test_root_plus_equals_list_extends(self):
        p = Patch()
        p += [1, 2]
        p += (3,)
        assert ops(p) == [op("Extend", [], value=[1, 2]), op("Extend", [], value=[3])]

    @pytest.mark.parametrize(
        ("apply", "operation", "value"),
        [
            (lambda p: p.__iadd__(2), "Add", 2),
            (lambda p: p.__isub__(3), "Sub", 3),
            (lambda p: p.__imul__(4), "Mul", 4),
            (lambda p: p.__itruediv__(5), "Div", 5),
        ],
    )
    def test_arithmetic_at_root(self, apply, operation, value):
        p = Patch()
        assert apply(p) is p
        assert ops(p) == [op(operation, [], value=value)]


class TestAugmentedAssignment:
    """`p[k] += x` calls __getitem__, __iadd__ then __setitem__ with the sub-patch."""

    def test_item_plus_equals_list_is_one_extend(self):
        p = Patch()
        p["a"] += [1]
        assert ops(p) == [op("Extend", ["a"], value=[1])]

    def test_item_plus_equals_number_is_one_add(self):
        p = Patch()
        p["count"] += 1
        assert ops(p) == [op("Add", ["count"], value=1)]

    def test_item_plus_equals_string_adds(self):
        p = Patch()
        p["title"] += " (edited)"
        assert ops(p) == [op("Add", ["title"], value=" (edited)")]

    def test_attribute_plus_equals_number_is_one_add(self):
        p = Patch()
        p.a += 1
        assert ops(p) == [op("Add", ["a"], value=1)]

    def test_attribute_plus_equals_list_is_one_extend(self):
        p = Patch()
        p.layout.shapes += [{"type": "line"}]
        assert ops(p) == [op("Extend", ["layout", "shapes"], value=[{"type": "line"}])]

    def test_nested_item_arithmetic(self):
        p = Patch()
        p["data"][0]["y"][-1] -= 2
        p["data"][0]["y"][-1] *= 3
        p["data"][0]["y"][-1] /= 4
        assert ops(p) == [
            op("Sub", ["data", 0, "y", -1], value=2),
            op("Mul", ["data", 0, "y", -1], value=3),
            op("Div", ["data", 0, "y", -1], value=4),
        ]

    def test_item_or_equals_is_one_merge(self):
        p = Patch()
        p["style"] |= {"width": 3}
        assert ops(p) == [op("Merge", ["style"], value={"width": 3})]

    def test_assigning_a_sub_patch_back_to_its_own_place_records_nothing(self):
        p = Patch()
        sub = p["a"]
        p["a"] = sub
        assert ops(p) == []

    def test_assigning_a_patch_elsewhere_is_refused(self):
        p = Patch()
        with pytest.raises(TypeError, match=r"\['b'\]"):
            p["b"] = p["a"]

    def test_assigning_another_patch_is_refused(self):
        p = Patch()
        with pytest.raises(TypeError, match="write-only"):
            p["a"] = Patch()


class TestRestrictions:
    def test_slice_read_raises_type_error(self):
        with pytest.raises(TypeError, match="slice"):
            Patch()[1:3]

    def test_slice_assignment_raises_type_error(self):
        p = Patch()
        with pytest.raises(TypeError, match="slice"):
            p[0:2] = [1, 2]
        assert ops(p) == []

    def test_slice_delete_raises_type_error(self):
        p = Patch()
        with pytest.raises(TypeError, match="slice"):
            del p[:1]

    @pytest.mark.parametrize("key", [1.5, None, ("a", 1), True])
    def test_other_key_types_raise_type_error(self, key):
        with pytest.raises(TypeError, match="Invalid dash.Patch key"):
            Patch()[key]

    def test_iteration_raises_type_error(self):
        with pytest.raises(TypeError, match="cannot be iterated"):
            iter(Patch())
        with pytest.raises(TypeError):
            list(Patch()["a"])

    def test_membership_raises_type_error(self):
        with pytest.raises(TypeError, match="write-only"):
            _ = 1 in Patch()

    def test_sort_is_reserved(self):
        with pytest.raises(KeyError, match="reserved"):
            Patch().sort()

    def test_tolist_raises_attribute_error(self):
        p = Patch()
        with pytest.raises(AttributeError):
            _ = p.tolist
        assert getattr(p, "tolist", None) is None

    def test_tolist_key_is_reachable_by_item(self):
        p = Patch()
        p["tolist"] = 1
        assert ops(p) == [op("Assign", ["tolist"], value=1)]

    @pytest.mark.parametrize("value", [5, "abc", {"a": 1}, {1, 2}, None])
    def test_extend_with_a_non_sequence_raises_type_error(self, value):
        p = Patch()
        with pytest.raises(TypeError, match="extend needs a list or tuple"):
            p.extend(value)
        assert ops(p) == []

    def test_insert_needs_an_int_index(self):
        with pytest.raises(TypeError, match="int index"):
            Patch().insert("0", 1)

    @pytest.mark.parametrize("value", [5, [1, 2], "ab"])
    def test_update_with_a_non_mapping_raises_type_error(self, value):
        p = Patch()
        with pytest.raises(TypeError, match="needs a dict or key/value pairs"):
            p.update(value)
        assert ops(p) == []

    def test_or_equals_with_a_non_mapping_raises(self):
        p = Patch()
        with pytest.raises(TypeError):
            p |= [1]

    def test_repr(self):
        assert repr(Patch()) == "<write-only dash.Patch object at []>"
        assert repr(Patch()["a"][0]).startswith("<write-only dash.Patch object at ")
        assert "'a', 0" in repr(Patch()["a"][0])

    def test_method_names_read_as_methods(self):
        p = Patch()
        assert callable(p.update)
        assert callable(p.append)
        p["update"] = 1
        assert ops(p) == [op("Assign", ["update"], value=1)]

    def test_method_names_assign_as_keys(self):
        p = Patch()
        p.clear = True
        del p.append
        assert ops(p) == [op("Assign", ["clear"], value=True), op("Delete", ["append"])]

    def test_dunder_names_are_not_keys(self):
        p = Patch()
        assert not hasattr(p, "__html__")
        assert not hasattr(p, "__array__")


class TestInCallbacks:
    def test_patch_inside_a_multi_output_return_value(self):
        p = Patch()
        p["layout"]["title"] = "T"
        encoded = json.loads(to_json_bytes({"multi": True, "response": {"g": {"figure": p}}}))
        assert encoded["response"]["g"]["figure"] == {
            MARKER: MARKER,
            "operations": [op("Assign", ["layout", "title"], value="T")],
        }

    def test_dispatch_sends_patches_for_each_output(self):
        specs: list[dict] = []
        callback_map: dict[str, dict] = {}

        @register_callback(
            specs,
            callback_map,
            False,
            Output("store", "data"),
            Output("label", "children"),
            Input("btn", "n_clicks"),
        )
        def grow(n_clicks):
            data = Patch()
            data["items"].append(n_clicks)
            data["count"] += 1
            return data, f"clicked {n_clicks}"

        body = {
            "output": "..store.data...label.children..",
            "outputs": [
                {"id": "store", "property": "data"},
                {"id": "label", "property": "children"},
            ],
            "inputs": [{"id": "btn", "property": "n_clicks", "value": 3}],
            "changedPropIds": ["btn.n_clicks"],
        }
        result = dispatch(callback_map, body)
        assert result.status == 200
        response = json.loads(result.body)["response"]
        assert response["label"] == {"children": "clicked 3"}
        assert response["store"]["data"] == {
            MARKER: MARKER,
            "operations": [
                op("Append", ["items"], value=3),
                op("Add", ["count"], value=1),
            ],
        }
