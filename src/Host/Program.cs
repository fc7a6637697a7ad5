namespace NeuroLc.Host;

/// <summary>The <c>neurolc</c> command-line entry point.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("neurolc: no commands yet");
        return 2;
    }
}
