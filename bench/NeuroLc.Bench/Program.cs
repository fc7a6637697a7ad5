using BenchmarkDotNet.Running;

namespace NeuroLc.Bench;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project bench/NeuroLc.Bench -- --filter '*'</c> for the BenchmarkDotNet
/// suites; <c>-- alternate lane-schedule [--slowed-core] [rounds]</c> for a comparison by alternating blocks of steps
/// in one process (<see cref="Alternation.LaneScheduleStudy"/>).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length >= 1 && args[0] == "alternate")
        {
            if (args.Length >= 2 && args[1] == "lane-schedule")
            {
                return Alternation.LaneScheduleStudy.Run(args[2..]);
            }

            Console.Error.WriteLine("alternate: the study to run is missing or unknown; the one there is: lane-schedule.");
            return 2;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
