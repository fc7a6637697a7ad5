using System.CommandLine;
using NeuroLc.Channels.Audit;
using NeuroLc.Channels.Graph;
using NeuroLc.Channels.Specs;
using NeuroLc.Synapses;

namespace NeuroLc.Host.Cli;

/// <summary>
/// <c>neurolc audit &lt;spec.json&gt; [--json]</c>: builds the architecture a spec describes and prints which of the
/// paper's six symmetries (section 2.4: ARC, WTS, NEU, DER, LIN, ADA) it needs or achieves, read from the built
/// graph. A spec that cannot be built (unreadable, invalid, or BP where the weights cannot be transposed, the WTS
/// requirement) is bad input: exit 2 with the file and JSON path.
/// </summary>
public static class AuditCommand
{
    public static Command Create(AppServices services)
    {
        var spec = new Argument<string>("spec") { Description = "An architecture spec, e.g. experiments/architectures/arch08.json." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object with keys ARC, WTS, NEU, DER, LIN, ADA." };
        var command = new Command("audit", "Derive, from the built network, which of the six symmetries of section 2.4 it needs.") { spec, json };
        command.SetAction(result => Guard.Run(services.Error, () =>
        {
            NetworkGraph graph;
            try
            {
                graph = ArchitectureSpec.LoadFile(result.GetValue(spec)!).Build();
            }
            catch (Exception ex) when (ex is ArchitectureSpecException or LocalityViolationException)
            {
                throw new Training.UsageException(ex.Message);
            }

            SymmetryReport report = SymmetryAudit.Run(graph);
            services.Output.WriteLine(result.GetValue(json) ? report.ToJson() : report.ToTable());
            return ExitCodes.Success;
        }));
        return command;
    }
}
