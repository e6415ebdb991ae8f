"""Match runs, projects and their lifecycle, agreements, service records, evaluations."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Response

from api.http.deps import ContextDep, CurrentIdentity, IdText, ListKey, PageDep, StoreDep
from api.http.files import DOCX, PDF, agreement_download
from api.http.schemas import (
    AgreementCreate,
    AgreementPage,
    AgreementPublic,
    AgreementStep,
    EvaluationCreate,
    EvaluationPage,
    EvaluationPublic,
    MatchRunCreate,
    MatchRunPage,
    MatchRunPublic,
    ProjectPage,
    ProjectPublic,
    RunComparison,
    RunPart,
    ServiceRecordCorrection,
    ServiceRecordCreate,
    ServiceRecordPage,
    ServiceRecordPublic,
    ServiceRecordVoid,
    SignatureIn,
    TransitionIn,
    VersionedStep,
    public_response,
)
from api.runs import service as run_svc
from api.services import agreements as agreement_svc
from api.services import evaluations as evaluation_svc
from api.services import projects as project_svc
from api.services import records as record_svc

match_runs = APIRouter(prefix="/api/match-runs", tags=["匹配批次"])
projects = APIRouter(prefix="/api/projects", tags=["共建项目"])
agreements = APIRouter(prefix="/api/agreements", tags=["共建协议"])
records = APIRouter(prefix="/api/service-records", tags=["服务记实"])
evaluations = APIRouter(prefix="/api/evaluations", tags=["评议"])


@match_runs.post("", response_model=MatchRunPublic, status_code=202,
                 summary="为一个街道或区发起匹配，在后台运行：立即返回批次编号，state 为 running；"
                         "用 GET 查看阶段与进度（draft=true 时完成后只存草稿；"
                         "可带 Idempotency-Key）；"
                         "同一范围已有匹配在运行时返回 409 及其编号")
def start_run(ctx: ContextDep, who: CurrentIdentity, body: MatchRunCreate, response: Response,
              idempotency_key: Annotated[str | None, Header(max_length=200)] = None
              ) -> MatchRunPublic:
    run = run_svc.start_run(ctx.store, who, body.scope_id, body.params, keys=ctx.keys,
                            key=idempotency_key, runner=ctx.runs, draft=body.draft)
    response.headers["Location"] = f"/api/match-runs/{run.id}"
    return run


@match_runs.get("", response_model=MatchRunPage, summary="匹配批次列表")
def list_runs(store: StoreDep, who: CurrentIdentity, key: ListKey, paging: PageDep,
              scope_id: IdText = None, draft: bool | None = None) -> Response:
    return MatchRunPage.cached(store, who, key, lambda: run_svc.list_runs(
        store, who, scope_id=scope_id, draft=draft, page=paging.page, size=paging.size))


@match_runs.get("/{run_id}", response_model=MatchRunPublic,
                summary="匹配批次详情：state（running 运行中、done 完成、failed 失败）、"
                        "stage 与 progress；结果分部分读取")
def get_run(store: StoreDep, who: CurrentIdentity, run_id: str) -> MatchRunPublic:
    return run_svc.get_run(store, who, run_id)


@match_runs.get("/{run_id}/comparison", response_model=RunComparison,
                summary="草稿与现行批次的比较：增减的配对、目标值、各社区满足量、未匹配原因")
def compare_run(store: StoreDep, who: CurrentIdentity, run_id: str) -> RunComparison:
    return RunComparison.model_validate(run_svc.compare_run(store, who, run_id))


@match_runs.post("/{run_id}/publication", response_model=MatchRunPublic,
                 summary="发布草稿：其配对成为现行提议（带版本）")
def publish_run(store: StoreDep, who: CurrentIdentity, run_id: str, body: VersionedStep
                ) -> MatchRunPublic:
    return run_svc.publish_run(store, who, run_id, body.version)


@match_runs.get("/{run_id}/proposals", response_model=ProjectPage,
                summary="本批次提议的项目，含得分构成与说明")
def run_proposals(store: StoreDep, who: CurrentIdentity, key: ListKey, run_id: str, paging: PageDep
                  ) -> Response:
    return ProjectPage.cached(store, who, key, lambda: run_svc.run_proposals(
        store, who, run_id, page=paging.page, size=paging.size))


@match_runs.get("/{run_id}/pairs", response_model=RunPart,
                summary="本批次的配对：单位、社区、距离、得分构成（中文）与说明")
def run_pairs(store: StoreDep, who: CurrentIdentity, run_id: str) -> RunPart:
    return RunPart(run_id=run_id, items=run_svc.run_part(store, who, run_id, "pairs"))


@match_runs.get("/{run_id}/unmatched", response_model=RunPart, summary="未匹配的需求及原因")
def run_unmatched(store: StoreDep, who: CurrentIdentity, run_id: str) -> RunPart:
    return RunPart(run_id=run_id, items=run_svc.run_part(store, who, run_id, "unmatched"))


@match_runs.get("/{run_id}/scarcity", response_model=RunPart,
                summary="资源紧缺情况（按类别、地区）")
def run_scarcity(store: StoreDep, who: CurrentIdentity, run_id: str) -> RunPart:
    return RunPart(run_id=run_id, items=run_svc.run_part(store, who, run_id, "scarcity"))


@projects.get("", response_model=ProjectPage,
              summary="共建项目列表（可按单位、社区、街道、状态、类别筛选）")
def list_projects(store: StoreDep, who: CurrentIdentity, key: ListKey, paging: PageDep,
                  unit_id: IdText = None, community_id: IdText = None,
                  street_id: IdText = None, status: IdText = None, category: IdText = None,
                  need_id: IdText = None, match_run_id: IdText = None) -> Response:
    return ProjectPage.cached(store, who, key, lambda: project_svc.list_projects(
        store, who, unit_id=unit_id, community_id=community_id, street_id=street_id, status=status,
        category=category, need_id=need_id, match_run_id=match_run_id, page=paging.page,
        size=paging.size))


@projects.get("/{project_id}", response_model=ProjectPublic, summary="共建项目详情")
def get_project(store: StoreDep, who: CurrentIdentity, project_id: str) -> Response:
    return public_response(ProjectPublic, project_svc.get_project(store, who, project_id))


@projects.post("/{project_id}/transitions", response_model=ProjectPublic,
               summary="项目流转：认领、确认、提交、决议、开始、完成、谢绝、取消……（带版本）")
def transition(store: StoreDep, who: CurrentIdentity, project_id: str, body: TransitionIn
               ) -> ProjectPublic:
    return project_svc.transition(store, who, project_id, body.action, body.version,
                                  body.note)


@agreements.get("", response_model=AgreementPage, summary="共建协议列表")
def list_agreements(store: StoreDep, who: CurrentIdentity, key: ListKey, paging: PageDep,
                    status: IdText = None, community_id: IdText = None,
                    street_id: IdText = None) -> Response:
    return AgreementPage.cached(store, who, key, lambda: agreement_svc.list_agreements(
        store, who, status=status, community_id=community_id, street_id=street_id, page=paging.page,
        size=paging.size))


@agreements.post("", response_model=AgreementPublic, status_code=201,
                 summary="由已决议项目起草协议（同一社区）")
def draft_agreement(store: StoreDep, who: CurrentIdentity, body: AgreementCreate
                    ) -> AgreementPublic:
    return agreement_svc.draft(store, who, body.project_ids, title=body.title,
                               terms=body.terms, start=body.start, end=body.end,
                               backdate_reason=body.backdate_reason)


@agreements.get("/{agreement_id}", response_model=AgreementPublic, summary="共建协议详情")
def get_agreement(store: StoreDep, who: CurrentIdentity, agreement_id: str
                  ) -> Response:
    return public_response(AgreementPublic, agreement_svc.get_agreement(store, who, agreement_id))


@agreements.post("/{agreement_id}/signatures", response_model=AgreementPublic,
                 summary="以本方身份签署（各方签完即为已签署）")
def sign_agreement(store: StoreDep, who: CurrentIdentity, agreement_id: str,
                   body: SignatureIn) -> AgreementPublic:
    return agreement_svc.sign(store, who, agreement_id, body.version, signer=body.signer)


@agreements.post("/{agreement_id}/transitions", response_model=AgreementPublic,
                 summary="协议生效、终止、到期、撤回（带版本）")
def agreement_step(store: StoreDep, who: CurrentIdentity, agreement_id: str,
                   body: AgreementStep) -> AgreementPublic:
    if body.action == "activate":
        return agreement_svc.activate(store, who, agreement_id, body.version, note=body.note)
    return agreement_svc.end(store, who, agreement_id, body.action, body.version,
                             note=body.note)


@agreements.get("/{agreement_id}/document.html", response_class=Response,
                responses={200: {"content": {"text/html": {}}}},
                summary="协议文本（可打印的网页）")
def agreement_html(store: StoreDep, who: CurrentIdentity, agreement_id: str) -> Response:
    return Response(agreement_svc.document_html(store, who, agreement_id),
                    media_type="text/html; charset=utf-8")




@agreements.get("/{agreement_id}/document.docx", response_class=Response,
                responses={200: {"content": {DOCX: {}}}}, summary="协议文本（Word 文档）")
def agreement_docx(store: StoreDep, who: CurrentIdentity, agreement_id: str) -> Response:
    content = agreement_svc.document_docx(store, who, agreement_id)
    return agreement_download(content, DOCX, agreement_id, "docx")




@agreements.get("/{agreement_id}/document.pdf", response_class=Response,
                responses={200: {"content": {PDF: {}}}}, summary="协议文本（PDF，A4，可直接打印）")
def agreement_pdf(store: StoreDep, who: CurrentIdentity, agreement_id: str) -> Response:
    content = agreement_svc.document_pdf(store, who, agreement_id)
    return agreement_download(content, PDF, agreement_id, "pdf")


@records.get("", response_model=ServiceRecordPage, summary="服务记实列表")
def list_records(store: StoreDep, who: CurrentIdentity, key: ListKey, paging: PageDep,
                 project_id: IdText = None, unit_id: IdText = None,
                 community_id: IdText = None, street_id: IdText = None,
                 status: IdText = None) -> Response:
    return ServiceRecordPage.cached(store, who, key, lambda: record_svc.list_records(
        store, who, project_id=project_id, unit_id=unit_id, community_id=community_id,
        street_id=street_id, status=status, page=paging.page, size=paging.size))


@records.post("", response_model=ServiceRecordPublic, status_code=201,
              summary="记实：服务日期、时长、参与党员（仅实施中的项目）")
def create_record(store: StoreDep, who: CurrentIdentity, body: ServiceRecordCreate
                  ) -> ServiceRecordPublic:
    return record_svc.create_record(store, who, body.project_id, date=body.date,
                                    hours=body.hours, member_ids=body.member_ids,
                                    quantity=body.quantity, note=body.note)


@records.post("/{record_id}/corrections", response_model=ServiceRecordPublic,
              summary="更正服务记实（须说明理由，带版本）")
def correct_record(store: StoreDep, who: CurrentIdentity, record_id: str,
                   body: ServiceRecordCorrection) -> ServiceRecordPublic:
    return record_svc.correct_record(store, who, record_id, body.version, reason=body.reason,
                                     date=body.date, hours=body.hours,
                                     member_ids=body.member_ids, quantity=body.quantity,
                                     note=body.note)


@records.post("/{record_id}/void", response_model=ServiceRecordPublic,
              summary="作废服务记实（须说明理由，带版本；作废后不再计入统计）")
def void_record(store: StoreDep, who: CurrentIdentity, record_id: str,
                body: ServiceRecordVoid) -> ServiceRecordPublic:
    return record_svc.void_record(store, who, record_id, body.version, reason=body.reason)


@records.get("/{record_id}", response_model=ServiceRecordPublic, summary="服务记实详情")
def get_record(store: StoreDep, who: CurrentIdentity, record_id: str) -> ServiceRecordPublic:
    return record_svc.get_record(store, who, record_id)


@evaluations.get("", response_model=EvaluationPage, summary="评议列表")
def list_evaluations(store: StoreDep, who: CurrentIdentity, key: ListKey, paging: PageDep,
                     target_id: IdText = None, community_id: IdText = None,
                     unit_id: IdText = None) -> Response:
    return EvaluationPage.cached(store, who, key, lambda: evaluation_svc.list_evaluations(
        store, who, target_id=target_id, community_id=community_id, unit_id=unit_id,
        page=paging.page, size=paging.size))


@evaluations.post("", response_model=EvaluationPublic, status_code=201,
                  summary="评议项目或协议（1–5 分）")
def evaluate(store: StoreDep, who: CurrentIdentity, body: EvaluationCreate
             ) -> EvaluationPublic:
    return evaluation_svc.evaluate(store, who, body.target_id, body.score, body.comment,
                                   expected_version=body.version)


@evaluations.get("/{evaluation_id}", response_model=EvaluationPublic, summary="评议详情")
def get_evaluation(store: StoreDep, who: CurrentIdentity, evaluation_id: str
                   ) -> EvaluationPublic:
    return evaluation_svc.get_evaluation(store, who, evaluation_id)
