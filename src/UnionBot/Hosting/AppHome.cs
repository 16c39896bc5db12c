namespace UnionBot.Hosting;

/// <summary>
/// The bot's folder: where <c>config/</c>, <c>data/</c> and <c>seeds/</c> are and every relative path in the
/// configuration starts. In the repository (<c>dotnet run</c>, tests) it is the current folder, the repository root.
/// A published bot is started by a service manager or a double-click from anywhere (a Windows service starts in
/// C:\Windows\System32), so there it is the executable's own folder: the release profiles set the switch below.
/// </summary>
public static class AppHome
{
    public const string Switch = "UnionBot.HomeIsExecutableFolder";

    public static string Directory { get; } =
        AppContext.TryGetSwitch(Switch, out var published) && published ? AppContext.BaseDirectory : Environment.CurrentDirectory;
}
