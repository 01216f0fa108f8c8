using System.Collections.Immutable;
using System.Reflection;

namespace OdeDsl.Language.Diagnostics;

/// <summary>
/// Every diagnostic the language can report, in one table. Codes are stable and never reused:
/// ODE1xxx syntax, ODE2xxx names and shapes, ODE3xxx XPPAUT features outside the ODE subset,
/// ODE4xxx differentiability and solver options. docs/diagnostics.md has an example and a fix
/// for each; a test keeps the two in step.
/// </summary>
public static class DiagnosticDescriptors
{
    private const DiagnosticSeverity Error = DiagnosticSeverity.Error;
    private const DiagnosticSeverity Warning = DiagnosticSeverity.Warning;
    private const DiagnosticSeverity Info = DiagnosticSeverity.Info;

    // ODE1xxx: syntax
    public static readonly DiagnosticDescriptor SyntaxError = new("ODE1001", "Syntax error", Error, "unexpected {0}; expected {1}");
    public static readonly DiagnosticDescriptor UnterminatedConditional = new("ODE1002", "Unterminated if-then-else", Error, "'if(...)' must be followed by 'then(...)' and 'else(...)'; expected {0}");
    public static readonly DiagnosticDescriptor UnrecognizedStatement = new("ODE1003", "Unrecognized statement", Error, "cannot read this line as a statement: expected an equation (x' = ...), a definition (name = ...) or a keyword such as par, init, aux");
    public static readonly DiagnosticDescriptor EmptyFile = new("ODE1004", "Empty model", Error, "the file contains no statements; a model needs at least one equation such as x' = -x");
    public static readonly DiagnosticDescriptor BinaryFile = new("ODE1005", "Binary file", Error, "the file contains a NUL character at offset {0}; a model must be plain text");
    public static readonly DiagnosticDescriptor LineTooLong = new("ODE1006", "Line too long", Error, "this line is {0} characters long; lines may have at most {1} (split it with '\\' continuations or intermediate quantities)");
    public static readonly DiagnosticDescriptor NestingTooDeep = new("ODE1007", "Nesting too deep", Error, "brackets are nested {0} levels deep; at most {1} are allowed");
    public static readonly DiagnosticDescriptor InvalidCharacter = new("ODE1008", "Invalid character", Error, "the character {0} cannot appear in a model");
    public static readonly DiagnosticDescriptor InvalidArrayRange = new("ODE1009", "Invalid array range", Error, "the array range [{0}..{1}] is empty or too large; write [low..high] with low <= high and at most {2} elements");
    public static readonly DiagnosticDescriptor ContinuationAtEndOfFile = new("ODE1010", "Continuation at end of file", Error, "the line ends with '\\' but no line follows it");
    public static readonly DiagnosticDescriptor InvalidNumber = new("ODE1011", "Invalid number", Error, "'{0}' is not a valid number");

    // ODE2xxx: names and shapes
    public static readonly DiagnosticDescriptor UndefinedName = new("ODE2001", "Undefined name", Error, "'{0}' is not defined{1}");
    public static readonly DiagnosticDescriptor StateWithoutEquation = new("ODE2002", "State without equation", Error, "state '{0}' has no equation; add {0}' = ...");
    public static readonly DiagnosticDescriptor DuplicateEquation = new("ODE2003", "Duplicate equation", Error, "state '{0}' already has an equation (line {1}); a state has exactly one");
    public static readonly DiagnosticDescriptor DuplicateDefinition = new("ODE2004", "Duplicate definition", Error, "'{0}' is already defined as {1} (line {2}); choose another name");
    public static readonly DiagnosticDescriptor UnknownFunction = new("ODE2005", "Unknown function", Error, "'{0}' is not a known function{1}");
    public static readonly DiagnosticDescriptor WrongArgumentCount = new("ODE2006", "Wrong number of arguments", Error, "'{0}' takes {1} but is given {2}");
    public static readonly DiagnosticDescriptor ShapeMismatch = new("ODE2007", "Shape mismatch", Error, "{0}");
    public static readonly DiagnosticDescriptor RecursiveFunction = new("ODE2008", "Recursive function", Error, "user function '{0}' calls itself ({1}); user functions may not be recursive");
    public static readonly DiagnosticDescriptor CircularDefinition = new("ODE2009", "Circular definition", Error, "'{0}' depends on itself ({1}); break the cycle");
    public static readonly DiagnosticDescriptor IndexOutOfRange = new("ODE2010", "Index out of range", Error, "index {0} is outside {1} (indices start at 0)");
    public static readonly DiagnosticDescriptor ReservedName = new("ODE2011", "Reserved name", Error, "'{0}' is reserved ({1}) and cannot be defined");
    public static readonly DiagnosticDescriptor InitialValueOfNonState = new("ODE2012", "Initial value of a non-state", Error, "'{0}' is {1}, not a state; only states have initial values");
    public static readonly DiagnosticDescriptor InvalidConstraint = new("ODE2013", "Invalid constraint", Error, "{0}");
    public static readonly DiagnosticDescriptor NetUsedAsValue = new("ODE2014", "Net used as a value", Error, "'{0}' is a network; apply it to an input, as in {0}(z)");
    public static readonly DiagnosticDescriptor InvalidNetDeclaration = new("ODE2015", "Invalid network", Error, "{0}");
    public static readonly DiagnosticDescriptor InvalidAugment = new("ODE2016", "Invalid augment", Error, "{0}");
    public static readonly DiagnosticDescriptor InvalidDependency = new("ODE2017", "Invalid dependency", Error, "{0} '{1}' cannot depend on {2} '{3}': {4}");
    public static readonly DiagnosticDescriptor ParameterExpression = new("ODE2018", "Expression in par", Warning, "XPPAUT reads only the leading number of 'par {0}={1}'; OdeDsl evaluates the whole expression (= {2}); write '!{0}={1}' to mean the same in both");
    public static readonly DiagnosticDescriptor NoEquations = new("ODE2019", "No equations", Error, "the model has no state equations; add one such as x' = -x");
    public static readonly DiagnosticDescriptor IndexNotConstant = new("ODE2020", "Index not constant", Error, "an index must be an integer constant, not {0}");
    public static readonly DiagnosticDescriptor DuplicateSystemName = new("ODE2021", "Duplicate system name", Error, "the system is already named '{0}' (line {1})");
    public static readonly DiagnosticDescriptor DuplicateFunctionParameter = new("ODE2022", "Duplicate function parameter", Error, "parameter '{0}' appears twice in the definition of '{1}'");
    public static readonly DiagnosticDescriptor InvalidDimension = new("ODE2023", "Invalid dimension", Error, "dimension '{0}' must be a positive integer of at most {1}");
    public static readonly DiagnosticDescriptor NotIndexable = new("ODE2024", "Not indexable", Error, "'{0}' is {1} and cannot be indexed");
    public static readonly DiagnosticDescriptor FunctionUsedAsValue = new("ODE2025", "Function used as a value", Error, "'{0}' is a function; call it with arguments, as in {0}(x)");
    public static readonly DiagnosticDescriptor UnknownDistribution = new("ODE2028", "Unknown distribution", Error, "'{0}' is not a known observation distribution; use '~ normal' or '~ lognormal'");
    public static readonly DiagnosticDescriptor InvalidStateShape = new("ODE2029", "Invalid state shape", Error, "state '{0}' is declared as {1}; a state is a scalar or a vector");
    public static readonly DiagnosticDescriptor FunctionNestingTooDeep = new("ODE2030", "Function calls nested too deep", Error, "calling '{0}' nests user functions more than {1} deep; call fewer functions from within functions");
    public static readonly DiagnosticDescriptor CaseOnlyDifference = new("ODE2027", "Names differ only in case", Warning, "'{0}' and '{1}' differ only in case; XPPAUT treats them as the same name");

    // ODE3xxx: XPPAUT features outside the ODE subset
    public static readonly DiagnosticDescriptor UnsupportedTable = new("ODE3001", "Tables not supported", Error, "'table' is not supported: tabulated functions are not differentiable; fit a smooth function or use an 'input' covariate");
    public static readonly DiagnosticDescriptor UnsupportedMarkov = new("ODE3002", "Markov chains not supported", Error, "'markov' is not supported: OdeDsl models deterministic ODEs only");
    public static readonly DiagnosticDescriptor UnsupportedWiener = new("ODE3003", "Wiener processes not supported", Error, "'wiener' is not supported: OdeDsl models deterministic ODEs only");
    public static readonly DiagnosticDescriptor UnsupportedGlobal = new("ODE3004", "Global flags not supported", Error, "'global' is not supported: events and discontinuous resets are outside the differentiable ODE subset");
    public static readonly DiagnosticDescriptor UnsupportedDelay = new("ODE3005", "Delays not supported", Error, "'delay' is not supported: delay differential equations are outside the ODE subset");
    public static readonly DiagnosticDescriptor UnsupportedVolterra = new("ODE3006", "Volterra integrals not supported", Error, "Volterra integrals ('int{...}') are not supported: integro-differential equations are outside the ODE subset");
    public static readonly DiagnosticDescriptor UnsupportedMap = new("ODE3007", "Maps not supported", Error, "discrete maps ('{0}(t+1) = ...') are not supported: OdeDsl models continuous-time ODEs only");
    public static readonly DiagnosticDescriptor UnsupportedSpecial = new("ODE3008", "Special functions not supported", Error, "'special' is not supported: network-style special functions are outside the ODE subset; write the sums out or use a vector state");
    public static readonly DiagnosticDescriptor UnsupportedSet = new("ODE3009", "Parameter sets not supported", Error, "'set' is not supported: pass alternative parameter values to the solver or fit instead");
    public static readonly DiagnosticDescriptor UnsupportedDiscreteMethod = new("ODE3010", "Discrete method not supported", Error, "'meth=discrete' is not supported: OdeDsl integrates continuous-time ODEs only");
    public static readonly DiagnosticDescriptor UnsupportedStatement = new("ODE3011", "XPPAUT statement not supported", Error, "'{0}' is not supported: {1}");
    public static readonly DiagnosticDescriptor UnsupportedFunction = new("ODE3012", "XPPAUT function not supported", Error, "'{0}' is not supported: {1}");

    // ODE4xxx: differentiability and solver options
    public static readonly DiagnosticDescriptor NotDifferentiable = new("ODE4001", "Not differentiable", Error, "'{0}' is not differentiable, but a derivative flows through it here ({1}); move it where no derivative is needed, such as an 'aux' output");
    public static readonly DiagnosticDescriptor IgnoredOption = new("ODE4002", "Option ignored", Info, "option '{0}' only affects XPPAUT's display and is ignored");
    public static readonly DiagnosticDescriptor NonNumericOption = new("ODE4003", "Non-numeric option value", Error, "option '{0}' needs a number, not '{1}'");
    public static readonly DiagnosticDescriptor UnknownMethod = new("ODE4004", "Unknown method", Error, "'{0}' is not a known integration method{1}; use one of {2}");
    public static readonly DiagnosticDescriptor OptionOutOfRange = new("ODE4005", "Option out of range", Error, "option '{0}' must be {1}, not {2}");
    public static readonly DiagnosticDescriptor UnknownOption = new("ODE4006", "Unknown option", Warning, "'{0}' is not a known option and is ignored{1}");
    public static readonly DiagnosticDescriptor DuplicateOption = new("ODE4007", "Duplicate option", Warning, "option '{0}' is set twice; the last value ({1}) is used");

    /// <summary>Every descriptor, in code order.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .OrderBy(d => d.Code, StringComparer.Ordinal)
        .ToImmutableArray();
}
