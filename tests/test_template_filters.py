"""A template author's own template can use every filter the documentation lists."""

from __future__ import annotations

import re
from pathlib import Path

import reportgen
from reportgen.filters import FILTERS, PAGE_FILTERS, USER_FILTERS
from reportgen.templating import environment, packaged_templates
from tests.conftest import SEED

USER_TEMPLATE = """\
{% extends "!default/article.html" %}
{% block body %}
<pre>
number: {{ 1234567.891 | number }} | {{ 6.45 | number(1) }} | {{ 6.0 | number(1, keep_zeros=True) }}
percent: {{ 12.5 | percent }} | {{ 99.96 | percent }}
money: {{ 319700000 | money }}
money_short: {{ 319700000 | money_short }} | {{ 1200000000 | money_short }}
money_words: {{ 319700000 | money_words }}
number_words: {{ nam_sau | number_words }} | {{ 105 | number_words(variant="south") }}
date_short: {{ hoi_nghi.ngay | date_short }}
date_admin: {{ "2021-03-20" | date_admin }}
place_date: {{ ngay_bao_cao | place_date(to_chuc.dia_danh) }}
weekday_date: {{ hoi_nghi.ngay | weekday_date }}
roman: {{ 13 | roman }}
list_and: {{ ["A", "B", "C"] | list_and }} | {{ ["A", "B", "C"] | list_and(";") }}
change: {{ 63979 | change(60125) }} | {{ 502825 | change(452456, "hội viên") }}
doc_number: {{ bao_cao.so | doc_number(bao_cao.ky_hieu) }}
phrase: {{ chi_so.gia_dinh_hoc_tap | phrase }}
figure: {{ chi_so.tien_hoc_bong_khen_thuong | figure }}
group_phrase: {{ chi_tieu.to_chuc_hoi | group_phrase }}
fill: {{ "Có {so_hoi}." | fill }}
</pre>
{% endblock %}
"""

EXPECTED = """\
number: 1.234.567,891 | 6,5 | 6,0
percent: 12,5% | 100%
money: 319.700.000 đồng
money_short: 319,7 triệu đồng | 1,2 tỷ đồng
money_words: Ba trăm mười chín triệu bảy trăm nghìn đồng
number_words: hai nghìn không trăm hai mươi mốt | một trăm lẻ năm
date_short: 20/01/2021
date_admin: ngày 20 tháng 3 năm 2021
place_date: Bắc Kạn, ngày 20 tháng 01 năm 2021
weekday_date: Thứ Tư, ngày 20 tháng 01 năm 2021
roman: XIII
list_and: A, B và C | A; B và C
change: tăng 3.854 (6,4%) | tăng 50.369 hội viên (11,1%)
doc_number: Số: 05/BC-HKH
phrase: 63.979 hộ gia đình đạt danh hiệu Gia đình học tập
figure: 319,7 triệu đồng
group_phrase: 120 Hội Khuyến học
fill: Có 120 Hội Khuyến học.
"""


def article_with(template: str, tmp_path: Path) -> str:
    """The sample's article.html, built with ``template`` as the user's article template."""
    templates = tmp_path / "mau"
    templates.mkdir()
    (templates / "article.html").write_text(template, encoding="utf-8")
    reportgen.build([SEED], out=tmp_path / "out", templates=templates, fmt=reportgen.Format.HTML)
    return (tmp_path / "out" / SEED.stem / "article.html").read_text(encoding="utf-8")


def test_every_filter_works_in_a_user_template(tmp_path: Path) -> None:
    html = article_with(USER_TEMPLATE, tmp_path)
    printed = html.split("<pre>\n", 1)[1].split("</pre>", 1)[0]
    assert printed == EXPECTED
    # The user's template replaced only the body: the packaged page around it is still there.
    assert "<title>Hội Khuyến học tỉnh Bắc Kạn tổng kết công tác năm 2020</title>" in html


def packaged_text() -> str:
    return "".join(path.read_text(encoding="utf-8") for path in sorted(packaged_templates().glob("*.html")))


def test_the_packaged_templates_use_every_page_filter_and_no_user_filter() -> None:
    """The one table says which filters the documents need; the others are only for users' templates."""
    text = packaged_text()

    def used(name: str) -> bool:
        return re.search(rf"\|\s*{name}\b|map\(\s*\"{name}\"", text) is not None

    assert [name for name in PAGE_FILTERS if not used(name)] == []
    assert [name for name in USER_FILTERS if used(name)] == []
    assert set(environment().filters) >= set(FILTERS) == set(PAGE_FILTERS) | set(USER_FILTERS)


LEGACY_AWARDS = """\
{% extends "!default/article.html" %}
{% import "_macros.html" as m %}
{% block awards %}<p class="giai">
{%- for k in khen_thuong %}{{ m.award(k, loop.first) }}; {% endfor %}</p>{% endblock %}
"""


def test_a_template_written_before_awards_were_grouped_still_tells_each_one(tmp_path: Path) -> None:
    """The award macro of the older templates says its clause with the words of _awards.html."""
    html = article_with(LEGACY_AWARDS, tmp_path)
    said = html.split('<p class="giai">', 1)[1].split("</p>", 1)[0]
    assert said.startswith(
        "Hội Khuyến học huyện Bạch Thông đã được Trung ương Hội Khuyến học Việt Nam tặng Cờ thi đua vì đã có "
    )
    assert "; Chủ tịch UBND tỉnh cũng tặng Bằng khen cho Hội Khuyến học tỉnh vì đã có thành tích" in said
