namespace NeuroLc.Simulator.Theory;

/// <summary>Invalid input to the theory command: an unknown system, a bad initial condition or bad parameters.</summary>
public sealed class TheoryInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="field">The input field at fault (e.g. <c>system</c>, <c>init</c>, <c>beta</c>).</param>
    /// <param name="message">What is wrong and what is accepted.</param>
    public TheoryInputException(string field, string message)
        : base($"{field}: {message}")
    {
        Field = field;
    }

    /// <summary>The input field at fault.</summary>
    public string Field { get; }
}
