"""The category list (Chinese names, aliases, related categories) and suggestions."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel

from api.categories import category_list, suggest
from api.http.deps import CurrentIdentity

router = APIRouter(prefix="/api/categories", tags=["类别"])


class CategoryOut(BaseModel):
    code: str
    name: str
    aliases: list[str]
    related: list[str]


class SuggestionOut(BaseModel):
    code: str
    name: str
    confidence: float


@router.get("", response_model=list[CategoryOut], summary="类别表（中文名、别名、相近类别）")
def list_categories(who: CurrentIdentity) -> list[CategoryOut]:
    return [CategoryOut.model_validate(c) for c in category_list()]


@router.get("/suggest", response_model=list[SuggestionOut],
            summary="根据标题和描述建议类别（前三个及置信度）")
def suggest_categories(
        who: CurrentIdentity,
        title: Annotated[str, Query(min_length=1, max_length=100, description="标题")],
        description: Annotated[str, Query(max_length=2000, description="描述")] = ""
) -> list[SuggestionOut]:
    return [SuggestionOut(code=s.code, name=s.name, confidence=s.confidence)
            for s in suggest(title, description)]
