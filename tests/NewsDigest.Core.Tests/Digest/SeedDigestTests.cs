using Microsoft.Extensions.Options;
using NewsDigest.Digest;
using NewsDigest.Tests.Stories;

namespace NewsDigest.Tests.Digest;

public sealed class SeedDigestTests
{
    private static readonly DigestWindow Window = new(
        new DateOnly(2026, 1, 15), "Europe/London", StoryTestDocuments.IngestedAt.AddMinutes(30),
        StoryTestDocuments.IngestedAt.AddDays(-1), StoryTestDocuments.IngestedAt.AddMinutes(30));

    [Fact]
    public void Compose_Seeds_PrintText()
    {
        var seeds = StoryTestDocuments.Seeds();
        var content = DigestEditor.Compose([.. seeds.Values], [], Window, new DigestOptions(), null).Content;
        var text = new DigestRenderer(Options.Create(new DigestOptions())).Render(content).Text;
        File.WriteAllText("/tmp/i14/seed-digest.txt", text);
        Assert.NotEmpty(text);
    }
}
