using Mediator;

namespace Bishan.Workflow.Infrastructure.Transactions;

/// <summary>Runs every command (not queries) in its scope's <see cref="UnitOfWork"/>: one transaction per use case.</summary>
public sealed class UnitOfWorkBehavior<TMessage, TResponse>(UnitOfWork unitOfWork) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(ct => next(message, ct), cancellationToken);
}
