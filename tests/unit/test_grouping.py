"""Groupings: flattening, rebuilding and validating nested values against a schema."""

from __future__ import annotations

import pytest

from dash import Output
from dash._grouping import (
    SchemaKeysValidationError,
    SchemaLengthValidationError,
    SchemaTypeValidationError,
    flatten_grouping,
    grouping_len,
    is_flat_index_list,
    make_grouping_by_index,
    make_index_grouping,
    map_grouping,
    validate_grouping,
)

NESTED = {"a": 1, "b": [2, (3, 4)], "c": {"d": 5}}


class TestShapes:
    def test_flatten_scalar(self):
        assert flatten_grouping(7) == [7]

    def test_flatten_nested_in_order(self):
        assert flatten_grouping(NESTED) == [1, 2, 3, 4, 5]

    def test_length(self):
        assert grouping_len(NESTED) == 5
        assert grouping_len("x") == 1
        assert grouping_len([]) == 0

    def test_map_keeps_container_types(self):
        assert map_grouping(lambda v: v * 10, NESTED) == {
            "a": 10,
            "b": [20, (30, 40)],
            "c": {"d": 50},
        }

    def test_index_grouping_round_trip(self):
        index = make_index_grouping(NESTED)
        assert index == {"a": 0, "b": [1, (2, 3)], "c": {"d": 4}}
        assert make_grouping_by_index(index, flatten_grouping(NESTED)) == NESTED

    def test_flat_index_list(self):
        assert is_flat_index_list([0, 1, 2])
        assert not is_flat_index_list([1, 0])
        assert not is_flat_index_list({"a": 0})
        assert not is_flat_index_list([0, (1, 2)])


class TestFlattenAgainstSchema:
    def test_schema_decides_where_the_leaves_are(self):
        schema = [Output("a", "children"), Output({"i": "x"}, "children")]
        # the second leaf is a whole list (e.g. the values of an ALL output)
        assert flatten_grouping(["x", [1, 2]], schema) == ["x", [1, 2]]

    def test_tuple_value_for_list_schema(self):
        assert flatten_grouping((1, 2), [Output("a", "x"), Output("b", "x")]) == [1, 2]

    def test_dict_schema(self):
        schema = {"one": Output("a", "x"), "two": Output("b", "x")}
        assert flatten_grouping({"two": 2, "one": 1}, schema) == [1, 2]


SCHEMA = {"text": Output("a", "children"), "pair": [Output("b", "x"), Output("c", "x")]}


class TestValidation:
    def test_valid_value_passes(self):
        validate_grouping({"text": "t", "pair": [1, 2]}, SCHEMA)

    def test_wrong_type(self):
        with pytest.raises(SchemaTypeValidationError) as info:
            validate_grouping({"text": "t", "pair": "oops"}, SCHEMA)
        message = str(info.value)
        assert "['pair']" in message
        assert "'oops'" in message
        assert "b.x" in message  # names the outputs

    def test_wrong_length(self):
        with pytest.raises(SchemaLengthValidationError, match="length 2"):
            validate_grouping({"text": "t", "pair": [1]}, SCHEMA)

    def test_wrong_keys(self):
        with pytest.raises(SchemaKeysValidationError, match="pair"):
            validate_grouping({"text": "t"}, SCHEMA)

    def test_scalar_schema_accepts_anything(self):
        validate_grouping([1, 2, 3], Output("a", "children"))

    def test_check_helpers(self):
        SchemaTypeValidationError.check([1], SCHEMA, (), (list, tuple))
        with pytest.raises(SchemaTypeValidationError):
            SchemaTypeValidationError.check(1, SCHEMA, (), (list, tuple))
        with pytest.raises(SchemaLengthValidationError):
            SchemaLengthValidationError.check([1], SCHEMA, (), 2)
        with pytest.raises(SchemaKeysValidationError):
            SchemaKeysValidationError.check({"x": 1}, SCHEMA, (), {"y"})
