using UnionBot.ChairConsole;
using UnionBot.Cli;
using UnionBot.Endpoints;
using UnionBot.Hosting;

if (CommandLine.IsVerb(args))
    return await CommandLine.RunAsync(args, Console.Out, Console.Error, home: AppHome.Directory);

// Relative paths in the configuration (data/unionbot.db, seeds/…, config/members.csv) start in the bot's folder.
Directory.SetCurrentDirectory(AppHome.Directory);
// The slim builder leaves out what the bot does not use (IIS integration, host filtering, the Debug and EventSource
// loggers, hosting startup assemblies), which is fewer assemblies loaded and less memory at idle (README, "Start-up and
// memory"). A Windows service still logs to the Event Log: AddWindowsService adds that logger itself.
var builder = WebApplication.CreateSlimBuilder(args);
// An https:// address in UnionBot:Urls keeps working (with a certificate in the Kestrel section), as with the full builder.
builder.WebHost.UseKestrelHttpsConfiguration();
builder.AddServiceHosting();
builder.AddUnionBotConfiguration(args);
builder.AddUnionBotCore();
builder.AddYearSchedule();
builder.AddPlatforms();
builder.AddDelivery();
builder.AddCommands();
builder.AddCallbacks();
builder.AddLongConnections();
builder.AddDingTalkStream();
builder.AddChairConsole();

var app = builder.Build();
return await app.RunUnionBotAsync(static app =>
{
    app.MapHealthEndpoints();
    app.MapCallbackEndpoints();
    app.MapChairConsole();
});

/// <summary>Visible to <c>WebApplicationFactory&lt;Program&gt;</c> in the tests.</summary>
public partial class Program;
