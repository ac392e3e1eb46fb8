using Microsoft.Extensions.Options;

namespace LargeImage.Example;

/// <summary>
/// An opt-in route that returns the same bytes on every request: the load test's HTTP ceiling, measured on the same
/// server, pipeline and connections as the tiles. Off unless <see cref="ExampleOptions.ConstantBytesLength"/> is set.
/// </summary>
public static class ConstantBytesEndpoint
{
    public const string Path = "/load-test/constant";

    public static void MapConstantBytes(this WebApplication app)
    {
        var length = app.Services.GetRequiredService<IOptions<ExampleOptions>>().Value.ConstantBytesLength;
        if (length <= 0)
        {
            return;
        }

        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        app.MapGet(Path, () => TypedResults.File(bytes, "image/jpeg")).ExcludeFromDescription();
    }
}
