// Subscribes the blob trigger to BlobCreated events from the inbox container. Run after the code
// is deployed (hooks/postdeploy.sh does it for `azd up` / `azd deploy`): Event Grid validates the
// webhook when the subscription is created, and the blobs_extension key in the URL only exists
// once the app has started with its Event Grid blob trigger. The key is read here, inside the
// deployment, so it never passes through a shell, a log or a parameter file.

@description('Function app hosting the blob trigger.')
param functionAppName string

@description('Event Grid system topic of the storage account.')
param systemTopicName string

@description('Inbox container name; only its blobs raise events.')
param inboxContainerName string

@description('Name of the blob-triggered function.')
param functionName string = 'IngestDocument'

@description('Name of the event subscription.')
param subscriptionName string = 'inbox-blob-created'

resource functionApp 'Microsoft.Web/sites@2024-11-01' existing = {
  name: functionAppName
}

// The host's system keys have no typed resource; listKeys on its path is the documented way in.
var blobsExtensionKey = listKeys('${functionApp.id}/host/default', functionApp.apiVersion).systemKeys.blobs_extension

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource inboxSubscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: systemTopic
  name: subscriptionName
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${functionApp.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${functionName}&code=${blobsExtensionKey}'
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: '/blobServices/default/containers/${inboxContainerName}/'
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}

output subscriptionName string = inboxSubscription.name
