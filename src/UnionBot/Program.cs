using UnionBot.ChairConsole;
using UnionBot.Cli;
using UnionBot.Endpoints;
using UnionBot.Hosting;

if (CommandLine.IsVerb(args))
    return await CommandLine.RunAsync(args, Console.Out, Console.Error, home: AppHome.Directory);

// Relative paths in the configuration (data/unionbot.db, seeds/…, config/members.csv) start in the bot's folder.
Directory.SetCurrentDirectory(AppHome.Directory);
var builder = WebApplication.CreateBuilder(args);
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
app.MapHealthEndpoints();
app.MapCallbackEndpoints();
app.MapChairConsole();

return await app.RunUnionBotAsync();

/// <summary>Visible to <c>WebApplicationFactory&lt;Program&gt;</c> in the tests.</summary>
public partial class Program;
