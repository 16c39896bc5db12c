using System.Collections;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace UnionBot.Core.Options;

/// <summary>
/// A misspelt key (<c>UnionBot:Shedule</c>) would otherwise be ignored silently and the default used:
/// this names it at start instead.
/// </summary>
public sealed class UnknownKeysValidator(IConfiguration configuration) : IValidateOptions<UnionBotOptions>
{
    public ValidateOptionsResult Validate(string? name, UnionBotOptions options)
    {
        var unknown = new List<string>();
        Walk(configuration.GetSection(UnionBotOptions.Section), typeof(UnionBotOptions), unknown);
        return unknown.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(unknown.Select(k => $"{k}: is not a known key (see config/unionbot.json for the keys)"));
    }

    private static void Walk(IConfigurationSection section, Type type, List<string> unknown)
    {
        if (IsLeaf(type)) return;
        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var element = type.IsArray ? type.GetElementType()! : type.GetGenericArguments().FirstOrDefault() ?? typeof(string);
            foreach (var child in section.GetChildren())
                Walk(child, element, unknown);
            return;
        }
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var child in section.GetChildren())
        {
            if (properties.TryGetValue(child.Key, out var property))
                Walk(child, property.PropertyType, unknown);
            else
                unknown.Add(child.Path);
        }
    }

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(TimeSpan) || type == typeof(decimal);
}
