namespace LargeImage.MinimalApi.Errors;

/// <summary>
/// Base of every exception that carries a meaning for the client. <see cref="ProblemTable"/> maps each
/// concrete type to an RFC 9457 problem; anything else escaping a handler is a genuine server fault.
/// </summary>
internal abstract class LargeImageException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A query, route or style parameter is malformed or out of range (400).</summary>
internal sealed class InvalidParameterException(string parameter, string message)
    : LargeImageException(message)
{
    public string Parameter { get; } = parameter;
}

/// <summary>No reader can open the file, or the forced reader cannot (400).</summary>
internal sealed class UnsupportedFileException(string message, Exception? inner = null)
    : LargeImageException(message, inner);

/// <summary>The requested tile lies outside the pyramid or the world (404).</summary>
internal sealed class TileOutOfRangeException(string message) : LargeImageException(message);

/// <summary>The record or file behind the request does not exist (404).</summary>
internal sealed class ImageNotFoundException(string message) : LargeImageException(message);

/// <summary>The file reference escapes the allowed roots or names a host not on the allow-list (403).</summary>
internal sealed class FileAccessDeniedException(string message) : LargeImageException(message);

/// <summary>The requested output exceeds a configured size limit (413).</summary>
internal sealed class OutputTooLargeException(string message) : LargeImageException(message);

/// <summary>A remote store (S3, HTTP) did not answer in time or failed (503).</summary>
internal sealed class RemoteUnavailableException(string message, Exception? inner = null)
    : LargeImageException(message, inner);

/// <summary>A remote store answered, but with a failure (refused credentials, server error) (502).</summary>
internal sealed class BadGatewayException(string message) : LargeImageException(message);

/// <summary>A native library call failed; the message is the library's own error text.</summary>
internal sealed class NativeLibraryException(string library, string message, int code = 0)
    : LargeImageException($"{library}: {message}")
{
    public string Library { get; } = library;

    public int Code { get; } = code;
}
