using System.Globalization;
using System.Text;

namespace Bishan.Workflow.Engine.Expressions;

/// <summary>
/// A text writer that refuses to grow past a number of characters, so a template cannot fill the memory, and stops a
/// render whose deadline passed.
/// </summary>
internal sealed class BoundedTextWriter(int maxLength, CancellationToken deadline) : StringWriter(CultureInfo.InvariantCulture)
{
    public override void Write(char value)
    {
        Ensure(1);
        base.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        Ensure(count);
        base.Write(buffer, index, count);
    }

    public override void Write(string? value)
    {
        Ensure(value?.Length ?? 0);
        base.Write(value);
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        Ensure(buffer.Length);
        base.Write(buffer);
    }

    public override void Write(StringBuilder? value)
    {
        Ensure(value?.Length ?? 0);
        base.Write(value);
    }

    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(char[] buffer, int index, int count)
    {
        Write(buffer, index, count);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return Task.CompletedTask;
    }

    private void Ensure(int more)
    {
        deadline.ThrowIfCancellationRequested();
        if ((long)GetStringBuilder().Length + more > maxLength) throw new OutputTooLongException();
    }
}

/// <summary>Output past the limit; the evaluator turns it into the limit's incident.</summary>
internal sealed class OutputTooLongException : Exception;
