using System.Text.Json;
using NeuroLc.Simulator.Theory;

namespace NeuroLc.Simulator.Tests.Theory;

/// <summary>Input validation of <c>neurolc theory</c> and the shape of its output.</summary>
public sealed class TheoryRequestTests
{
    [Fact]
    public void UnknownSystemListsTheKnownOnes()
    {
        TheoryInputException error = Assert.Throws<TheoryInputException>(() => TheoryRequest.Parse("a112", null, null, null, null, null));
        Assert.Equal("system", error.Field);
        Assert.Contains("'a112'", error.Message, StringComparison.Ordinal);
        foreach (string known in SystemCatalog.KnownNames)
        {
            Assert.Contains(known, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void MissingVariableIsNamed()
    {
        TheoryInputException error = Assert.Throws<TheoryInputException>(() => TheoryRequest.Parse("a111", "a1=0.5,c1=0.1", null, null, null, null));
        Assert.Equal("init", error.Field);
        Assert.Contains("misses variable a2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownVariableIsNamed()
    {
        TheoryInputException error = Assert.Throws<TheoryInputException>(() => TheoryRequest.Parse("a111", "a1=0.5,a2=1,c1=0.1,c2=3", null, null, null, null));
        Assert.Contains("unknown variable 'c2'", error.Message, StringComparison.Ordinal);
        Assert.Contains("a1, a2, c1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a1=0.5,a2=x,c1=0.1", "'x' is not a finite number")]
    [InlineData("a1=0.5,a2=1,a2=2,c1=0.1", "given twice")]
    [InlineData("a1=0.5,a2,c1=0.1", "not of the form name=value")]
    public void MalformedInitialConditionIsRejected(string init, string expected)
    {
        TheoryInputException error = Assert.Throws<TheoryInputException>(() => TheoryRequest.Parse("a111", init, null, null, null, null));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void NonPositiveBetaIsRejectedWithTheReason(double beta)
    {
        TheoryInputException error = Assert.Throws<TheoryInputException>(() => TheoryRequest.Parse("a111", null, 1.0, beta, null, null));
        Assert.Equal("beta", error.Field);
        Assert.Contains("must be finite and > 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("mean square", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chain:1", null, "chain length L")]
    [InlineData("chain:x", null, "chain length L")]
    [InlineData("chain-asrbp:0", null, "chain length L")]
    [InlineData("mu:-2", null, "mu must be a finite positive number")]
    [InlineData("a111", 4, "--n applies only to a1n1 and an1n")]
    [InlineData("a1n1", 0, "N must be between")]
    public void BadSystemParametersAreRejected(string system, int? n, string expected)
    {
        TheoryInputException error = Assert.Throws<TheoryInputException>(() => TheoryRequest.Parse(system, null, null, null, null, n));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NonIntegerMuNeedsPositiveA1()
    {
        TheoryInputException error = Assert.Throws<TheoryInputException>(() => TheoryRequest.Parse("mu:1.5", "a1=-0.5,a2=1,c1=1", null, null, null, null));
        Assert.Contains("a1 > 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NonPositiveEndTimeIsRejected()
    {
        Assert.Throws<TheoryInputException>(() => TheoryRequest.Parse("a111", null, null, null, 0.0, null));
    }

    [Theory]
    [InlineData("a111", null, 3)]
    [InlineData("chain:7", null, 13)]
    [InlineData("chain-asrbp:3", null, 5)]
    [InlineData("an1n", 4, 12)]
    [InlineData("a1n1", null, 9)]
    [InlineData("mu:3", null, 3)]
    public void CatalogBuildsTheRightDimension(string name, int? n, int dimension)
    {
        TheoryRequest request = TheoryRequest.Parse(name, null, null, null, null, n);
        Assert.Equal(dimension, request.System.VariableNames.Count);
        Assert.Equal(dimension, request.InitialCondition.Count);
        Assert.True(request.InitialIsRandom);
    }

    [Fact]
    public void JsonHasTheDocumentedKeysAndTheGivenInitialCondition()
    {
        TheoryRequest request = TheoryRequest.Parse("a111", "a1=0.5, a2=-0.25, c1=0.1", 2.0, 4.0, 500.0, null);
        TheoryResult result = TheoryRunner.Run(request);
        using JsonDocument json = JsonDocument.Parse(result.ToJson());
        JsonElement root = json.RootElement;
        Assert.Equal("a111", root.GetProperty("system").GetString());
        Assert.True(root.GetProperty("converged").GetBoolean());
        Assert.Equal(0.5, root.GetProperty("alpha_over_beta").GetDouble());
        Assert.Equal(0.5, root.GetProperty("P_final").GetDouble(), 1e-8);
        Assert.True(root.GetProperty("max_invariant_drift").GetDouble() <= 1e-6);
        JsonElement final = root.GetProperty("final");
        Assert.Equal(0.5, final.GetProperty("a1").GetDouble() * final.GetProperty("a2").GetDouble(), 1e-8);

        // Theorem 2: c1 − a2 keeps its initial value 0.35.
        Assert.Equal(0.35, final.GetProperty("c1").GetDouble() - final.GetProperty("a2").GetDouble(), 1e-9);
        Assert.Equal(0.5, root.GetProperty("initial").GetProperty("a1").GetDouble());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("exceptional").ValueKind);
        Assert.Contains("a111: A[1,1,1] ARBP = ASRBP, eq. 24", result.ToSummary(), StringComparison.Ordinal);
        Assert.True(result.Trajectory.Count > 2);
    }

    [Fact]
    public void StdpJsonHasNullDriftBecauseThePaperStatesNoInvariant()
    {
        TheoryResult result = TheoryRunner.Run(TheoryRequest.Parse("a111-stdp", null, null, null, null, null));
        using JsonDocument json = JsonDocument.Parse(result.ToJson());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("max_invariant_drift").ValueKind);
        Assert.True(json.RootElement.GetProperty("converged").GetBoolean());
    }

    [Fact]
    public void MatrixSystemReportsFrobeniusNorms()
    {
        TheoryResult result = TheoryRunner.Run(TheoryRequest.Parse("an1n", null, 1.0, 1.0, null, 3));
        Assert.True(result.Converged);

        // ‖Σ_TI Σ_II⁻¹‖_F = ‖diag(1, 1/2, 1/3)‖_F, and the settled rank-one P cannot exceed it.
        Assert.Equal(Math.Sqrt(1.0 + 0.25 + 1.0 / 9.0), result.AlphaOverBeta, 1e-12);
        Assert.InRange(result.PFinal, 0.1, result.AlphaOverBeta);
    }
}
