#!/usr/bin/env bash
# Builds every Bicep template under infra/ to ARM JSON and lints it, failing on any warning or error.
# The Bicep CLI comes from the NuGet package Azure.Bicep.CommandLine.linux-x64 (version pinned in
# Directory.Packages.props), restored through eng/bicep/Bicep.proj, so no separate install is needed.
#
#   eng/bicep.sh                 build + lint into artifacts/infra/
#   ARTIFACTS_PATH=/tmp/x eng/bicep.sh
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
artifacts="${ARTIFACTS_PATH:-$repo/artifacts}"
out="$artifacts/infra"
project="$repo/eng/bicep/Bicep.proj"

if [[ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]]; then
  echo "eng/bicep.sh: the Bicep CLI package used here is linux-x64 only; on this machine run 'az bicep lint' instead." >&2
  exit 1
fi

dotnet restore "$project" -p:ArtifactsPath="$artifacts" --verbosity quiet --nologo
package_dir="$(dotnet msbuild "$project" -p:ArtifactsPath="$artifacts" -getProperty:PkgAzure_Bicep_CommandLine_linux-x64 | tr -d '\r')"
bicep="$package_dir/tools/bicep"
if [[ ! -f "$bicep" ]]; then
  echo "eng/bicep.sh: Bicep CLI not found at '$bicep' after restore." >&2
  exit 1
fi
# NuGet does not always keep the executable bit when it extracts a package.
[[ -x "$bicep" ]] || chmod +x "$bicep"

cd "$repo"
rm -rf "$out"
mkdir -p "$out"
log="$out/diagnostics.txt"
status=0

echo "Bicep $("$bicep" --version | sed 's/^Bicep CLI version //')"

# Build, lint and the parameter files run side by side; each writes its own log. Both build and lint exit 0
# on warnings, so any diagnostic they print counts as a failure.
"$bicep" build --pattern 'infra/**/*.bicep' --outdir "$out" >"$out/build.log" 2>&1 &
build=$!
"$bicep" lint --pattern 'infra/**/*.bicep' >"$out/lint.log" 2>&1 &
lint=$!
params=()
for file in infra/*.bicepparam; do
  name="$(basename "$file" .bicepparam)"
  "$bicep" build-params "$file" --outfile "$out/$name.parameters.json" >"$out/params-$name.log" 2>&1 &
  params+=($!)
done
for pid in "$build" "$lint" "${params[@]}"; do
  wait "$pid" || status=1
done

# The same diagnostic is printed once per file that imports the module; show each once.
cat "$out"/*.log | sort -u >"$log"
rm -f "$out"/*.log
if [[ -s "$log" ]]; then
  cat "$log" >&2
  status=1
fi

if [[ $status -ne 0 ]]; then
  echo "eng/bicep.sh: Bicep reported problems (see above)." >&2
  exit 1
fi

rm -f "$log"
templates=$(find "$out" -name '*.json' ! -name '*.parameters.json' | wc -l)
echo "Bicep: $templates templates built to ${out#"$repo"/}/, lint clean, parameters built."
