using CrmInsight.Domain.Tables;
using CrmInsight.Web.Components.Tables;

namespace CrmInsight.Tests.Web.Components.Tables;

/// <summary>The grid keys its rows by their typed key (so a re-read keeps the row components and their clicks).</summary>
public sealed class GridRowTests
{
    private static TableRow<CustomerRowKey> Row(long id, string name) => new(new CustomerRowKey(id), [new TableCell(Text: name)]);

    [Fact]
    public void A_re_read_row_is_the_same_grid_row_and_a_repeated_key_is_told_apart()
    {
        var first = GridRow.Of([Row(1, "Ann"), Row(2, "Bo")]);
        var reread = GridRow.Of([Row(1, "Ann (renamed)"), Row(2, "Bo"), Row(2, "Bo again")]);

        Assert.Equal(first[0], reread[0]); // the same customer, new values
        Assert.Equal(first[1], reread[1]);
        Assert.NotEqual(reread[1], reread[2]); // a key seen twice (it should not be): two rows
        Assert.Equal("Ann (renamed)", reread[0].Row.Cells[0].Text);
    }
}
