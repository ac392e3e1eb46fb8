using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LargeImage.MinimalApi.LoadTest;

/// <summary>
/// One keep-alive HTTP/1.1 connection that sends GETs and reads each response to its last byte: status, body length
/// and, when asked, ETag, nothing else. The load generator shares the server's cores, so it must cost as little as it can: with
/// <see cref="HttpClient"/> it took 0.13 ms of CPU per uncached tile and held the constant-bytes ceiling near 14 000
/// requests/s on two cores; this takes 0.07 ms, most of it the kernel's loopback work, and the ceiling rose to
/// 20 000–34 000.
/// </summary>
internal sealed class LoadConnection : IDisposable
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private readonly EndPoint endPoint;
    private readonly byte[] request = new byte[4096];
    private readonly byte[] buffer = new byte[64 * 1024];
    private readonly string host;
    private Socket? socket;
    private int start;
    private int end;

    public LoadConnection(Uri url)
    {
        endPoint = new IPEndPoint(IPAddress.Parse(url.Host), url.Port);
        host = url.Authority;
    }

    /// <summary>
    /// Sends one GET and reads its whole response; on any failure, <paramref name="abandon"/> included, the connection
    /// is dropped and reopened next time.
    /// </summary>
    public async ValueTask<LoadResponse> GetAsync(LoadRequest load, bool keepETag, CancellationToken abandon)
    {
        try
        {
            socket ??= await ConnectAsync(abandon);
            var length = Encoding.ASCII.GetBytes(
                load.IfNoneMatch is { } etag
                    ? $"GET {load.Path} HTTP/1.1\r\nHost: {host}\r\nIf-None-Match: {etag}\r\n\r\n"
                    : $"GET {load.Path} HTTP/1.1\r\nHost: {host}\r\n\r\n",
                request);
            await socket.SendAsync(request.AsMemory(0, length), SocketFlags.None, abandon);
            return await ReadResponseAsync(socket, keepETag, abandon);
        }
        catch (Exception e) when (e is SocketException or IOException or InvalidDataException or OperationCanceledException)
        {
            Close();
            return new LoadResponse(0, 0, null);
        }
    }

    public void Dispose() => Close();

    private async ValueTask<Socket> ConnectAsync(CancellationToken abandon)
    {
        var opened = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await opened.ConnectAsync(endPoint, abandon);
        }
        catch
        {
            opened.Dispose();
            throw;
        }

        start = end = 0;
        return opened;
    }

    private async ValueTask<LoadResponse> ReadResponseAsync(Socket connection, bool keepETag, CancellationToken abandon)
    {
        int headerLength;
        while ((headerLength = buffer.AsSpan(start, end - start).IndexOf(HeaderEnd)) < 0)
        {
            await FillAsync(connection, abandon);
        }

        var head = LoadResponseHead.Parse(buffer.AsSpan(start, headerLength), keepETag);
        start += headerLength + HeaderEnd.Length;
        long body;
        if (head.Status is 204 or 304 || head.Status < 200)
        {
            body = 0;
        }
        else if (head.Chunked)
        {
            body = await SkipChunksAsync(connection, abandon);
        }
        else if (head.ContentLength is { } contentLength)
        {
            await SkipAsync(connection, contentLength, abandon);
            body = contentLength;
        }
        else
        {
            throw new InvalidDataException("A response without a length: the load generator expects keep-alive framing.");
        }

        if (head.Close)
        {
            Close();
        }

        return new LoadResponse(head.Status, body, head.ETag);
    }

    private async ValueTask<long> SkipChunksAsync(Socket connection, CancellationToken abandon)
    {
        long total = 0;
        while (true)
        {
            int lineLength;
            while ((lineLength = buffer.AsSpan(start, end - start).IndexOf("\r\n"u8)) < 0)
            {
                await FillAsync(connection, abandon);
            }

            var sizeText = Encoding.ASCII.GetString(buffer, start, lineLength).Split(';')[0];
            if (!long.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
            {
                throw new InvalidDataException($"A chunk size that is not hexadecimal: '{sizeText}'.");
            }

            start += lineLength + 2;
            // Each chunk, the last (empty) one included, ends with CRLF; no trailers are expected.
            await SkipAsync(connection, size + 2, abandon);
            if (size == 0)
            {
                return total;
            }

            total += size;
        }
    }

    private async ValueTask SkipAsync(Socket connection, long count, CancellationToken abandon)
    {
        while (count > 0)
        {
            if (start == end)
            {
                await FillAsync(connection, abandon);
            }

            var taken = (int)Math.Min(count, end - start);
            start += taken;
            count -= taken;
        }
    }

    private async ValueTask FillAsync(Socket connection, CancellationToken abandon)
    {
        if (start == end)
        {
            start = end = 0;
        }
        else if (end == buffer.Length)
        {
            if (start == 0)
            {
                throw new InvalidDataException("A response header larger than the load generator's buffer.");
            }

            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            start = 0;
        }

        var read = await connection.ReceiveAsync(buffer.AsMemory(end), SocketFlags.None, abandon);
        if (read == 0)
        {
            throw new IOException("The server closed the connection mid-response.");
        }

        end += read;
    }

    private void Close()
    {
        socket?.Dispose();
        socket = null;
    }
}
