using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace LargeImage.MinimalApi.Options;

/// <summary>Validates <see cref="LargeImageOptions.Cache"/> at start-up; data annotations alone stop at the top level.</summary>
internal sealed class CacheOptionsValidation : IValidateOptions<LargeImageOptions>
{
    public ValidateOptionsResult Validate(string? name, LargeImageOptions options)
    {
        if (options.Cache is null)
        {
            return ValidateOptionsResult.Fail("LargeImage:Cache must not be null.");
        }

        var errors = new List<ValidationResult>();
        return Validator.TryValidateObject(options.Cache, new ValidationContext(options.Cache), errors, validateAllProperties: true)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(errors.Select(e => $"LargeImage:Cache:{string.Join(", ", e.MemberNames)}: {e.ErrorMessage}"));
    }
}
