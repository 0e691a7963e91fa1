"""Column widths fitted to what must stay on one line."""

from __future__ import annotations

import pytest

from greendocs.layout.columns import CREDIT_CODE, fit_widths, text_mm
from greendocs.layout.elements import Row, four_columns
from greendocs.layout.line_breaks import keep_standard_numbers


def test_a_column_too_narrow_for_its_widest_value_takes_room_from_the_others() -> None:
    rows = [("编号", "评价要求")]
    widths = fit_widths((10.0, 60.0), rows, 1, 10.5, (CREDIT_CODE, ""))
    assert sum(widths) == pytest.approx(70.0, abs=0.05)
    assert widths[0] >= text_mm(CREDIT_CODE, 10.5) + 2  # the code and the cell's margins
    assert fit_widths((50.0, 20.0), rows, 1, 10.5, ("", "")) == (50.0, 20.0)  # room enough


def test_a_table_whose_content_cannot_fit_is_refused() -> None:
    with pytest.raises(ValueError, match=r"the columns need .* mm to keep their content"):
        fit_widths((20.0, 20.0), [("a", "b")], 0, 10.5, (CREDIT_CODE, CREDIT_CODE))


def test_labels_stay_whole_and_widths_sum_to_the_table() -> None:
    table = four_columns((Row(("统一社会信用代码", "{{ x }}", "所在地区", "{{ y }}")),))
    assert sum(table.widths) == pytest.approx(sum(table.widths_mm), abs=0.05)
    assert table.widths[0] >= text_mm("统一社会信用代码", 10.5)


def test_standard_numbers_and_units_never_break() -> None:
    assert keep_standard_numbers("（GB/T 4754-2017）") == "（GB/T\u00a04754\u20112017）"
    assert keep_standard_numbers("光伏12 MW") == "光伏12\u00a0MW"
    assert keep_standard_numbers("电话0551-63817788") == "电话0551-63817788"
