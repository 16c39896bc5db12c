using System.Net;
using System.Net.Sockets;

namespace CallbackLoad;

/// <summary>Starts the real UnionBot host (its own Main) in this process on 127.0.0.1 with a temporary database.</summary>
public static class InProcessHost
{
    public static async Task<(string Url, string DatabasePath)> StartAsync(LoadOptions o)
    {
        var root = FindRoot();
        Directory.SetCurrentDirectory(root); // config/, seeds/ are relative to the repository root, as with `dotnet run`
        var dir = Directory.CreateTempSubdirectory("unionbot-bench-").FullName;
        var db = Path.Combine(dir, "bench.db");
        var url = $"http://127.0.0.1:{FreePort()}";
        string[] args =
        [
            $"--UnionBot:Urls={url}", $"--UnionBot:Database=Data Source={db}",
            "--UnionBot:Admins:0=bench-chair",
            $"--UnionBot:Channels:0:Id={o.Channel}", "--UnionBot:Channels:0:Platform=WeCom",
            $"--UnionBot:Channels:0:Token={o.Token}", $"--UnionBot:Channels:0:EncodingAesKey={o.AesKey}",
            "--Logging:LogLevel:Default=Error", // the catch-up warnings of a fresh database would drown the figures
        ];
        var entry = typeof(Program).Assembly.EntryPoint ?? throw new InvalidOperationException("UnionBot has no entry point");
        // The compiled entry point blocks until the host stops, so it runs on a thread of its own.
        var run = Task.Factory.StartNew(() => (int)entry.Invoke(null, [args])!, TaskCreationOptions.LongRunning);
        using var http = new HttpClient();
        for (var i = 0; i < 200; i++)
        {
            if (run.IsCompleted) throw new InvalidOperationException($"UnionBot stopped with exit code {await run}");
            try
            {
                if ((await http.GetAsync(url + "/healthz")).StatusCode == HttpStatusCode.OK) return (url, db);
            }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException("UnionBot did not answer /healthz within 20 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "UnionBot.sln"))) return dir.FullName;
        throw new InvalidOperationException("run from inside the UnionBot repository");
    }
}
