using NeuroLc.Simulator.Theory;

namespace NeuroLc.Simulator.Tests.Theory;

/// <summary>
/// "Learning follows theory", checked against the simplest possible learner: a per-example update loop written
/// here from the paper's online rules (eqs. 22, 32, 48), cycling through a fixed data set with a small learning
/// rate η. With t = η·(examples seen), α = E(IT) and β = E(I²) taken over that data set, the weights must stay
/// within 1e-4 of the ODE trajectory (measured: ≤ 7e-6) (eqs. 24, 33, 49) for t ≤ 8, and c₁ − a₂ must stay at its initial value as
/// Theorem 2 says (exactly, per example, since Δc₁ = Δa₂). This checks the ODE derivation, not the cell engine.
/// </summary>
public sealed class OnlineLearningFollowsTheoryTests
{
    private const double Eta = 1e-5;
    private const double EndTime = 8.0;
    private const double Tolerance = 1e-4;

    private delegate void OnlineRule(double[] w, double input, double target);

    private static (double[] Inputs, double[] Targets, double Alpha, double Beta) Data()
    {
        Random random = new(42);
        const int count = 100;
        double[] inputs = new double[count];
        double[] targets = new double[count];
        double alpha = 0.0;
        double beta = 0.0;
        for (int k = 0; k < count; k++)
        {
            inputs[k] = 2.0 * random.NextDouble() - 1.0;
            targets[k] = 1.5 * inputs[k] + 0.3 * (2.0 * random.NextDouble() - 1.0);
            alpha += inputs[k] * targets[k] / count;
            beta += inputs[k] * inputs[k] / count;
        }

        return (inputs, targets, alpha, beta);
    }

    private static double MaxDeviation(IOdeSystem system, double[] initial, double[] inputs, double[] targets, OnlineRule rule)
    {
        double[] online = (double[])initial.Clone();
        double[] ode = (double[])initial.Clone();
        DormandPrince45 integrator = new(1e-10, 1e-12);
        int perCheckpoint = (int)Math.Round(1.0 / Eta);
        double worst = 0.0;
        long example = 0;
        for (int checkpoint = 1; checkpoint <= EndTime; checkpoint++)
        {
            for (int s = 0; s < perCheckpoint; s++, example++)
            {
                int k = (int)(example % inputs.Length);
                rule(online, inputs[k], targets[k]);
            }

            integrator.Integrate(system.Derivative, ode, checkpoint - 1, checkpoint);
            for (int i = 0; i < ode.Length; i++)
            {
                worst = Math.Max(worst, Math.Abs(online[i] - ode[i]));
            }
        }

        return worst;
    }

    [Fact]
    public void OnlineA111FollowsEquation24AndCTracksA2()
    {
        (double[] inputs, double[] targets, double alpha, double beta) = Data();
        IOdeSystem system = SystemCatalog.Create("a111", alpha, beta);
        double[] initial = [0.2, -0.3, 0.1];
        double k1 = initial[2] - initial[1];
        double worstTracking = 0.0;
        double deviation = MaxDeviation(system, initial, inputs, targets, (w, input, target) =>
        {
            // eq. 22: Δa1 = ηc1(T − O)I, Δa2 = Δc1 = η(T − O)a1I.
            double error = target - w[0] * w[1] * input;
            double da1 = Eta * w[2] * error * input;
            double da2 = Eta * error * w[0] * input;
            w[0] += da1;
            w[1] += da2;
            w[2] += da2;
            worstTracking = Math.Max(worstTracking, Math.Abs(w[2] - w[1] - k1));
        });
        Assert.True(deviation <= Tolerance, $"max |online - ODE| = {deviation:E3}");
        Assert.True(worstTracking <= 1e-12, $"c1 - a2 drifted by {worstTracking:E3}");
    }

    [Fact]
    public void OnlineA1111ArbpFollowsEquation49()
    {
        (double[] inputs, double[] targets, double alpha, double beta) = Data();
        IOdeSystem system = SystemCatalog.Create("a1111", alpha, beta);
        double deviation = MaxDeviation(system, [0.5, 0.4, -0.3, 0.6, -0.2], inputs, targets, (w, input, target) =>
        {
            // eq. 48: Δa1 = ηc1c2(T − O)I, Δa2 = Δc1 = ηc2(T − O)a1I, Δa3 = Δc2 = η(T − O)a1a2I.
            double error = target - w[0] * w[1] * w[2] * input;
            double da1 = Eta * w[3] * w[4] * error * input;
            double da2 = Eta * w[4] * error * w[0] * input;
            double da3 = Eta * error * w[0] * w[1] * input;
            w[0] += da1;
            w[1] += da2;
            w[2] += da3;
            w[3] += da2;
            w[4] += da3;
        });
        Assert.True(deviation <= Tolerance, $"max |online - ODE| = {deviation:E3}");
    }

    [Fact]
    public void OnlineStdpRuleFollowsEquation33()
    {
        (double[] inputs, double[] targets, double alpha, double beta) = Data();
        IOdeSystem system = SystemCatalog.Create("a111-stdp", alpha, beta);
        double deviation = MaxDeviation(system, [0.3, 0.2, 0.4], inputs, targets, (w, input, target) =>
        {
            // eq. 32: Δa1 = ηIc1(T − O), Δa2 = η(a1I + c1O)(T − O), Δc1 = ηOc1(T − O).
            double output = w[0] * w[1] * input;
            double error = target - output;
            double da1 = Eta * input * w[2] * error;
            double da2 = Eta * (w[0] * input + w[2] * output) * error;
            double dc1 = Eta * output * w[2] * error;
            w[0] += da1;
            w[1] += da2;
            w[2] += dc1;
        });
        Assert.True(deviation <= Tolerance, $"max |online - ODE| = {deviation:E3}");
    }

    [Fact]
    public void AWrongRuleIsCaught()
    {
        // Twin: dropping c1 from Δa1 (plain "a1 learns like a2") must leave the ODE of eq. 24 behind.
        (double[] inputs, double[] targets, double alpha, double beta) = Data();
        IOdeSystem system = SystemCatalog.Create("a111", alpha, beta);
        double deviation = MaxDeviation(system, [0.2, -0.3, 0.1], inputs, targets, (w, input, target) =>
        {
            double error = target - w[0] * w[1] * input;
            double da1 = Eta * error * input;
            double da2 = Eta * error * w[0] * input;
            w[0] += da1;
            w[1] += da2;
            w[2] += da2;
        });
        Assert.True(deviation > 10 * Tolerance, $"max |online - ODE| = {deviation:E3}");
    }
}
