using System.Buffers.Text;
using System.Text;

namespace LargeImage.MinimalApi.LoadTest;

/// <summary>The parts of an HTTP/1.1 response head the load generator needs to frame the body and revalidate.</summary>
internal readonly record struct LoadResponseHead(int Status, long? ContentLength, bool Chunked, bool Close, string? ETag)
{
    /// <summary>The head's framing, and its ETag when <paramref name="keepETag"/>.</summary>
    public static LoadResponseHead Parse(ReadOnlySpan<byte> head, bool keepETag)
    {
        // "HTTP/1.1 200 OK"
        if (head.Length < 12 || !head.StartsWith("HTTP/1.1 "u8) || !Utf8Parser.TryParse(head.Slice(9, 3), out int status, out _))
        {
            throw new InvalidDataException("Not an HTTP/1.1 status line.");
        }

        var parsed = new LoadResponseHead(status, null, false, false, null);
        foreach (var range in head.Split("\r\n"u8))
        {
            var line = head[range];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim((byte)' ');
            if (Ascii.EqualsIgnoreCase(name, "content-length"u8))
            {
                parsed = parsed with
                {
                    ContentLength = Utf8Parser.TryParse(value, out long length, out _) ? length
                        : throw new InvalidDataException("A Content-Length that is not a number."),
                };
            }
            else if (Ascii.EqualsIgnoreCase(name, "transfer-encoding"u8))
            {
                parsed = parsed with { Chunked = Ascii.EqualsIgnoreCase(value, "chunked"u8) };
            }
            else if (Ascii.EqualsIgnoreCase(name, "connection"u8))
            {
                parsed = parsed with { Close = Ascii.EqualsIgnoreCase(value, "close"u8) };
            }
            else if (keepETag && Ascii.EqualsIgnoreCase(name, "etag"u8))
            {
                parsed = parsed with { ETag = Encoding.ASCII.GetString(value) };
            }
        }

        return parsed;
    }
}
