namespace LargeImage.MinimalApi.LoadTest;

/// <summary>What the load generator keeps of one response: its status (0 when the connection failed), body length and ETag.</summary>
internal readonly record struct LoadResponse(int Status, long BodyBytes, string? ETag);
