using System.Text.Json;
using WireMock;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace UnionBot.Tests.Support.Fakes;

/// <summary>
/// What the fake WeCom and DingTalk servers share: a WireMock.Net server on a free local port, thread-safe recording
/// of every request, the per-robot rate limit on a clock the test controls, and answers scripted by the test
/// (an errcode, an HTTP error or a delay, for the next request or the next N).
/// </summary>
public abstract class FakePlatformServer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<FakeRequest> _received = [];
    private readonly FakeScript _script = new();
    private readonly FakeRateLimiter _limiter;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WireMockServer? _server;
    private int _held;

    private protected FakePlatformServer(TimeProvider? time, int overLimitCode, int throttledCode)
    {
        Time = time ?? TimeProvider.System;
        _limiter = new FakeRateLimiter(overLimitCode, throttledCode);
    }

    /// <summary>The clock for the rate limit and for signature timestamps.</summary>
    public TimeProvider Time { get; }

    /// <summary><c>http://127.0.0.1:PORT</c>, no trailing slash: the value for <c>UnionBot:…:ApiBaseUrl</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Messages a robot may send per minute; null switches the limit off.</summary>
    public int? RateLimit { get => _limiter.Limit; set => _limiter.Limit = value; }

    /// <summary>After a robot goes over the limit, how long it stays throttled (DingTalk: 10 minutes).</summary>
    public TimeSpan ThrottleAfterLimit { get => _limiter.ThrottleAfterLimit; set => _limiter.ThrottleAfterLimit = value; }

    /// <summary>Every request received, in arrival order, including the refused ones.</summary>
    public IReadOnlyList<FakeRequest> Received { get { lock (_gate) return _received.ToList(); } }

    /// <summary>The requests the platform acknowledged (errcode 0): what the group sees.</summary>
    public IReadOnlyList<FakeRequest> Accepted { get { lock (_gate) return _received.Where(r => r.Accepted).ToList(); } }

    /// <summary>The next <paramref name="times"/> requests are answered with <paramref name="errcode"/> (HTTP 200).</summary>
    public void AnswerNext(int errcode, int times = 1, string errmsg = "scripted by the test") =>
        _script.Add(new Scripted(times, ErrCode: errcode, ErrMsg: errmsg));

    /// <summary>The next <paramref name="times"/> requests fail with an HTTP status and no platform body.</summary>
    public void FailNextWithHttp(int status = 500, int times = 1) => _script.Add(new Scripted(times, HttpStatus: status));

    /// <summary>
    /// The next <paramref name="times"/> requests wait <paramref name="delay"/> (real time) before being handled normally;
    /// like a real platform, one that already has the whole request handles it even if the client gave up meanwhile.
    /// </summary>
    public void DelayNext(TimeSpan delay, int times = 1) => _script.Add(new Scripted(times, Delay: delay));

    /// <summary>Requests waiting out a scripted delay right now: in flight as far as the client can tell.</summary>
    public int Held => Volatile.Read(ref _held);

    /// <summary>Waits (real time, bounded: 30 s unless told) until at least <paramref name="count"/> requests were accepted.</summary>
    public Task<IReadOnlyList<FakeRequest>> WaitForAcceptedAsync(int count, TimeSpan? timeout = null) =>
        WaitForAsync(r => r.Accepted, count, timeout);

    /// <summary>Waits (real time, bounded) until at least <paramref name="count"/> requests arrived, accepted or not.</summary>
    public Task<IReadOnlyList<FakeRequest>> WaitForReceivedAsync(int count, TimeSpan? timeout = null) =>
        WaitForAsync(_ => true, count, timeout);

    /// <summary>The most messages one robot had accepted within any <paramref name="window"/> (by the fake's clock).</summary>
    public int MaxAcceptedInAnyWindow(string robot, TimeSpan window) =>
        FakeRateLimiter.MaxInAnyWindow(Accepted.Where(r => r.Robot == robot).Select(r => r.At), window);

    public ValueTask DisposeAsync()
    {
        _server?.Stop();
        _server?.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>The platform's routes, each answered by <see cref="HandleAsync"/> with the route's own checks.</summary>
    protected abstract void MapRoutes(WireMockServer server);

    protected Task StartServerAsync()
    {
        _server = WireMockServer.Start();
        MapRoutes(_server);
        BaseUrl = _server.Url!.TrimEnd('/');
        return Task.CompletedTask;
    }

    /// <summary>A response that records the request and answers it with <paramref name="check"/>.</summary>
    private protected IResponseBuilder Answer(Func<IRequestMessage, string, FakeVerdict> check) =>
        Response.Create().WithCallback(request => HandleAsync(request, check));

    /// <summary>Records the request and answers it: script first, then the platform's checks, then the rate limit.</summary>
    private async Task<IResponseMessage> HandleAsync(IRequestMessage request, Func<IRequestMessage, string, FakeVerdict> check)
    {
        var rawTarget = request.Path + (string.IsNullOrEmpty(request.RawQuery) ? "" : "?" + request.RawQuery.TrimStart('?'));
        var body = request.Body ?? "";
        var contentType = request.Headers is { } headers && headers.TryGetValue("Content-Type", out var types) ? string.Join(",", types) : null;

        var scripted = _script.Take();
        if (scripted?.Delay is { } delay)
        {
            Interlocked.Increment(ref _held);
            try { await Task.Delay(delay); }
            finally { Interlocked.Decrement(ref _held); }
            scripted = null;
        }
        if (scripted?.HttpStatus is { } status)
        {
            Record(new FakeRequest(Time.GetUtcNow(), "", rawTarget, body, status, null) { ContentType = contentType });
            return Reply(status, "text/html", "<html><body>fake server error</body></html>");
        }

        var verdict = scripted?.ErrCode is { } code
            ? FakeVerdict.Reject(check(request, body).Robot, code, scripted.ErrMsg ?? "scripted")
            : check(request, body);
        var now = Time.GetUtcNow();
        var answer = verdict.ErrCode == 0 && verdict.RateLimited ? _limiter.Admit(verdict.Robot, now) : (verdict.ErrCode, verdict.ErrMsg);
        var parsed = verdict.Parsed ?? new FakeRequest(now, verdict.Robot, rawTarget, body, 200, null);
        Record(parsed with
        {
            At = now, Robot = verdict.Robot, RawTarget = rawTarget, Body = body, HttpStatus = 200, ErrCode = answer.ErrCode,
            ContentType = contentType,
        });
        return Reply(200, "application/json", $"{{\"errcode\":{answer.ErrCode},\"errmsg\":{JsonSerializer.Serialize(answer.ErrMsg)}}}");
    }

    /// <summary>The value of query parameter <paramref name="name"/>, decoded once as the platforms decode it; "" when absent.</summary>
    private protected static string Query(IRequestMessage request, string name) =>
        request.Query is { } query && query.TryGetValue(name, out var values) ? string.Join(",", values) : "";

    private static ResponseMessage Reply(int status, string contentType, string body) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new(contentType) },
        BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String },
    };

    private void Record(FakeRequest request)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _received.Add(request);
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }

    private async Task<IReadOnlyList<FakeRequest>> WaitForAsync(Func<FakeRequest, bool> match, int count, TimeSpan? timeout)
    {
        // Ample: a reply waits for a core behind the rest of the suite on a loaded 2-core CI machine (10 s ran out there).
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var matching = _received.Where(match).ToList();
                if (matching.Count >= count) return matching;
                changed = _changed.Task;
            }
            try { await changed.WaitAsync(cts.Token); }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{GetType().Name}: expected {count} requests, got {Received.Count(match)} of {Received.Count} received");
            }
        }
    }
}
