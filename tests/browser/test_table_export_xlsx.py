"""The DataTable's Export button with `export_format="xlsx"`: a real workbook lands in the downloads."""

from __future__ import annotations

import re
import time
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from test_table_support import start, table

from dash import Dash

pytestmark = pytest.mark.browser

SHEET_NS = {"x": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def _wait_for_download(folder: str, name: str) -> Path:
    target = Path(folder) / name
    deadline = time.monotonic() + 15
    # Chromium writes `<name>.crdownload` first and renames it when the file is complete.
    while not target.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert target.exists(), f"{name} was not downloaded into {folder}"
    return target


def _column_index(reference: str) -> int:
    letters = re.match(r"[A-Z]+", reference).group(0)
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1


def read_sheet(path: Path) -> tuple[list[list[object]], list[str]]:
    """The first sheet of an xlsx file as rows of values (numbers as floats), and its merged ranges."""
    with zipfile.ZipFile(path) as workbook:
        names = workbook.namelist()
        shared: list[str] = []
        if "xl/sharedStrings.xml" in names:
            root = ElementTree.fromstring(workbook.read("xl/sharedStrings.xml"))
            shared = [
                "".join(t.text or "" for t in item.iter(f"{{{SHEET_NS['x']}}}t")) for item in root
            ]
        sheet = ElementTree.fromstring(workbook.read("xl/worksheets/sheet1.xml"))
    rows: list[list[object]] = []
    for row in sheet.iterfind("x:sheetData/x:row", SHEET_NS):
        values: list[object] = []
        for cell in row.iterfind("x:c", SHEET_NS):
            index = _column_index(cell.get("r"))
            values.extend([None] * (index + 1 - len(values)))
            kind = cell.get("t")
            raw = cell.findtext("x:v", namespaces=SHEET_NS)
            if kind == "s":
                values[index] = shared[int(raw)]
            elif kind == "inlineStr":
                values[index] = "".join(t.text or "" for t in cell.iter(f"{{{SHEET_NS['x']}}}t"))
            elif kind == "b":
                values[index] = raw == "1"
            elif raw is not None:
                values[index] = float(raw)
        rows.append(values)
    merges = [m.get("ref") for m in sheet.iterfind("x:mergeCells/x:mergeCell", SHEET_NS)]
    return rows, merges


def test_export_downloads_the_filtered_sorted_rows_as_an_xlsx_workbook(dash_duo) -> None:
    data = [
        {"city": "Oslo", "country": "Norway", "sales": 310.25, "open": True},
        {"city": "Lyon", "country": "France", "sales": 1250.5, "open": False},
        {"city": "Porto", "country": "Portugal", "sales": 95, "open": True},
        {"city": "Gent", "country": "Belgium", "sales": 12, "open": True},
    ]
    app = Dash(__name__)
    app.layout = table(
        id="tbl",
        columns=[
            {"id": "city", "name": ["Place", "City"]},
            {"id": "country", "name": ["Place", "Country"]},
            {"id": "sales", "name": ["Figures", "Sales"], "type": "numeric"},
            {"id": "open", "name": ["Figures", "Open"]},
        ],
        data=data,
        sort_action="native",
        sort_by=[{"column_id": "sales", "direction": "desc"}],
        filter_action="native",
        filter_query="{sales} > 50",
        page_size=2,
        merge_duplicate_headers=True,
        export_format="xlsx",
        export_headers="display",
    )
    start(dash_duo, app)
    button = dash_duo.wait_for_element("#tbl .dash-spreadsheet-menu button.export")
    assert button.text == "Export"
    xlsx_scripts = "script[src*='async-xlsx']"
    assert dash_duo.find_elements(xlsx_scripts) == [], "the xlsx writer loads only on export"
    button.click()

    rows, merges = read_sheet(_wait_for_download(dash_duo.download_path, "Data.xlsx"))
    assert rows == [
        ["Place", None, "Figures", None],
        ["City", "Country", "Sales", "Open"],
        # Every page of the filtered, sorted rows; numbers stay numbers, booleans stay booleans.
        ["Lyon", "France", 1250.5, False],
        ["Oslo", "Norway", 310.25, True],
        ["Porto", "Portugal", 95.0, True],
    ]
    assert sorted(merges) == ["A1:B1", "C1:D1"]
    assert not (Path(dash_duo.download_path) / "Data.csv").exists()
    assert dash_duo.get_logs() == []


def test_xlsx_export_with_ids_of_all_columns_including_hidden_ones(dash_duo) -> None:
    app = Dash(__name__)
    app.layout = table(
        id="tbl",
        columns=[{"id": "a", "name": "A"}, {"id": "b", "name": "B", "type": "numeric"}],
        data=[{"a": "x", "b": 1}, {"a": "y", "b": None}],
        hidden_columns=["b"],
        export_format="xlsx",
        export_columns="all",
        export_headers="ids",
    )
    start(dash_duo, app)
    dash_duo.wait_for_element("#tbl .dash-spreadsheet-menu button.export").click()
    rows, merges = read_sheet(_wait_for_download(dash_duo.download_path, "Data.xlsx"))
    assert rows == [["a", "b"], ["x", 1.0], ["y"]]
    assert merges == []
    assert dash_duo.get_logs() == []
