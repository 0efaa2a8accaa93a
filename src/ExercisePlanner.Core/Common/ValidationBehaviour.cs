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
            (await validator.ValidateAsync(message, cancellationToken)).ThrowIfInvalid();
        return await next(message, cancellationToken);
    }
}
