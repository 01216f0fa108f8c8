using System.Collections.Immutable;
using System.Globalization;
using OdeDsl.Language.Diagnostics;
using OdeDsl.Language.Syntax;

namespace OdeDsl.Language.Binding;

/// <summary>
/// Reads `@` options into <see cref="SolverOptions"/>: simulation options are checked and kept,
/// XPPAUT's display and continuation options are accepted and ignored with an info diagnostic,
/// anything else gets a warning with the nearest known option. Option names ignore case, as in XPPAUT.
/// </summary>
internal static class OptionBinder
{
    private static readonly ImmutableHashSet<string> NumericOptions = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase, "total", "dt", "t0", "trans", "nout", "tol", "atol", "dtmin", "dtmax", "bound", "maxstor");

    private static readonly ImmutableHashSet<string> IgnoredOptions = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "xp", "yp", "zp", "xlo", "xhi", "ylo", "yhi", "zlo", "zhi", "nplot", "axes", "bell", "back", "lt", "phi", "theta",
        "njmp", "output", "logfile", "colormap", "plotfmt", "nmesh", "bounds", "seed", "delay", "jac_eps", "newt_tol", "newt_iter",
        "dfgrid", "dfdraw", "ncdraw", "nullcline", "smc", "umc", "xnc", "ync", "xmin", "xmax", "ymin", "ymax", "noout", "poimap",
        "poivar", "poipln", "poisgn", "poistop", "rangeover", "rangestep", "rangelow", "rangehigh", "rangereset", "rangeoldic",
        "range", "parmin", "parmax", "ds", "dsmin", "dsmax", "ntst", "nmax", "npr", "epsl", "epsu", "epss", "normmin", "normmax",
        "autoxmin", "autoxmax", "autoymin", "autoymax", "autovar", "ncol", "runnow", "maxtor", "bandlo", "bandup", "ntheta",
        "ylabel", "xlabel", "zlabel", "lt2", "tor_per", "fold", "bvp_tol", "bvp_eps", "bvp_maxit", "ic", "atoler", "toler", "method_eps");

    public static SolverOptions Bind(IReadOnlyList<OptionSyntax> options, DiagnosticBag diagnostics)
    {
        var result = SolverOptions.Default;
        var seen = new Dictionary<string, OptionSyntax>(StringComparer.OrdinalIgnoreCase);
        foreach (var option in options)
        {
            var name = option.Name.Name.ToLowerInvariant();
            if (name is "meth" or "method")
            {
                name = "meth";
            }

            if (seen.ContainsKey(name) && (name == "meth" || NumericOptions.Contains(name)))
            {
                diagnostics.Report(DiagnosticDescriptors.DuplicateOption, option.Name.Span, option.Name.Name, option.Value);
            }

            seen[name] = option;
            if (name == "meth")
            {
                result = BindMethod(option, result, diagnostics);
            }
            else if (NumericOptions.Contains(name))
            {
                result = BindNumeric(name, option, result, diagnostics);
            }
            else if (IgnoredOptions.Contains(name) || IsNumberedPlotOption(name))
            {
                diagnostics.Report(DiagnosticDescriptors.IgnoredOption, option.Span, option.Name.Name);
            }
            else
            {
                var suggestion = NameSuggester.Suggest(name, NumericOptions.Append("meth"));
                diagnostics.Report(DiagnosticDescriptors.UnknownOption, option.Name.Span, option.Name.Name, suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?");
            }
        }

        return result;
    }

    /// <summary>`xp2`, `yp3`: XPPAUT's extra curves.</summary>
    private static bool IsNumberedPlotOption(string name) =>
        name.Length > 2 && name[0] is 'x' or 'y' or 'z' && name[1] == 'p' && name.Skip(2).All(char.IsDigit);

    private static SolverOptions BindMethod(OptionSyntax option, SolverOptions options, DiagnosticBag diagnostics)
    {
        var value = option.Value;
        if (value.Equals("discrete", StringComparison.OrdinalIgnoreCase) || value.Equals("d", StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Report(DiagnosticDescriptors.UnsupportedDiscreteMethod, option.ValueSpan);
            return options;
        }

        if (!SolverMethods.ByName.TryGetValue(value, out var method))
        {
            var suggestion = NameSuggester.Suggest(value.ToLowerInvariant(), SolverMethods.ByName.Keys.Where(k => k.Length > 2));
            diagnostics.Report(
                DiagnosticDescriptors.UnknownMethod, option.ValueSpan, value, suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)",
                string.Join(", ", SolverMethods.RuntimeNames) + " or an XPPAUT method such as rungekutta, 5dp, 83dp, stiff, cvode");
            return options;
        }

        return options with { Method = method, MethodAsWritten = value };
    }

    private static SolverOptions BindNumeric(string name, OptionSyntax option, SolverOptions options, DiagnosticBag diagnostics)
    {
        if (!double.TryParse(option.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value) || double.IsInfinity(value))
        {
            diagnostics.Report(DiagnosticDescriptors.NonNumericOption, option.ValueSpan, option.Name.Name, option.Value);
            return options;
        }

        string? requirement = name switch
        {
            "total" or "dt" or "tol" or "atol" or "dtmin" or "dtmax" or "bound" when !(value > 0) => "greater than 0",
            "trans" when value < 0 => "0 or more",
            "nout" or "maxstor" when !(value >= 1 && value == Math.Floor(value) && value <= int.MaxValue) => "a whole number of at least 1",
            _ => null,
        };
        if (requirement is not null)
        {
            diagnostics.Report(DiagnosticDescriptors.OptionOutOfRange, option.ValueSpan, option.Name.Name, requirement, option.Value);
            return options;
        }

        return name switch
        {
            "total" => options with { Total = value },
            "dt" => options with { Dt = value },
            "t0" => options with { T0 = value },
            "trans" => options with { Transient = value },
            "nout" => options with { Nout = (int)value },
            "tol" => options with { Rtol = value },
            "atol" => options with { Atol = value },
            "dtmin" => options with { DtMin = value },
            "dtmax" => options with { DtMax = value },
            "bound" => options with { Bound = value },
            _ => options with { MaxStored = (int)value },
        };
    }
}
