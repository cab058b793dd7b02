#!/usr/bin/env bash
# Builds and tests everything: the Functions app (Release), the Bicep templates,
# the core library, the command-line tool, the unit tests and the integration tests (which start their own
# Azurite and MailDev). Prints a closing "N passed, N failed" line.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
configuration=${CONFIGURATION:-Release}
out="$root/artifacts"
mkdir -p "$out/logs" "$out/test-results"

echo "==> Functions app (Release)"
# Built on every run from the served worker packages; a restore or compile error stops the run here with
# NuGet's or the compiler's message. The tests then check what the host will read from this output.
dotnet build src/NewsDigest.Functions/NewsDigest.Functions.csproj -c Release

echo "==> Bicep templates"
bash "$root/eng/bicep.sh"

echo "==> Build and test"
rm -rf "$out/test-results"
set +e
dotnet test NewsDigest.slnf -c "$configuration" \
  --logger "trx" --results-directory "$out/test-results" 2>&1 | tee "$out/logs/test.log"
status=${PIPESTATUS[0]}
set -e

# One closing line over every test assembly, summed from the TRX files.
python3 - "$out/test-results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
broken = []
for path in glob.glob(sys.argv[1] + "/*.trx"):
    summary = ET.parse(path).getroot().find("t:ResultSummary", ns)
    counters = summary.find("t:Counters", ns) if summary is not None else None
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
    skipped += int(counters.get("notExecuted", 0))
    # A test process that crashed or was aborted reports the tests it finished, none failed: the run itself failed.
    if summary.get("outcome") == "Failed" and int(counters.get("failed", 0)) == 0:
        reasons = [t.text.strip() for t in summary.iterfind("t:RunInfos/t:RunInfo/t:Text", ns) if t.text]
        broken.append(reasons[-1] if reasons else path)
for reason in broken:
    print(f"A test run did not finish: {reason}")
print(f"Tests: {passed} passed, {failed} failed, {skipped} skipped")
PY
exit "$status"
