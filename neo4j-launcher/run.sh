#!/usr/bin/env bash
# Build (once) and run the local Neo4j server in the foreground:
#   neo4j-launcher/run.sh [PORT] [DATA_DIR]
# PORT defaults to $NEO4J_BOLT_PORT or 7687, DATA_DIR to $GONGJIAN_DATA/neo4j (data/neo4j).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
port="${1:-${NEO4J_BOLT_PORT:-7687}}"
data="${2:-${GONGJIAN_DATA:-$root/data}/neo4j}"
out="$root/build/neo4j-launcher"

if ! command -v java >/dev/null 2>&1; then
    echo "错误：找不到 java。本地 Neo4j 需要 Java 17 或更新版本（Debian：apt-get install openjdk-17-jdk-headless maven），或改用 Docker（docker compose up neo4j）。" >&2
    exit 2
fi
"$here/build.sh"
mkdir -p "$data"
exec java -Xms256m -Xmx1g -XX:+UseG1GC -cp "$out/neo4j-launcher-1.jar:$out/lib/*" \
    gongjian.neo4j.Launcher "$port" "$data"
