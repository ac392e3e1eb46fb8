namespace LargeImage.MinimalApi.Sources.Vips;

/// <summary>One OME plane and the IFD that stores it.</summary>
internal readonly record struct OmePlane(int C, int Z, int T, int Ifd);
