using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;

namespace LargeImage.MinimalApi.Endpoints;

/// <summary>
/// Documents the host group's own route values (e.g. <c>{id}</c> of <c>/api/image-file/{id:int}</c>). Our handlers
/// never bind them — the host's lookup reads them — so OpenAPI would otherwise omit them and Scalar could not call
/// the routes.
/// </summary>
internal static partial class GroupRouteParameters
{
    public static TBuilder DocumentGroupRouteParameters<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, context, _) =>
        {
            var path = context.Description.RelativePath ?? string.Empty;
            operation.Parameters ??= [];
            foreach (Match match in RouteParameter().Matches(path))
            {
                var name = match.Groups["name"].Value;
                if (operation.Parameters.Any(p => p.Name == name && p.In == ParameterLocation.Path))
                {
                    continue;
                }

                var isInteger = match.Groups["constraint"].Value is "int" or "long";
                operation.Parameters.Insert(0, new OpenApiParameter
                {
                    Name = name,
                    In = ParameterLocation.Path,
                    Required = true,
                    Description = "Identifies the host's record.",
                    Schema = new OpenApiSchema { Type = isInteger ? JsonSchemaType.Integer : JsonSchemaType.String },
                });
            }

            return Task.CompletedTask;
        });

    [GeneratedRegex(@"\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(:(?<constraint>[a-z]+))?[^}]*\}")]
    private static partial Regex RouteParameter();
}
