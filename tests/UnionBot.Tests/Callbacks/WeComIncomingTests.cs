using System.Text;
using System.Text.Json;
using UnionBot.Core.Platforms;
using UnionBot.Core.Platforms.WeCom;

namespace UnionBot.Tests.Callbacks;

/// <summary>
/// The decrypted message read in one pass (<see cref="WeComIncoming.Parse(ReadOnlySpan{byte})"/>): the same answer as
/// reading it through a <see cref="JsonDocument"/>, as the bot did before, for every shape of message.
/// </summary>
public sealed class WeComIncomingTests
{
    [Fact]
    public void ATextMessageGivesItsFields()
    {
        var message = WeComIncoming.Parse(
            """{"msgid":"m-1","aibotid":"AIBOTID","chatid":"CHATID","chattype":"single","from":{"userid":"zhangsan"},"msgtype":"text","text":{"content":"/报名 乒乓球赛"}}"""u8);

        Assert.Equal(new WeComIncoming("text", "m-1", "zhangsan", "/报名 乒乓球赛", IsPrivate: true), message);
    }

    [Theory]
    [InlineData("""{"msgtype":"text","msgid":"a","from":{"userid":"u"},"text":{"content":"x"},"msgid":"b"}""", "b")]
    [InlineData("""{"msgtype":"text","msgid":"a","from":{"userid":"u","userid":"v"},"text":{"content":"x"}}""", "a")]
    public void ARepeatedFieldCountsAsItsLast(string json, string id)
    {
        var message = WeComIncoming.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Equal(id, message!.MsgId);
        Assert.Equal(json.Contains("\"v\"") ? "v" : "u", message.UserId);
    }

    [Theory]
    [InlineData("""{"msgtype":"text","msgid":"m","from":{"userid":"u"}} trailing""")]
    [InlineData("""{"msgtype":"text","msgid":"m","from":{"userid":"u"},}""")]
    [InlineData("""{"msgtype":"text","msgid":"m","from":{"userid":"u"}""")]
    [InlineData("""["msgtype","text"]""")]
    [InlineData("")]
    public void AMessageThatIsNoJsonObjectIsMalformed(string json)
    {
        Assert.Null(WeComIncoming.Parse(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void EveryShapeReadsAsTheJsonDocumentReadsIt()
    {
        // Random messages built from the fields the bot reads, in every kind of value, repeated, nested, with lone
        // surrogates here and there, against the reading through JsonDocument the bot did before.
        var random = new Random(20261204);
        string[] strings = ["\"text\"", "\"image\"", "\"\"", "\"m-1\"", "\"u 1\"", "\"single\"", "\"group\"", "\"x\\ud800\"", "\"报名\"", "\"\\u0074ext\""];
        string[] others = ["42", "null", "true", "[]", "[\"text\"]", "{}"];
        string[] names = ["msgtype", "msgid", "from", "text", "chattype", "userid", "content", "aibotid", "msg\\u0074ype"];
        string Value(int depth)
        {
            var pick = random.Next(10);
            if (pick < 5) return strings[random.Next(strings.Length)];
            if (pick < 7 || depth > 2) return others[random.Next(others.Length)];
            return Object(depth + 1);
        }
        string Object(int depth)
        {
            var fields = Enumerable.Range(0, random.Next(0, 7)).Select(_ => $"\"{names[random.Next(names.Length)]}\":{Value(depth)}");
            return "{" + string.Join(",", fields) + "}";
        }

        // Mostly the fields of a real message, each likely sound, in any order, among random and repeated ones.
        string Message()
        {
            string Sometimes(string sound, double p) => random.NextDouble() < p ? sound : Value(1);
            var fields = new List<string>
            {
                "\"msgtype\":" + Sometimes("\"text\"", 0.8),
                "\"msgid\":" + Sometimes("\"m-" + random.Next(100) + "\"", 0.8),
                "\"from\":" + Sometimes("{\"userid\":" + Sometimes("\"teacher-li\"", 0.8) + "}", 0.8),
                "\"text\":" + Sometimes("{\"content\":" + Sometimes("\"/报名 乒乓球赛\"", 0.8) + "}", 0.8),
                "\"chattype\":" + Sometimes("\"single\"", 0.5),
            };
            fields.AddRange(Enumerable.Range(0, random.Next(0, 4)).Select(_ => $"\"{names[random.Next(names.Length)]}\":{Value(0)}"));
            return "{" + string.Join(",", fields.OrderBy(_ => random.Next())) + "}";
        }

        var read = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var json = i % 4 == 0 ? Object(0) : Message();
            var expected = ThroughJsonDocument(json);
            Assert.Equal(expected, WeComIncoming.Parse(Encoding.UTF8.GetBytes(json)));
            Assert.Equal(expected, WeComIncoming.Parse(json));
            if (expected is { MsgType: "text" }) read++;
        }
        Assert.True(read > 2_000, $"only {read} of the random messages were text messages the bot reads");
    }

    /// <summary>How the bot read a message before (a JsonDocument and its elements).</summary>
    private static WeComIncoming? ThroughJsonDocument(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || JsonFields.Id(root, "msgtype") is not { } type) return null;
            if (type != "text") return new WeComIncoming(type, JsonFields.Id(root, "msgid") ?? "", "", null);
            if (JsonFields.Id(root, "msgid") is not { } id) return null;
            if (!root.TryGetProperty("from", out var from) || JsonFields.Id(from, "userid") is not { } user) return null;
            var text = root.TryGetProperty("text", out var t) ? JsonFields.String(t, "content") : null;
            return new WeComIncoming(type, id, user, text, JsonFields.String(root, "chattype") == "single");
        }
        catch (JsonException) { return null; }
    }
}
