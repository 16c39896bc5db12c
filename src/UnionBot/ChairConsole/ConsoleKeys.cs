using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using UnionBot.Core.Options;

namespace UnionBot.ChairConsole;

/// <summary>
/// The keys that sign console session cookies and antiforgery tokens, kept in <c>keys/</c> beside the database
/// (<c>data/keys/</c>): sessions survive a restart, and a bot run by the hardened systemd unit, which may write only
/// <c>data/</c>, does not fall back to keys that live in memory and die with the process.
/// </summary>
internal static class ConsoleKeys
{
    public static void Add(IHostApplicationBuilder builder)
    {
        // One application name, so that a bot moved to another folder (its content root) still reads its own keys.
        var protection = builder.Services.AddDataProtection().SetApplicationName("UnionBot");
        if (OperatingSystem.IsWindows()) protection.ProtectKeysWithDpapi();
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IOptions<UnionBotOptions>, ILoggerFactory>((o, bot, logs) =>
            o.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(CreateFolder(bot.Value)), logs));
        // Elsewhere the keys are plain XML in a folder only the bot's user may open (0700). Whoever can read data/ holds
        // the database and config/ with the platform secrets too, so the warning about it on every start says nothing new.
        if (!OperatingSystem.IsWindows())
            builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
    }

    /// <summary>
    /// Data Protection reads its key ring (and makes the first key) in a hosted service at start. Without it the ring is
    /// read when the console first signs or checks a cookie: a bot whose console is not used never loads the XML
    /// reader and key code, which is memory an idle bot keeps (README, "Start-up and memory").
    /// Called after the cookie and antiforgery services, which register that hosted service again.
    /// </summary>
    public static void DeferKeyRing(IServiceCollection services)
    {
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(IHostedService)
                && services[i].ImplementationType?.FullName == KeyRingLoader)
                services.RemoveAt(i);
        }
    }

    /// <summary>The framework's hosted service that loads the key ring at start (internal, so named by its full name).</summary>
    internal const string KeyRingLoader = "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService";

    /// <summary><c>keys/</c> in the database's folder; <c>data/keys/</c> for a database that is not a file.</summary>
    public static string Folder(UnionBotOptions options)
    {
        var source = new SqliteConnectionStringBuilder(options.Database).DataSource;
        var isFile = source.Length > 0 && source != ":memory:" && !source.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
        var folder = isFile ? Path.GetDirectoryName(Path.GetFullPath(source)) ?? "data" : "data";
        return Path.Combine(Path.GetFullPath(folder), "keys");
    }

    private static string CreateFolder(UnionBotOptions options)
    {
        var folder = Folder(options);
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return folder;
    }
}
