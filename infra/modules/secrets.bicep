// Key Vault for the two values that must never sit in app settings: the SMTP password and the
// Teams webhook URL (whoever holds that URL can post to the channel). Access is Azure RBAC only.
// A secret is written here only when a value is passed, so re-running a deployment never
// overwrites a secret that was rotated by hand.

@description('Key Vault name: 3-24 letters, digits and hyphens, globally unique.')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Name of the secret holding the SMTP password.')
param smtpPasswordSecretName string

@description('Name of the secret holding the Teams webhook URL.')
param teamsWebhookUrlSecretName string

@description('Initial SMTP password; empty leaves the secret as it is (or absent).')
@secure()
param smtpPassword string = ''

@description('Initial Teams webhook URL; empty leaves the secret as it is (or absent).')
@secure()
param teamsWebhookUrl string = ''

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource smtpPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(smtpPassword)) {
  parent: vault
  name: smtpPasswordSecretName
  properties: {
    value: smtpPassword
    contentType: 'text/plain'
  }
}

resource teamsWebhookUrlSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(teamsWebhookUrl)) {
  parent: vault
  name: teamsWebhookUrlSecretName
  properties: {
    value: teamsWebhookUrl
    contentType: 'text/uri-list'
  }
}

output id string = vault.id
output name string = vault.name
// Versionless secret URIs: the app follows the newest version after a rotation.
output smtpCredentialSecretUri string = '${vault.properties.vaultUri}secrets/${smtpPasswordSecretName}'
output teamsWebhookUrlSecretUri string = '${vault.properties.vaultUri}secrets/${teamsWebhookUrlSecretName}'
