using System.Text;
using UnionBot.Core.Platforms.WeCom;

namespace UnionBot.Tests.Callbacks;

/// <summary>The callback body's <c>encrypt</c>, read without a JSON document: what it accepts and what it refuses.</summary>
public sealed class WeComEnvelopeTests
{
    [Theory]
    [InlineData("""{"encrypt":"ab+c/d=="}""", "ab+c/d==")]
    [InlineData("""{"encrypt":"ab\u002Bc\/d=="}""", "ab+c/d==")]                  // escaped as some serializers write it
    [InlineData("""{"ToUserName":"x","encrypt":"abc","AgentID":1}""", "abc")]      // other fields around it
    [InlineData("""{"encrypt":"old","encrypt":"new"}""", "new")]                  // the last of a repeated field, as JsonElement reads it
    [InlineData("""{"nested":{"encrypt":"no"},"encrypt":"yes"}""", "yes")]        // only the object's own field
    [InlineData(""" { "encrypt" : "spaced" } """, "spaced")]
    public void TheFieldIsReadAsItsText(string body, string expected)
    {
        using var encrypt = WeComEnvelope.Encrypt(Encoding.UTF8.GetBytes(body))!.Value;
        Assert.Equal(expected, new string(encrypt.Span));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("""["encrypt","abc"]""")]
    [InlineData("\"abc\"")]
    [InlineData("""{"encrypt":""}""")]
    [InlineData("""{"encrypt":42}""")]
    [InlineData("""{"encrypt":null}""")]
    [InlineData("""{"encrypt":"abc","encrypt":7}""")]
    [InlineData("""{"nested":{"encrypt":"abc"}}""")]
    [InlineData("""{"encrypt":"abc"} trailing""")]
    [InlineData("""{"encrypt":"abc",}""")]
    [InlineData("""{"encrypt":"abc\ud800"}""")]                                    // a lone surrogate no string can hold
    [InlineData("""{"encrypt":"abc""")]
    public void AnythingElseIsRefused(string body)
    {
        Assert.Null(WeComEnvelope.Encrypt(Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void InvalidUtf8IsRefused()
    {
        Assert.Null(WeComEnvelope.Encrypt([.. """{"encrypt":"ab"""u8, 0xFF, .. "\"}"u8]));
    }
}
