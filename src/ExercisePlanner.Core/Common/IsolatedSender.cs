using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace ExercisePlanner.Core.Common;

/// <summary>
/// Sends each message in a scope of its own (its own DbContext and unit of work), as a host does
/// for each incoming request. For flows that send many commands in a row, like the demo.
/// </summary>
public sealed class IsolatedSender(IServiceScopeFactory scopes)
{
    public async Task<TResponse> Send<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command, cancellationToken);
    }

    public async Task<TResponse> Send<TResponse>(IQuery<TResponse> query, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query, cancellationToken);
    }

    /// <summary>A request that is no unit of work itself, but sends commands that each are (a migration, one approval at a time).</summary>
    public async Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, cancellationToken);
    }
}
