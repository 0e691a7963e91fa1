"""Design products in the roll-up: one row per product of an enterprise, grouped by
standard; the same product and models twice is a duplicate."""

from __future__ import annotations

from pathlib import Path

import attrs

import greendocs
from greendocs.rollup.collect import summarize
from tests.samples import load_sample

SAMPLE = load_sample("product-self")


def product(name: str, models: tuple[str, ...], standard: str | None = None) -> object:
    p = attrs.evolve(SAMPLE.product, name=name, models=models,
                     standard=standard or SAMPLE.product.standard)
    return attrs.evolve(SAMPLE, product=p)


def test_one_enterprise_three_products_and_a_repeated_one(tmp_path: Path) -> None:
    reports = {
        "洗衣液.docx": product("浓缩型洗衣液", ("JY-3000 2kg装",)),
        "洗洁精.odt": product("浓缩洗洁精", ("JY-900 1.2kg装",)),
        "洗衣液-小包装.docx": product("浓缩型洗衣液", ("JY-3000 500g补充装",)),
        "洗衣液-重复.xlsx": product("浓缩型洗衣液", ("JY-3000 2kg装",)),
    }
    for name, report in reports.items():
        (tmp_path / name).write_bytes(greendocs.render(report, name.rsplit(".", 1)[1]))
    result = summarize(tmp_path, province="广东", batch_year=2022, workers=1)
    rows = result.summary.products
    assert sorted((r.product_name, r.product_model) for r in rows) == sorted([
        ("浓缩型洗衣液", "JY-3000 2kg装"), ("浓缩洗洁精", "JY-900 1.2kg装"),
        ("浓缩型洗衣液", "JY-3000 500g补充装")])
    assert {r.name for r in rows} == {"广州洁源日化有限公司"}
    assert rows[0].standard.startswith("示例 0001-2022《")
    assert [p.kind for p in result.problems] == ["duplicate"]
    duplicate = result.problems[0]
    assert "洗衣液.docx" in duplicate.files and "洗衣液-重复.xlsx" in duplicate.files
    assert "浓缩型洗衣液（JY-3000 2kg装）" in duplicate.message


def test_products_are_grouped_by_standard(tmp_path: Path) -> None:
    demo = "示例 0001-2022"
    mine = tmp_path / "std"
    mine.mkdir()
    spec = greendocs.forms().get("product-self")
    standard = mine / "a.yaml"
    standard.write_text(spec.shipped_systems()["demo-liquid-detergent"].replace(
        "示例 0001-2022", "A 0001-2022"), encoding="utf-8")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n, std in enumerate((demo, str(standard), demo)):
        report = product(f"产品{n}", (f"型号{n}",), std)
        (inbox / f"p{n}.docx").write_bytes(greendocs.render(report))
    rows = summarize(inbox, province="广东", workers=1).summary.products
    assert [r.standard[:4] for r in rows] == ["A 00", "示例 0", "示例 0"]
