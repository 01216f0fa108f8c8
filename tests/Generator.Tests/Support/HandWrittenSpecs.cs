using OdeDsl.Generator.Model;

namespace OdeDsl.Generator.Tests.Support;

/// <summary>
/// Specs written by hand, derivatives worked out on paper, so the emitter can be tested apart from the
/// language's lowering and differentiation.
/// </summary>
internal static class HandWrittenSpecs
{
    private static SpecExpression X => new StateReference(0);
    private static SpecExpression Y => new StateReference(1);
    private static SpecExpression P(int index) => new ParameterReference(index);
    private static SpecExpression A(int index) => new CotangentReference(index);
    private static SpecExpression L(string name) => new LocalReference(name);
    private static SpecExpression Mul(SpecExpression a, SpecExpression b) => new BinaryExpression(BinaryOperator.Multiply, a, b);
    private static SpecExpression Add(SpecExpression a, SpecExpression b) => new BinaryExpression(BinaryOperator.Add, a, b);
    private static SpecExpression Sub(SpecExpression a, SpecExpression b) => new BinaryExpression(BinaryOperator.Subtract, a, b);
    private static SpecExpression Neg(SpecExpression a) => new UnaryExpression(UnaryOperator.Negate, a);

    /// <summary>x' = alpha x − beta x y, y' = delta x y − gamma y; aux prey = x; observe y ~ lognormal.</summary>
    public static SystemSpec LotkaVolterra()
    {
        var xy = new KernelStatement("xy", Mul(X, Y));
        var forward = new[]
        {
            xy,
            new KernelStatement("dx", Sub(Mul(P(0), X), Mul(P(1), L("xy"))), "lotka.ode:7  x' = alpha*x - beta*x*y"),
            new KernelStatement("dy", Sub(Mul(P(2), L("xy")), Mul(P(3), Y)), "lotka.ode:8  y' = delta*x*y - gamma*y"),
        };
        var derivative = new KernelSpec(
            forward.ToEquatableArray(),
            EquatableArray.Create(new KernelOutput(OutputTarget.Value, 0, L("dx")), new KernelOutput(OutputTarget.Value, 1, L("dy"))));
        var vjp = new KernelSpec(
            EquatableArray.Create(xy),
            EquatableArray.Create(
                new KernelOutput(OutputTarget.StateCotangent, 0, Add(Mul(A(0), Sub(P(0), Mul(P(1), Y))), Mul(A(1), Mul(P(2), Y)))),
                new KernelOutput(OutputTarget.StateCotangent, 1, Add(Mul(A(0), Neg(Mul(P(1), X))), Mul(A(1), Sub(Mul(P(2), X), P(3))))),
                new KernelOutput(OutputTarget.ParameterCotangent, 0, Mul(A(0), X)),
                new KernelOutput(OutputTarget.ParameterCotangent, 1, Neg(Mul(A(0), L("xy")))),
                new KernelOutput(OutputTarget.ParameterCotangent, 2, Mul(A(1), L("xy"))),
                new KernelOutput(OutputTarget.ParameterCotangent, 3, Neg(Mul(A(1), Y))),
                new KernelOutput(OutputTarget.TimeCotangent, 0, Constant.Zero)));
        var jacobian = new KernelSpec(
            EquatableArray<KernelStatement>.Empty,
            EquatableArray.Create(
                new KernelOutput(OutputTarget.Jacobian, 0, Sub(P(0), Mul(P(1), Y))),
                new KernelOutput(OutputTarget.Jacobian, 1, Neg(Mul(P(1), X))),
                new KernelOutput(OutputTarget.Jacobian, 2, Mul(P(2), Y)),
                new KernelOutput(OutputTarget.Jacobian, 3, Sub(Mul(P(2), X), P(3)))));
        var outputs = new KernelSpec(
            EquatableArray<KernelStatement>.Empty,
            EquatableArray.Create(new KernelOutput(OutputTarget.Value, 0, X), new KernelOutput(OutputTarget.Value, 1, Y)));
        var outputVjp = new KernelSpec(
            EquatableArray<KernelStatement>.Empty,
            EquatableArray.Create(
                new KernelOutput(OutputTarget.StateCotangent, 0, A(0)),
                new KernelOutput(OutputTarget.StateCotangent, 1, A(1))));
        var initial = new KernelSpec(
            EquatableArray.Create(new KernelStatement("x0", new Constant(10.0))),
            EquatableArray.Create(new KernelOutput(OutputTarget.Value, 0, L("x0")), new KernelOutput(OutputTarget.Value, 1, new BinaryExpression(BinaryOperator.Divide, P(0), P(1)))));
        return new SystemSpec(
            "LotkaVolterra",
            "lotka.ode",
            EquatableArray.Create(new VariableSpec("x", "x", 9), new VariableSpec("y", "y", 9)),
            EquatableArray.Create(new VariableSpec("alpha", "alpha"), new VariableSpec("beta", "beta"), new VariableSpec("delta", "delta"), new VariableSpec("gamma", "gamma")),
            EquatableArray.Create(1.1, 0.4, 0.1, 0.4),
            EquatableArray.Create(new OutputSpec("prey", OutputKind.Aux), new OutputSpec("predators", OutputKind.Observe, "lognormal")),
            EquatableArray.Create(new SolverOptionSpec("total", "15"), new SolverOptionSpec("meth", "5dp")),
            initial,
            derivative,
            vjp,
            jacobian,
            outputs,
            outputVjp);
    }

    /// <summary>Every operator and built-in function once, as y' terms of a one-state system, for the expression writers.</summary>
    public static SystemSpec AllFunctions(IReadOnlyList<(string Name, SpecExpression Value)> terms)
    {
        var statements = terms.Select(term => new KernelStatement(term.Name, term.Value)).ToList();
        var outputs = terms.Select((term, index) => new KernelOutput(OutputTarget.Value, index, L(term.Name))).ToList();
        var states = terms.Select((term, index) => new VariableSpec("s" + index, "s" + index)).ToList();
        var derivative = new KernelSpec(statements.ToEquatableArray(), outputs.ToEquatableArray());
        return new SystemSpec(
            "AllFunctions", "functions.ode", states.ToEquatableArray(),
            EquatableArray.Create(new VariableSpec("k", "k")), EquatableArray.Create(0.5),
            EquatableArray<OutputSpec>.Empty, EquatableArray<SolverOptionSpec>.Empty,
            KernelSpec.Empty, derivative, KernelSpec.Empty, KernelSpec.Empty, KernelSpec.Empty, KernelSpec.Empty);
    }
}
