namespace UnionBot.Core.Plan;

/// <summary>The bytes are not a readable text plan (binary, or in no supported encoding). The message is one line.</summary>
public sealed class PlanReadException(string message) : Exception(message);
