using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using NewsDigest.IntegrationTests.Infrastructure;
using NewsDigest.Storage;

namespace NewsDigest.IntegrationTests.Storage;

public sealed class StorageClientsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task GetTableAsync_CalledConcurrently_CreatesPrefixedTableOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.CreateServices();
        var clients = services.GetRequiredService<StorageClients>();

        var tables = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => clients.GetTableAsync("documents", ct)));

        Assert.All(tables, t => Assert.Equal(clients.Options.NamePrefix + "documents", t.Name));
        await tables[0].AddEntityAsync(new TableEntity("p", "r"), ct);
        var names = new List<string>();
        await foreach (var table in clients.TableService.QueryAsync($"TableName eq '{tables[0].Name}'", cancellationToken: ct))
        {
            names.Add(table.Name);
        }

        Assert.Single(names);
    }

    [Fact]
    public async Task GetContainerAsync_WithPrefix_CreatesHyphenatedContainer()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.CreateServices();
        var clients = services.GetRequiredService<StorageClients>();

        var container = await clients.GetContainerAsync("normalized", ct);

        Assert.Equal(clients.Options.NamePrefix + "-normalized", container.Name);
        Assert.True(await container.ExistsAsync(ct));
    }
}
