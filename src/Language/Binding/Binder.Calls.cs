using System.Collections.Immutable;
using OdeDsl.Language.Diagnostics;
using OdeDsl.Language.Syntax;

namespace OdeDsl.Language.Binding;

/// <summary>Binding calls: builtins with their shape rules, user functions (expanded in place) and networks.</summary>
public sealed partial class Binder
{
    /// <summary>XPPAUT functions OdeDsl does not offer, and why.</summary>
    private static readonly ImmutableDictionary<string, string> UnsupportedFunctions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ran"] = "random numbers make the model stochastic; pass noise in as an 'input'",
        ["normal"] = "random numbers make the model stochastic; pass noise in as an 'input'",
        ["poisson"] = "random numbers make the model stochastic; pass noise in as an 'input'",
        ["besselj"] = "Bessel functions are not available",
        ["bessely"] = "Bessel functions are not available",
        ["erf"] = "the error function is not available; sigmoid or tanh give smooth steps",
        ["erfc"] = "the error function is not available; sigmoid or tanh give smooth steps",
        ["gamma"] = "the gamma function is not available",
        ["lgamma"] = "the gamma function is not available",
        ["shift"] = "array shifts are not available; index vectors with z[i] instead",
        ["del_shft"] = "delayed array shifts are outside the ODE subset",
        ["hom_bcs"] = "boundary-value problems are outside the ODE subset",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>Deeper chains of functions calling functions are refused, which bounds the depth of expansion.</summary>
    private const int MaxExpansionDepth = 64;

    private bool reportedDeepExpansion;

    private BoundExpression BindCall(CallExpressionSyntax call, BindingContext context)
    {
        var name = call.Function.Name;
        if (BuiltinFunctionInfo.ByName.TryGetValue(name, out var builtin))
        {
            return BindBuiltinCall(call, builtin, context);
        }

        if (functions.TryGetValue(name, out var function))
        {
            return ExpandUserFunction(call, function, context);
        }

        if (names.TryGetValue(name, out var entry) && entry.Kind == NameKind.Net && symbols.TryGetValue(name, out var symbol))
        {
            return BindNetCall(call, (NetSymbol)symbol, context);
        }

        if (name == "delay")
        {
            diagnostics.Report(DiagnosticDescriptors.UnsupportedDelay, call.Function.Span);
            return new BoundErrorExpression(call.Span);
        }

        if (UnsupportedFunctions.TryGetValue(name, out var reason))
        {
            diagnostics.Report(DiagnosticDescriptors.UnsupportedFunction, call.Function.Span, name, reason);
            return new BoundErrorExpression(call.Span);
        }

        string help;
        if (entry is not null)
        {
            help = $"; '{name}' is {entry.Description}";
        }
        else
        {
            var candidates = BuiltinFunctionInfo.ByName.Keys.Concat(functions.Keys)
                .Concat(names.Values.Where(e => e.Kind == NameKind.Net).Select(e => e.Name));
            var suggestion = NameSuggester.Suggest(name, candidates);
            help = suggestion is null ? "; define it with " + name + "(x) = ..." : $"; did you mean '{suggestion}'?";
        }

        diagnostics.Report(DiagnosticDescriptors.UnknownFunction, call.Function.Span, name, help);
        return new BoundErrorExpression(call.Span);
    }

    private BoundExpression BindBuiltinCall(CallExpressionSyntax call, BuiltinFunctionInfo builtin, BindingContext context)
    {
        if (call.Arguments.Length != builtin.Arity)
        {
            diagnostics.Report(DiagnosticDescriptors.WrongArgumentCount, call.Span, builtin.Name, Arguments(builtin.Arity), call.Arguments.Length);
            return new BoundErrorExpression(call.Span);
        }

        var arguments = call.Arguments.Select(a => BindExpression(a, context)).ToImmutableArray();
        if (arguments.Any(IsError))
        {
            return new BoundErrorExpression(call.Span);
        }

        Shape? shape = builtin.ShapeRule switch
        {
            BuiltinShapeRule.Reduction => Shape.Scalar,
            BuiltinShapeRule.DotProduct => arguments[0].Shape.IsVector && arguments[0].Shape == arguments[1].Shape ? Shape.Scalar : null,
            _ => arguments.Skip(1).Aggregate<BoundExpression, Shape?>(arguments[0].Shape, (s, a) => s is null ? null : Broadcast(s, a.Shape)),
        };
        if (shape is null)
        {
            var shapes = string.Join(" and ", arguments.Select(a => a.Shape));
            var rule = builtin.ShapeRule == BuiltinShapeRule.DotProduct ? "two vectors of one length" : "arguments of equal shapes or scalars";
            diagnostics.Report(DiagnosticDescriptors.ShapeMismatch, call.Span, $"'{builtin.Name}' needs {rule}, but is given {shapes}");
            return new BoundErrorExpression(call.Span);
        }

        return new BoundCallExpression(builtin.Function, arguments, shape, call.Span);
    }

    /// <summary>Binds the body with the parameters standing for the bound arguments; the body sees only its parameters and the model's names.</summary>
    private BoundExpression ExpandUserFunction(CallExpressionSyntax call, FunctionDefinitionSyntax function, BindingContext context)
    {
        if (call.Arguments.Length != function.Parameters.Length)
        {
            diagnostics.Report(DiagnosticDescriptors.WrongArgumentCount, call.Span, function.Name.Name, Arguments(function.Parameters.Length), call.Arguments.Length);
            return new BoundErrorExpression(call.Span);
        }

        if (context.Expanding.Contains(function.Name.Name))
        {
            // Recursion was reported once, where the cycle closes; stop expanding.
            return new BoundErrorExpression(call.Span);
        }

        if (context.Expanding.Count() >= MaxExpansionDepth)
        {
            // One report is enough: every caller of a too-deep chain would repeat it.
            if (!reportedDeepExpansion)
            {
                diagnostics.Report(DiagnosticDescriptors.FunctionNestingTooDeep, call.Function.Span, function.Name.Name, MaxExpansionDepth);
                reportedDeepExpansion = true;
            }

            return new BoundErrorExpression(call.Span);
        }

        var arguments = call.Arguments.Select(a => BindExpression(a, context)).ToImmutableArray();
        if (arguments.Any(IsError))
        {
            return new BoundErrorExpression(call.Span);
        }

        var parameters = ImmutableDictionary.CreateBuilder<string, BoundExpression>(StringComparer.Ordinal);
        for (var i = 0; i < arguments.Length; i++)
        {
            parameters[function.Parameters[i].Name] = arguments[i];
        }

        var bodyContext = context with
        {
            Arguments = parameters.ToImmutable(),
            Expanding = context.Expanding.Push(function.Name.Name),
        };
        return BindExpression(function.Body, bodyContext);
    }

    /// <summary>`f(z)` with a vector of the input width, or `f(x, y)` with one scalar per input.</summary>
    private BoundExpression BindNetCall(CallExpressionSyntax call, NetSymbol net, BindingContext context)
    {
        if (context.Level == DependencyLevel.Constant)
        {
            ReportLevel(call.Function, context, "a network", net.Name);
            return new BoundErrorExpression(call.Span);
        }

        var arguments = call.Arguments.Select(a => BindExpression(a, context)).ToImmutableArray();
        if (arguments.Any(IsError))
        {
            return new BoundErrorExpression(call.Span);
        }

        BoundExpression? input = arguments.Length switch
        {
            1 when arguments[0].Shape == Shape.Vector(net.InputSize) => arguments[0],
            _ when arguments.Length == net.InputSize && arguments.All(a => a.Shape.IsScalar) =>
                new BoundVectorLiteral(arguments, Shape.Vector(net.InputSize), call.Span),
            _ => null,
        };
        if (input is null)
        {
            var given = arguments.Length == 1 ? arguments[0].Shape.ToString() : $"{arguments.Length} arguments ({string.Join(", ", arguments.Select(a => a.Shape))})";
            diagnostics.Report(DiagnosticDescriptors.ShapeMismatch, call.Span, $"network '{net.Name}' takes a vector of {net.InputSize} (or {net.InputSize} scalars), but is given {given}");
            return new BoundErrorExpression(call.Span);
        }

        return new BoundNetCall(net, input, call.Span);
    }

    private static string Arguments(int count) => count == 1 ? "1 argument" : $"{count} arguments";
}
