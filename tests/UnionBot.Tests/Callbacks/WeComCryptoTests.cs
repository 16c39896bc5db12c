using System.Text;
using UnionBot.Core.Platforms.WeCom;

namespace UnionBot.Tests.Callbacks;

/// <summary>The official WXBizMsgCrypt vectors of PROTOCOLS.md 1.3, with the CPU's AES instructions and with the platform's AES.</summary>
public sealed class WeComCryptoTests
{
    private const string Token = "QDG6eK";
    private const string Key = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private const string CorpId = "wx5823bf96d3bd56c7";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void VectorA1UrlVerificationSignatureHoldsAndEchostrDecryptsToTheBarePlaintext(bool cpuAes)
    {
        const string echostr = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
        var crypto = new WeComCrypto(Token, Key, CorpId, cpuAes);

        Assert.True(crypto.Verify("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", "1409659589", "263014780", echostr));
        Assert.Equal("1616140317555161061", crypto.Decrypt(echostr));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void VectorA2WithPadThirtyDecryptsTheXmlMessage(bool cpuAes)
    {
        const string encrypt = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";
        var crypto = new WeComCrypto(Token, Key, CorpId, cpuAes);

        Assert.True(crypto.Verify("477715d11cdb4164915debcba66cb864d751f3e6", "1409659813", "1372623149", encrypt));
        var xml = crypto.Decrypt(encrypt);

        Assert.Equal(284, Encoding.UTF8.GetByteCount(xml));
        Assert.Contains("mycreate", xml);
        Assert.Contains("hello", xml);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void VectorCEncryptsTheAiBotMessageExactlyWithTheFixedRandomBytes(bool cpuAes)
    {
        const string msg = """{"msgid":"test-msgid-1","aibotid":"AIBOTID","chatid":"CHATID","chattype":"group","from":{"userid":"zhangsan"},"response_url":"RESPONSEURL","msgtype":"text","text":{"content":"@机器人 /报名 乒乓球赛"}}""";
        const string expected = "sKqRbbiSUnDhFHOvPjtUMWtF6tdj2RwMpJK+ftnuygfwDoc8l+1epeaDo/KO8sPMcS4Xqfnb6+At0C0Ha7LtYcaORRBepQhIU5Nv4Sepc13zF4u97H/ofXYzIaLE2otb96pUqsK5Kc0CYacE3e+MgD3OeseTzDJHDHqMaf8JCFoTdbPhhB83O5o/nlBTAqFmZilXUENAEeZ9knuYKefpuxFogj3N5yL/JoqFS00S9w/9vQzCUGWwKZQrXGHt8s1w+yFo0rbK3UqKTRwgELW3vPcWqhK5wHjQh+INXzNnEyktsXy0ovJ+JuB3zi48sea6ZvnfA0GeN2/5RJard+6kqQ==";
        var crypto = new WeComCrypto(Token, Key, "", cpuAes);

        var encrypt = crypto.Encrypt(msg, "0123456789abcdef"u8);

        Assert.Equal(expected, encrypt);
        Assert.Equal("e46f501c14d0a4b7bbb9d84da1119a352afd9aac", crypto.Sign("1700000000", "1234567890", encrypt));
        Assert.Equal(msg, crypto.Decrypt(encrypt));
    }

    [Fact]
    public void ChineseTextOfEveryLengthFromZeroToOneHundredBytesSurvivesTheRoundTrip()
    {
        var crypto = new WeComCrypto(Token, Key);
        for (var bytes = 0; bytes <= 100; bytes++)
        {
            // Three-byte 工 characters, topped up with ASCII, so every byte count (and so every pad 1–32) occurs.
            var text = new string('工', bytes / 3) + new string('a', bytes % 3);
            Assert.Equal(bytes, Encoding.UTF8.GetByteCount(text));

            Assert.Equal(text, crypto.Decrypt(crypto.Encrypt(text)));
        }
    }

    [Fact]
    public void ASignatureFromAnotherTokenIsRefused()
    {
        var crypto = new WeComCrypto(Token, Key);
        var encrypt = crypto.Encrypt("hi");
        var forged = WeComCrypto.Sign("other", "1700000000", "1", encrypt);

        Assert.False(crypto.Verify(forged, "1700000000", "1", encrypt));
        Assert.True(crypto.Verify(crypto.Sign("1700000000", "1", encrypt), "1700000000", "1", encrypt));
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("AAAA")]
    [InlineData("")]
    public void GarbageCiphertextIsRefusedWithACryptoError(string encrypt)
    {
        var crypto = new WeComCrypto(Token, Key);
        Assert.Throws<WeComCryptoException>(() => crypto.Decrypt(encrypt));
    }

    [Fact]
    public void CiphertextUnderAnotherKeyIsRefused()
    {
        var other = new WeComCrypto(Token, "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG");
        var encrypt = other.Encrypt("你好", "0123456789abcdef"u8);
        // Fixed random bytes keep the ciphertext (and so the garbage the wrong key yields) the same on every run.
        Assert.Throws<WeComCryptoException>(() => new WeComCrypto(Token, Key).Decrypt(encrypt));
    }

    [Fact]
    public void ASignatureInUpperCaseHexIsAcceptedAndOneOfAnotherLengthIsNot()
    {
        var crypto = new WeComCrypto(Token, Key);
        var encrypt = crypto.Encrypt("hi");
        var signature = crypto.Sign("1700000000", "1", encrypt);

        Assert.True(crypto.Verify(signature.ToUpperInvariant(), "1700000000", "1", encrypt));
        Assert.False(crypto.Verify(signature[..^1], "1700000000", "1", encrypt));
        Assert.False(crypto.Verify(signature + "0", "1700000000", "1", encrypt));
        Assert.False(crypto.Verify("", "1700000000", "1", encrypt));
    }

    [Fact]
    public async Task OneInstanceUsedByManyThreadsAtOnceKeepsEveryMessageApart()
    {
        // The callback handlers share one instance per channel, and it reuses its ciphers between calls.
        var crypto = new WeComCrypto(Token, Key, CorpId);
        var start = new Barrier(8);
        var tasks = Enumerable.Range(0, 8).Select(t => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < 500; i++)
            {
                var text = $"线程 {t} 的第 {i} 条消息" + new string('工', (t * 7 + i) % 40);
                var encrypt = crypto.Encrypt(text);
                var signature = crypto.Sign("1700000000", $"{t}-{i}", encrypt);
                Assert.True(crypto.Verify(signature, "1700000000", $"{t}-{i}", encrypt));
                Assert.Equal(text, crypto.Decrypt(encrypt));
            }
        }, TaskCreationOptions.LongRunning));

        await Task.WhenAll(tasks);
    }

    [Fact]
    public void AMessageEncryptedAsUtf8BytesIsTheSameCiphertextAsTheSameText()
    {
        var crypto = new WeComCrypto(Token, Key, CorpId);
        const string text = "{\"content\":\"/报名 教职工趣味运动会 🏃\"}";

        var encrypt = crypto.Encrypt(Encoding.UTF8.GetBytes(text));

        Assert.Equal(text, crypto.Decrypt(encrypt));
        Assert.Equal(Encoding.UTF8.GetBytes(text), crypto.Decrypt(encrypt, static m => m.ToArray()));
    }

    [Theory]
    [InlineData(new byte[] { 0x2F, 0xE6, 0x8A })]       // 报 cut short
    [InlineData(new byte[] { 0xFF, 0xFE })]             // never UTF-8
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]       // a surrogate spelled in UTF-8 (CESU-8)
    [InlineData(new byte[] { 0xC0, 0xAF })]             // an overlong '/'
    public void AMessageThatIsNotUtf8IsRefusedWithACryptoError(byte[] message)
    {
        var crypto = new WeComCrypto(Token, Key);
        var encrypt = crypto.Encrypt(message);

        Assert.Equal("message is not UTF-8", Assert.Throws<WeComCryptoException>(() => crypto.Decrypt(encrypt)).Message);
        Assert.Equal("message is not UTF-8", Assert.Throws<WeComCryptoException>(() => crypto.Decrypt(encrypt, static m => m.ToArray())).Message);
    }
}
