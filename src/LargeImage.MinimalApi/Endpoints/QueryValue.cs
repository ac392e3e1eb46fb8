using System.Globalization;
using LargeImage.MinimalApi.Errors;

namespace LargeImage.MinimalApi.Endpoints;

/// <summary>Typed parsing of query values, naming the parameter when a value is malformed.</summary>
internal static class QueryValue
{
    public static double? Double(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed)
            ? parsed
            : throw new InvalidParameterException(name, $"'{name}' must be a number, not '{value}'.");
    }

    /// <summary>An integer; floats with no fraction (e.g. <c>256.0</c>) are accepted, as clients often send them.</summary>
    public static int? Int(string name, string? value, int min = int.MinValue, int max = int.MaxValue)
    {
        if (Double(name, value) is not { } number)
        {
            return null;
        }

        if (number != Math.Floor(number) || number < min || number > max)
        {
            throw new InvalidParameterException(name, $"'{name}' must be a whole number between {min} and {max}, not '{value}'.");
        }

        return (int)number;
    }

    public static bool? Bool(string name, string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "true" or "1" or "yes" or "on" => true,
        "false" or "0" or "no" or "off" => false,
        _ => throw new InvalidParameterException(name, $"'{name}' must be true or false, not '{value}'."),
    };
}
