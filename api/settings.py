"""Settings, read in one place: the environment (``GONGJIAN_*``, ``NEO4J_*``) and defaults.

Only the composition root (:mod:`api.composition`) calls :func:`load_settings`; the
``graph``, ``matching`` and ``seed`` packages take plain arguments.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="GONGJIAN_", extra="ignore")

    data_dir: Path = Field(default=Path("data"), description="数据目录（嵌入式库文件所在）")
    secret_key: SecretStr | None = Field(
        default=None, description="令牌签名密钥；不设置时首次运行在数据目录生成 secret.key")
    host: str = Field(default="127.0.0.1", description="gongjian serve 监听的地址")
    port: int = Field(default=8000, description="gongjian serve 监听的端口")
    neo4j_uri: str | None = Field(default=None, validation_alias="NEO4J_URI")
    neo4j_user: str = Field(default="neo4j", validation_alias="NEO4J_USER")
    neo4j_password: str | None = Field(default=None, validation_alias="NEO4J_PASSWORD")
    neo4j_database: str = Field(default="neo4j", validation_alias="NEO4J_DATABASE")

    @property
    def store_path(self) -> Path:
        return self.data_dir / "gongjian.db"


def load_settings() -> Settings:
    return Settings()
