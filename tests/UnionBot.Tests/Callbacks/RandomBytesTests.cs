using UnionBot.Core.Platforms.WeCom;

namespace UnionBot.Tests.Callbacks;

/// <summary>The random bytes of WeCom replies, drawn from the system's generator in batches and handed out once each.</summary>
public sealed class RandomBytesTests
{
    [Fact]
    public void NoDrawRepeatsAnotherAcrossManyBatches()
    {
        // 16 bytes at a time across 25 batches of 512, with draws of 13 between them so that some straddle a batch's end.
        var seen = new HashSet<string>();
        Span<byte> buffer = stackalloc byte[16];
        for (var i = 0; i < 800; i++)
        {
            var bytes = buffer[..(i % 3 == 0 ? 13 : 16)];
            RandomBytes.Fill(bytes);
            Assert.True(seen.Add(Convert.ToHexString(bytes)), $"draw {i} repeated an earlier one");
        }
    }

    [Fact]
    public async Task ThreadsDrawApart()
    {
        var draws = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            Enumerable.Range(0, 200).Select(_ =>
            {
                var bytes = new byte[16];
                RandomBytes.Fill(bytes);
                return Convert.ToHexString(bytes);
            }).ToArray())));

        var all = draws.SelectMany(d => d).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
    }

    [Fact]
    public void ALongDrawIsFilledWhole()
    {
        var bytes = new byte[4096];
        RandomBytes.Fill(bytes);
        // 4 KiB of zeros by chance: 2^-32768.
        Assert.Contains(bytes, b => b != 0);
        Assert.NotEqual(bytes.AsSpan(0, 2048).ToArray(), bytes.AsSpan(2048).ToArray());
    }
}
