namespace CrmInsight.Domain.Scorecards;

/// <summary>A cell of a comparison matrix (0-based, as in the JSON arrays of <c>POST /api/ahp</c>).</summary>
public readonly record struct MatrixCell(int Row, int Column);

/// <summary>What is wrong with a comparison matrix, and where.</summary>
public sealed record MatrixProblem(string Cell, string Message);

/// <summary>
/// The weights and consistency of a pairwise-comparison matrix. <see cref="MostInconsistent"/>
/// is the judgement that contributes most to the inconsistency, and
/// <see cref="ConsistentValue"/> the value the other judgements imply for it.
/// </summary>
public sealed record AhpResult(
    IReadOnlyList<double> Weights,
    double LambdaMax,
    double ConsistencyIndex,
    double ConsistencyRatio,
    MatrixCell? MostInconsistent,
    double? ConsistentValue)
{
    public bool IsConsistent => ConsistencyRatio < Ahp.ConsistencyLimit;
}

/// <summary>
/// The analytic hierarchy process (层次分析法; Saaty, "A scaling method for priorities in
/// hierarchical structures", J. Math. Psychology 15, 1977): weights are the normalised principal
/// eigenvector of the pairwise-comparison matrix, λmax its eigenvalue, CI = (λmax − n)/(n − 1),
/// CR = CI / RI with Saaty's random index; CR ≥ 0.10 is inconsistent.
/// </summary>
public static class Ahp
{
    public const double ConsistencyLimit = 0.10;

    /// <summary>The largest matrix the random-index table covers.</summary>
    public const int MaxSize = 15;

    // A judgement b vs a may be written as a rounded reciprocal of a vs b (0.333 for 1/3).
    private const double ReciprocalTolerance = 0.01;

    /// <summary>
    /// Saaty's random consistency index RI for n = 1..15: the mean CI of random reciprocal
    /// matrices on the 1–9 scale (T. L. Saaty, The Analytic Hierarchy Process, McGraw-Hill, 1980,
    /// the table of random indices; n = 1..10 also in Saaty, "How to make a decision", European
    /// Journal of Operational Research 48, 1990, p. 9–26).
    /// </summary>
    public static IReadOnlyList<double> RandomIndex { get; } =
        [0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59];

    /// <summary>Every problem that keeps <paramref name="matrix"/> from being a comparison matrix: not square, not positive, not reciprocal.</summary>
    public static IReadOnlyList<MatrixProblem> Validate(IReadOnlyList<IReadOnlyList<double>>? matrix)
    {
        var problems = new List<MatrixProblem>();
        if (matrix is null || matrix.Count == 0)
        {
            problems.Add(new("matrix", "The matrix needs at least one row."));
            return problems;
        }
        var n = matrix.Count;
        if (n > MaxSize)
        {
            problems.Add(new("matrix", $"The matrix has {n} rows; at most {MaxSize} items can be compared."));
            return problems;
        }
        for (var i = 0; i < n; i++)
        {
            if (matrix[i] is not { } row || row.Count != n)
            {
                problems.Add(new($"matrix[{i}]", $"Row {i} has {matrix[i]?.Count ?? 0} values; a square matrix of {n} rows needs {n}."));
            }
        }
        if (problems.Count > 0)
        {
            return problems;
        }
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var value = matrix[i][j];
                if (!double.IsFinite(value) || value <= 0)
                {
                    problems.Add(new(Cell(i, j), $"{Cell(i, j)} is {value}; every comparison must be a positive number."));
                }
                else if (i == j && Math.Abs(value - 1) > ReciprocalTolerance)
                {
                    problems.Add(new(Cell(i, j), $"{Cell(i, j)} is {value}; an item compared with itself is 1."));
                }
            }
        }
        if (problems.Count > 0)
        {
            return problems;
        }
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                if (Math.Abs((matrix[i][j] * matrix[j][i]) - 1) > ReciprocalTolerance)
                {
                    problems.Add(new(Cell(j, i),
                        $"{Cell(j, i)} is {matrix[j][i]}, but {Cell(i, j)} is {matrix[i][j]}: it must be its reciprocal, {1 / matrix[i][j]:0.####}."));
                }
            }
        }
        return problems;
    }

    /// <summary>The weights and consistency of a valid comparison matrix (see <see cref="Validate"/>).</summary>
    public static AhpResult Analyse(IReadOnlyList<IReadOnlyList<double>> matrix)
    {
        if (Validate(matrix) is [var first, ..])
        {
            throw new ArgumentException(first.Message, nameof(matrix));
        }
        var n = matrix.Count;
        var weights = PrincipalEigenvector(matrix);

        // λmax from A·w = λ·w, averaged over the rows.
        var lambda = 0.0;
        for (var i = 0; i < n; i++)
        {
            lambda += Row(matrix, i, weights) / weights[i];
        }
        lambda /= n;
        if (n <= 2)
        {
            // Every reciprocal 1×1 or 2×2 matrix is consistent: λmax = n exactly.
            return new AhpResult(weights, n, 0, 0, null, null);
        }
        var ci = Math.Max(0, (lambda - n) / (n - 1));
        var cr = ci / RandomIndex[n - 1];

        // λmax − n = (1/n) Σ_{i<j} (e + 1/e − 2) with e = a_ij·w_j/w_i (expand Σ_j a_ij·w_j/w_i = λ
        // over the rows): each judgement adds a term that grows with |ln e|, so the largest |ln e|
        // is the comparison contributing most to the inconsistency.
        MatrixCell? worst = null;
        var worstDeviation = 1e-9;
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var deviation = Math.Abs(Math.Log(matrix[i][j] * weights[j] / weights[i]));
                if (deviation > worstDeviation)
                {
                    worstDeviation = deviation;
                    worst = new MatrixCell(i, j);
                }
            }
        }
        return new AhpResult(weights, lambda, ci, cr, worst, worst is { } w ? Implied(matrix, w) : null);
    }

    /// <summary>
    /// What the other judgements say a comparison should be: the geometric mean of a_ik·a_kj over
    /// every third item k. (The weights themselves are pulled towards the bad judgement, so
    /// w_i/w_j would understate the correction.)
    /// </summary>
    private static double Implied(IReadOnlyList<IReadOnlyList<double>> matrix, MatrixCell cell)
    {
        var logSum = 0.0;
        var paths = 0;
        for (var k = 0; k < matrix.Count; k++)
        {
            if (k != cell.Row && k != cell.Column)
            {
                logSum += Math.Log(matrix[cell.Row][k] * matrix[k][cell.Column]);
                paths++;
            }
        }
        return Math.Exp(logSum / paths);
    }

    /// <summary>
    /// Power iteration: w ← A·w / Σ(A·w) from the uniform vector. A positive matrix has a
    /// unique positive principal eigenvector (Perron) and the iteration converges to it; for
    /// judgement matrices (n ≤ 15, the other eigenvalues small) in a few dozen steps.
    /// </summary>
    private static double[] PrincipalEigenvector(IReadOnlyList<IReadOnlyList<double>> matrix)
    {
        var n = matrix.Count;
        var w = Enumerable.Repeat(1.0 / n, n).ToArray();
        var next = new double[n];
        for (var iteration = 0; iteration < 10_000; iteration++)
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                next[i] = Row(matrix, i, w);
                sum += next[i];
            }
            var change = 0.0;
            for (var i = 0; i < n; i++)
            {
                next[i] /= sum;
                change = Math.Max(change, Math.Abs(next[i] - w[i]));
            }
            (w, next) = (next, w);
            if (change < 1e-14)
            {
                break;
            }
        }
        return w;
    }

    private static double Row(IReadOnlyList<IReadOnlyList<double>> matrix, int i, double[] w)
    {
        var total = 0.0;
        for (var j = 0; j < w.Length; j++)
        {
            total += matrix[i][j] * w[j];
        }
        return total;
    }

    private static string Cell(int row, int column) => $"matrix[{row}][{column}]";
}
