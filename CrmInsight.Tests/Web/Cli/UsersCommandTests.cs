using CrmInsight.Domain.Storage;
using CrmInsight.Web.Cli;
using Dapper;

namespace CrmInsight.Tests.Web.Cli;

/// <summary>The <c>users</c> command on the web executable, against a demo database file.</summary>
public sealed class UsersCommandTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crminsight-tests", Guid.NewGuid().ToString("N"));
    private string _database = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _database = Path.Combine(_folder, "users.duckdb");
        Assert.Equal(0, (await RunAsync(null, "generate-demo", "--database", _database, "--orders", "2000", "--customers", "200")).Exit);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private static async Task<(int? Exit, string Output, string Error)> RunAsync(string? stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new StringReader(stdin ?? "");
        var exit = await CommandLine.TryRunAsync(args, output, error, input: input);
        return (exit, output.ToString(), error.ToString());
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var database = new DuckDbDatabase(_database, "1GB", 1);
        await using var connection = await database.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<T>(sql) ?? throw new InvalidOperationException("no value");
    }

    [Fact]
    public async Task Create_prints_a_generated_password_once_and_stores_only_identitys_hash()
    {
        var created = await RunAsync(null, "users", "create", "--user", "li.wei", "--role", "SalesLead", "--teams", "1,2", "--database", _database);
        var listed = await RunAsync(null, "users", "list", "--database", _database);

        Assert.Equal(0, created.Exit);
        var password = created.Output.Split('\n', StringSplitOptions.TrimEntries)[^2];
        Assert.Equal(20, password.Length);
        Assert.Contains("li.wei\tSalesLead, teams 1,2\tenabled", listed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(password, listed.Output, StringComparison.Ordinal);
        var hash = await ScalarAsync<string>("SELECT password_hash FROM app_user WHERE user_name = 'li.wei'");
        // Identity's V3 format: base64 of a 0x01 marker, PRF, iteration count, salt and subkey — not the password.
        Assert.Equal(0x01, Convert.FromBase64String(hash)[0]);
        Assert.DoesNotContain(password, hash, StringComparison.Ordinal);
        Assert.Equal(1L, await ScalarAsync<long>("SELECT COUNT(*) FROM app_audit WHERE action = 'user-created' AND target = 'li.wei' AND actor = '(command line)'"));
    }

    [Fact]
    public async Task Password_stdin_sets_the_password_and_reset_and_disable_change_the_account()
    {
        var created = await RunAsync("a very long passphrase\n", "users", "create", "--user", "ana", "--role", "analyst", "--password-stdin", "--database", _database);
        var stampBefore = await ScalarAsync<string>("SELECT security_stamp FROM app_user WHERE user_name = 'ana'");
        var reset = await RunAsync(null, "users", "reset-password", "ana", "--database", _database);
        var stampAfterReset = await ScalarAsync<string>("SELECT security_stamp FROM app_user WHERE user_name = 'ana'");
        var disabled = await RunAsync(null, "users", "disable", "ana", "--database", _database);
        var listed = await RunAsync(null, "users", "list", "--database", _database);

        Assert.Equal(0, created.Exit);
        Assert.DoesNotContain("shown once", created.Output, StringComparison.Ordinal); // the given password is not printed
        Assert.Contains("Created ana (Analyst)", created.Output, StringComparison.Ordinal);
        Assert.Equal(0, reset.Exit);
        Assert.Contains("shown once", reset.Output, StringComparison.Ordinal);
        Assert.NotEqual(stampBefore, stampAfterReset); // every sign-in of the old password ends
        Assert.Equal(0, disabled.Exit);
        Assert.Contains("ana\tAnalyst\tDISABLED", listed.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("create --role Admin", "needs --user")]
    [InlineData("create --user x", "needs --role")]
    [InlineData("create --user x --role Boss", "'Boss' is not a role")]
    [InlineData("create --user x --role Analyst --teams 1", "Only a sales lead is limited to teams")]
    [InlineData("create --user x --role SalesLead --teams 1,x", "--teams must be team ids")]
    [InlineData("create --user x --role SalesLead --teams 999", "There is no team 999")]
    [InlineData("create --user x<script> --role Analyst", "Username 'x<script>' is invalid")]
    [InlineData("disable nobody", "There is no user 'nobody'")]
    [InlineData("promote x", "Usage:")]
    public async Task Bad_arguments_get_a_message_and_change_nothing(string args, string message)
    {
        var (exit, _, error) = await RunAsync(null, ["users", .. args.Split(' '), "--database", _database]);

        Assert.NotEqual(0, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Equal(0L, await ScalarAsync<long>("SELECT COUNT(*) FROM app_user"));
    }

    [Fact]
    public async Task A_short_password_is_refused_by_identitys_validator()
    {
        var (exit, _, error) = await RunAsync("short\n", "users", "create", "--user", "x", "--role", "Admin", "--password-stdin", "--database", _database);

        Assert.Equal(1, exit);
        Assert.Contains("at least 10 characters", error, StringComparison.Ordinal);
    }
}
