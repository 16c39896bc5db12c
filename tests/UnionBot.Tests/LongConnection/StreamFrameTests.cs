using System.Text;
using System.Text.Json;
using UnionBot.Core.Platforms.DingTalk.Stream;

namespace UnionBot.Tests.LongConnection;

public sealed class StreamFrameTests
{
    private static StreamFrame Parse(string json) => StreamFrame.Parse(Encoding.UTF8.GetBytes(json))!;

    [Fact]
    public void ARobotCallbackIsAcknowledgedWithItsMessageIdAndAnEmptyResponse()
    {
        var frame = Parse("""{"specVersion":"1.0","type":"CALLBACK","headers":{"messageId":"m-1","topic":"/v1.0/im/bot/messages/get","contentType":"application/json","time":"1"},"data":"{\"msgId\":\"x\"}"}""");

        Assert.True(frame.IsRobotMessage);
        Assert.Equal("""{"msgId":"x"}""", frame.Data);
        Assert.Equal("""{"code":200,"headers":{"contentType":"application/json","messageId":"m-1"},"message":"OK","data":"{\"response\":null}"}""",
            Encoding.UTF8.GetString(frame.Ack()));
    }

    [Fact]
    public void APingIsAnsweredWithTheSameData()
    {
        var frame = Parse("""{"type":"SYSTEM","headers":{"messageId":"p-1","topic":"ping"},"data":"{\"opaque\":\"abc\"}"}""");

        var ack = JsonDocument.Parse(frame.Ack()).RootElement;

        Assert.True(frame.IsPing);
        Assert.Equal("""{"opaque":"abc"}""", ack.GetProperty("data").GetString());
        Assert.Equal("p-1", ack.GetProperty("headers").GetProperty("messageId").GetString());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"type":"CALLBACK","headers":{}}""")]
    [InlineData("""{"headers":{"messageId":"m"}}""")]
    public void AFrameWithoutTypeOrMessageIdIsRejected(string json) =>
        Assert.Null(StreamFrame.Parse(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void TheTicketIsUrlEncodedOnceInTheAddress()
    {
        var opened = OpenConnectionResponse.Parse("""{"endpoint":"wss://wss-open-connection.dingtalk.com:443/connect","ticket":"a+b/c="}""")!;

        Assert.Equal("wss://wss-open-connection.dingtalk.com/connect?ticket=a%2Bb%2Fc%3D", opened.Address.AbsoluteUri);
    }

    [Theory]
    [InlineData("""{"code":"InvalidAuthentication","message":"bad"}""")]
    [InlineData("""{"endpoint":"https://example.com","ticket":"t"}""")]
    [InlineData("""{"endpoint":"wss://example.com"}""")]
    public void AnAnswerWithoutAWebSocketEndpointAndTicketIsNoConnection(string body) =>
        Assert.Null(OpenConnectionResponse.Parse(body));
}
