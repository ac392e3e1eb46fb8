using LargeImage.MinimalApi.Diagnostics;
using LargeImage.MinimalApi.Options;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LargeImage.MinimalApi.Endpoints;

/// <summary>Adds the <c>Server-Timing</c> header when <see cref="LargeImageOptions.ServerTiming"/> is on; costs nothing when off.</summary>
internal static class ServerTimingFilter
{
    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        if (!context.ApplicationServices.GetRequiredService<IOptions<LargeImageOptions>>().Value.ServerTiming)
        {
            return next;
        }

        return async invocation =>
        {
            var timing = ServerTiming.Begin();
            var result = await next(invocation);
            if (timing.ToString() is { Length: > 0 } header)
            {
                invocation.HttpContext.Response.Headers["Server-Timing"] = header;
            }

            return result;
        };
    }
}
