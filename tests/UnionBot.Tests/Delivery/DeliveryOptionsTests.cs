using UnionBot.Core.Options;

namespace UnionBot.Tests.Delivery;

public sealed class DeliveryOptionsTests
{
    [Theory]
    [InlineData(nameof(DeliveryOptions.MaxPerMinute), "UnionBot:Delivery:MaxPerMinute")]
    [InlineData(nameof(DeliveryOptions.WeComPause), "UnionBot:Delivery:WeComPause")]
    [InlineData(nameof(DeliveryOptions.DingTalkPause), "UnionBot:Delivery:DingTalkPause")]
    [InlineData(nameof(DeliveryOptions.MaxAttempts), "UnionBot:Delivery:MaxAttempts")]
    public void AValueThePlatformsWouldPunishIsRefusedNamingItsKey(string property, string key)
    {
        var options = new UnionBotOptions { Plan = { Path = UnionBot.Tests.Support.RepoPaths.Seed("000_") } };
        switch (property)
        {
            case nameof(DeliveryOptions.MaxPerMinute): options.Delivery.MaxPerMinute = 25; break;
            case nameof(DeliveryOptions.WeComPause): options.Delivery.WeComPause = TimeSpan.FromSeconds(30); break;
            case nameof(DeliveryOptions.DingTalkPause): options.Delivery.DingTalkPause = TimeSpan.FromMinutes(5); break;
            default: options.Delivery.MaxAttempts = 0; break;
        }

        var result = new UnionBotOptionsValidator().Validate(null, options);

        var failure = Assert.Single(result.Failures ?? []);
        Assert.StartsWith(key + ":", failure);
    }

    [Fact]
    public void TheDefaultsStayUnderThePlatformLimit()
    {
        var options = new UnionBotOptions { Plan = { Path = UnionBot.Tests.Support.RepoPaths.Seed("000_") } };

        Assert.True(new UnionBotOptionsValidator().Validate(null, options).Succeeded);
        Assert.InRange(options.Delivery.MaxPerMinute, 1, 19);
    }
}
