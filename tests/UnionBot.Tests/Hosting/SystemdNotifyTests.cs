using System.Net;
using System.Net.Sockets;
using System.Text;

namespace UnionBot.Tests.Hosting;

/// <summary>
/// <c>Type=notify</c> in deploy/unionbot.service: systemd hands the bot a datagram socket in NOTIFY_SOCKET and waits
/// for READY=1; the test plays systemd's part with a socket of its own.
/// </summary>
public sealed class SystemdNotifyTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90); // a cold start on a machine shared with other builds

    [Fact]
    public async Task TheBotSaysReadyOnceHealthzAnswersAndStoppingWhenTerminatedWithJournaldLevelsOnItsLines()
    {
        if (!Socket.OSSupportsUnixDomainSockets || OperatingSystem.IsWindows()) return;
        using var systemd = new Support.TempDirectory();
        var path = systemd.File("notify.sock");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));

        using var bot = BotProcess.Start(new Dictionary<string, string> { ["NOTIFY_SOCKET"] = path },
            $"--UnionBot:Database=Data Source={systemd.File("unionbot.db")}");

        Assert.Equal("READY=1", await ReceiveAsync(socket));
        var address = await bot.ListeningAsync(Patience);
        using (var http = new HttpClient { BaseAddress = address })
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);

        bot.Terminate();
        Assert.Equal("STOPPING=1", await ReceiveAsync(socket));
        Assert.Equal(0, await bot.ExitCodeAsync(Patience));
        // journald reads the level from a <N> prefix (6 = information); the console's colours and two-line layout are gone.
        Assert.Contains(bot.Lines, l => l.StartsWith("<6>Microsoft.Hosting.Lifetime[14] Now listening on: ", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Lines, l => l.StartsWith("info:", StringComparison.Ordinal));
    }

    private static async Task<string> ReceiveAsync(Socket socket)
    {
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(Patience);
        var n = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
        return Encoding.UTF8.GetString(buffer, 0, n).Trim();
    }
}
