namespace LargeImage.MinimalApi.LoadTest;

/// <summary>One request of a scenario: a path and, for revalidations, the ETag to send and the status expected back.</summary>
internal sealed record LoadRequest(string Path, string? IfNoneMatch = null)
{
    public int ExpectedStatus => IfNoneMatch is null ? 200 : 304;
}
