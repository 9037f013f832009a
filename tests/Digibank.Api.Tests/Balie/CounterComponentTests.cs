using Bunit;
using Digibank.Api.Accounts;
using Digibank.Api.Balie.Shared;
using Digibank.Api.Staff;

namespace Digibank.Api.Tests.Balie;

/// <summary>The counter's shared form parts, rendered on their own: what a screen reader is told about a field and its error.</summary>
public sealed class CounterComponentTests : IDisposable
{
    private readonly BunitContext _context = new();

    public void Dispose() => _context.Dispose();

    [Fact]
    public void A_field_with_an_error_says_so_next_to_it_and_ties_hint_and_error_to_the_input()
    {
        var field = _context.Render<TextField>(parameters => parameters
            .Add(p => p.Id, "email").Add(p => p.Name, "Form.Email").Add(p => p.Label, "E-mailadres")
            .Add(p => p.Hint, "Bijvoorbeeld naam@voorbeeld.be").Add(p => p.Error, "Vul het e-mailadres in."));

        var input = field.Find("input#email");
        Assert.Equal("email", field.Find("label").GetAttribute("for"));
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Equal("email-hint email-error", input.GetAttribute("aria-describedby"));
        Assert.Equal("Fout: Vul het e-mailadres in.", field.Find("#email-error").TextContent);
    }

    [Fact]
    public void A_field_without_an_error_claims_none()
    {
        var field = _context.Render<TextField>(parameters => parameters.Add(p => p.Id, "name").Add(p => p.Name, "Form.Name").Add(p => p.Label, "Naam"));

        var input = field.Find("input#name");
        Assert.Null(input.GetAttribute("aria-invalid"));
        Assert.Null(input.GetAttribute("aria-describedby"));
        Assert.Empty(field.FindAll(".error"));
    }

    [Fact]
    public void The_error_summary_is_announced_and_links_each_field_error_to_its_field()
    {
        var errors = new FormErrors();
        errors.Form("Dit lukt niet.");
        errors.Field("email", "Vul het e-mailadres in.");

        var summary = _context.Render<ErrorSummary>(parameters => parameters.Add(p => p.Errors, errors));

        Assert.Equal("alert", summary.Find("div").GetAttribute("role"));
        Assert.Equal("#email", summary.Find("a").GetAttribute("href"));
        Assert.Equal(["Dit lukt niet.", "Vul het e-mailadres in."], summary.FindAll("li").Select(li => li.TextContent));
    }

    [Fact]
    public void Without_errors_the_summary_renders_nothing()
    {
        var summary = _context.Render<ErrorSummary>(parameters => parameters.Add(p => p.Errors, new FormErrors()));

        Assert.Empty(summary.Markup.Trim());
    }

    [Fact]
    public void The_accounts_refusals_are_said_in_Dutch_next_to_the_field_they_are_about()
    {
        var errors = new FormErrors();
        Assert.Null(AccessFields.RoleOf("admin", errors));
        AccessFields.Explain(new AccountExistsError("exists"), errors);
        AccessFields.Explain(new OwnAccessError("own"), errors);

        Assert.Equal(StaffRole.Digibuddy, AccessFields.RoleOf("digibuddy", new FormErrors()));
        Assert.Equal("Kies een rol.", errors.For("role"));
        Assert.StartsWith("Iemand heeft al een account", errors.For("email"), StringComparison.Ordinal);
        Assert.StartsWith("U kunt uw eigen account niet stoppen", Assert.Single(errors.General), StringComparison.Ordinal);
    }
}
