"""Settings, read in one place: the environment (``GONGJIAN_*``, ``NEO4J_*``) and defaults.

Only the composition root (:mod:`api.composition`) calls :func:`load_settings`; the
``graph``, ``matching`` and ``seed`` packages take plain arguments.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from api.imports.limits import ImportLimits


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

    map_tile_url: str | None = Field(
        default=None, max_length=500,
        description="地图瓦片地址模板（如 https://tiles.example.gov.cn/{z}/{x}/{y}.png），"
                    "有瓦片服务的部署才设置；不设置时地图按坐标离线绘制，不请求任何外部地址")

    @field_validator("map_tile_url")
    @classmethod
    def _tile_template(cls, value: str | None) -> str | None:
        if not value:
            return None
        if not value.startswith(("https://", "http://", "/")) or \
                any(part not in value for part in ("{z}", "{x}", "{y}")):
            raise ValueError("瓦片地址须以 http(s):// 或 / 开头，并含 {z}、{x}、{y} 三个占位符，"
                             f"收到「{value[:80]}」")
        return value

    import_max_bytes: int = Field(default=5 * 1024 * 1024, ge=1,
                                  description="导入文件的大小上限（字节）")
    import_max_unpacked_bytes: int = Field(default=50 * 1024 * 1024, ge=1,
                                           description="XLSX 解压后的大小上限（字节）")
    import_max_rows: int = Field(default=20_000, ge=1, description="每份导入文件的数据行上限")
    import_max_cell_chars: int = Field(default=2_000, ge=1, description="每格字符数上限")
    import_max_json_depth: int = Field(default=4, ge=2, description="JSON 导入文件的嵌套层数上限")
    import_max_problems: int = Field(default=100, ge=1, description="错误答复中列出的问题数上限")

    @property
    def import_limits(self) -> ImportLimits:
        return ImportLimits(self.import_max_bytes, self.import_max_unpacked_bytes,
                            self.import_max_rows, self.import_max_cell_chars,
                            self.import_max_json_depth, self.import_max_problems)

    @property
    def store_path(self) -> Path:
        return self.data_dir / "gongjian.db"


def load_settings() -> Settings:
    """The settings, or one Chinese line naming the variable that is wrong."""
    from api.errors import InvalidRequest

    try:
        return Settings()
    except ValidationError as e:
        first = e.errors()[0]
        name = str(first["loc"][0]) if first["loc"] else "?"
        name = name if name.startswith("NEO4J_") else f"GONGJIAN_{name.upper()}"
        message = str(first["msg"]).removeprefix("Value error, ")
        raise InvalidRequest(f"环境变量 {name} 的值无效：{message}", field=name) from None
