using System.Globalization;
using System.Text;

namespace OdeDsl.Language.IR;

/// <summary>
/// Readable text for IR: <see cref="Format"/> writes one expression inline (shared nodes repeated);
/// <see cref="Listing"/> writes the DAG as numbered assignments, one per operation, so sharing is visible.
/// Leaves print as <c>z[i]</c>, <c>θ[j]</c>, <c>u[k]</c>, <c>a[i]</c>, <c>t</c> unless names are given.
/// </summary>
public static class IrPrinter
{
    /// <summary>
    /// Inline text repeats shared nodes, so a deep DAG could expand exponentially; <see cref="Format"/>
    /// stops at this many characters (and so also bounds its recursion depth).
    /// </summary>
    public const int MaxInlineLength = 4000;

    public static string Format(IrNode node, IrNames? names = null)
    {
        var text = new StringBuilder();
        Write(text, node, names ?? IrNames.Default, inline: null);
        return text.ToString();
    }

    /// <summary>
    /// One line per operation node (<c>v12 = v3 * z[0]</c>), then one line per output
    /// (<c>out[0] = v12</c>).
    /// </summary>
    public static string Listing(IReadOnlyList<IrNode> outputs, IrNames? names = null)
    {
        names ??= IrNames.Default;
        var text = new StringBuilder();
        var temporaries = new HashSet<IrNode>();
        foreach (var node in IrSchedule.Order(outputs).Where(node => !node.Operation.IsLeaf()))
        {
            text.Append('v').Append(node.Id).Append(" = ");
            WriteOperation(text, node, names, temporaries);
            text.AppendLine();
            temporaries.Add(node);
        }
        for (var i = 0; i < outputs.Count; i++)
        {
            text.Append("out[").Append(i).Append("] = ");
            Write(text, outputs[i], names, temporaries);
            text.AppendLine();
        }
        return text.ToString();
    }

    private static void Write(StringBuilder text, IrNode node, IrNames names, HashSet<IrNode>? inline)
    {
        if (inline is null && text.Length >= MaxInlineLength)
        {
            if (text[text.Length - 1] != '…') text.Append('…');
            return;
        }
        if (inline is not null && inline.Contains(node))
        {
            text.Append('v').Append(node.Id);
            return;
        }
        switch (node.Operation)
        {
            case IrOperation.Constant:
                text.Append(node.Value.ToString("R", CultureInfo.InvariantCulture));
                return;
            case IrOperation.State:
                text.Append(names.State(node.Index));
                return;
            case IrOperation.Parameter:
                text.Append(names.Parameter(node.Index));
                return;
            case IrOperation.Input:
                text.Append(names.Input(node.Index));
                return;
            case IrOperation.Cotangent:
                text.Append("a[").Append(node.Index).Append(']');
                return;
            case IrOperation.Time:
                text.Append('t');
                return;
            default:
                // Function calls carry their own parentheses; operators get one pair each.
                var needsParentheses = Infix(node.Operation) is not null
                    || node.Operation is IrOperation.Negate or IrOperation.Conditional;
                if (needsParentheses) text.Append('(');
                WriteOperation(text, node, names, inline);
                if (needsParentheses) text.Append(')');
                return;
        }
    }

    private static void WriteOperation(StringBuilder text, IrNode node, IrNames names, HashSet<IrNode>? inline)
    {
        var operands = node.Operands;
        var symbol = Infix(node.Operation);
        if (symbol is not null)
        {
            Write(text, operands[0], names, inline);
            text.Append(' ').Append(symbol).Append(' ');
            Write(text, operands[1], names, inline);
        }
        else if (node.Operation == IrOperation.Negate)
        {
            text.Append('-');
            Write(text, operands[0], names, inline);
        }
        else if (node.Operation == IrOperation.Conditional)
        {
            Write(text, operands[0], names, inline);
            text.Append(" ? ");
            Write(text, operands[1], names, inline);
            text.Append(" : ");
            Write(text, operands[2], names, inline);
        }
        else
        {
            text.Append(node.Operation.FunctionName()).Append('(');
            for (var i = 0; i < operands.Length; i++)
            {
                if (i > 0) text.Append(", ");
                Write(text, operands[i], names, inline);
            }
            text.Append(')');
        }
    }

    private static string? Infix(IrOperation operation) => operation switch
    {
        IrOperation.Add => "+",
        IrOperation.Subtract => "-",
        IrOperation.Multiply => "*",
        IrOperation.Divide => "/",
        IrOperation.Power => "^",
        IrOperation.Less => "<",
        IrOperation.LessOrEqual => "<=",
        IrOperation.Greater => ">",
        IrOperation.GreaterOrEqual => ">=",
        IrOperation.Equal => "==",
        IrOperation.NotEqual => "!=",
        IrOperation.And => "&",
        IrOperation.Or => "|",
        _ => null,
    };
}
