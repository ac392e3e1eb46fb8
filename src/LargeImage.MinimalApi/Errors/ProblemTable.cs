using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LargeImage.MinimalApi.Errors;

/// <summary>The one place where exceptions become RFC 9457 problems.</summary>
internal static class ProblemTable
{
    private const string TypeBase = "https://largeimage.dev/problems/";

    public static ProblemHttpResult? TryMap(Exception exception) => exception switch
    {
        InvalidParameterException e => Problem(StatusCodes.Status400BadRequest, "invalid-parameter", "Invalid parameter", e.Message, e.Parameter),
        UnsupportedFileException e => Problem(StatusCodes.Status400BadRequest, "unsupported-file", "Unsupported file", e.Message),
        NativeLibraryException e => Problem(StatusCodes.Status400BadRequest, "unreadable-file", "The file could not be read", e.Message),
        NetVips.VipsException e => Problem(StatusCodes.Status400BadRequest, "unreadable-file", "The file could not be read", e.Message),
        TileOutOfRangeException e => Problem(StatusCodes.Status404NotFound, "tile-out-of-range", "Tile out of range", e.Message),
        ImageNotFoundException e => Problem(StatusCodes.Status404NotFound, "not-found", "Not found", e.Message),
        FileAccessDeniedException e => Problem(StatusCodes.Status403Forbidden, "access-denied", "Access denied", e.Message),
        OutputTooLargeException e => Problem(StatusCodes.Status413PayloadTooLarge, "output-too-large", "Output too large", e.Message),
        RemoteUnavailableException e => Problem(StatusCodes.Status503ServiceUnavailable, "remote-unavailable", "Remote storage unavailable", e.Message),
        BadGatewayException e => Problem(StatusCodes.Status502BadGateway, "remote-error", "Remote storage failed", e.Message),
        _ => null,
    };

    private static ProblemHttpResult Problem(int status, string type, string title, string detail, string? parameter = null)
    {
        var extensions = parameter is null ? null : new Dictionary<string, object?> { ["parameter"] = parameter };
        return TypedResults.Problem(detail: FolderRedaction.Apply(detail), statusCode: status, title: title, type: TypeBase + type, extensions: extensions);
    }
}
