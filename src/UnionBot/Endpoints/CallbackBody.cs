using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

namespace UnionBot.Endpoints;

/// <summary>Reads a callback body of at most 64 KiB (SPEC section 4); anything longer is refused before it is buffered.</summary>
public static class CallbackBody
{
    public const int MaxBytes = 64 * 1024;

    /// <summary>The body, or null when it is larger than <see cref="MaxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        // Kestrel then stops reading at the limit itself; the loop below also holds under the test server.
        var feature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = MaxBytes;
        if (request.ContentLength > MaxBytes) return null;

        // One byte past the limit tells "exactly 64 KiB" from "longer". The buffer is rented: a fresh one was 64 KiB of
        // garbage on every callback, for bodies of under a kilobyte.
        var buffer = ArrayPool<byte>.Shared.Rent(MaxBytes + 1);
        try
        {
            var total = 0;
            while (total <= MaxBytes)
            {
                var read = await request.Body.ReadAsync(buffer.AsMemory(total, MaxBytes + 1 - total), ct);
                if (read == 0) break;
                total += read;
            }
            return total > MaxBytes ? null : buffer[..total];
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
