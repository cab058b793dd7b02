#!/usr/bin/env bash
# The whole pipeline on this machine: starts Azurite and MailDev (from eng/tools), uploads seeds/ to the inbox,
# ingests them, lists the stored documents, then composes the digest, sends it to the local SMTP server and
# writes the preview files. `bash eng/run.sh stop` stops the local services again; `bash eng/run.sh reset` stops
# them and deletes .local/ (stored documents, digests, previews), so the next run starts from nothing.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
state="$root/.local"
tools="$root/eng/tools"
mkdir -p "$state"

stop() {
  for name in azurite maildev; do
    if [[ -f "$state/$name.pid" ]]; then
      kill "$(cat "$state/$name.pid")" 2>/dev/null || true
      rm -f "$state/$name.pid"
    fi
  done
}

if [[ "${1:-}" == "stop" ]]; then
  stop
  echo "Stopped Azurite and MailDev."
  exit 0
fi

if [[ "${1:-}" == "reset" ]]; then
  stop
  rm -rf "$state"
  echo "Stopped Azurite and MailDev and deleted .local/ (documents, digests, previews). The next 'bash eng/run.sh' starts from nothing."
  exit 0
fi

if [[ -n "${1:-}" ]]; then
  echo "usage: bash eng/run.sh [stop|reset]" >&2
  exit 1
fi

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for() {
  for _ in $(seq 1 100); do listening "$1" && return 0; sleep 0.2; done
  echo "Nothing listened on 127.0.0.1:$1; see $state/$2.log" >&2
  exit 1
}

if [[ ! -x "$tools/node_modules/.bin/azurite" || ! -x "$tools/node_modules/.bin/maildev" ]]; then
  echo "==> Installing Azurite and MailDev (npm ci in eng/tools)"
  npm ci --prefix "$tools" --no-audit --no-fund --loglevel=error
fi

if listening 10000 && listening 10002; then
  echo "==> Using the storage emulator already listening on 127.0.0.1:10000 and :10002"
else
  echo "==> Starting Azurite (data in .local/azurite)"
  nohup "$tools/node_modules/.bin/azurite" --silent --location "$state/azurite" --blobHost 127.0.0.1 --queueHost 127.0.0.1 \
    --tableHost 127.0.0.1 --skipApiVersionCheck >"$state/azurite.log" 2>&1 &
  echo $! >"$state/azurite.pid"
  wait_for 10000 azurite
  wait_for 10002 azurite
fi

if listening 1025; then
  echo "==> Using the SMTP server already listening on 127.0.0.1:1025"
else
  echo "==> Starting MailDev (SMTP 127.0.0.1:1025, web http://127.0.0.1:1080)"
  nohup "$tools/node_modules/.bin/maildev" --ip 127.0.0.1 --smtp 1025 --web 1080 >"$state/maildev.log" 2>&1 &
  echo $! >"$state/maildev.pid"
  wait_for 1025 maildev
fi

echo "==> Building the command-line tool (dotnet build src/NewsDigest.Cli; a few minutes the first time)"
dotnet build src/NewsDigest.Cli -c Release -v quiet -nologo >"$state/build.log" 2>&1 || { cat "$state/build.log" >&2; exit 1; }
cli() { dotnet "$root/artifacts/bin/NewsDigest.Cli/release/newsdigest.dll" "$@"; }

export Storage__ConnectionString="UseDevelopmentStorage=true"
export Email__Enabled="true" Email__Host="127.0.0.1" Email__Port="1025" Email__Security="None"
export Email__From="digest@newsdigest.local" Email__To__0="analysts@newsdigest.local"

echo "==> Uploading seeds/ to the inbox container"
cli ingest seeds
echo "==> Reconciling the inbox (Azurite sends no Event Grid events)"
cli reconcile
echo "==> Stored documents"
cli documents
echo "==> Digest"
digest_output=$(cli digest --send --preview "$state/preview") || { echo "$digest_output"; exit 1; }
echo "$digest_output"
if grep -qE "nothing new since the last digest|already delivered today" <<<"$digest_output"; then
  echo
  echo "Nothing new since the last digest: an earlier run already ingested these seeds and sent their digest"
  echo "(documents are stored once, and a digest goes out once per day), so the preview shows an empty digest and"
  echo "no email went out. To run the whole pipeline again from nothing: bash eng/run.sh reset && bash eng/run.sh"
fi
echo
echo "Preview files: $state/preview"
echo "Read the email at http://127.0.0.1:1080 (MailDev). Stop the local services with: bash eng/run.sh stop"
