"""Screenshots of the workbench, a proposal list, the map and a dashboard, at 1280×800 and
at a phone's width (390×844), with Debian's Chromium, into ``docs/screenshots/``.

Run on a data directory where ``gongjian demo`` and ``gongjian match --all`` have run:

    GONGJIAN_DATA_DIR=data .venv/bin/python scripts/web_screenshots.py [--out docs/screenshots]

It serves the app on a free loopback port for the length of the run and signs in with an
account of its own for the demo street (created with a random password, then removed).
"""

from __future__ import annotations

import argparse
import secrets
import socket
import threading
import time
from pathlib import Path

STREET = "410305008"
SIZES = {"desktop": (1280, 800), "phone": (390, 844)}
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def main() -> int:
    import uvicorn
    from playwright.sync_api import sync_playwright

    from api.accounts import Accounts
    from api.http.app import create_app
    from api.settings import load_settings
    from graph import EmbeddedStore, MatchRun, Role

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args()
    settings = load_settings().model_copy(update={"neo4j_uri": None})  # the embedded store
    store = EmbeddedStore(settings.store_path)
    try:
        runs = store.list(MatchRun, scope=STREET, size=200).items
    finally:
        store.close()
    if not runs:
        raise SystemExit("错误：没有匹配批次，请先运行 gongjian demo 和 gongjian match --all")
    run = max(runs, key=lambda r: r.created).id
    password = secrets.token_urlsafe(16)
    accounts = Accounts(settings.data_dir / "accounts.db")
    accounts.create("screenshots", password, Role.STREET_COMMITTEE, STREET,
                    display_name="武汉路街道党工委")
    accounts.close()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1",
                                           port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    pages = {"workbench": "/work", "proposals": f"/runs/{run}", "map": "/map",
             "dashboard": "/dashboard", "network": "/network"}
    args.out.mkdir(parents=True, exist_ok=True)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            for size, (w, h) in SIZES.items():
                context = browser.new_context(viewport={"width": w, "height": h},
                                              locale="zh-CN", device_scale_factor=1)
                page = context.new_page()
                page.goto(f"{base}/login")
                page.fill("input[name=username]", "screenshots")
                page.fill("input[name=password]", password)
                page.click("button[type=submit]")
                page.wait_for_load_state()
                for name, path in pages.items():
                    page.goto(base + path)
                    if name == "map":
                        page.locator("svg#map circle.community").first.click()
                    target = args.out / f"{name}-{size}.png"
                    page.screenshot(path=str(target))
                    print(target)
                context.close()
            browser.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        accounts = Accounts(settings.data_dir / "accounts.db")
        with accounts.lock:
            accounts.connection.execute("DELETE FROM accounts WHERE username='screenshots'")
        accounts.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
