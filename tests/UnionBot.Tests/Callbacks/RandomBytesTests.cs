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
    public void ThreadsDrawingAtOnceNeverGetTheSameBytes()
    {
        // Four threads of their own (not pool tasks, which may run one after another on one thread), let go together
        // and drawing in tight loops: a batch shared between threads hands the same bytes to two of them, or runs past
        // its end, within a few thousand draws.
        const int Threads = 4, Draws = 20_000;
        var drawn = new string[Threads][];
        var failures = new Exception?[Threads];
        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            try
            {
                var mine = new string[Draws];
                Span<byte> bytes = stackalloc byte[16];
                start.SignalAndWait();
                for (var i = 0; i < Draws; i++)
                {
                    RandomBytes.Fill(bytes);
                    mine[i] = Convert.ToHexString(bytes);
                }
                drawn[t] = mine;
            }
            catch (Exception e)
            {
                failures[t] = e;
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.All(failures, Assert.Null);
        var all = drawn.SelectMany(d => d).ToList();
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
