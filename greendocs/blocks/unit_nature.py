"""单位性质: the nature of a unit, as the official forms' tick boxes list it."""

from __future__ import annotations

from ..types.labelled_enum import LabelledEnum


class UnitNature(LabelledEnum):
    """Unit nature per the business licence (内资: 国有/集体/民营; 中外合资; 港澳台; 外商独资)."""

    STATE_OWNED = ("state_owned", "国有")
    COLLECTIVE = ("collective", "集体")
    PRIVATE = ("private", "民营")
    JOINT_VENTURE = ("joint_venture", "中外合资")
    HK_MACAO_TAIWAN = ("hk_macao_taiwan", "港澳台")
    FOREIGN_OWNED = ("foreign_owned", "外商独资")


#: The official blanks' tick-box line for 单位性质.
TICK_LINE = ("内资（{state_owned} {collective} {private}） {joint_venture} "
             "{hk_macao_taiwan} {foreign_owned}")
