using System.Buffers;
using System.Text.Json;

namespace Lantern.Web.Platform.Web;

/// <summary>
/// Reads a JSON request body with a hard size limit, so that an oversized body answers 413 and malformed
/// JSON a 400 naming where it broke, never a 500.
/// </summary>
public static class JsonBody
{
    public static async Task<JsonBodyResult<T>> ReadAsync<T>(HttpRequest request, int maxBytes, JsonSerializerOptions options, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > maxBytes)
        {
            return new(null, TooLarge: true, null);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(maxBytes + 1);
        try
        {
            var length = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(length, maxBytes + 1 - length), cancellationToken)) > 0)
            {
                length += read;
                if (length > maxBytes)
                {
                    return new(null, TooLarge: true, null);
                }
            }

            try
            {
                var value = JsonSerializer.Deserialize<T>(buffer.AsSpan(0, length), options);
                return new(value, TooLarge: false, value is null ? "$" : null);
            }
            catch (JsonException exception)
            {
                return new(null, TooLarge: false, string.IsNullOrEmpty(exception.Path) ? "$" : exception.Path);
            }
        }
        finally
        {
            // The buffer held report content: clear it before it goes back to the pool.
            Array.Clear(buffer, 0, Math.Min(buffer.Length, maxBytes + 1));
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
