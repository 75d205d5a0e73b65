"""dcc.send_file / send_bytes / send_string / send_data_frame: the data dcc.Download saves."""

from __future__ import annotations

import base64
import io

import pandas as pd
import pytest

from dash import dcc


def test_send_file_reads_bytes_and_names_the_download_after_the_file(tmp_path):
    path = tmp_path / "report.bin"
    path.write_bytes(b"\x00\x01binary")
    data = dcc.send_file(path)
    assert data["filename"] == "report.bin"
    assert data["base64"] is True
    assert base64.b64decode(data["content"]) == b"\x00\x01binary"
    assert dcc.send_file(str(path), filename="other.bin", type="application/x")["type"] == (
        "application/x"
    )


def test_send_bytes_accepts_bytes_or_a_writer():
    assert base64.b64decode(dcc.send_bytes(b"abc", "a.bin")["content"]) == b"abc"

    def writer(buffer: io.BytesIO, repeat: int) -> None:
        buffer.write(b"x" * repeat)

    data = dcc.send_bytes(writer, "x.bin", repeat=3)
    assert base64.b64decode(data["content"]) == b"xxx"
    assert data["filename"] == "x.bin"


def test_send_string_keeps_text_unencoded():
    data = dcc.send_string("a,b\n1,2", "t.csv", type="text/csv")
    assert data == {"content": "a,b\n1,2", "filename": "t.csv", "type": "text/csv", "base64": False}
    assert dcc.send_string(lambda buf: buf.write("hi"), "h.txt")["content"] == "hi"


def test_send_bytes_rejects_other_values_with_the_file_name():
    with pytest.raises(TypeError, match="plot.png"):
        dcc.send_bytes("not bytes", "plot.png")


def test_send_data_frame_text_and_binary_writers():
    df = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]})
    csv = dcc.send_data_frame(df.to_csv, "data.csv", index=False)
    assert csv["base64"] is False
    assert csv["content"] == "a,b\n1,x\n2,y\n"
    pickled = dcc.send_data_frame(df.to_pickle, "data.pkl")
    assert pickled["base64"] is True
    restored = pd.read_pickle(io.BytesIO(base64.b64decode(pickled["content"])))
    assert restored.equals(df)
