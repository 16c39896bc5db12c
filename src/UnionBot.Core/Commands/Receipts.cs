using System.Globalization;

namespace UnionBot.Core.Commands;

/// <summary>Suggestion receipts: <c>JY-2026-0007</c>.</summary>
public static class Receipts
{
    /// <summary>A receipt typed as its number alone (<c>0007</c>) is one of <paramref name="year"/>; a full one stays as it is.</summary>
    public static string InYear(string receipt, int year) =>
        receipt.StartsWith("JY-", StringComparison.Ordinal) ? receipt : $"JY-{year.ToString(CultureInfo.InvariantCulture)}-{receipt}";
}
