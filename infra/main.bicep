// Everything the news digest runs on, in one resource group: a Flex Consumption function app with a
// user-assigned identity, its storage account (inbox, normalized documents, digests, tables),
// Application Insights on Log Analytics, a Key Vault for the SMTP password and Teams webhook URL,
// the storage account's Event Grid system topic and, optionally, Azure Communication Services Email.
// `azd up` deploys this, then the code, then hooks/postdeploy.sh subscribes the blob trigger to
// the inbox's BlobCreated events (eventgrid.bicep).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Environment name (azd sets it); names the resource group and seeds unique resource names.')
param environmentName string

@minLength(1)
@description('Region for every resource; must offer Flex Consumption.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Resource group to create or reuse; empty uses rg-<environmentName>.')
param resourceGroupName string = ''

@description('Object id of the deploying user or pipeline, given data access and Key Vault secret rights; empty grants nothing.')
param principalId string = ''

@description('Kind of principal principalId is.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@description('Inbox container analysts upload documents to.')
param inboxContainerName string = 'inbox'

@description('Container for normalized documents.')
param normalizedContainerName string = 'normalized'

@description('Container for rendered digests.')
param digestContainerName string = 'digests'

@description('NCRONTAB (UTC) schedule of the inbox reconciliation, which ingests any blob whose event was missed.')
param reconcileInboxSchedule string = '0 55 * * * *'

@description('Local time of day the digest is sent, HH:mm.')
param digestLocalTime string = '07:00'

@description('IANA time zone of digestLocalTime, e.g. Europe/Berlin.')
param digestTimeZone string = 'UTC'

@description('Email addresses the digest goes to; empty sends no email.')
param emailRecipients string[] = []

@description('Sender address; empty uses the Communication Services DoNotReply address when deployEmail is true.')
param emailSender string = ''

@description('Create Azure Communication Services Email with an Azure-managed domain and send through its SMTP endpoint.')
param deployEmail bool = false

@description('Where Communication Services keeps data at rest (only with deployEmail).')
param emailDataLocation string = 'Europe'

@description('Client id of the Entra application SMTP authenticates as (only with deployEmail).')
param smtpEntraApplicationId string = ''

@description('Object id of that application\'s service principal (only with deployEmail).')
param smtpServicePrincipalObjectId string = ''

@description('SMTP host when not using Communication Services.')
param smtpHost string = ''

@description('SMTP port when not using Communication Services.')
param smtpPort int = 587

@description('SMTP user name when not using Communication Services.')
param smtpUsername string = ''

@description('SMTP password (the Entra application\'s client secret with Communication Services); stored in Key Vault only.')
@secure()
param smtpPassword string = ''

@description('Teams Workflows webhook URL; stored in Key Vault only.')
@secure()
param teamsWebhookUrl string = ''

@description('Post the digest to Teams; the webhook URL must be in Key Vault first (teamsWebhookUrl puts it there).')
param postToTeams bool = false

@description('Most instances the function app may scale out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var identityName = 'id-${resourceToken}'
var storageAccountName = 'st${resourceToken}'
var keyVaultName = 'kv-${resourceToken}'
var applicationInsightsName = 'appi-${resourceToken}'
var functionAppName = 'func-${resourceToken}'
var deploymentContainerName = 'app-package-${resourceToken}'
// Email goes out only when it can: recipients, and either Communication Services with its SMTP
// application or a relay with a sender address (EmailOptions refuses to start half-configured).
var emailReady = !empty(emailRecipients) && (deployEmail ? !empty(smtpEntraApplicationId) : !empty(smtpHost) && !empty(emailSender))
var smtpPasswordSecretName = 'smtp-password'
var teamsWebhookUrlSecretName = 'teams-webhook-url'

// Created up front for visibility; the app also creates any table it misses on first use.
var tableNames = [
  'documents'
  'documentids'
  'contenthashes'
  'ingestions'
  'rejections'
  'stories'
  'storymembers'
  'digests'
]

resource resourceGroup 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: empty(resourceGroupName) ? 'rg-${environmentName}' : resourceGroupName
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: resourceGroup
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: resourceGroup
  params: {
    name: storageAccountName
    location: location
    tags: tags
    containerNames: [
      inboxContainerName
      normalizedContainerName
      digestContainerName
      deploymentContainerName
    ]
    tableNames: tableNames
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: resourceGroup
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
  }
}

module secrets 'modules/secrets.bicep' = {
  name: 'secrets'
  scope: resourceGroup
  params: {
    name: keyVaultName
    location: location
    tags: tags
    smtpPasswordSecretName: smtpPasswordSecretName
    teamsWebhookUrlSecretName: teamsWebhookUrlSecretName
    smtpPassword: smtpPassword
    teamsWebhookUrl: teamsWebhookUrl
  }
}

module messaging 'modules/messaging.bicep' = if (deployEmail) {
  name: 'messaging'
  scope: resourceGroup
  params: {
    emailServiceName: 'ecs-${resourceToken}'
    communicationServiceName: 'acs-${resourceToken}'
    tags: tags
    dataLocation: emailDataLocation
    smtpEntraApplicationId: smtpEntraApplicationId
    smtpServicePrincipalObjectId: smtpServicePrincipalObjectId
  }
}

module roleAssignments 'modules/role-assignments.bicep' = {
  name: 'role-assignments'
  scope: resourceGroup
  dependsOn: [
    identity
    storage
    secrets
    monitoring
  ]
  params: {
    storageAccountName: storageAccountName
    keyVaultName: keyVaultName
    applicationInsightsName: applicationInsightsName
    appIdentityName: identityName
    deployerPrincipalId: principalId
    deployerPrincipalType: principalType
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  scope: resourceGroup
  // The app's first start needs its storage and Key Vault roles in place.
  dependsOn: [
    roleAssignments
  ]
  params: {
    name: functionAppName
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    maximumInstanceCount: maximumInstanceCount
    inboxContainerName: inboxContainerName
    normalizedContainerName: normalizedContainerName
    digestContainerName: digestContainerName
    reconcileInboxSchedule: reconcileInboxSchedule
    smtpPasswordSecretUri: secrets.outputs.smtpCredentialSecretUri
    teamsWebhookUrlSecretUri: secrets.outputs.teamsWebhookUrlSecretUri
    smtpHost: deployEmail ? messaging!.outputs.smtpHost : smtpHost
    smtpPort: deployEmail ? messaging!.outputs.smtpPort : smtpPort
    smtpUsername: deployEmail ? messaging!.outputs.smtpUsername : smtpUsername
    emailSender: !empty(emailSender) || !deployEmail ? emailSender : messaging!.outputs.senderAddress
    emailRecipients: emailRecipients
    emailEnabled: emailReady
    teamsEnabled: postToTeams
    digestLocalTime: digestLocalTime
    digestTimeZone: digestTimeZone
  }
}

module eventGridTopic 'modules/event-grid-topic.bicep' = {
  name: 'event-grid-topic'
  scope: resourceGroup
  params: {
    name: 'evgt-${resourceToken}'
    location: location
    tags: tags
    storageAccountName: storageAccountName
  }
  dependsOn: [
    storage
  ]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_URL string = 'https://${functionApp.outputs.defaultHostName}'
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_KEY_VAULT_NAME string = secrets.outputs.name
output INBOX_CONTAINER_NAME string = inboxContainerName
output EVENT_GRID_SYSTEM_TOPIC_NAME string = eventGridTopic.outputs.name
// Names only, so that the hooks and the README's rotation steps can address the secrets.
output KEY_VAULT_SMTP_SECRET string = smtpPasswordSecretName
output KEY_VAULT_TEAMS_SECRET string = teamsWebhookUrlSecretName
output EMAIL_SENDER_ADDRESS string = deployEmail ? messaging!.outputs.senderAddress : emailSender
