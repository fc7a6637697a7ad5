namespace NeuroLc.Synapses.Language;

/// <summary>
/// A rule written as text, parsed once and compiled into a single generic struct type (a tree of
/// <see cref="MultiplyRule{TA,TB}"/>, <see cref="AddRule{TA,TB}"/>, symbol leaves …) that implements
/// <see cref="IPlasticityRule"/>. Engines instantiate their synapse loop over that type, so the JIT inlines
/// the compiled rule exactly as it inlines a hand-written one: no interpretation per synapse.
/// </summary>
public sealed class TextRule
{
    private TextRule(string source, RuleNode expression, IReadOnlySet<LocalSymbol> symbols, IPlasticityRule compiled)
    {
        Source = source;
        Expression = expression;
        Symbols = symbols;
        Compiled = compiled;
    }

    /// <summary>The source text.</summary>
    public string Source { get; }

    /// <summary>The parsed expression.</summary>
    public RuleNode Expression { get; }

    /// <summary>The local symbols the rule reads (its declared reads).</summary>
    public IReadOnlySet<LocalSymbol> Symbols { get; }

    /// <summary>The compiled rule, a boxed struct whose runtime type is the compiled tree.</summary>
    public IPlasticityRule Compiled { get; }

    /// <summary>Whether the rule reads the target (then it may only be bound to synapses onto output cells).</summary>
    public bool ReadsTarget => Symbols.Contains(LocalSymbol.PostTarget);

    /// <summary>Parses and compiles <paramref name="text"/> (throws <see cref="RuleParseException"/> or
    /// <see cref="LocalityViolationException"/>).</summary>
    public static TextRule Compile(string text)
    {
        RuleNode expression = RuleParser.Parse(text);
        var symbols = new HashSet<LocalSymbol>();
        (_, object rule) = Build(expression, symbols);
        return new TextRule(text, expression, symbols, (IPlasticityRule)rule);
    }

    /// <summary>Evaluates the compiled rule on one view (for tests and tools; engines use the generic loop).</summary>
    public float Evaluate(in LocalView view) => Compiled.Delta(view);

    private static (Type Type, object Value) Build(RuleNode node, HashSet<LocalSymbol> symbols)
    {
        switch (node)
        {
            case NumberNode n:
                return (typeof(ConstantRule), new ConstantRule(n.Value));
            case SymbolNode s:
                symbols.Add(s.Symbol);
                Type leaf = LeafType(s.Symbol);
                return (leaf, Activator.CreateInstance(leaf)!);
            case NegateNode neg:
                (Type t, object v) = Build(neg.Operand, symbols);
                Type negType = typeof(NegateRule<>).MakeGenericType(t);
                return (negType, Activator.CreateInstance(negType, v)!);
            case BinaryNode b:
                (Type lt, object lv) = Build(b.Left, symbols);
                (Type rt, object rv) = Build(b.Right, symbols);
                Type open = b.Operator switch
                {
                    '+' => typeof(AddRule<,>),
                    '-' => typeof(SubtractRule<,>),
                    '*' => typeof(MultiplyRule<,>),
                    '/' => typeof(DivideRule<,>),
                    _ => throw new InvalidOperationException($"unknown operator '{b.Operator}'"),
                };
                Type closed = open.MakeGenericType(lt, rt);
                return (closed, Activator.CreateInstance(closed, lv, rv)!);
            default:
                throw new InvalidOperationException($"unknown rule node {node.GetType().Name}");
        }
    }

    private static Type LeafType(LocalSymbol symbol) => symbol switch
    {
        LocalSymbol.Eta => typeof(EtaSymbol),
        LocalSymbol.Phase => typeof(PhaseSymbol),
        LocalSymbol.Weight => typeof(WeightSymbol),
        LocalSymbol.PreOutput => typeof(PreOutputSymbol),
        LocalSymbol.PostS => typeof(PostSSymbol),
        LocalSymbol.PostO => typeof(PostOSymbol),
        LocalSymbol.PostFPrime => typeof(PostFPrimeSymbol),
        LocalSymbol.PostO1 => typeof(PostO1Symbol),
        LocalSymbol.PostO2 => typeof(PostO2Symbol),
        LocalSymbol.PostDeltaO => typeof(PostDeltaOSymbol),
        LocalSymbol.PostOther => typeof(PostOtherSymbol),
        LocalSymbol.PostR => typeof(PostRSymbol),
        LocalSymbol.PostTarget => typeof(PostTargetSymbol),
        _ => throw new ArgumentOutOfRangeException(nameof(symbol), symbol, "unknown local symbol"),
    };
}
