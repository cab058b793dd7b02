// The storage account's Event Grid system topic. Its BlobCreated subscription to the function app
// is made by eventgrid.bicep after the code is deployed (see hooks/postdeploy.sh), because the
// webhook's key only exists once the blob trigger has been indexed by the running app.

@description('System topic name.')
param name string

@description('Azure region (the storage account\'s).')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Name of the storage account whose events the topic publishes.')
param storageAccountName string

resource storageAccount 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    source: storageAccount.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output name string = topic.name
