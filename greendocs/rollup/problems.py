"""The roll-up's problems: what is wrong, in which files, where, how serious; and the
Chinese name of each kind, as Attachment 1's 问题清单 prints it."""

from __future__ import annotations

import attrs

from ..findings import Severity

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
    #: the message as Attachment 1's 问题清单 prints it, where the roll-up has it in Chinese
    #: (the problems of form rules and of unreadable files keep their English message)
    message_zh: str = ""
