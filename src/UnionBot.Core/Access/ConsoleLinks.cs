using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Extensions.Options;
using UnionBot.Core.Announcements;
using UnionBot.Core.Callbacks;
using UnionBot.Core.Options;
using UnionBot.Core.Storage;

namespace UnionBot.Core.Access;

/// <summary>
/// Single-use login links to the chair's console: a random 256-bit token, stored only as its hash, valid for a
/// few minutes, consumed by one atomic UPDATE so that of two uses (or two tabs at once) exactly one gets in.
/// </summary>
public sealed class ConsoleLinks(Database database, IOptions<UnionBotOptions> options, TimeProvider time)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(10);
    public const string LoginPath = "/console/login";

    private const string InsertSql = """
        INSERT INTO console_links (token_hash, user_id, created_at, expires_at) VALUES (@Hash, @UserId, @Now, @ExpiresAt);
        DELETE FROM console_links WHERE expires_at < @Prune;
        """;

    private const string ConsumeSql = """
        UPDATE console_links SET used_at = @Now
        WHERE token_hash = @Hash AND used_at IS NULL AND expires_at > @Now
        RETURNING user_id;
        """;

    private const string PeekSql = """
        SELECT user_id FROM console_links WHERE token_hash = @Hash AND used_at IS NULL AND expires_at > @Now;
        """;

    /// <summary>
    /// A new link for <paramref name="userId"/>: <c>&lt;PublicUrl&gt;/console/login?token=…</c>. Asked by a message, the
    /// link is stored with the message's <paramref name="claim"/>: a redelivered /后台 stores no second link.
    /// </summary>
    public async Task<ConsoleLink> IssueAsync(string userId, TimeSpan lifetime, MessageClaim? claim = null, CancellationToken ct = default)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        var expires = now + lifetime;
        var row = new
        {
            Hash = Hash(token), UserId = userId, Now = StoredTime.Format(now), ExpiresAt = StoredTime.Format(expires),
            Prune = StoredTime.Format(now - TimeSpan.FromDays(7)),
        };
        await database.Writes.RunAsync(claim, (c, tx) => c.Execute(InsertSql, row, tx), ct);
        return new ConsoleLink($"{options.Value.PublicBaseUrl}{LoginPath}?token={token}", expires);
    }

    /// <summary>The user the token was issued to, once; null when it is unknown, used, expired or malformed.</summary>
    public async Task<string?> ConsumeAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64) return null;
        var parameters = new { Hash = Hash(token), Now = StoredTime.Format(time.GetUtcNow()) };
        return await database.Writes.RunAsync((c, tx) => c.QuerySingleOrDefault<string?>(ConsumeSql, parameters, tx), ct);
    }

    /// <summary>The user a still-usable token was issued to, without using it up; null as for <see cref="ConsumeAsync"/>.</summary>
    public async Task<string?> PeekAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64) return null;
        await using var c = await database.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(PeekSql,
            new { Hash = Hash(token), Now = StoredTime.Format(time.GetUtcNow()) }, cancellationToken: ct));
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>A login link and the instant it stops working.</summary>
public sealed record ConsoleLink(string Url, DateTimeOffset ExpiresAt);
