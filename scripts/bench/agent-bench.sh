#!/usr/bin/env bash
# Whole-process benchmarks of SPEC §13 (start-up, RSS, keep-alive throughput), with and
# without the agent in alternating runs. Usage: scripts/bench/agent-bench.sh [startupRuns] [throughputRuns] [seconds] [parts]
# ("parts" also runs the agent without inspection and without the audit record, to show where the time goes)
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f agent/target/egress-guard-agent.jar ] || mvn -B -q package -DskipTests
mvn -B -q -o -pl integration-tests -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
java -cp "integration-tests/target/test-classes:$(cat integration-tests/target/bench.cp)" \
     dev.egressguard.it.bench.AgentBenchmark agent/target/egress-guard-agent.jar "$@"
