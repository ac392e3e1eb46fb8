using System.ComponentModel.DataAnnotations;
using LargeImage.MinimalApi.Sources.Remote;
using Microsoft.Extensions.Options;

namespace LargeImage.MinimalApi.Options;

/// <summary>
/// Start-up checks of <see cref="LargeImageOptions.Remote"/> that data annotations cannot express (they do not
/// descend into nested objects): allow-list entries, bucket names, endpoints and credential pairs.
/// </summary>
internal sealed class RemoteOptionsValidator : IValidateOptions<LargeImageOptions>
{
    public ValidateOptionsResult Validate(string? name, LargeImageOptions options)
    {
        var remote = options.Remote;
        var failures = new List<string>();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(remote, new ValidationContext(remote), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(r => $"Remote: {r.ErrorMessage}"));
        }

        foreach (var entry in remote.AllowedHosts)
        {
            try
            {
                RemoteAllowList.ParseEntry(entry);
            }
            catch (FormatException e)
            {
                failures.Add($"Remote:AllowedHosts: {e.Message}");
            }
        }

        foreach (var (bucket, settings) in remote.S3Buckets)
        {
            if (!RemoteReference.IsBucketName(bucket))
            {
                failures.Add($"Remote:S3Buckets: '{bucket}' is not a valid S3 bucket name.");
            }

            if (settings.Endpoint is { } endpoint
                && (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
            {
                failures.Add($"Remote:S3Buckets:{bucket}:Endpoint must be an http(s) URL, not '{endpoint}'.");
            }

            if (string.IsNullOrEmpty(settings.AccessKeyId) != string.IsNullOrEmpty(settings.SecretAccessKey))
            {
                failures.Add($"Remote:S3Buckets:{bucket}: set both AccessKeyId and SecretAccessKey, or neither.");
            }

            if (string.IsNullOrWhiteSpace(settings.Region))
            {
                failures.Add($"Remote:S3Buckets:{bucket}:Region must not be empty.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
