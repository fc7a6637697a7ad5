using NeuroLc.Host.Training;

namespace NeuroLc.Host.Cli;

/// <summary>What the verbs need from outside: the training engine and the two output streams (stdout data, stderr everything else).</summary>
public sealed record AppServices(Func<ITrainingEngine> Engine, TextWriter Output, TextWriter Error);
