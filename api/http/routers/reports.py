"""Reports generated from records: 双报到 feedback, joint-meeting packets, ledgers."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel, Field

from api.http.deps import CurrentIdentity, StoreDep
from api.http.files import DOCX, XLSX, download
from api.http.schemas import ProjectPublic, Strict
from api.services import reports as report_svc

router = APIRouter(prefix="/api/reports", tags=["报表"])

Year = Annotated[int, Query(ge=2000, le=2100, description="年份")]
Half = Annotated[int, Query(ge=1, le=2, description="1 上半年，2 下半年")]
Quarter = Annotated[int, Query(ge=1, le=4, description="季度 1–4")]


def _file(content: bytes, media: str, name: str, ext: str) -> Response:
    return download(content, media, f"{name}.{ext}", fallback=f"report.{ext}")


class MemberServiceOut(BaseModel):
    member_id: str
    name: str
    home_community: str
    records: int
    hours: float
    projects: list[str]
    communities: list[str]


class FeedbackOut(BaseModel):
    unit_id: str
    unit_name: str
    year: int
    half: int
    start: dt.date
    end: dt.date
    members: list[MemberServiceOut]
    members_serving: int
    hours: float


@router.get("/feedback/{unit_id}", response_model=FeedbackOut,
            summary="双报到服务反馈：单位在职党员半年的服务记实（次数、时长、项目、社区）")
def feedback(store: StoreDep, who: CurrentIdentity, unit_id: str, year: Year,
             half: Half) -> FeedbackOut:
    r = report_svc.feedback(store, who, unit_id, year=year, half=half)
    return FeedbackOut(unit_id=r.unit_id, unit_name=r.unit_name, year=r.year, half=r.half,
                       start=r.start, end=r.end,
                       members=[MemberServiceOut(**vars(m)) for m in r.members],
                       members_serving=len(r.serving), hours=r.hours)


@router.get("/feedback/{unit_id}/document.docx", response_class=Response,
            responses={200: {"content": {DOCX: {}}}},
            summary="双报到服务反馈单（Word，每单位一份）")
def feedback_docx(store: StoreDep, who: CurrentIdentity, unit_id: str, year: Year,
                  half: Half) -> Response:
    content = report_svc.feedback_docx(store, who, unit_id, year=year, half=half)
    return _file(content, DOCX, f"双报到服务反馈-{year}年{'上' if half == 1 else '下'}半年", "docx")


@router.get("/meetings/{street_id}/packet.docx", response_class=Response,
            responses={200: {"content": {DOCX: {}}}},
            summary="街道季度联席会议材料（提请审议的项目、已作决议、按状态的项目清单）")
def meeting_docx(store: StoreDep, who: CurrentIdentity, street_id: str, year: Year,
                 quarter: Quarter) -> Response:
    content = report_svc.meeting_docx(store, who, street_id, year=year, quarter=quarter)
    return _file(content, DOCX, f"联席会议材料-{year}年第{quarter}季度", "docx")


class DecisionIn(Strict):
    project_id: str = Field(min_length=1, max_length=64)
    action: str = Field(min_length=1, max_length=20,
                        description="resolve（通过）、reject（不通过）、return（退回修改）")
    version: int = Field(ge=0, le=2**31, description="您看到的项目版本")


class MeetingIn(Strict):
    held_on: dt.date = Field(description="会议日期")
    decisions: list[DecisionIn] = Field(min_length=1, max_length=200)
    note: str = Field(default="", max_length=500)


@router.post("/meetings/{street_id}/resolutions", response_model=list[ProjectPublic],
             summary="记录联席会议决议：逐项写回项目（先全部核对，有误则一项不写）")
def record_meeting(store: StoreDep, who: CurrentIdentity, street_id: str, body: MeetingIn
                   ) -> list[ProjectPublic]:
    decisions = [report_svc.Decision(d.project_id, d.action, d.version)
                 for d in body.decisions]
    return report_svc.record_meeting(store, who, street_id, body.held_on, decisions,
                                     note=body.note)


@router.get("/ledger/{street_id}.xlsx", response_class=Response,
            responses={200: {"content": {XLSX: {}}}}, summary="街道共建项目台账（Excel）")
def ledger_xlsx(store: StoreDep, who: CurrentIdentity, street_id: str) -> Response:
    return _file(report_svc.ledger_xlsx(store, who, street_id), XLSX, "共建项目台账", "xlsx")
