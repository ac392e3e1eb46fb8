namespace LargeImage.Example;

/// <summary>Settings of the demo app (section <c>Example</c>).</summary>
public sealed class ExampleOptions
{
    /// <summary>Folder for the SQLite database and uploaded/seeded media, relative to the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Whether to generate demo images on first start.</summary>
    public bool Seed { get; set; } = true;

    /// <summary>Largest accepted upload.</summary>
    public long MaxUploadBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    /// <summary>
    /// When above 0, <see cref="ConstantBytesEndpoint.Path"/> returns this many constant bytes: the HTTP ceiling the
    /// load test (test/load) compares tiles with. Default 0: the route does not exist.
    /// </summary>
    public int ConstantBytesLength { get; set; }
}
