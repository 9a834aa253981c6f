using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace Bishan.Workflow.Engine.Expressions;

/// <summary>
/// Fluid builds every element of a range such as <c>(1..100000000)</c> before its loop counts a single step, which
/// held gigabytes for minutes. This rewriter puts a check of the range's size in front of each range.
/// </summary>
internal sealed class BoundedRangeRewriter(int maxIterations) : AstRewriter
{
    /// <summary>The render's deadline, a <see cref="CancellationToken"/> in the context's ambient values.</summary>
    public const string DeadlineKey = "Bishan.Deadline";

    protected override Expression VisitRangeExpression(RangeExpression rangeExpression) =>
        new BoundedRange(rangeExpression, maxIterations);

    private sealed class BoundedRange(RangeExpression range, int maxIterations) : Expression
    {
        public override async ValueTask<FluidValue> EvaluateAsync(TemplateContext context)
        {
            if (context.AmbientValues.TryGetValue(DeadlineKey, out var d) && d is CancellationToken deadline)
                deadline.ThrowIfCancellationRequested();
            var from = (await range.From.EvaluateAsync(context)).ToNumberValue();
            var to = (await range.To.EvaluateAsync(context)).ToNumberValue();
            if (to - from + 1 > maxIterations) throw new LiquidRangeTooLargeException();
            return await range.EvaluateAsync(context);
        }
    }
}

/// <summary>A range larger than the iteration limit; <see cref="LiquidEvaluator"/> turns it into the limit's incident.</summary>
internal sealed class LiquidRangeTooLargeException : Exception;
