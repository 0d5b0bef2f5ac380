#!/usr/bin/env bash
# Where a keep-alive request's CPU goes, thread by thread: runs ThroughputClient (the loop of
# agent-bench.sh) against BenchServer and samples it with Linux perf during the measured window.
# Usage: scripts/bench/profile-throughput.sh okhttp|jdk [agent-jar|none] [agent-args]
# Needs perf (linux-tools) and permission to profile this user's processes.
set -euo pipefail
cd "$(dirname "$0")/../.."
client=${1:-okhttp}
built=agent/target/egress-guard-agent.jar
jar=${2:-$built}
work=$(mktemp -d)
agent=""
if [ "$jar" != none ]; then
  if [ ! -f "$jar" ]; then
    [ "$jar" = "$built" ] || { echo "no agent jar at $jar" >&2; exit 2; }
    mvn -B -q package -DskipTests
  fi
  agent="-javaagent:$jar=audit=$work/audit.jsonl,logLevel=warn${3:+,$3}"
fi
mvn -B -q -o -pl integration-tests -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
cp="integration-tests/target/test-classes:$(cat integration-tests/target/bench.cp)"
echo "127.0.0.1 api.openai.com" > "$work/hosts"
# the server in its own JVM, so that its samples are not the client's
java -Djdk.net.hosts.file="$work/hosts" -cp "$cp" dev.egressguard.it.bench.BenchServer > "$work/url" &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
until [ -s "$work/url" ]; do sleep 0.2; done
# frame pointers and a perf map at exit, so that perf can name JIT-compiled Java methods
java -XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit -XX:+PreserveFramePointer $agent \
     -Djdk.net.hosts.file="$work/hosts" -cp "$cp" dev.egressguard.it.bench.ThroughputClient \
     "$client" "$(cat "$work/url")" 6 30 > "$work/client.out" &
client_pid=$!
sleep 32 # 30 s warm-up, then 4 s of the 6 s measured window
perf record -q -F 999 -g -o "$work/perf.data" -p $client_pid -- sleep 4
wait $client_pid
cat "$work/client.out"
echo "--- share of the client's samples by thread"
# head ends the pipe early: not a failure
perf report -i "$work/perf.data" --no-children --sort comm -g none --stdio 2>/dev/null | grep -v '^#' | grep -v '^$' | head -12 || true
for thread in java egress-guard; do
  echo "--- leading symbols of thread '$thread' (java: the request thread)"
  perf report -i "$work/perf.data" --comms "$thread" --no-children --sort sym -g none --stdio 2>/dev/null \
    | grep -v '^#' | grep -v '^$' | head -25 || true
done
