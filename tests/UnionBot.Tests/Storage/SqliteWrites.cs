using System.Text.RegularExpressions;

namespace UnionBot.Tests.Storage;

/// <summary>
/// Reads C# source for every way it could write to SQLite and reports each one that does not run inside
/// <c>WriteQueue</c>'s transaction: a statement (Dapper, a kept command, ADO) whose SQL writes or cannot be told,
/// run without the writer's <c>tx</c> or awaited; a transaction of its own; a command or connection of its own.
/// </summary>
/// <remarks>
/// The writer hands its items <c>(connection, tx)</c>, and nothing else opens a transaction, so a statement given
/// <c>tx</c> runs in the writer's batch; items run synchronously, so an awaited statement is on another connection.
/// SQL is resolved through the <c>const</c> strings of the file and of its partial siblings (SignUpStore.Entries.cs
/// beside SignUpStore.cs); what cannot be resolved (a <c>string sql</c> parameter) counts as a write.
/// </remarks>
public sealed partial class SqliteWrites
{
    /// <summary>
    /// The writer and the mechanisms under it: Database opens every connection, sets its pragmas and runs the
    /// migrations before anything else touches the file; WriteQueue is the writer; WalCheckpoints sets up the
    /// writer's connection and copies its WAL into the file (no row written); PreparedCommands keeps the writer's
    /// statements; AdoStatements makes the commands of the statements run without Dapper (whose calls are checked here
    /// like Dapper's); DatabaseBackup reads through SQLite's backup API and writes only the copy.
    /// </summary>
    public static readonly string[] Mechanism =
        ["Database.cs", "WriteQueue.cs", "WalCheckpoints.cs", "PreparedCommands.cs", "AdoStatements.cs", "DatabaseBackup.cs"];

    private readonly List<(string File, string Text)> _sources;
    private readonly Dictionary<string, Dictionary<string, string>> _constants = new(StringComparer.Ordinal);

    public SqliteWrites(IEnumerable<(string File, string Text)> sources)
    {
        _sources = sources.ToList();
        foreach (var (file, text) in _sources) _constants[file] = Constants(text);
    }

    /// <summary>Statement calls seen outside the mechanism, and how many of them write.</summary>
    public int Statements { get; private set; }
    public int Writes { get; private set; }

    /// <summary>One line per way around the writer: file and the offending code.</summary>
    public List<string> Outside()
    {
        Statements = Writes = 0;
        var found = new List<string>();
        foreach (var (file, text) in _sources.Where(s => !Mechanism.Contains(Path.GetFileName(s.File))))
        {
            foreach (Match m in OwnTransaction().Matches(text)) found.Add($"{file}: {m.Value} (only the writer opens transactions)");
            foreach (Match m in OwnCommand().Matches(text)) found.Add($"{file}: {m.Value} (a command outside the writer's kept ones)");
            foreach (Match m in OwnConnection().Matches(text))
                if (!text.Contains("SqliteOpenMode.ReadOnly", StringComparison.Ordinal))
                    found.Add($"{file}: {m.Value} (a connection not opened by Database, and not read-only)");
            foreach (Match m in KeptCommand().Matches(text))
            {
                Statements++; Writes++;
                if (m.Groups["tx"].Value != "tx") found.Add($"{file}: {m.Value} (a kept command outside the writer's transaction)");
            }
            foreach (Match m in Statement().Matches(text))
            {
                var arguments = Arguments(text, m.Index + m.Length);
                if (Sql(file, text, arguments) is not { } sql) continue; // not given SQL: Polly's ExecuteAsync, MiniExcel's Query
                Statements++;
                if (sql.Length > 0 && !Writing().IsMatch(sql)) continue;
                Writes++;
                var call = $"{m.Value}{Shorten(arguments)})";
                if (m.Groups["async"].Success) found.Add($"{file}: {call} (an awaited write is not on the writer's connection)");
                else if (!TransactionArgument().IsMatch(arguments)) found.Add($"{file}: {call} (a write without the writer's transaction)");
            }
        }
        return found;
    }

    /// <summary>
    /// The SQL a call runs: the text of its literal or const, "" when it takes SQL that cannot be read here (a
    /// <c>string</c> variable or an unknown <c>…Sql</c> name), null when its first argument is not SQL at all.
    /// </summary>
    private string? Sql(string file, string text, string arguments)
    {
        var first = FirstArgument().Match(arguments);
        if (!first.Success) return null;
        if (first.Groups["literal"].Success) return first.Groups["literal"].Value;
        var name = first.Groups["name"].Value;
        if (Resolve(file, name) is { } constant) return constant;
        var isString = Regex.IsMatch(text, $@"\bstring\??\s+{Regex.Escape(name)}\b");
        return isString || name.EndsWith("Sql", StringComparison.Ordinal) ? "" : null;
    }

    private string? Resolve(string file, string name, int depth = 0)
    {
        if (depth > 8) return null;
        var family = Family(file);
        var initializer = _constants[file].GetValueOrDefault(name) ?? _constants.Where(c => c.Key != file && Family(c.Key) == family)
            .Select(c => c.Value.GetValueOrDefault(name)).FirstOrDefault(v => v is not null);
        // A const may be built from others: "… " + Columns, $"SELECT {Columns} …".
        return initializer is null ? null
            : Placeholder().Replace(initializer, p => Resolve(file, p.Groups["name"].Value, depth + 1) ?? p.Value);
    }

    /// <summary>A class split over <c>Name.cs</c> and <c>Name.Part.cs</c> in one folder shares its consts.</summary>
    private static string Family(string file) =>
        Path.Combine(Path.GetDirectoryName(file) ?? "", Path.GetFileName(file).Split('.')[0]);

    /// <summary>Each <c>const string</c>'s initializer as text, the names it is built from written <c>{Name}</c>.</summary>
    private static Dictionary<string, string> Constants(string text)
    {
        var constants = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in Constant().Matches(text))
        {
            var value = new System.Text.StringBuilder();
            var at = m.Index + m.Length;
            while (ConstantPart().Match(text, at) is { Success: true } part && part.Index == at)
            {
                value.Append(part.Groups["name"].Success ? "{" + part.Groups["name"].Value + "}" : part.Groups["text"].Value);
                at += part.Length;
            }
            constants[m.Groups["name"].Value] = value.ToString();
        }
        return constants;
    }

    /// <summary>The text between the call's opening parenthesis (just before <paramref name="start"/>) and its match.</summary>
    private static string Arguments(string text, int start)
    {
        var depth = 1;
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] == '(') depth++;
            else if (text[i] == ')' && --depth == 0) return text[start..i];
        }
        return text[start..];
    }

    private static string Shorten(string arguments)
    {
        var oneLine = Regex.Replace(arguments, @"\s+", " ");
        return oneLine.Length > 80 ? oneLine[..80] + "…" : oneLine;
    }

    [GeneratedRegex(@"\bconst\s+string\s+(?<name>\w+)\s*=")]
    private static partial Regex Constant();

    // One part of a const's initializer: a raw, verbatim or plain literal (interpolated or not) or another const's name.
    [GeneratedRegex(@"\G\s*\+?\s*(\$?""""""(?<text>.*?)""""""|\$?@?""(?<text>(?:[^""\\]|\\.)*)""|(?<name>[A-Za-z_]\w*)(?=\s*[+;]))", RegexOptions.Singleline)]
    private static partial Regex ConstantPart();

    [GeneratedRegex(@"\{(?<name>[A-Za-z_]\w*)\}")]
    private static partial Regex Placeholder();

    // Dapper's statements and AdoStatements' (extensions on a connection); the generic argument may itself hold
    // parentheses (a tuple).
    [GeneratedRegex(@"(?<=[\w)\]])\.(Execute|ExecuteScalar|ExecuteReader|Query|QueryFirst|QueryFirstOrDefault|QuerySingle|QuerySingleOrDefault|QueryMultiple|ExecuteAdo|ExecuteScalarAdo|QueryAdo)(?<async>Async)?(<[^;{}=]*?>)?\(")]
    private static partial Regex Statement();

    [GeneratedRegex(@"^\s*(new\s+CommandDefinition\(\s*)?(""""""(?<literal>.*?)""""""|\$?@?""(?<literal>(?:[^""\\]|\\.)*)""|(?<name>[A-Za-z_]\w*)\s*[,)]|(?<name>[A-Za-z_]\w*)\s*$)", RegexOptions.Singleline)]
    private static partial Regex FirstArgument();

    [GeneratedRegex(@"\b(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|VACUUM)\b|\bPRAGMA\s+\w+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex Writing();

    [GeneratedRegex(@"(,\s*tx\s*$|transaction:\s*tx\b|,\s*tx\s*,)")]
    private static partial Regex TransactionArgument();

    [GeneratedRegex(@"\bReuse\(\s*(?<tx>[^,()]+?)\s*,")]
    private static partial Regex KeptCommand();

    [GeneratedRegex(@"\b\w+\.BeginTransaction(Async)?\(")]
    private static partial Regex OwnTransaction();

    [GeneratedRegex(@"\b\w+\.CreateCommand\(|\bnew\s+SqliteCommand\b")]
    private static partial Regex OwnCommand();

    [GeneratedRegex(@"\bnew\s+SqliteConnection\b")]
    private static partial Regex OwnConnection();
}
