#!/usr/bin/env bash
# The main job: an unchanged application run with -javaagent, making real requests (JDK
# HttpClient, HttpURLConnection and curl) to a local server, then the audit trail it left.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=agent/target/egress-guard-agent.jar
[ -f "$jar" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '127.0.0.1 api.openai.com\n127.0.0.1 pastebin.com\n127.0.0.1 webhook.site\n' > "$work/hosts"
audit="$work/egress-guard-audit.jsonl"

echo "### java -javaagent:$jar=policy=scripts/demo/demo-policy.yaml,... Demo"
java -javaagent:"$jar"=policy=scripts/demo/demo-policy.yaml,audit="$audit",agentId=demo-app \
     -Djdk.net.hosts.file="$work/hosts" scripts/demo/Demo.java

echo
echo "### java -jar $jar audit --file ... --last 20"
java -jar "$jar" audit --file "$audit" --last 20
echo
echo "### java -jar $jar incidents summary"
java -jar "$jar" incidents summary --file "$audit"
echo
echo "### java -jar $jar audit verify"
java -jar "$jar" audit verify --file "$audit"
