// Example parameters. azd reads AZURE_ENV_NAME, AZURE_LOCATION and AZURE_PRINCIPAL_ID from the
// environment it manages; everything else can be set with `azd env set NAME value`.
using './main.bicep'

param environmentName = readEnvironmentVariable('AZURE_ENV_NAME', 'newsdigest')
param location = readEnvironmentVariable('AZURE_LOCATION', 'swedencentral')
param principalId = readEnvironmentVariable('AZURE_PRINCIPAL_ID', '')
param principalType = readEnvironmentVariable('AZURE_PRINCIPAL_TYPE', 'User')

param digestLocalTime = readEnvironmentVariable('DIGEST_LOCAL_TIME', '07:30')
param digestTimeZone = readEnvironmentVariable('DIGEST_TIME_ZONE', 'Europe/Berlin')
param emailRecipients = filter(split(readEnvironmentVariable('DIGEST_RECIPIENTS', ''), ';'), address => !empty(address))
param emailSender = readEnvironmentVariable('DIGEST_SENDER', '')

// Any SMTP relay (ignored when DEPLOY_EMAIL=true).
param smtpHost = readEnvironmentVariable('SMTP_HOST', '')
param smtpPort = int(readEnvironmentVariable('SMTP_PORT', '587'))
param smtpUsername = readEnvironmentVariable('SMTP_USERNAME', '')

// Azure Communication Services Email (Azure-managed domain) as the SMTP relay.
param deployEmail = bool(readEnvironmentVariable('DEPLOY_EMAIL', 'false'))
param emailDataLocation = 'Europe'
param smtpEntraApplicationId = readEnvironmentVariable('SMTP_ENTRA_APPLICATION_ID', '')
param smtpServicePrincipalObjectId = readEnvironmentVariable('SMTP_SERVICE_PRINCIPAL_OBJECT_ID', '')

// Secrets go to Key Vault only; leave empty to set them later with `az keyvault secret set`.
param smtpPassword = readEnvironmentVariable('SMTP_PASSWORD', '')
param teamsWebhookUrl = readEnvironmentVariable('TEAMS_WEBHOOK_URL', '')
// Posting needs the webhook URL in Key Vault: on when it is passed here, or TEAMS_ENABLED=true once it was set there.
param postToTeams = !empty(readEnvironmentVariable('TEAMS_WEBHOOK_URL', '')) || bool(readEnvironmentVariable('TEAMS_ENABLED', 'false'))
