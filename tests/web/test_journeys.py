"""Each role's main journey, end to end in a real browser (Debian Chromium via Playwright).

The tests run in file order over one live site: the clerk imports, runs a draft, compares
it with the live run and publishes it; the unit claims one proposal and declines another;
the community confirms; the street takes the project through the joint meeting; the three
parties sign the agreement and it is printed; the unit records service; the community
completes and evaluates; and the dashboard's figures move. Every page loaded here had no
console error and asked no other host (checked by the ``new_page`` fixture).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import NO_CHROMIUM, Site, flash_text

pytestmark = pytest.mark.skipif(NO_CHROMIUM, reason="Debian chromium is not installed at "
                                "/usr/bin/chromium (.ci/run installs it)")

HEADER = "编号,标题,类别,所属社区,数量,计量单位,紧急程度,开始日期,结束日期\n"


def _row(n: int, quantity: str, community: str) -> str:
    return (f"N-WEB-{n:04d},老人智能手机课 {n},智能手机应用,{community},{quantity},次,一般,"
            "2026-03-01,2026-12-31\n")


def test_every_role_lands_on_its_own_home_page(new_page: Any, site: Site) -> None:
    homes = {"district": "/work", "street": "/work", "community": "/community",
             "unit": "/unit", "researcher": "/dashboard"}
    for who, path in homes.items():
        page = new_page(who)
        assert page.url == site.url + path
        assert page.locator("html").get_attribute("lang") == "zh-CN"
        assert page.locator("[data-testid=who]").inner_text().strip()


def test_the_clerk_imports_a_file_sees_its_bad_row_fixes_it_and_runs_a_match(
        new_page: Any, site: Site, tmp_path: Path) -> None:
    page = new_page("street")
    community = site.community_id
    bad = tmp_path / "needs.csv"
    bad.write_text(HEADER + _row(1, "30", community) + _row(2, "三十个", community)
                   + _row(3, "10", community), encoding="utf-8")
    page.goto(f"{site.url}/import")
    page.select_option("select[name=kind]", "needs")
    page.set_input_files("input[name=file]", str(bad))
    page.click("form[action='/import'] button[type=submit]")
    problems = page.locator("[data-testid=problems] tbody tr")
    assert problems.count() == 1
    cells = problems.first.locator("td").all_inner_texts()
    assert cells[0] == "3" and cells[1] == "数量"
    page.goto(f"{site.url}/needs?q=N-WEB")
    assert "没有符合条件的记录" in page.inner_text("[data-testid=list]")  # nothing written

    fixed = tmp_path / "needs-fixed.csv"
    fixed.write_text(HEADER + _row(1, "30", community) + _row(2, "30", community)
                     + _row(3, "10", community), encoding="utf-8")
    page.goto(f"{site.url}/import")
    page.set_input_files("input[name=file]", str(fixed))
    page.click("form[action='/import'] button[type=submit]")
    assert "新建 3 条" in page.inner_text("[data-testid=import-ok]")
    page.goto(f"{site.url}/needs?q=N-WEB&sort=title")
    assert page.locator("[data-testid=list] tbody tr").count() == 3

    page.goto(f"{site.url}/runs")
    page.click("form[action='/runs'] button[type=submit]")
    page.wait_for_url("**/runs/MR-*")
    assert "已开始匹配" in flash_text(page)  # the run goes on in the background
    # the page shows the run's stage and reloads itself until the draft is there
    page.wait_for_selector("[data-testid=compare]", timeout=60_000)
    assert "草稿" in page.inner_text("[data-testid=run-state]")
    assert page.locator("[data-testid=compare]").count() == 1  # the draft against the live run
    page.click("[data-testid=publish] button")
    assert "已发布" in flash_text(page)
    assert "已发布" in page.inner_text("[data-testid=run-state]")
    assert page.locator("[data-testid=proposals] tbody tr .bar-fill").count() > 0
    page.click("text=未满足的需求")
    assert page.locator("[data-testid=unmatched]").count() == 1
    page.click("text=该补充什么资源")
    assert page.locator("[data-testid=scarcity]").count() == 1


def test_the_unit_claims_one_proposal_and_declines_another_on_a_phone(
        new_page: Any, site: Site) -> None:
    page = new_page("unit", width=390, height=844)
    claim, decline = site.proposed[0], site.proposed[1]
    page.goto(f"{site.url}/unit")
    assert page.locator(f"a[href='/projects/{claim}']").count() >= 1
    page.goto(f"{site.url}/projects/{claim}")
    page.click("button[data-action=claim]")
    assert "已认领" in flash_text(page)
    page.goto(f"{site.url}/projects/{decline}")
    form = page.locator("form:has(button[data-action=decline])")
    form.locator("input[name=note]").fill("本季度人手不足")
    form.locator("button[data-action=decline]").click()
    assert "已谢绝" in flash_text(page)
    # the menu opens on a phone
    page.click(".menu-toggle")
    assert page.locator("#side").is_visible()


def test_the_community_confirms_the_claimed_project(new_page: Any, site: Site) -> None:
    page = new_page("community")
    page.goto(f"{site.url}/projects?status=claimed")
    page.click(f"a[href='/projects/{site.proposed[0]}'] >> nth=0")
    page.click("button[data-action=confirm]")
    assert "社区已确认" in flash_text(page)


def test_the_three_parties_sign_the_agreement_and_print_it(new_page: Any, site: Site
                                                          ) -> None:
    project = site.proposed[0]
    street = new_page("street")
    street.goto(f"{site.url}/projects/{project}")
    street.click("button[data-action=submit]")
    street.click("button[data-action=resolve]")
    assert "已决议" in flash_text(street)
    assert street.locator("[data-testid=history] li").count() >= 4
    street.goto(f"{site.url}/agreements")
    street.check(f"input[name=project_id][value='{project}']")
    street.click("form[action='/agreements/new'] button[type=submit]")
    street.wait_for_url("**/agreements/AG-*")
    agreement_url = street.url
    street.click("form[action$='/sign'] button")
    for who in ("community", "unit"):
        p = new_page(who)
        p.goto(agreement_url)
        p.click("form[action$='/sign'] button")
        assert "已签署" in flash_text(p)
    street.goto(agreement_url)
    assert "未签署" not in street.inner_text("[data-testid=parties]")
    street.click("form[action$='/activate'] button")
    assert "协议已生效" in flash_text(street)

    unit = new_page("unit")
    unit.goto(agreement_url)
    pdf_link = unit.get_attribute("a[href$='/document.pdf']", "href")
    answer = unit.request.get(site.url + pdf_link, timeout=120_000)  # the page's cookies
    assert answer.ok and answer.body()[:4] == b"%PDF"
    assert "attachment" in answer.headers["content-disposition"]
    unit.click("a[href$='/print']")
    unit.emulate_media(media="print")
    assert unit.inner_text("h1") == "共建协议"
    assert unit.locator(".signatures .party").count() == 3
    pdf = unit.pdf(format="A4")
    assert pdf[:4] == b"%PDF"


def test_service_is_recorded_and_evaluated_and_the_dashboard_moves(new_page: Any,
                                                                   site: Site) -> None:
    project = site.proposed[0]
    street = new_page("street")
    street.goto(f"{site.url}/dashboard")
    hours_before = _number(street.inner_text("[data-testid=service-hours]"))
    evaluations_before = _number(street.inner_text("[data-testid=evaluations]"))

    unit = new_page("unit", width=390, height=844)
    unit.goto(f"{site.url}/projects/{project}")
    unit.click("button[data-action=start]")
    assert "实施中" in flash_text(unit)
    unit.fill("[data-testid=record-form] input[name=hours]", "3")
    unit.fill("[data-testid=record-form] input[name=note]", "义诊 30 人次")
    unit.click("[data-testid=record-form] button")
    assert "已记实" in flash_text(unit)

    community = new_page("community")
    community.goto(f"{site.url}/projects/{project}")
    community.click("button[data-action=complete]")
    community.select_option("[data-testid=evaluate-form] select[name=score]", "5")
    community.fill("[data-testid=evaluate-form] input[name=comment]", "居民满意")
    community.click("[data-testid=evaluate-form] button")
    assert "已评议" in flash_text(community)

    street.goto(f"{site.url}/dashboard")
    assert _number(street.inner_text("[data-testid=service-hours]")) == hours_before + 3
    assert _number(street.inner_text("[data-testid=evaluations]")) == evaluations_before + 1


def test_the_map_draws_the_run_pairs_and_a_fifteen_minute_circle(new_page: Any, site: Site
                                                                 ) -> None:
    page = new_page("street")
    page.goto(f"{site.url}/map")
    assert page.locator("svg#map line.pair").count() > 0
    page.locator("svg#map circle.community").first.click()
    assert page.locator("#walk-circle").get_attribute("visibility") == "visible"
    assert "一刻钟" in page.inner_text("#map-focus")
    page.goto(f"{site.url}/network")
    assert page.locator("svg line.edge-registered").count() > 0
    labels = page.locator("svg text.map-label").all_text_contents()  # a street's communities
    assert labels and len(labels) == page.locator("svg circle.community").count()
    assert all(label.strip() for label in labels)


def test_a_need_titled_script_renders_as_text(new_page: Any, site: Site) -> None:
    page = new_page("community")
    page.goto(f"{site.url}/needs/new")
    page.fill("input[name=title]", "<script>alert('x')</script>")
    page.fill("input[name=quantity]", "2")
    page.click("form[action='/needs/new'] button[type=submit]")
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{site.url}/needs?mine=1&q=script")
    assert "<script>alert('x')</script>" in page.inner_text("[data-testid=list]")
    assert not dialogs


def test_the_interface_docs_work_offline(new_page: Any, site: Site) -> None:
    page = new_page()
    page.goto(f"{site.url}/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=120_000)  # a 150 KB schema
    assert page.locator(".opblock").count() > 10


def _number(text: str) -> float:
    return float(text.replace(",", "").split()[0])
