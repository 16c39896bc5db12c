using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using UnionBot.Core.Options;

namespace UnionBot.Core.Access;

/// <summary>
/// Who is an admin now: <c>UnionBot:Admins</c> as the configuration files say at this moment (they are watched), so
/// that someone taken off the list loses /后台, /公告 and the console at their next request, without a restart.
/// </summary>
/// <remarks>
/// Each change of the configuration is bound and validated afresh through the options factory. An edit that leaves
/// the configuration invalid (a typo while the chair's IT teacher is still typing) is logged once and the last valid
/// list stays in force: <see cref="IOptionsMonitor{TOptions}.CurrentValue"/> would throw on every request instead.
/// </remarks>
public sealed class AdminList : IDisposable
{
    private readonly IOptionsFactory<UnionBotOptions>? _factory;
    private readonly ILogger<AdminList> _logger;
    private readonly IDisposable? _subscription;
    private volatile HashSet<string> _admins;

    /// <param name="configuration">Watched for changes; without it (and the factory) the list is the one in <paramref name="options"/>.</param>
    public AdminList(IOptions<UnionBotOptions> options, ILogger<AdminList> logger,
        IConfiguration? configuration = null, IOptionsFactory<UnionBotOptions>? factory = null)
    {
        _factory = factory;
        _logger = logger;
        _admins = Set(options.Value);
        if (configuration is not null && factory is not null)
            _subscription = ChangeToken.OnChange(configuration.GetReloadToken, Reload);
    }

    public bool Contains(string userId) => _admins.Contains(userId);

    /// <summary>Raised after a changed configuration was read, whether it changed the admins or was refused.</summary>
    public event Action? Reloaded;

    private void Reload()
    {
        try
        {
            var admins = Set(_factory!.Create(Microsoft.Extensions.Options.Options.DefaultName));
            if (!admins.SetEquals(_admins))
            {
                _admins = admins;
                _logger.LogInformation("UnionBot:Admins changed: {Count} admins now", admins.Count);
            }
        }
        catch (Exception e) when (e is OptionsValidationException or InvalidOperationException)
        {
            _logger.LogWarning("The changed configuration is not valid and was not applied ({Reason}); the admins stay as they were",
                e is OptionsValidationException v ? string.Join("; ", v.Failures) : e.Message.Split('\n')[0].Trim());
        }
        Reloaded?.Invoke();
    }

    private static HashSet<string> Set(UnionBotOptions o) =>
        o.Admins.Where(a => !string.IsNullOrWhiteSpace(a)).ToHashSet(StringComparer.Ordinal);

    public void Dispose() => _subscription?.Dispose();
}
