using Analytics.Domain.Storage;
using Npgsql;

namespace Analytics.Store.Tests;

public sealed class StoreFactoryTests
{
    [Theory]
    [InlineData("./analytics.db", false)]
    [InlineData("/var/lib/analytics/store.db", false)]
    [InlineData("data=2022.db", false)]
    [InlineData("C:\\data\\analytics.db", false)]
    [InlineData("Host=db.example;Database=analytics;Username=bureau", true)]
    [InlineData("host=localhost;database=a", true)]
    [InlineData("Server=10.0.0.5;Port=5433;Database=a;User ID=x", true)]
    [InlineData("Database=a; Host = db", true)]
    [InlineData("postgres://u:p@db:5432/analytics", true)]
    [InlineData("postgresql://db/analytics", true)]
    [InlineData("POSTGRES://db/analytics", true)]
    public void The_argument_chooses_the_store(string argument, bool postgres)
    {
        Assert.Equal(postgres, StoreFactory.IsPostgres(argument));
        using var store = StoreFactory.Create(argument);
        Assert.Equal(postgres, store is PostgresStore);
        Assert.Equal(!postgres, store is SqliteStore);
    }

    [Fact]
    public void A_url_becomes_a_connection_string_with_decoded_parts()
    {
        var cs = new NpgsqlConnectionStringBuilder(PostgresUrl.ToConnectionString(
            "postgres://bureau%40linfen:p%3Ass%2Fw%C3%B6rd@db.example:6543/analytics%20city?sslmode=require&connect_timeout=7&application_name=cli"));
        Assert.Equal("bureau@linfen", cs.Username);
        Assert.Equal("p:ss/wörd", cs.Password);
        Assert.Equal("db.example", cs.Host);
        Assert.Equal(6543, cs.Port);
        Assert.Equal("analytics city", cs.Database);
        Assert.Equal(SslMode.Require, cs.SslMode);
        Assert.Equal(7, cs.Timeout);
        Assert.Equal("cli", cs.ApplicationName);
    }

    [Theory]
    [InlineData("postgresql://[::1]:5433/a", "::1", 5433)]
    [InlineData("postgresql://[::1]/a", "::1", 5432)]
    [InlineData("postgres://localhost/a", "localhost", 5432)]
    public void Url_hosts_and_ports_are_parsed(string url, string host, int port)
    {
        var cs = new NpgsqlConnectionStringBuilder(PostgresUrl.ToConnectionString(url));
        Assert.Equal(host, cs.Host);
        Assert.Equal(port, cs.Port);
    }

    [Theory]
    [InlineData("postgres://u:secret@db:99999/a")]
    [InlineData("postgres://u:secret@db:5432/a?sslmode=maybe")]
    [InlineData("postgres://u:secret@db:5432/a?no_such_option=1")]
    [InlineData("postgres://u:secret@/a")]
    public void A_bad_url_is_a_one_line_error_without_the_password(string url)
    {
        var ex = Assert.Throws<StoreUnavailableException>(() => StoreFactory.Create(url));
        Assert.DoesNotContain("secret", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void The_description_names_server_user_and_database_but_not_the_password()
    {
        using var store = StoreFactory.Create("postgres://bureau:TopSecret@db.example:6543/analytics");
        Assert.Equal("PostgreSQL bureau@db.example:6543/analytics", store.Description);
        using var fromString = StoreFactory.Create("Host=db;Database=a;Username=u;Password=TopSecret");
        Assert.DoesNotContain("TopSecret", fromString.Description, StringComparison.Ordinal);
    }
}
