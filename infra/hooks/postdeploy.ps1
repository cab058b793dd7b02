# azd postdeploy hook (Windows): subscribes the blob trigger to BlobCreated events from the inbox
# container. See postdeploy.sh for why this runs after the code is deployed.
$ErrorActionPreference = 'Stop'

foreach ($name in 'AZURE_RESOURCE_GROUP', 'AZURE_FUNCTION_APP_NAME', 'EVENT_GRID_SYSTEM_TOPIC_NAME', 'INBOX_CONTAINER_NAME') {
    if (-not [Environment]::GetEnvironmentVariable($name)) {
        throw "postdeploy: $name is not set; run 'azd provision' first."
    }
}

if (-not (Get-Command az -ErrorAction SilentlyContinue)) {
    throw 'postdeploy: the Azure CLI (az) is required: https://learn.microsoft.com/cli/azure/install-azure-cli'
}

$infraDir = Split-Path -Parent $PSScriptRoot

# A freshly deployed Flex Consumption app may still be starting: wait for the key to appear.
$ready = $false
for ($attempt = 1; $attempt -le 30; $attempt++) {
    $hasKey = az functionapp keys list --resource-group $env:AZURE_RESOURCE_GROUP --name $env:AZURE_FUNCTION_APP_NAME `
        --query 'systemKeys.blobs_extension != `null`' --output tsv 2>$null
    if ($LASTEXITCODE -eq 0 -and $hasKey -eq 'true') { $ready = $true; break }
    Write-Host "postdeploy: waiting for the function host to publish its blobs_extension key ($attempt/30)..."
    Start-Sleep -Seconds 10
}
if (-not $ready) {
    throw "postdeploy: the app has no blobs_extension key; is IngestDocument deployed? Re-run with 'azd hooks run postdeploy'."
}

Write-Host "postdeploy: subscribing $env:AZURE_FUNCTION_APP_NAME to BlobCreated events in '$env:INBOX_CONTAINER_NAME'..."
az deployment group create `
    --resource-group $env:AZURE_RESOURCE_GROUP `
    --name 'inbox-event-subscription' `
    --template-file (Join-Path $infraDir 'eventgrid.bicep') `
    --parameters functionAppName=$env:AZURE_FUNCTION_APP_NAME `
                 systemTopicName=$env:EVENT_GRID_SYSTEM_TOPIC_NAME `
                 inboxContainerName=$env:INBOX_CONTAINER_NAME `
    --output none
if ($LASTEXITCODE -ne 0) { throw 'postdeploy: creating the event subscription failed.' }
Write-Host "postdeploy: done. Documents uploaded to '$env:INBOX_CONTAINER_NAME' now trigger IngestDocument."
