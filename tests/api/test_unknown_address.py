"""An address that does not exist: a browser gets a Chinese page with a way home, a
program gets the API's error shape."""

from __future__ import annotations

from tests.api.world import Api

BROWSER = {"accept": "text/html,application/xhtml+xml,*/*;q=0.8"}



def test_a_browser_at_an_unknown_address_sees_a_chinese_page_with_a_way_home(api: Api) -> None:
    r = api.client.get("/no-such-page", headers=BROWSER)
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("text/html")
    assert 'lang="zh-CN"' in r.text and "没有这个地址" in r.text and 'href="/"' in r.text


def test_a_program_at_an_unknown_address_gets_the_error_shape(api: Api) -> None:
    for path, headers in (("/no-such-page", {"accept": "application/json"}),
                          ("/api/no-such-thing", BROWSER)):
        r = api.client.get(path, headers=headers)
        assert r.status_code == 404, path
        assert r.json()["error"]["code"] == "not_found", path
