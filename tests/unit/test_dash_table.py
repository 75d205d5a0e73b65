"""dash.dash_table: the generated DataTable class and the Format / FormatTemplate helpers."""

from __future__ import annotations

import json
import warnings

import pytest

from dash import _json, dash_table
from dash.dash_table import DataTable, FormatTemplate
from dash.dash_table.Format import Align, Format, Group, Padding, Prefix, Scheme, Sign, Symbol, Trim
from dash.development import _generate_table


def make_table(**props):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return DataTable(**props)


# -- the component class -----------------------------------------------------------------


def test_datatable_warns_that_it_is_deprecated():
    with pytest.warns(DeprecationWarning, match="dash-ag-grid"):
        DataTable(id="table")


def test_datatable_serialises_with_its_namespace_and_explicit_props_only():
    table = make_table(id="t", columns=[{"id": "a", "name": "A"}], data=[{"a": 1}], page_size=5)
    assert table.to_plotly_json() == {
        "props": {
            "id": "t",
            "columns": [{"id": "a", "name": "A"}],
            "data": [{"a": 1}],
            "page_size": 5,
        },
        "type": "DataTable",
        "namespace": "dash_table",
    }


def test_datatable_rejects_an_unknown_prop_naming_the_table():
    with pytest.raises(TypeError, match="unexpected keyword argument: `paging`"):
        make_table(id="t", paging=True)


def test_datatable_knows_every_documented_prop():
    documented = {
        "active_cell",
        "cell_selectable",
        "column_selectable",
        "columns",
        "css",
        "data",
        "data_previous",
        "data_timestamp",
        "derived_filter_query_structure",
        "derived_viewport_data",
        "derived_viewport_indices",
        "derived_viewport_row_ids",
        "derived_viewport_selected_columns",
        "derived_viewport_selected_row_ids",
        "derived_viewport_selected_rows",
        "derived_virtual_data",
        "derived_virtual_indices",
        "derived_virtual_row_ids",
        "derived_virtual_selected_row_ids",
        "derived_virtual_selected_rows",
        "dropdown",
        "dropdown_conditional",
        "dropdown_data",
        "editable",
        "end_cell",
        "export_columns",
        "export_format",
        "export_headers",
        "fill_width",
        "filter_action",
        "filter_options",
        "filter_query",
        "fixed_columns",
        "fixed_rows",
        "hidden_columns",
        "id",
        "include_headers_on_copy_paste",
        "is_focused",
        "locale_format",
        "markdown_options",
        "merge_duplicate_headers",
        "page_action",
        "page_count",
        "page_current",
        "page_size",
        "persisted_props",
        "persistence",
        "persistence_type",
        "row_deletable",
        "row_selectable",
        "selected_cells",
        "selected_columns",
        "selected_row_ids",
        "selected_rows",
        "sort_action",
        "sort_as_null",
        "sort_by",
        "sort_mode",
        "start_cell",
        "style_as_list_view",
        "style_cell",
        "style_cell_conditional",
        "style_data",
        "style_data_conditional",
        "style_filter",
        "style_filter_conditional",
        "style_header",
        "style_header_conditional",
        "style_table",
        "tooltip",
        "tooltip_conditional",
        "tooltip_data",
        "tooltip_delay",
        "tooltip_duration",
        "tooltip_header",
        "virtualization",
    }
    assert documented <= set(DataTable._prop_names)


def test_docstring_shows_documented_defaults():
    doc = DataTable.__doc__ or ""
    assert "page_size : number; default 250" in doc
    assert "tooltip_delay : number; default 350" in doc
    assert "sort_action : one of: 'custom', 'native', 'none'; default 'none'" in doc


def test_package_exposes_the_table_bundle():
    assert dash_table._js_dist[0] == {
        "relative_package_path": "dash_table/bundle.min.js",
        "dev_package_path": "dash_table/bundle.dev.js",
        "namespace": "dash",
    }
    assert dash_table._css_dist == []
    assert isinstance(dash_table.__version__, str)
    assert dash_table.Format.Format is Format


def test_generated_files_are_up_to_date():
    files = _generate_table.render_all()
    out = _generate_table.DEFAULT_OUT
    stale = [name for name, source in files.items() if (out / name).read_text("utf-8") != source]
    assert stale == [], "run `python -m dash.development._generate_table` and commit the result"


# -- Format ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "specifier"),
    [
        (Format(), ""),
        (Format(precision=2, scheme=Scheme.fixed), ".2f"),
        (Format(group=Group.yes, precision=0, scheme=Scheme.fixed), ",.0f"),
        (Format().group(True).precision(3).scheme(Scheme.decimal_si_prefix), ",.3s"),
        (Format(sign=Sign.positive, precision=1, scheme=Scheme.percentage), "+.1%"),
        (Format(sign=Sign.parantheses, symbol=Symbol.yes, precision=2, scheme="f"), "($.2f"),
        (Format(fill="*", align=Align.center, padding_width=10), "*^10"),
        (Format(padding=Padding.yes, padding_width=6, scheme=Scheme.decimal_integer), "06d"),
        (Format(precision=4, trim=Trim.yes, scheme=Scheme.decimal_or_exponent), ".4~g"),
        (Format(symbol=Symbol.hex, scheme=Scheme.lower_case_hex), "#xx"),
        (Format(align=Align.right_sign, sign=Sign.space, padding_width=8, scheme="e"), "= 8e"),
    ],
)
def test_format_builds_the_d3_specifier(fmt, specifier):
    assert fmt.specifier == specifier
    assert fmt.to_plotly_json()["specifier"] == specifier


def test_format_methods_chain_and_match_keyword_arguments():
    chained = Format().scheme(Scheme.fixed).precision(2).group(Group.yes).symbol(Symbol.yes)
    keywords = Format(scheme=Scheme.fixed, precision=2, group=Group.yes, symbol=Symbol.yes)
    assert chained.to_plotly_json() == keywords.to_plotly_json()


def test_format_locale_nully_and_prefix_land_in_the_column_format():
    fmt = (
        Format(precision=2, scheme=Scheme.fixed, symbol=Symbol.yes)
        .symbol_prefix("")
        .symbol_suffix(" €")
        .decimal_delimiter(",")
        .group_delimiter(".")
        .groups([3, 2])
        .nully("N/A")
        .si_prefix(Prefix.kilo)
    )
    assert fmt.to_plotly_json() == {
        "locale": {"symbol": ["", " €"], "decimal": ",", "group": ".", "grouping": [3, 2]},
        "nully": "N/A",
        "prefix": 1000,
        "specifier": "$.2f",
    }


def test_format_inside_columns_is_encoded_as_its_dict():
    columns = [{"id": "p", "name": "Price", "type": "numeric", "format": FormatTemplate.money(2)}]
    encoded = json.loads(_json.to_json(columns))
    assert encoded[0]["format"] == {"locale": {}, "nully": "", "prefix": None, "specifier": "$,.2f"}


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Format(scheme="z"), "scheme"),
        (lambda: Format(precision=-1), "precision"),
        (lambda: Format(precision=1.5), "precision"),
        (lambda: Format(fill="ab"), "fill"),
        (lambda: Format(groups=[0]), "groups"),
        (lambda: Format(si_prefix=7), "si_prefix"),
        (lambda: Format(colour="red"), "colour"),
    ],
)
def test_format_rejects_bad_values_naming_the_option(build, message):
    with pytest.raises(TypeError, match=message):
        build()


# -- FormatTemplate ----------------------------------------------------------------------


def test_money_template():
    assert FormatTemplate.money(2).specifier == "$,.2f"
    assert FormatTemplate.money(0, sign=Sign.parantheses).specifier == "($,.0f"


def test_percentage_template():
    assert FormatTemplate.percentage(1).specifier == ".1%"
    assert FormatTemplate.percentage(2, rounded=True).specifier == ".2p"
