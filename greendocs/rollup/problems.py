"""The roll-up's problems: what is wrong, in which files, where, how serious; and the
Chinese name of each kind, as Attachment 1's 问题清单 prints it."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ..errors import FieldError
from ..findings import Severity
from ..model.introspection import label_path

#: the kinds of problem the roll-up reports, with their Chinese names; a form rule whose
#: name is one of these is reported under it, any other rule error as "invalid"
KIND_LABELS = {
    "unreadable": "文件无法读取", "invalid": "字段不合格", "duplicate": "重复申报",
    "foreign-region": "非本地区单位", "park-quota": "园区超出名额",
    "agency-quota": "机构超出项目数", "negative-list": "负面清单情形",
    "unmatched-third-party": "第三方报告无对应自评价报告",
    "unmatched-self": "自评价报告无对应第三方报告", "province": "推荐地区",
    "agency-staff": "评价机构人员不符合要求", "agency-fields": "评价机构业务领域不全",
    "agency-independence": "评价机构参与自评价报告编制",
    "agency-blacklist": "评价机构在限制名单内", "agency-no-report": "评价机构无年度工作报告",
    "agency-project-unlisted": "评价项目未列入机构年度报告",
    "agency-project-unmatched": "机构所列项目无对应第三方报告",
    "agency-projects": "评价机构项目信息有误",
    "unplaced": "字段以外的文字", "draft": "草稿文本",
}


def kind_label(kind: str) -> str:
    """The Chinese name of a problem kind."""
    return KIND_LABELS.get(kind, kind)


@attrs.frozen
class Problem:
    """One problem for the department to look at: what, in which file(s), where.
    Warnings call for a look; errors make ``summarize`` exit 1."""

    kind: str
    files: str
    path: str
    message: str
    severity: Severity = Severity.ERROR
    #: the message as Attachment 1's 问题清单 prints it
    message_zh: str = ""
    #: ``path`` in the labels of the form ("" for none)
    place_zh: str = ""

    @property
    def place(self) -> str:
        """Where the problem is, as the Chinese problem list names it."""
        return self.place_zh or _PLACES.get(self.path, self.path)


#: the places the roll-up's own checks name, in Chinese
_PLACES = {"agency": "评价机构", "projects": "评价项目", "region": "所在地区"}


def in_chinese(message: str, message_zh: str) -> str:
    """*message_zh*, or — for a message nobody has written in Chinese yet (a user's own
    form package, say) — a Chinese lead-in with the English message."""
    return message_zh or f"填写有误（{message}）"


def field_errors_zh(errors: Sequence[FieldError], model: type | None) -> str:
    """Field errors as one Chinese text, each at its field's labels."""
    return "；".join(
        f"{label_path(model, e.path)}：{in_chinese(e.message, e.message_zh)}" if e.path
        else in_chinese(e.message, e.message_zh) for e in errors)
