// Optional Azure Communication Services Email with an Azure-managed sender domain
// (DoNotReply@<guid>.azurecomm.net), reachable over SMTP at smtp.azurecomm.net:587.
// SMTP authenticates as a Microsoft Entra application: pass its client id and its service
// principal's object id, and put one of its client secrets into the SMTP password secret.

@description('Name of the Email Communication Service.')
param emailServiceName string

@description('Name of the Communication Services resource.')
param communicationServiceName string

@description('Tags applied to every resource.')
param tags object

@description('Where Communication Services stores data at rest.')
@allowed([
  'Africa'
  'Asia Pacific'
  'Australia'
  'Brazil'
  'Canada'
  'Europe'
  'France'
  'Germany'
  'India'
  'Japan'
  'Korea'
  'Norway'
  'Switzerland'
  'UAE'
  'UK'
  'United States'
])
param dataLocation string

@description('Client (application) id of the Entra application SMTP signs in as; empty skips the SMTP username.')
param smtpEntraApplicationId string = ''

@description('Object id of that application\'s service principal, granted the email sending role.')
param smtpServicePrincipalObjectId string = ''

@description('SMTP username to create for the Entra application.')
param smtpUsername string = 'newsdigest'

// Built-in role "Communication and Email Service Owner": lets the SMTP application send mail.
var communicationAndEmailServiceOwnerRoleId = '09976791-48a7-449e-bb21-39d1a415f350'

resource emailService 'Microsoft.Communication/emailServices@2025-05-01' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
  }
}

resource managedDomain 'Microsoft.Communication/emailServices/domains@2025-05-01' = {
  parent: emailService
  name: 'AzureManagedDomain'
  location: 'global'
  tags: tags
  properties: {
    domainManagement: 'AzureManaged'
    userEngagementTracking: 'Disabled'
  }
}

resource communicationService 'Microsoft.Communication/communicationServices@2025-05-01' = {
  name: communicationServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    linkedDomains: [
      managedDomain.id
    ]
  }
}

resource smtpUser 'Microsoft.Communication/communicationServices/smtpUsernames@2025-05-01-preview' = if (!empty(smtpEntraApplicationId)) {
  parent: communicationService
  name: smtpUsername
  properties: {
    username: smtpUsername
    entraApplicationId: smtpEntraApplicationId
    tenantId: tenant().tenantId
  }
}

resource smtpSenderRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(smtpServicePrincipalObjectId)) {
  name: guid(communicationService.id, smtpServicePrincipalObjectId, communicationAndEmailServiceOwnerRoleId)
  scope: communicationService
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', communicationAndEmailServiceOwnerRoleId)
    principalId: smtpServicePrincipalObjectId
    principalType: 'ServicePrincipal'
    description: 'Lets the SMTP Entra application send mail through this Communication Services resource.'
  }
}

output smtpHost string = 'smtp.azurecomm.net'
output smtpPort int = 587
output smtpUsername string = empty(smtpEntraApplicationId) ? '' : smtpUsername
output senderAddress string = 'DoNotReply@${managedDomain.properties.mailFromSenderDomain}'
output communicationServiceName string = communicationService.name
