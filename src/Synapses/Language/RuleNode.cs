namespace NeuroLc.Synapses.Language;

/// <summary>A node of a parsed rule expression.</summary>
public abstract record RuleNode;

/// <summary>A numeric literal.</summary>
public sealed record NumberNode(float Value) : RuleNode;

/// <summary>A local symbol such as <c>O_pre</c>, at a 0-based position of the text.</summary>
public sealed record SymbolNode(LocalSymbol Symbol, int Position) : RuleNode;

/// <summary>A binary operation: one of + − * /.</summary>
public sealed record BinaryNode(char Operator, RuleNode Left, RuleNode Right) : RuleNode;

/// <summary>Unary minus.</summary>
public sealed record NegateNode(RuleNode Operand) : RuleNode;
