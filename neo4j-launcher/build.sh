#!/usr/bin/env bash
# Build the launcher into build/neo4j-launcher with Maven (dependencies from Maven Central),
# unless the jar is newer than its sources.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$(dirname "$here")/build/neo4j-launcher"
jar="$out/neo4j-launcher-1.jar"
if [ -f "$jar" ] && [ -d "$out/lib" ] && [ -z "$(find "$here" -newer "$jar" -type f \( -name '*.java' -o -name pom.xml \))" ]; then
    exit 0
fi
for tool in java mvn; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "错误：找不到 $tool。构建本地 Neo4j 需要 Java 17 和 Maven（Debian：apt-get install openjdk-17-jdk-headless maven）。" >&2
        exit 2
    fi
done
echo "正在构建本地 Neo4j（Maven，首次需要下载依赖）……" >&2
mvn -q -B -Dstyle.color=never -f "$here/pom.xml" package -DskipTests >&2
