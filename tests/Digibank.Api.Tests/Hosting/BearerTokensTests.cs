using Digibank.Api.Hosting;

namespace Digibank.Api.Tests.Hosting;

public sealed class BearerTokensTests
{
    [Theory]
    [InlineData("Bearer abc.def", "abc.def")]
    [InlineData("bearer abc.def ", "abc.def")]
    [InlineData("BEARER   abc", "abc")]
    [InlineData("Basic YWJjOmRlZg==", null)]
    [InlineData("Bearerabc", null)]
    [InlineData("Bearer", null)]
    [InlineData("abc.def", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void The_token_is_what_follows_the_scheme_in_any_case(string? authorization, string? token) =>
        Assert.Equal(token, BearerTokens.From(authorization));
}
