using LargeImage.MinimalApi.Options;
using LargeImage.MinimalApi.Sources.Remote;

namespace LargeImage.MinimalApi.Tests.Sources.Remote;

/// <summary>Our SigV4 signing against the worked example in AWS's S3 documentation.</summary>
public sealed class S3RequestSignerTests
{
    [Fact]
    public void Signs_the_documented_get_object_example()
    {
        var bucket = new S3BucketOptions
        {
            Endpoint = "https://s3.amazonaws.com",
            AccessKeyId = "AKIAIOSFODNN7EXAMPLE",
            SecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        };
        using var request = new HttpRequestMessage(HttpMethod.Get, S3RequestSigner.ObjectUrl(bucket, "examplebucket", "test.txt"));
        request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 9);

        S3RequestSigner.Sign(request, bucket, new DateTimeOffset(2013, 5, 24, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal("https://examplebucket.s3.amazonaws.com/test.txt", request.RequestUri!.AbsoluteUri);
        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
            + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
            + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
            request.Headers.GetValues("Authorization").Single());
    }

    [Fact]
    public void Path_style_keeps_the_bucket_in_the_path_and_escapes_the_key()
    {
        var bucket = new S3BucketOptions { Endpoint = "http://127.0.0.1:9000", PathStyle = true };

        Assert.Equal("http://127.0.0.1:9000/data/a%20b/c%2Bd.tif", S3RequestSigner.ObjectUrl(bucket, "data", "a b/c+d.tif").AbsoluteUri);
    }
}
