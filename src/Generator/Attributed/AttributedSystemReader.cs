using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OdeDsl.Generator.Model;

namespace OdeDsl.Generator.Attributed;

/// <summary>
/// Reads an <c>[OdeSystem]</c> class into an <see cref="AttributedSystem"/>: the same model as <c>.ode</c>
/// text, so that both forms go through one compiler and give identical code. Each statement is
/// placed on the line number of the C# member it comes from, so comments and diagnostics line up.
/// </summary>
public static class AttributedSystemReader
{
    public const string AttributeName = "OdeDsl.Runtime.Modeling.OdeSystemAttribute";

    /// <summary>Reads the class; a bug while reading becomes ODE5999 on the class, never an exception in the compiler.</summary>
    public static AttributedSystem Read(ClassDeclarationSyntax declaration, string? systemName, CancellationToken cancellationToken)
    {
        try
        {
            return ReadClass(declaration, systemName, cancellationToken);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            var failure = Info(Descriptors.InternalError, declaration, exception.GetType().Name + ": " + exception.Message);
            return new AttributedSystem(Target(declaration), declaration.SyntaxTree.FilePath, "", EquatableArray<LineSpan>.Empty, EquatableArray.Create(failure));
        }
    }

    private static AttributedSystem ReadClass(ClassDeclarationSyntax declaration, string? systemName, CancellationToken cancellationToken)
    {
        var tree = declaration.SyntaxTree;
        var path = tree.FilePath;
        var lines = new SortedDictionary<int, string>();
        var spans = new List<LineSpan>();
        var diagnostics = new List<DiagnosticInfo>();
        var translator = new CSharpExpressionTranslator();

        void Place(SyntaxNode source, string statement)
        {
            var line = source.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
            while (lines.ContainsKey(line)) line++;
            lines[line] = statement;
            spans.Add(Span(line, source));
        }

        void Error(SyntaxNode node, string message) => diagnostics.Add(Info(Descriptors.UnsupportedCSharp, node, message));

        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            Error(declaration, $"the [OdeSystem] class '{declaration.Identifier.ValueText}' must be declared 'partial' so the generator can complete it");
        }
        if (declaration.TypeParameterList is not null)
        {
            Error(declaration.TypeParameterList, "an [OdeSystem] class cannot be generic");
        }
        Place(declaration, "system " + (systemName ?? declaration.Identifier.ValueText));

        var fields = declaration.Members.OfType<FieldDeclarationSyntax>().ToList();
        var states = new HashSet<string>();
        foreach (var field in fields)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var kind = AttributeNames(field.AttributeLists).FirstOrDefault(name => name is "State" or "Par" or "Learn");
            if (kind is null) continue;
            var declarators = new List<string>();
            foreach (var variable in field.Declaration.Variables)
            {
                var value = variable.Initializer is null ? "0" : translator.Translate(variable.Initializer.Value);
                declarators.Add(variable.Identifier.ValueText + "=" + value);
                if (kind == "State") states.Add(variable.Identifier.ValueText);
            }
            switch (kind)
            {
                case "State":
                    Place(field, "init " + string.Join(", ", declarators));
                    break;
                case "Par":
                    Place(field, "par " + string.Join(", ", declarators));
                    break;
                default:
                    var constraint = LearnConstraint(Attribute(field.AttributeLists, "Learn")!, Error);
                    foreach (var declarator in declarators) Place(field, "learn " + declarator + constraint);
                    break;
            }
        }

        foreach (var property in declaration.Members.OfType<PropertyDeclarationSyntax>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = property.Identifier.ValueText;
            var body = property.ExpressionBody?.Expression ?? SingleReturn(property);
            if (body is null)
            {
                Error(property, $"the property '{name}' must be expression-bodied ('=> expression') to be part of the model");
                continue;
            }
            var value = translator.Translate(body);
            var attributes = AttributeNames(property.AttributeLists).ToList();
            if (attributes.Contains("Aux"))
            {
                Place(property, "aux " + name + " = " + value);
            }
            else if (attributes.Contains("Observe"))
            {
                var logNormal = Attribute(property.AttributeLists, "Observe")?.ArgumentList?.Arguments
                    .Any(a => a.NameEquals?.Name.Identifier.ValueText == "LogNormal" && a.Expression.IsKind(SyntaxKind.TrueLiteralExpression)) == true;
                Place(property, "observe " + name + " = " + value + (logNormal ? " ~ lognormal" : ""));
            }
            else if (name.Length > 1 && name[0] == 'd' && states.Contains(name.Substring(1)))
            {
                Place(property, name.Substring(1) + "' = " + value);
            }
            else
            {
                Place(property, name + " = " + value);
            }
        }

        foreach (var (node, reason) in translator.Unsupported) Error(node, reason);

        var text = lines.Count == 0 ? "" : string.Join("\n", Enumerable.Range(1, lines.Keys.Last()).Select(line => lines.TryGetValue(line, out var s) ? s : ""));
        return new AttributedSystem(Target(declaration), path, text + "\n", spans.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    private static ExpressionSyntax? SingleReturn(PropertyDeclarationSyntax property) =>
        property.AccessorList?.Accessors is { Count: 1 } accessors
        && accessors[0].Keyword.IsKind(SyntaxKind.GetKeyword)
        && (accessors[0].ExpressionBody?.Expression ?? (accessors[0].Body?.Statements is { Count: 1 } statements && statements[0] is ReturnStatementSyntax ret ? ret.Expression : null)) is { } expression
            ? expression
            : null;

    private static string LearnConstraint(AttributeSyntax attribute, System.Action<SyntaxNode, string> error)
    {
        double? min = null, max = null;
        foreach (var argument in attribute.ArgumentList?.Arguments ?? default)
        {
            var name = argument.NameEquals?.Name.Identifier.ValueText;
            var value = Number(argument.Expression);
            if (value is null || name is not ("Min" or "Max"))
            {
                error(argument, "[Learn] takes only Min = number and Max = number");
                continue;
            }
            if (name == "Min") min = value; else max = value;
        }
        if (min is null && max is null) return "";
        if (min == 0 && max is null) return " positive";
        if (min is not null && max is not null)
        {
            return $" in({min.Value.ToString("R", CultureInfo.InvariantCulture)}, {max.Value.ToString("R", CultureInfo.InvariantCulture)})";
        }
        error(attribute, "[Learn] supports Min = 0 (positive) or both Min and Max (an interval)");
        return "";
    }

    private static double? Number(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NumericLiteralExpression) =>
            System.Convert.ToDouble(literal.Token.Value, CultureInfo.InvariantCulture),
        PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryMinusExpression) => -Number(unary.Operand),
        _ => null,
    };

    private static IEnumerable<string> AttributeNames(SyntaxList<AttributeListSyntax> lists) =>
        lists.SelectMany(list => list.Attributes).Select(attribute => ShortName(attribute.Name));

    private static AttributeSyntax? Attribute(SyntaxList<AttributeListSyntax> lists, string name) =>
        lists.SelectMany(list => list.Attributes).FirstOrDefault(attribute => ShortName(attribute.Name) == name);

    private static string ShortName(NameSyntax name)
    {
        var text = name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => name.ToString(),
        };
        return text.EndsWith("Attribute", System.StringComparison.Ordinal) ? text.Substring(0, text.Length - "Attribute".Length) : text;
    }

    private static TypeTarget Target(ClassDeclarationSyntax declaration)
    {
        var containing = declaration.Ancestors().OfType<TypeDeclarationSyntax>()
            .Reverse()
            .Select(type => "partial " + type.Keyword.ValueText + " " + type.Identifier.ValueText)
            .ToEquatableArray();
        var namespaces = declaration.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Reverse().Select(n => n.Name.ToString()).ToList();
        return new TypeTarget(namespaces.Count == 0 ? null : string.Join(".", namespaces), "partial class", declaration.Identifier.ValueText, containing);
    }

    private static LineSpan Span(int modelLine, SyntaxNode node)
    {
        var span = node.GetLocation().GetLineSpan();
        return new LineSpan(modelLine, node.Span.Start, node.Span.Length,
            span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, span.EndLinePosition.Line + 1, span.EndLinePosition.Character + 1);
    }

    private static DiagnosticInfo Info(DiagnosticDescriptor descriptor, SyntaxNode node, string message)
    {
        var span = node.GetLocation().GetLineSpan();
        return Descriptors.Info(descriptor, node.SyntaxTree.FilePath, message, node.Span.Start, node.Span.Length,
            span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, span.EndLinePosition.Line + 1, span.EndLinePosition.Character + 1);
    }
}
