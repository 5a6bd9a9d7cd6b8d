"""Build the analysers' DataFrames from columns of Python values, each column given its type up front.

pandas spends most of a small frame's construction guessing types, and a column of Python objects wrapped in
a Series is aligned on its index first; handing it typed NumPy arrays and one shared index avoids both.
"""
from __future__ import annotations

import numpy as np
import pandas as pd


def typed_frame(columns: dict[str, list], types: dict[str, str]) -> pd.DataFrame:
    """A frame of ``columns`` (name -> values, all the same length), typed by ``types`` (name -> type):

    - ``"int64"``, ``"bool"``: NumPy columns;
    - ``"Int64"``: pandas' nullable integers, ``None`` where a value is missing;
    - ``"object"``: Python objects as they are (``None`` stays ``None``, text stays ``str``);
    - a column not in ``types`` is left to pandas (text becomes its default string type); with no rows it
      is an object column.
    """
    rows = len(next(iter(columns.values()), []))
    index = pd.RangeIndex(rows)
    data = {}
    for name, values in columns.items():
        kind = types.get(name)
        if kind == "Int64":
            data[name] = pd.arrays.IntegerArray(np.array([value or 0 for value in values], dtype=np.int64),
                                                np.array([value is None for value in values], dtype=bool))
        elif kind == "object" or kind is None and not rows:
            data[name] = pd.Series(values, dtype=object, index=index, copy=False)
        elif kind:
            data[name] = np.array(values, dtype=kind)
        else:
            data[name] = values
    return pd.DataFrame(data, index=index, copy=False)
