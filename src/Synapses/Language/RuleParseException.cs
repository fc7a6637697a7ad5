namespace NeuroLc.Synapses.Language;

/// <summary>A rule text could not be parsed; names the (0-based) position and the offending symbol.</summary>
public sealed class RuleParseException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RuleParseException(string text, int position, string symbol, string reason)
        : base($"rule '{text}': position {position}, symbol '{symbol}': {reason}")
    {
        Text = text;
        Position = position;
        Symbol = symbol;
    }

    /// <summary>The rule text.</summary>
    public string Text { get; }

    /// <summary>0-based character position of the offending symbol.</summary>
    public int Position { get; }

    /// <summary>The offending symbol or token.</summary>
    public string Symbol { get; }
}
