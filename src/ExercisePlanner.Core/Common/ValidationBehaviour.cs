using FluentValidation;
using Mediator;

namespace ExercisePlanner.Core.Common;

/// <summary>Refuses a message with control characters in its text or that breaks its validators' rules, before any handler runs.</summary>
public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        ControlCharacters.Refuse(message);
        foreach (var validator in validators)
            (await validator.ValidateAsync(message, cancellationToken)).ThrowIfInvalid((message as ISourcedRequest)?.Source);
        return await next(message, cancellationToken);
    }
}

/// <summary>A request that carries a document read from somewhere (a file, a request body): problems name it.</summary>
public interface ISourcedRequest
{
    string? Source { get; }
}
