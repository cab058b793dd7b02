using System.ComponentModel.DataAnnotations;
using NewsDigest.Delivery;

namespace NewsDigest.Tests.Delivery;

public sealed class DeliveryOptionsTests
{
    [Fact]
    public void Validate_EmailDisabled_NeedsNothingElse()
    {
        Assert.True(IsValid(new EmailOptions { Enabled = false }));
    }

    [Fact]
    public void Validate_EmailEnabledWithHostSenderAndRecipients_IsValid()
    {
        Assert.True(IsValid(new EmailOptions
        {
            Enabled = true,
            Host = "smtp.azurecomm.net",
            Port = 587,
            UserName = "app|tenant",
            Password = "secret",
            From = "DoNotReply@example.com",
            To = ["desk@example.com", "Analyst <analyst@example.com>"],
        }));
    }

    [Theory]
    [InlineData(null, "digest@example.com", "desk@example.com")]
    [InlineData("smtp.example.com", null, "desk@example.com")]
    [InlineData("smtp.example.com", "not an address", "desk@example.com")]
    [InlineData("smtp.example.com", "digest@example.com", null)]
    [InlineData("smtp.example.com", "digest@example.com", "nobody")]
    public void Validate_EmailEnabledWithoutHostSenderOrRecipients_IsInvalid(string? host, string? from, string? to)
    {
        Assert.False(IsValid(new EmailOptions { Enabled = true, Host = host, From = from, To = to is null ? [] : [to] }));
    }

    [Fact]
    public void Validate_UserNameWithoutPassword_IsInvalid()
    {
        Assert.False(IsValid(new EmailOptions { Enabled = true, Host = "smtp.example.com", From = "a@example.com", To = ["b@example.com"], UserName = "user" }));
    }

    [Theory]
    [InlineData("https://prod-00.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=x", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("not a url", false)]
    [InlineData(null, false)]
    public void Validate_TeamsEnabled_NeedsAnHttpWebhookUrl(string? url, bool valid)
    {
        Assert.Equal(valid, IsValid(new TeamsOptions { Enabled = true, WebhookUrl = url }));
    }

    private static bool IsValid(object options) =>
        Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true);
}
