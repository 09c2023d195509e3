using CrmInsight.Domain.Scorecards;

namespace CrmInsight.Tests.Domain.Scorecards;

/// <summary>
/// The AHP weights and consistency against published worked examples and matrices worked out
/// by hand. Published values are given to three decimals, so they are compared to 0.0005.
/// </summary>
public sealed class AhpTests
{
    private const double Published = 0.0005;

    /// <summary>
    /// T. L. Saaty, "How to make a decision: The Analytic Hierarchy Process", European Journal of
    /// Operational Research 48 (1990) 9–26, the house example: the family's comparison of eight
    /// criteria (size of house, transportation, neighbourhood, age of house, yard space, modern
    /// facilities, general condition, financing). The paper gives the priority vector
    /// (.173, .054, .188, .018, .031, .036, .167, .333), λmax = 9.669, C.I. = 0.238, C.R. = 0.169.
    /// </summary>
    [Fact]
    public void Saatys_house_example_gives_the_published_priorities_and_consistency()
    {
        double[][] matrix =
        [
            [1, 5, 3, 7, 6, 6, 1 / 3.0, 1 / 4.0],
            [1 / 5.0, 1, 1 / 3.0, 5, 3, 3, 1 / 5.0, 1 / 7.0],
            [1 / 3.0, 3, 1, 6, 3, 4, 6, 1 / 5.0],
            [1 / 7.0, 1 / 5.0, 1 / 6.0, 1, 1 / 3.0, 1 / 4.0, 1 / 7.0, 1 / 8.0],
            [1 / 6.0, 1 / 3.0, 1 / 3.0, 3, 1, 1 / 2.0, 1 / 5.0, 1 / 6.0],
            [1 / 6.0, 1 / 3.0, 1 / 4.0, 4, 2, 1, 1 / 5.0, 1 / 6.0],
            [3, 5, 1 / 6.0, 7, 5, 5, 1, 1 / 2.0],
            [4, 7, 5, 8, 6, 6, 2, 1],
        ];

        var result = Ahp.Analyse(matrix);

        double[] published = [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333];
        for (var i = 0; i < published.Length; i++)
        {
            Assert.Equal(published[i], result.Weights[i], Published);
        }
        Assert.Equal(9.669, result.LambdaMax, Published);
        Assert.Equal(0.238, result.ConsistencyIndex, Published);
        Assert.Equal(0.169, result.ConsistencyRatio, Published);
        Assert.False(result.IsConsistent);
    }

    /// <summary>
    /// A consistent matrix by construction: a_ij = w_i / w_j for w = (4, 2, 1). Its weights are
    /// w normalised, 4/7, 2/7, 1/7; λmax = n = 3; CI = CR = 0.
    /// </summary>
    [Fact]
    public void A_consistent_three_by_three_matrix_has_lambda_n_and_ratio_zero()
    {
        var result = Ahp.Analyse([[1, 2, 4], [0.5, 1, 2], [0.25, 0.5, 1]]);

        Assert.Equal(4 / 7.0, result.Weights[0], 1e-9);
        Assert.Equal(2 / 7.0, result.Weights[1], 1e-9);
        Assert.Equal(1 / 7.0, result.Weights[2], 1e-9);
        Assert.Equal(3, result.LambdaMax, 1e-9);
        Assert.Equal(0, result.ConsistencyRatio, 1e-9);
        Assert.True(result.IsConsistent);
        Assert.Null(result.MostInconsistent);
    }

    /// <summary>
    /// For a 3×3 reciprocal matrix with a12 = a, a13 = b, a23 = c the principal eigenvector is
    /// the row geometric means and λmax = 1 + (b/(ac))^(1/3) + (ac/b)^(1/3). For a = 3, b = 5, c = 3:
    /// geometric means 15^(1/3) = 2.46621, 1, (1/15)^(1/3) = 0.40548, sum 3.87169, so the weights are
    /// 0.63699, 0.25828, 0.10473; b/(ac) = 5/9, λmax = 1 + 0.82207 + 1.21644 = 3.03851;
    /// CI = 0.03851 / 2 = 0.01926; CR = 0.01926 / 0.58 = 0.03320.
    /// </summary>
    [Fact]
    public void A_slightly_inconsistent_three_by_three_matrix_matches_the_hand_computation()
    {
        var result = Ahp.Analyse([[1, 3, 5], [1 / 3.0, 1, 3], [1 / 5.0, 1 / 3.0, 1]]);

        Assert.Equal(0.63699, result.Weights[0], 0.00001);
        Assert.Equal(0.25828, result.Weights[1], 0.00001);
        Assert.Equal(0.10473, result.Weights[2], 0.00001);
        Assert.Equal(3.03851, result.LambdaMax, 0.00001);
        Assert.Equal(0.01926, result.ConsistencyIndex, 0.00001);
        Assert.Equal(0.03320, result.ConsistencyRatio, 0.00001);
        Assert.True(result.IsConsistent);
    }

    /// <summary>
    /// A cycle: A is 9× B, B is 9× C, yet C is 9× A. By the 3×3 formula b/(ac) = (1/9)/81, so
    /// λmax = 1 + (1/729)^(1/3) + 729^(1/3) = 1 + 1/9 + 9 = 10.111, CI = 3.556, CR = 6.130; every
    /// geometric mean is 1, so the weights are equal. All three judgements are equally wrong
    /// (each |ln(a_ij·w_j/w_i)| = ln 9), so any of them may be named.
    /// </summary>
    [Fact]
    public void A_cyclic_matrix_is_flagged_and_its_worst_comparison_named()
    {
        var result = Ahp.Analyse([[1, 9, 1 / 9.0], [1 / 9.0, 1, 9], [9, 1 / 9.0, 1]]);

        Assert.Equal(10.111, result.LambdaMax, 0.001);
        Assert.Equal(6.130, result.ConsistencyRatio, 0.001);
        Assert.All(result.Weights, w => Assert.Equal(1 / 3.0, w, 1e-9));
        Assert.False(result.IsConsistent);
        Assert.Contains(result.MostInconsistent!.Value, new[] { new MatrixCell(0, 1), new MatrixCell(0, 2), new MatrixCell(1, 2) });
    }

    /// <summary>
    /// The consistent matrix of w = (8, 4, 2, 1) with one judgement turned round: A vs D written
    /// 1/8 instead of 8. Every other judgement agrees with the rest, so that cell is the one
    /// pointed out, with the value the other judgements imply for it: the geometric mean of
    /// A→B→D = 2 × 4 = 8 and A→C→D = 4 × 2 = 8, that is 8.
    /// </summary>
    [Fact]
    public void One_reversed_judgement_is_the_most_inconsistent_comparison()
    {
        double[][] matrix =
        [
            [1, 2, 4, 1 / 8.0],
            [1 / 2.0, 1, 2, 4],
            [1 / 4.0, 1 / 2.0, 1, 2],
            [8, 1 / 4.0, 1 / 2.0, 1],
        ];

        var result = Ahp.Analyse(matrix);

        Assert.False(result.IsConsistent);
        Assert.True(result.ConsistencyRatio > 0.10, $"CR {result.ConsistencyRatio}");
        Assert.Equal(new MatrixCell(0, 3), result.MostInconsistent);
        Assert.Equal(8, result.ConsistentValue!.Value, 1e-9);
    }

    [Fact]
    public void One_item_has_all_the_weight_and_is_consistent()
    {
        var result = Ahp.Analyse([[1]]);

        Assert.Equal([1.0], result.Weights);
        Assert.Equal(1, result.LambdaMax);
        Assert.Equal(0, result.ConsistencyRatio);
        Assert.True(result.IsConsistent);
    }

    /// <summary>Two items: a 2×2 reciprocal matrix is always consistent. A = 3 × B gives weights 3/4 and 1/4, λmax = 2.</summary>
    [Fact]
    public void Two_items_are_consistent_by_definition()
    {
        var result = Ahp.Analyse([[1, 3], [1 / 3.0, 1]]);

        Assert.Equal(0.75, result.Weights[0], 1e-9);
        Assert.Equal(0.25, result.Weights[1], 1e-9);
        Assert.Equal(2, result.LambdaMax, 1e-9);
        Assert.Equal(0, result.ConsistencyIndex);
        Assert.Equal(0, result.ConsistencyRatio);
        Assert.True(result.IsConsistent);
        Assert.Null(result.MostInconsistent);
    }

    /// <summary>Saaty's random index (The Analytic Hierarchy Process, 1980) for n = 1..10, as KPIS.md §6 uses it.</summary>
    [Fact]
    public void The_random_index_is_saatys()
    {
        double[] saaty = [0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49];
        Assert.Equal(saaty, Ahp.RandomIndex.Take(10));
    }

    [Fact]
    public void A_matrix_that_is_not_square_names_the_row()
    {
        var problems = Ahp.Validate([[1, 2, 3], [0.5, 1], [1 / 3.0, 1, 1]]);

        Assert.Equal("matrix[1]", Assert.Single(problems).Cell);
    }

    [Fact]
    public void A_matrix_that_is_not_positive_names_the_cell()
    {
        var problems = Ahp.Validate([[1, 0], [2, 1]]);

        Assert.Equal("matrix[0][1]", Assert.Single(problems).Cell);
    }

    [Fact]
    public void A_matrix_that_is_not_reciprocal_names_the_cell()
    {
        var problems = Ahp.Validate([[1, 3, 2], [3, 1, 1], [0.5, 1, 1]]);

        var problem = Assert.Single(problems);
        Assert.Equal("matrix[1][0]", problem.Cell);
        Assert.Contains("0.3333", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rounded_reciprocal_is_accepted()
    {
        Assert.Empty(Ahp.Validate([[1, 3], [0.333, 1]]));
    }

    [Fact]
    public void An_empty_or_oversized_matrix_is_refused()
    {
        Assert.Equal("matrix", Assert.Single(Ahp.Validate([])).Cell);
        var big = Enumerable.Range(0, Ahp.MaxSize + 1).Select(_ => (IReadOnlyList<double>)Enumerable.Repeat(1.0, Ahp.MaxSize + 1).ToList()).ToList();
        Assert.Equal("matrix", Assert.Single(Ahp.Validate(big)).Cell);
    }
}
