using NeuroLc.Simulator.Theory;

namespace NeuroLc.Simulator.Tests.Theory;

/// <summary>
/// A counterexample to Theorem 3 as stated ("from any initial conditions the system converges"): for the ARBP
/// A[1,1,1,1] (eq. 49) the four invariants K₁, K₂, J₁, J₂ (eqs. 51, 53) leave one-dimensional level sets. When
/// J₁ &lt; 0 the branch a₁ = ±sqrt((a₂ + K₁)² + J₁) of the proof's reduction switches sign where a₁ = 0, and the
/// level set can be a closed loop on which α − βP never vanishes, so the trajectory is periodic. About 9% of
/// N(0, 1) initial conditions do this for L = 3 and about 26% for L = 5 (see <see cref="RandomConvergenceTests"/>).
/// </summary>
public sealed class PeriodicOrbitTests
{
    private static readonly double[] s_initial = [-0.3954, -0.7587, -0.8305, 0.6893, -0.08614];

    [Fact]
    public void A1111ArbpHasAPeriodicOrbitThatNeverReachesTheMinimum()
    {
        IOdeSystem system = SystemCatalog.Create("a1111", 1.0, 1.0);
        TheoryResult result = TheoryRunner.Run(system, s_initial, 5000.0);
        Assert.Equal(TheoryOutcome.PeriodicOrbit, result.Outcome);
        Assert.Null(result.Exceptional);
        double period = result.Report.FinalTime;
        Assert.InRange(period, 1.0, 1000.0);

        // Along the whole period P stays far from α/β = 1 and the invariants hold.
        double largestP = result.Trajectory.States.Max(x => Math.Abs(system.ErrorCritical(x)));
        Assert.True(largestP < 0.3, $"max |P| = {largestP}");
        Assert.True(result.MaxInvariantDrift <= 1e-6);

        // An independent RK4 integration passes through the start again near the detected period.
        double[] x = (double[])s_initial.Clone();
        RungeKutta4 rk4 = new(1e-3);
        rk4.Integrate(system.Derivative, x, 0.0, period - 0.5);
        double closest = double.PositiveInfinity;
        rk4.Integrate(system.Derivative, x, period - 0.5, period + 0.5, (_, state) =>
        {
            double distance = 0.0;
            for (int i = 0; i < state.Length; i++)
            {
                distance += (state[i] - s_initial[i]) * (state[i] - s_initial[i]);
            }

            closest = Math.Min(closest, Math.Sqrt(distance));
            return true;
        });
        Assert.True(closest < 1e-3, $"closest return {closest}");
    }

    [Fact]
    public void TheInvariantCurveThroughTheStartIsACompactLoopWithoutFixedPoints()
    {
        // The analytic certificate, from the invariants alone. a2² = (a3 + K2)² + J2 with J2 > 0 keeps a2 out of
        // (−√J2, √J2); a1² = (a2 + K1)² + J1 with J1 < 0 keeps a2 out of (−K1 − √−J1, −K1 + √−J1). The start lies in
        // the bounded gap [−K1 + √−J1, −√J2] between them, so its curve is compact; on it |P| < α/β = 1, and the
        // two ways the right-hand side could vanish (a1 = 0 with c2 = 0) occur at different a2. A compact
        // one-dimensional invariant curve without fixed points is a periodic orbit.
        double a1 = s_initial[0], a2 = s_initial[1], a3 = s_initial[2], c1 = s_initial[3], c2 = s_initial[4];
        double k1 = c1 - a2, k2 = c2 - a3;
        double j1 = a1 * a1 - c1 * c1, j2 = a2 * a2 - c2 * c2;
        Assert.True(j1 < 0.0 && j2 > 0.0);
        double low = -k1 + Math.Sqrt(-j1);
        double high = -Math.Sqrt(j2);
        Assert.InRange(a2, low, high);
        Assert.True(-k1 - Math.Sqrt(-j1) < low);

        double c1Max = Math.Max(Math.Abs(low + k1), Math.Abs(high + k1));
        double a1Max = Math.Sqrt(c1Max * c1Max + j1);
        double a2Max = Math.Max(Math.Abs(low), Math.Abs(high));
        double a3Max = Math.Abs(k2) + Math.Sqrt(a2Max * a2Max - j2);
        Assert.True(a1Max * a2Max * a3Max < 1.0, $"|P| <= {a1Max * a2Max * a3Max}");

        // a1 = 0 needs a2 = low; c2 = 0 needs a2² = J2, i.e. a2 = high.
        Assert.True(high - low > 1e-3);
    }
}
