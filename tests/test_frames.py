"""typed_frame gives each column the type it is told, and leaves text to pandas."""
import pandas as pd

from dispatches.frames import typed_frame


def test_columns_take_the_types_given():
    frame = typed_frame({"id": [3, 4], "flag": [True, False], "offset": [7, None], "note": ["a", None],
                         "text": ["x", "y"]},
                        {"id": "int64", "flag": "bool", "offset": "Int64", "note": "object"})
    assert frame["id"].dtype == "int64" and frame["flag"].dtype == bool
    assert frame["offset"].dtype == "Int64" and frame["offset"].isna().tolist() == [False, True]
    assert frame["note"].dtype == object and frame["note"].tolist() == ["a", None]
    assert frame["text"].dtype == pd.Series(["x", "y"]).dtype
    assert frame.index.equals(pd.RangeIndex(2))


def test_a_frame_without_rows_has_object_text_columns_and_typed_numbers():
    frame = typed_frame({"id": [], "text": [], "offset": []}, {"id": "int64", "offset": "Int64"})
    assert frame.shape == (0, 3)
    assert frame["id"].dtype == "int64" and frame["text"].dtype == object and frame["offset"].dtype == "Int64"
