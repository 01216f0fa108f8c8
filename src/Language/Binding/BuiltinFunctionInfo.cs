using System.Collections.Immutable;

namespace OdeDsl.Language.Binding;

public enum BuiltinShapeRule
{
    /// <summary>Applied per element; arguments broadcast against each other.</summary>
    Elementwise,
    /// <summary>Reduces a vector to a scalar (`sum`).</summary>
    Reduction,
    /// <summary>Two vectors of one length to a scalar (`dot`).</summary>
    DotProduct,
}

/// <summary>A builtin's spelling(s), arity and shape rule; <see cref="IsDifferentiable"/> is false for `flr`/`ceil`, whose derivative is undefined at steps and zero elsewhere.</summary>
public sealed record BuiltinFunctionInfo(string Name, BuiltinFunction Function, int Arity, BuiltinShapeRule ShapeRule, bool IsDifferentiable = true)
{
    /// <summary>Every builtin by name, aliases included.</summary>
    public static ImmutableDictionary<string, BuiltinFunctionInfo> ByName { get; } = new BuiltinFunctionInfo[]
    {
        new("sin", BuiltinFunction.Sin, 1, BuiltinShapeRule.Elementwise),
        new("cos", BuiltinFunction.Cos, 1, BuiltinShapeRule.Elementwise),
        new("tan", BuiltinFunction.Tan, 1, BuiltinShapeRule.Elementwise),
        new("asin", BuiltinFunction.Asin, 1, BuiltinShapeRule.Elementwise),
        new("acos", BuiltinFunction.Acos, 1, BuiltinShapeRule.Elementwise),
        new("atan", BuiltinFunction.Atan, 1, BuiltinShapeRule.Elementwise),
        new("atan2", BuiltinFunction.Atan2, 2, BuiltinShapeRule.Elementwise),
        new("sinh", BuiltinFunction.Sinh, 1, BuiltinShapeRule.Elementwise),
        new("cosh", BuiltinFunction.Cosh, 1, BuiltinShapeRule.Elementwise),
        new("tanh", BuiltinFunction.Tanh, 1, BuiltinShapeRule.Elementwise),
        new("exp", BuiltinFunction.Exp, 1, BuiltinShapeRule.Elementwise),
        new("log", BuiltinFunction.Log, 1, BuiltinShapeRule.Elementwise),
        new("ln", BuiltinFunction.Log, 1, BuiltinShapeRule.Elementwise),
        new("log10", BuiltinFunction.Log10, 1, BuiltinShapeRule.Elementwise),
        new("sqrt", BuiltinFunction.Sqrt, 1, BuiltinShapeRule.Elementwise),
        new("abs", BuiltinFunction.Abs, 1, BuiltinShapeRule.Elementwise),
        new("sign", BuiltinFunction.Sign, 1, BuiltinShapeRule.Elementwise),
        new("heav", BuiltinFunction.Heaviside, 1, BuiltinShapeRule.Elementwise),
        new("min", BuiltinFunction.Min, 2, BuiltinShapeRule.Elementwise),
        new("max", BuiltinFunction.Max, 2, BuiltinShapeRule.Elementwise),
        new("mod", BuiltinFunction.Mod, 2, BuiltinShapeRule.Elementwise),
        new("pow", BuiltinFunction.Pow, 2, BuiltinShapeRule.Elementwise),
        new("sigmoid", BuiltinFunction.Sigmoid, 1, BuiltinShapeRule.Elementwise),
        new("relu", BuiltinFunction.Relu, 1, BuiltinShapeRule.Elementwise),
        new("softplus", BuiltinFunction.Softplus, 1, BuiltinShapeRule.Elementwise),
        new("elu", BuiltinFunction.Elu, 1, BuiltinShapeRule.Elementwise),
        new("flr", BuiltinFunction.Floor, 1, BuiltinShapeRule.Elementwise, IsDifferentiable: false),
        new("ceil", BuiltinFunction.Ceiling, 1, BuiltinShapeRule.Elementwise, IsDifferentiable: false),
        new("sum", BuiltinFunction.Sum, 1, BuiltinShapeRule.Reduction),
        new("dot", BuiltinFunction.Dot, 2, BuiltinShapeRule.DotProduct),
    }.ToImmutableDictionary(info => info.Name, StringComparer.Ordinal);
}
