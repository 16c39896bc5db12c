namespace UnionBot.Hosting;

/// <summary>Where the settings come from, for the bot and the command-line verbs alike.</summary>
public static class ConfigurationSources
{
    /// <summary>
    /// SPEC section 2: <c>config/unionbot.json</c>, then <c>config/unionbot.local.json</c>, then environment, then
    /// command line, each overriding the one before. The bot watches the files, so that a change of
    /// <c>UnionBot:Admins</c> applies at the next request (AdminList); the other options are read at start.
    /// The paths are relative to the builder's base path (the bot's content root, the verbs' home), so the two files
    /// share one file provider and, when watched, one watcher.
    /// </summary>
    public static IConfigurationBuilder AddUnionBotSources(this IConfigurationBuilder config, string[] args, bool watch) =>
        config
            .AddJsonFile("config/unionbot.json", optional: true, reloadOnChange: watch)
            .AddJsonFile("config/unionbot.local.json", optional: true, reloadOnChange: watch)
            .AddEnvironmentVariables()
            .AddCommandLine(args);
}
