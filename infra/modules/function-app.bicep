// Flex Consumption (FC1, Linux) function app running the .NET 10 isolated worker. It scales to zero
// when idle, pulls its code from a blob container, and reaches everything as its user-assigned
// identity: the settings below hold service URIs, client ids and Key Vault references, never a key.

@description('Function app name (also its host name: <name>.azurewebsites.net).')
param name string

@description('Flex Consumption plan name.')
param planName string

@description('Azure region.')
param location string

@description('Tags applied to every resource; the app also gets azd-service-name.')
param tags object

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity.')
param identityClientId string

@description('Blob endpoint of the storage account, ending in a slash.')
param blobEndpoint string

@description('Queue endpoint of the storage account, ending in a slash.')
param queueEndpoint string

@description('Table endpoint of the storage account, ending in a slash.')
param tableEndpoint string

@description('Container the deployment package is uploaded to.')
param deploymentContainerName string

@description('Application Insights connection string (endpoint only; ingestion needs Entra ID).')
param applicationInsightsConnectionString string

@description('Most instances the app may scale out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per instance.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Inbox container analysts upload to (the blob trigger watches it).')
param inboxContainerName string

@description('Container for normalized documents.')
param normalizedContainerName string

@description('Container for rendered digests.')
param digestContainerName string

@description('NCRONTAB schedule of the inbox reconciliation (catches blobs whose event was missed).')
param reconcileInboxSchedule string

@description('Key Vault URI of the SMTP password secret (versionless).')
param smtpPasswordSecretUri string

@description('Key Vault URI of the Teams webhook URL secret (versionless).')
param teamsWebhookUrlSecretUri string

@description('SMTP server host name.')
param smtpHost string

@description('SMTP server port (587 = STARTTLS submission).')
param smtpPort int

@description('SMTP user name.')
param smtpUsername string

@description('Sender address of the digest email.')
param emailSender string

@description('Recipients of the digest email.')
param emailRecipients string[]

@description('Send the digest by email (needs host, sender and at least one recipient).')
param emailEnabled bool

@description('Post the digest to Teams (needs the webhook URL secret in Key Vault).')
param teamsEnabled bool

@description('Local time of day the digest goes out, HH:mm.')
param digestLocalTime string

@description('IANA time zone the digest local time is in.')
param digestTimeZone string

var keyVaultReference = '@Microsoft.KeyVault(SecretUri={0})'

var hostSettings = [
  // Host storage (timers, keys, blob receipts), identity-based.
  {
    name: 'AzureWebJobsStorage__blobServiceUri'
    value: blobEndpoint
  }
  {
    name: 'AzureWebJobsStorage__queueServiceUri'
    value: queueEndpoint
  }
  {
    name: 'AzureWebJobsStorage__tableServiceUri'
    value: tableEndpoint
  }
  {
    name: 'AzureWebJobsStorage__credential'
    value: 'managedidentity'
  }
  {
    name: 'AzureWebJobsStorage__clientId'
    value: identityClientId
  }
  // The blob trigger's connection ("InboxStorage"), identity-based.
  {
    name: 'InboxStorage__blobServiceUri'
    value: blobEndpoint
  }
  {
    name: 'InboxStorage__queueServiceUri'
    value: queueEndpoint
  }
  {
    name: 'InboxStorage__credential'
    value: 'managedidentity'
  }
  {
    name: 'InboxStorage__clientId'
    value: identityClientId
  }
  // Telemetry, authenticated with the identity (the component refuses key-only ingestion).
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: applicationInsightsConnectionString
  }
  {
    name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
    value: 'ClientId=${identityClientId};Authorization=AAD'
  }
  {
    name: 'AZURE_CLIENT_ID'
    value: identityClientId
  }
  // A flat name on purpose: the platform wakes a scaled-to-zero app for a timer by resolving the
  // schedule's setting by its exact name, which a nested (double-underscore) name does not survive.
  {
    name: 'ReconcileInboxSchedule'
    value: reconcileInboxSchedule
  }
]

// The app's own configuration sections (StorageOptions, EmailOptions, TeamsOptions, DigestOptions).
var appOwnSettings = [
  // Both service URIs switch the app's storage clients to the managed identity.
  {
    name: 'Storage__BlobServiceUri'
    value: blobEndpoint
  }
  {
    name: 'Storage__TableServiceUri'
    value: tableEndpoint
  }
  {
    name: 'Storage__ManagedIdentityClientId'
    value: identityClientId
  }
  // Also the blob trigger's path (%Storage:InboxContainer%), so the two cannot disagree.
  {
    name: 'Storage__InboxContainer'
    value: inboxContainerName
  }
  {
    name: 'Storage__NormalizedContainer'
    value: normalizedContainerName
  }
  {
    name: 'Storage__DigestContainer'
    value: digestContainerName
  }
  {
    name: 'Digest__LocalTime'
    value: digestLocalTime
  }
  {
    name: 'Digest__TimeZone'
    value: digestTimeZone
  }
  {
    name: 'Email__Enabled'
    value: string(emailEnabled)
  }
  {
    name: 'Email__Host'
    value: smtpHost
  }
  {
    name: 'Email__Port'
    value: string(smtpPort)
  }
  // Port 465 speaks TLS from the first byte; every other submission port upgrades with STARTTLS.
  {
    name: 'Email__Security'
    value: smtpPort == 465 ? 'SslOnConnect' : 'StartTls'
  }
  {
    name: 'Email__From'
    value: emailSender
  }
  {
    name: 'Teams__Enabled'
    value: string(teamsEnabled)
  }
  {
    name: 'Teams__WebhookUrl'
    value: format(keyVaultReference, teamsWebhookUrlSecretUri)
  }
]

// User name and password go together; a relay without authentication gets neither.
var smtpCredentialSettings = empty(smtpUsername)
  ? []
  : [
      {
        name: 'Email__UserName'
        value: smtpUsername
      }
      {
        name: 'Email__Password'
        value: format(keyVaultReference, smtpPasswordSecretUri)
      }
    ]

// EmailOptions.To is a list: configuration binds it from Email__To__0, Email__To__1, ...
var recipientSettings = [
  for (address, index) in emailRecipients: {
    name: 'Email__To__${index}'
    value: address
  }
]

var appSettings = concat(hostSettings, appOwnSettings, smtpCredentialSettings, recipientSettings)

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientCertEnabled: false
    publicNetworkAccess: 'Enabled'
    // Key Vault references resolve as this identity (the default would be a system identity the app lacks).
    keyVaultReferenceIdentity: identityId
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: appSettings
    }
  }
}

// Deployments authenticate with Entra ID; publishing user names and passwords stay off.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

output name string = app.name
output id string = app.id
output defaultHostName string = app.properties.defaultHostName
