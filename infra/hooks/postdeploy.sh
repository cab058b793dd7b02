#!/bin/sh
# azd postdeploy hook: subscribes the blob trigger to BlobCreated events from the inbox container.
# It runs after the code is deployed because Event Grid validates the webhook when the subscription
# is created, and the webhook's key (the host's blobs_extension system key) only exists once the
# app has started with its Event Grid blob trigger. infra/eventgrid.bicep reads the key itself, so
# it never appears in this shell or in azd's output. Re-running is safe (the deployment is idempotent).
set -eu

for name in AZURE_RESOURCE_GROUP AZURE_FUNCTION_APP_NAME EVENT_GRID_SYSTEM_TOPIC_NAME INBOX_CONTAINER_NAME; do
  eval "value=\${$name:-}"
  if [ -z "$value" ]; then
    echo "postdeploy: $name is not set; run 'azd provision' first." >&2
    exit 1
  fi
done

if ! command -v az >/dev/null 2>&1; then
  echo "postdeploy: the Azure CLI (az) is required: https://learn.microsoft.com/cli/azure/install-azure-cli" >&2
  exit 1
fi

infra_dir="$(cd "$(dirname "$0")/.." && pwd)"

# A freshly deployed Flex Consumption app may still be starting: wait for the key to appear.
attempt=1
while :; do
  if az functionapp keys list --resource-group "$AZURE_RESOURCE_GROUP" --name "$AZURE_FUNCTION_APP_NAME" \
      --query "systemKeys.blobs_extension != \`null\`" --output tsv 2>/dev/null | grep -qi '^true$'; then
    break
  fi
  if [ "$attempt" -ge 30 ]; then
    echo "postdeploy: the app has no blobs_extension key after $attempt attempts; is IngestDocument deployed? Re-run with 'azd hooks run postdeploy'." >&2
    exit 1
  fi
  echo "postdeploy: waiting for the function host to publish its blobs_extension key ($attempt/30)..."
  attempt=$((attempt + 1))
  sleep 10
done

echo "postdeploy: subscribing $AZURE_FUNCTION_APP_NAME to BlobCreated events in '$INBOX_CONTAINER_NAME'..."
az deployment group create \
  --resource-group "$AZURE_RESOURCE_GROUP" \
  --name "inbox-event-subscription" \
  --template-file "$infra_dir/eventgrid.bicep" \
  --parameters functionAppName="$AZURE_FUNCTION_APP_NAME" \
               systemTopicName="$EVENT_GRID_SYSTEM_TOPIC_NAME" \
               inboxContainerName="$INBOX_CONTAINER_NAME" \
  --output none
echo "postdeploy: done. Documents uploaded to '$INBOX_CONTAINER_NAME' now trigger IngestDocument."
