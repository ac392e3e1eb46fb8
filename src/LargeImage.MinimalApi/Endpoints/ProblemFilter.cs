using LargeImage.MinimalApi.Errors;
using Microsoft.AspNetCore.Http;

namespace LargeImage.MinimalApi.Endpoints;

/// <summary>Turns meaningful exceptions from any handler of a mapped group into problem responses.</summary>
internal sealed class ProblemFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception e) when (ProblemTable.TryMap(e) is { } problem)
        {
            return problem;
        }
    }
}
