using System.Globalization;

namespace NeuroLc.Synapses.Language;

/// <summary>
/// Parses a rule such as <c>dw = eta * fprime_post * E_post * O_pre</c>. Grammar:
/// <c>rule := [("dw" | "dc") "="] sum; sum := product (("+" | "−") product)*;
/// product := unary (("*" | "/") unary)*; unary := "−" unary | atom; atom := number | symbol | "(" sum ")"</c>.
/// Symbols are exactly the <see cref="LocalSymbols"/>; a symbol that names state of another cell or synapse
/// (anything <c>_pre</c> other than <c>O_pre</c>, another weight, a neighbour) raises
/// <see cref="LocalityViolationException"/>; any other unknown symbol raises <see cref="RuleParseException"/>.
/// Both give the position.
/// </summary>
public sealed class RuleParser
{
    private readonly string _text;
    private int _pos;

    private RuleParser(string text)
    {
        _text = text;
    }

    /// <summary>Parses <paramref name="text"/>.</summary>
    public static RuleNode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new RuleParser(text);
        parser.SkipAssignment();
        RuleNode node = parser.ParseSum();
        parser.SkipSpace();
        if (parser._pos < text.Length)
        {
            throw parser.Error(parser._pos, text[parser._pos].ToString(), "unexpected symbol after the end of the expression");
        }

        return node;
    }

    private void SkipAssignment()
    {
        SkipSpace();
        int start = _pos;
        string word = ReadIdentifier();
        SkipSpace();
        if ((word is "dw" or "dc") && _pos < _text.Length && _text[_pos] == '=')
        {
            _pos++;
            return;
        }

        _pos = start;
    }

    private RuleNode ParseSum()
    {
        RuleNode left = ParseProduct();
        while (TryConsume('+', '-', out char op))
        {
            left = new BinaryNode(op, left, ParseProduct());
        }

        return left;
    }

    private RuleNode ParseProduct()
    {
        RuleNode left = ParseUnary();
        while (TryConsume('*', '/', out char op))
        {
            left = new BinaryNode(op, left, ParseUnary());
        }

        return left;
    }

    private RuleNode ParseUnary()
    {
        SkipSpace();
        if (_pos < _text.Length && _text[_pos] == '-')
        {
            _pos++;
            return new NegateNode(ParseUnary());
        }

        return ParseAtom();
    }

    private RuleNode ParseAtom()
    {
        SkipSpace();
        if (_pos >= _text.Length)
        {
            throw Error(_pos, "<end>", "expected a number, a symbol or '('");
        }

        char c = _text[_pos];
        if (c == '(')
        {
            _pos++;
            RuleNode inner = ParseSum();
            SkipSpace();
            if (_pos >= _text.Length || _text[_pos] != ')')
            {
                throw Error(_pos, _pos < _text.Length ? _text[_pos].ToString() : "<end>", "expected ')'");
            }

            _pos++;
            return inner;
        }

        if (char.IsDigit(c) || c == '.')
        {
            return ParseNumber();
        }

        int start = _pos;
        string name = ReadIdentifier();
        if (name.Length == 0)
        {
            throw Error(start, c.ToString(), "expected a number, a symbol or '('");
        }

        if (LocalSymbols.TryParse(name, out LocalSymbol symbol))
        {
            return new SymbolNode(symbol, start);
        }

        if (IsNonLocal(name))
        {
            throw new LocalityViolationException(
                $"text rule '{_text}'", name, DescribeOwner(name),
                $"symbol at position {start} is not local to the synapse (local symbols: {string.Join(", ", LocalSymbols.AllNames)})");
        }

        throw Error(start, name, $"unknown symbol (local symbols: {string.Join(", ", LocalSymbols.AllNames)})");
    }

    private NumberNode ParseNumber()
    {
        int start = _pos;
        while (_pos < _text.Length && (char.IsDigit(_text[_pos]) || _text[_pos] is '.' or 'e' or 'E'
            || (_text[_pos] is '+' or '-' && _pos > start && _text[_pos - 1] is 'e' or 'E')))
        {
            _pos++;
        }

        string literal = _text[start.._pos];
        if (!float.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out float value) || !float.IsFinite(value))
        {
            throw Error(start, literal, "not a finite number");
        }

        return new NumberNode(value);
    }

    // Names that refer to state of some other cell or synapse: recognised so the error says *why*.
    private static bool IsNonLocal(string name)
        => (name.EndsWith("_pre", StringComparison.Ordinal) && name != "O_pre")
            || name.StartsWith("w_", StringComparison.Ordinal)
            || name.StartsWith("W", StringComparison.Ordinal)
            || name is "T" or "E" or "R" or "O" or "S"
            || name.Contains("neighbor", StringComparison.OrdinalIgnoreCase)
            || name.Contains("neighbour", StringComparison.OrdinalIgnoreCase)
            || name.Contains("other", StringComparison.OrdinalIgnoreCase)
            || name.Contains("transpose", StringComparison.OrdinalIgnoreCase);

    private static string DescribeOwner(string name)
        => name.EndsWith("_pre", StringComparison.Ordinal) ? "the pre cell (only its output O_pre is local)"
            : name.StartsWith('w') || name.StartsWith('W') ? "another synapse"
            : "a cell that is neither the pre nor the post cell";

    private string ReadIdentifier()
    {
        int start = _pos;
        while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '_')
            && !(start == _pos && char.IsDigit(_text[_pos])))
        {
            _pos++;
        }

        return _text[start.._pos];
    }

    private bool TryConsume(char a, char b, out char op)
    {
        SkipSpace();
        if (_pos < _text.Length && (_text[_pos] == a || _text[_pos] == b))
        {
            op = _text[_pos++];
            return true;
        }

        op = '\0';
        return false;
    }

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private RuleParseException Error(int position, string symbol, string reason) => new(_text, position, symbol, reason);
}
